/**
 * The one API contract between the renderer and main: channel → input schema → output schema.
 * The preload, the IPC handlers, the renderer client and the browser test bridge are all derived
 * from this table; nothing else names a channel.
 */
import { z } from 'zod';
import {
  headlineSchema,
  libraryQuerySchema,
  revisionSchema,
  revisionSummarySchema,
  storyContentPatchSchema,
  storyDraftSchema,
  storyListRowSchema,
  trashedStorySchema,
  storyEventSchema,
  storyIdSchema,
  storySchema,
} from './story.ts';
import { importFilesInputSchema, importFilesOutputSchema } from './import.ts';
import { settingsPatchSchema, settingsSchema } from './settings.ts';
import { gazetteerPlaceSchema, suggestionsSchema, topicChoiceSchema } from './tagging.ts';
import { workflowActionSchema } from './workflow.ts';
import { pictureSchema } from './news-item.ts';

export const EXPORT_FORMATS = ['markdown', 'newsml-g2'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  markdown: 'Markdown (.md)',
  'newsml-g2': 'NewsML-G2 2.35 (.xml)',
};

const none = z.object({}).strict();
/** Base64 text of at most `max` characters (the size is checked before the characters are). */
const base64 = (max: number, tooLarge: string) =>
  z
    .string()
    .max(max, tooLarge)
    .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'The file did not arrive intact (it is not base64).');
const MAX_PICTURE_BASE64 = Math.ceil((30 * 1024 * 1024) / 3) * 4;

/** How many rows of the story list one call returns unless it asks for more. */
export const LIST_PAGE_SIZE = 100;
/** Search results come in smaller pages: each row carries a snippet made for it. */
export const SEARCH_PAGE_SIZE = 50;
const byId = z.object({ id: storyIdSchema }).strict();
const typeAheadSchema = z
  .object({
    query: z.string().max(200, 'A search is at most 200 characters.'),
    limit: z.number().int().min(1).max(50, 'At most 50 results.').optional(),
  })
  .strict();

