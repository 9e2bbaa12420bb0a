/**
 * Import over the contract: the limits and the shapes of `import.files`, used by drag-and-drop
 * and File → Import… (the renderer reads the files and sends their bytes; main makes the drafts).
 */
import { z } from 'zod';
import { FIELD_NAMES, type FieldName } from './story-fields.ts';

/** The largest file Copydesk imports; a story is never near this, a mistaken drop may be. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** How many files one call takes. */
export const MAX_IMPORT_FILES = 50;
/** What one call carries in all: send more in several calls (which also gives progress). */
export const MAX_IMPORT_BATCH_BYTES = 40 * 1024 * 1024;

const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;
const MB = (bytes: number) => `${bytes / 1024 / 1024} MB`;

export const importFileSchema = z
  .object({
    name: z.string().trim().min(1, 'A file needs a name.').max(255, 'A file name is at most 255 characters.'),
    /** The file's bytes, base64. */
    data: z
      .string()
      .max(base64Length(MAX_IMPORT_BYTES), `A file is at most ${MB(MAX_IMPORT_BYTES)}; Copydesk imports files up to that size.`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'A file’s data is base64.'),
  })
  .strict();

export const importFilesInputSchema = z
  .object({
    files: z
      .array(importFileSchema)
      .min(1, 'Choose at least one file to import.')
      .max(MAX_IMPORT_FILES, `Import at most ${MAX_IMPORT_FILES} files at a time.`)
      .refine((files) => files.reduce((n, f) => n + f.data.length, 0) <= base64Length(MAX_IMPORT_BATCH_BYTES), `Import at most ${MB(MAX_IMPORT_BATCH_BYTES)} at a time.`),
  })
  .strict();

const fieldNameSchema = z.enum(FIELD_NAMES as [FieldName, ...FieldName[]]);

/** One file's outcome: the draft made from it, with what was recognised, or why nothing was made. */
export const importFileResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    file: z.string(),
    storyId: z.string(),
    headline: z.string(),
    /** The format's id: wire-text, html, docx… */
    format: z.string(),
    recognised: z.array(fieldNameSchema),
    notes: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), file: z.string(), message: z.string() }),
]);
export type ImportFileResult = z.output<typeof importFileResultSchema>;

export const importFilesOutputSchema = z.object({ results: z.array(importFileResultSchema) });
