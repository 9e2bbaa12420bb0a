/** Settings, declared once as data: type and default. electron-store in the app, conf elsewhere. */
import { z } from 'zod';
import { libraryQuerySchema, personNameSchema, roleSchema } from './story.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const profileSchema = z.object({
  name: personNameSchema,
  role: roleSchema,
});
export type Profile = z.infer<typeof profileSchema>;

export const settingsSchema = z.object({
  profile: profileSchema,
  exportFolder: z.string().max(4096).nullable(),
  theme: z.enum(THEMES),
  /** The story list's last filters and sort, restored at start. */
  libraryView: libraryQuerySchema.omit({ query: true, limit: true }),
  /** Stories in the trash longer than this are deleted for good. */
  trashRetentionDays: z.number().int().min(1).max(3650),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  profile: { name: 'Reporter', role: 'reporter' },
  exportFolder: null,
  theme: 'system',
  libraryView: { sort: 'updated' },
  trashRetentionDays: 30,
};

export const settingsPatchSchema = z
  .object({
    profile: profileSchema.optional(),
    exportFolder: z.string().min(1).max(4096).nullable().optional(),
    theme: z.enum(THEMES).optional(),
    libraryView: libraryQuerySchema.omit({ query: true, limit: true }).optional(),
    trashRetentionDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