export const contract = {
  'app.info': {
    input: none,
    output: z.object({ version: z.string(), dataDir: z.string(), platform: z.string(), shell: z.enum(['electron', 'web', 'cli']) }),
  },
  /** The renderer has flushed its edits after `app.flush`; the window may close now. */
  'app.readyToClose': { input: none, output: z.object({}) },
  /** After `app.flush`, the renderer could not save: keep the window open (the text stays in the editor). */
  'app.keepOpen': { input: none, output: z.object({}) },
  'settings.get': { input: none, output: settingsSchema },
  'settings.update': { input: settingsPatchSchema, output: settingsSchema },
  /**
   * The library: filters combine; `query` is a full-text search (ranked, with snippets). At most
   * `limit` rows (default LIST_PAGE_SIZE); `total` is how many there are in all.
   */
  'stories.list': {
    input: libraryQuerySchema,
    output: z.object({ rows: z.array(storyListRowSchema), total: z.number().int() }),
  },
  'stories.get': { input: byId, output: storySchema },
  'stories.create': { input: z.object({ headline: headlineSchema.optional() }).strict(), output: storySchema },
  /** Save content. Refused with `conflict` unless `baseRevision` is still the story's revision. */
  'stories.save': {
    input: storyContentPatchSchema
      .extend({ id: storyIdSchema, baseRevision: z.number().int().positive(), checkpoint: z.boolean().optional() })
      .strict(),
    output: storySchema,
  },
  /** "Keep mine as a copy" after a conflict. */
  'stories.createCopy': {
    input: storyDraftSchema.extend({ sourceId: storyIdSchema.optional() }).strict(),
    output: storySchema,
  },
  /** Moves the story to the trash. */
  'stories.delete': { input: byId, output: z.object({ id: z.string() }) },
  'stories.events': { input: byId, output: z.array(storyEventSchema) },
  'trash.list': { input: none, output: z.array(trashedStorySchema) },
  'trash.restore': { input: byId, output: storySchema },
  'trash.empty': { input: none, output: z.object({ purged: z.number().int() }) },
  'revisions.list': { input: byId, output: z.array(revisionSummarySchema) },
  'revisions.get': { input: z.object({ revisionId: z.number().int().positive() }).strict(), output: revisionSchema },
  /** Restores an older revision's content as a new revision (the current one is kept first). */
  'revisions.restore': {
    input: z
      .object({ id: storyIdSchema, revisionId: z.number().int().positive(), baseRevision: z.number().int().positive() })
      .strict(),
    output: storySchema,
  },
  'library.stats': {
    input: none,
    output: z.object({
      bytes: z.number().int(),
      stories: z.number().int(),
      trash: z.number().int(),
      revisions: z.number().int(),
      dataDir: z.string(),
    }),
  },
  /** Whether the library opened; when it is damaged, the ways out. Works in every state. */
  'recovery.status': {
    input: none,
    output: z.object({
      damaged: z.boolean(),
      message: z.string().nullable(),
      backups: z.array(z.object({ name: z.string(), at: z.string(), reason: z.string(), bytes: z.number().int() })),
      keptAside: z.string().nullable(),
    }),
  },
  'recovery.restoreBackup': {
    input: z.object({ name: z.string().regex(/^copydesk-[\w-]+\.db$/, 'Not a backup name.') }).strict(),
    output: z.object({ damaged: z.boolean(), keptAside: z.string().nullable() }),
  },
  'recovery.startFresh': { input: none, output: z.object({ damaged: z.boolean(), keptAside: z.string().nullable() }) },
  /** Save what can still be read from a damaged library as Markdown, into a folder the user picks. */
  'recovery.salvage': {
    input: none,
    output: z.object({ saved: z.number().int(), unreadable: z.number().int(), folder: z.string().nullable() }),
  },
  /** Export stories as one `.copydesk` package; the file comes from a save dialog (null: cancelled). */
  'packages.export': {
    input: z.object({ ids: z.array(storyIdSchema).min(1).max(5000) }).strict(),
    output: z.object({ path: z.string().nullable(), count: z.number().int() }),
  },
  /** Pick a package and read what is in it, changing nothing (file null: cancelled). */
  'packages.inspect': {
    input: none,
    output: z.object({
      file: z.string().nullable(),
      exportedBy: z.string(),
      exportedAt: z.string(),
      device: z.string(),
      stories: z.array(
        z.object({ id: z.string(), headline: z.string(), revision: z.number().int(), exists: z.boolean(), localRevision: z.number().int().nullable() })
      ),
    }),
  },
  /** Import the package last inspected. With stories that exist here: `ask` refuses, `revision` adds a new revision, `copy` keeps both. */
  'packages.import': {
    input: z.object({ file: z.string().min(1).max(4096), onConflict: z.enum(['ask', 'revision', 'copy']) }).strict(),
    output: z.object({
      imported: z.array(z.object({ id: z.string(), headline: z.string(), as: z.enum(['new', 'revision', 'copy']) })),
    }),
  },
  'keywords.list': {
    input: none,
    output: z.array(z.object({ keyword: z.string(), count: z.number().int() })),
  },
  'workflow.transition': {
    input: z
      .object({
        id: storyIdSchema,
        action: workflowActionSchema,
        note: z.string().trim().max(5000).optional(),
      })
      .strict(),
    output: storySchema,
  },
  /**
   * Files dropped on the window or chosen with File → Import…, sent as bytes: each becomes a new
   * draft, or says why not (per file; one bad file does not stop the others).
   */
  'import.files': { input: importFilesInputSchema, output: importFilesOutputSchema },
  'export.chooseFolder': {
    input: none,
    output: z.object({ folder: z.string().nullable() }),
  },
  'export.story': {
    input: z.object({ id: storyIdSchema, format: z.enum(EXPORT_FORMATS), folder: z.string().min(1).max(4096) }).strict(),
    output: z.object({ path: z.string(), format: z.enum(EXPORT_FORMATS) }),
  },
  /**
   * Keep a picture file (base64) and describe it, with caption, credit, alt text and usage terms
   * read from its metadata; the renderer then adds it to the story. `thumbnail`: a small copy the
   * renderer drew, for lists and the editor.
   */
  'pictures.add': {
    input: z
      .object({
        name: z.string().trim().min(1).max(255),
        data: base64(MAX_PICTURE_BASE64, 'A picture can be at most 30 MB.'),
        thumbnail: base64(400_000, 'The thumbnail is too large.').optional(),
      })
      .strict(),
    output: pictureSchema,
  },
  /** A picture's thumbnail (or the picture) as a data: URL, to show it. */
  'pictures.thumbnail': {
    input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Not a picture id.') }).strict(),
    output: z.object({ url: z.string() }),
  },
  /** Media Topics type-ahead over labels and definitions (retired topics never listed); empty query: the 17 top-level topics. */
  'tagging.topics': { input: typeAheadSchema, output: z.array(topicChoiceSchema) },
  /** The vocabulary releases in use: a subject is stored with the Media Topics release date. */
  'tagging.vocabulary': { input: none, output: z.object({ mediaTopicsVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict() },
  /** The current IPTC Genre NewsCodes, by label. */
  'tagging.genres': { input: none, output: z.array(z.object({ qcode: z.string(), label: z.string(), definition: z.string() })) },
  /** Countries, then cities, from the gazetteer (ISO 3166-1 codes). */
  'tagging.places': { input: typeAheadSchema, output: z.array(gazetteerPlaceSchema) },
  /** Subjects, entities and keywords suggested for a story, offline, best first; nothing is applied. */
  'tagging.suggest': { input: byId, output: suggestionsSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];

/** Events main sends to the renderer. */
export const MENU_COMMANDS = ['new-story', 'import-files', 'save', 'export', 'delete', 'toggle-theme'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const events = {
  'menu.command': z.object({ command: z.enum(MENU_COMMANDS) }),
  /** The window is about to close: flush unsaved edits, then call `app.readyToClose`. */
  'app.flush': z.object({}),
  /** The library turned out to be damaged after it opened: show the recovery screen. */
  'library.damaged': z.object({ message: z.string() }),
  /** Stories changed (saved here or in another window, by the command line, an import…): refresh what shows them. */
  'library.changed': z.object({ ids: z.array(z.string()) }),
} as const satisfies Record<string, z.ZodType>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

/** The main-process IPC prefix. */
export const IPC_PREFIX = 'copydesk:';
