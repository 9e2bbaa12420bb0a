/** Settings, declared once as data: type and default. electron-store in the app, conf elsewhere. */
import { z } from 'zod';
import { copyrightHolderSchema, copyrightNoticeSchema, deskSchema, MAX_SLUGLINE_LENGTH, usageTermsSchema } from './news-item.ts';
import { libraryQuerySchema, MAX_HEADLINE_LENGTH, personNameSchema, roleSchema } from './story.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const profileSchema = z.object({
  name: personNameSchema,
  role: roleSchema,
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * The newsroom's house rules and defaults: who distributes the stories, whose copyright they are,
 * how long a slugline and a headline may be, the desks, and the house style of datelines. Exports
 * and the metadata panel read them from here, never from code.
 */
export const houseSchema = z.object({
  /** The organisation distributing the stories (NewsML-G2 `provider`). */
  providerName: z.string().trim().min(1, 'The provider needs a name.').max(200, 'A provider name is at most 200 characters.'),
  /** Used when a story names no copyright holder of its own; empty means the provider. */
  copyrightHolder: copyrightHolderSchema,
  copyrightNotice: copyrightNoticeSchema,
  usageTerms: usageTermsSchema,
  sluglineMaxLength: z.number().int().min(1).max(MAX_SLUGLINE_LENGTH, `A slugline limit is at most ${MAX_SLUGLINE_LENGTH}.`),
  /** The newsroom's limit shown live beside the headline; the schema's ceiling stays MAX_HEADLINE_LENGTH. */
  headlineMaxLength: z.number().int().min(1).max(MAX_HEADLINE_LENGTH, `A headline limit is at most ${MAX_HEADLINE_LENGTH}.`),
  desks: z.array(deskSchema.pipe(z.string().min(1, 'A desk needs a name.'))).max(100, 'At most 100 desks.'),
  /** The agency named in datelines ("TPS" in "JERUSALEM, April 18, 2023 (TPS) --") when a story names none. */
  datelineAgency: z.string().trim().max(60, 'An agency name is at most 60 characters.'),
  /**
   * Digits in Arabic datelines: `latn` (18: what Intl gives for `ar` since CLDR 42, and what most
   * Arabic wire copy prints) or `arab` (Arabic-Indic ١٨, as much of the Gulf and Levant press).
   */
  arabicDigits: z.enum(['arab', 'latn']),
});
export type HouseSettings = z.infer<typeof houseSchema>;

export const DEFAULT_HOUSE: HouseSettings = {
  providerName: 'Copydesk',
  copyrightHolder: '',
  copyrightNotice: '',
  usageTerms: '',
  sluglineMaxLength: 40,
  headlineMaxLength: 100,
  desks: ['Home', 'Foreign', 'Business', 'Sport', 'Culture'],
  datelineAgency: '',
  arabicDigits: 'latn',
};

export const settingsSchema = z.object({
  profile: profileSchema,
  exportFolder: z.string().max(4096).nullable(),
  theme: z.enum(THEMES),
  /** The story list's last filters and sort, restored at start. */
  libraryView: libraryQuerySchema.omit({ query: true, limit: true }),
  /** Stories in the trash longer than this are deleted for good. */
  trashRetentionDays: z.number().int().min(1).max(3650),
  house: houseSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  profile: { name: 'Reporter', role: 'reporter' },
  exportFolder: null,
  theme: 'system',
  libraryView: { sort: 'updated' },
  trashRetentionDays: 30,
  house: DEFAULT_HOUSE,
};

export const settingsPatchSchema = z
  .object({
    profile: profileSchema.optional(),
    exportFolder: z.string().min(1).max(4096).nullable().optional(),
    theme: z.enum(THEMES).optional(),
    libraryView: libraryQuerySchema.omit({ query: true, limit: true }).optional(),
    trashRetentionDays: z.number().int().min(1).max(3650).optional(),
    /** House rules change one at a time; the rest keep their values. */
    house: houseSchema.partial().strict().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
