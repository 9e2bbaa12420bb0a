/**
 * Every field a person edits on a story, declared once: its schema (validation with reasons in
 * plain words), its empty value, where it is stored, whether it is published (and so part of the
 * approval fingerprint), and its label. The story schema, the save input, the row mapping in the
 * repository, the content hash and Compare are all derived from this table: a new field is one
 * entry here (and a migration for its column or table).
 */
import { z } from 'zod';
import { bodyJsonSchema, EMPTY_BODY } from './body.ts';
import {
  bylineSchema,
  copyrightHolderSchema,
  copyrightNoticeSchema,
  creditLineSchema,
  datelineSchema,
  deskSchema,
  editorialNoteSchema,
  embargoSchema,
  genreQcodeSchema,
  languageSchema,
  picturesSchema,
  placeSchema,
  sluglineSchema,
  summarySchema,
  targetWordsSchema,
  urgencySchema,
  usageTermsSchema,
} from './news-item.ts';
import { entitySchema, subjectSchema } from './tagging.ts';

/** How a field is kept in the `stories` row or beside it. */
export type FieldStorage =
  | { readonly kind: 'text'; readonly column: string }
  /** Text kept compressed (the body's Lexical JSON, the largest thing in the library). */
  | { readonly kind: 'packed'; readonly column: string }
  | { readonly kind: 'integer'; readonly column: string }
  /** A JSON value in one column (objects; lists kept whole). */
  | { readonly kind: 'json'; readonly column: string }
  /** A list in a table of its own, one row per item, in order: `columns` maps item keys to columns. */
  | { readonly kind: 'rows'; readonly table: string; readonly columns: Readonly<Record<string, string>> };

export interface FieldSpec<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly empty: z.output<S>;
  readonly storage: FieldStorage;
  /** Published with the story: part of the approval fingerprint; an internal field (editorial note) is not. */
  readonly published: boolean;
  readonly label: string;
}

function field<S extends z.ZodType, P extends boolean>(spec: FieldSpec<S> & { readonly published: P }): FieldSpec<S> & { readonly published: P } {
  return spec;
}
const text = (column: string) => ({ kind: 'text', column }) as const;
const integer = (column: string) => ({ kind: 'integer', column }) as const;
const json = (column: string) => ({ kind: 'json', column }) as const;

export const MAX_HEADLINE_LENGTH = 500;
export const headlineSchema = z
  .string()
  .max(MAX_HEADLINE_LENGTH, `A headline is at most ${MAX_HEADLINE_LENGTH} characters.`)
  .transform((h) => h.normalize('NFC').replace(/[\r\n]+/g, ' '));

export const MAX_KEYWORD_LENGTH = 80;
export const MAX_KEYWORDS = 100;
export const keywordSchema = z
  .string()
  .transform((k) => k.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'A keyword cannot be empty.')
      .max(MAX_KEYWORD_LENGTH, `A keyword is at most ${MAX_KEYWORD_LENGTH} characters.`)
      .refine((k) => !/[,;\u0000-\u001f]/.test(k), 'A keyword cannot contain commas, semicolons or control characters.')
  );
/** Keywords keep their order; duplicates (ignoring case) are dropped. */
export const keywordsSchema = z
  .array(keywordSchema)
  .max(MAX_KEYWORDS, `A story has at most ${MAX_KEYWORDS} keywords.`)
  .transform((k) => dedupeBy(k, (x) => x.toLocaleLowerCase()));

export function dedupeBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const STORY_FIELDS = {
  headline: field({ schema: headlineSchema, empty: '', storage: text('headline'), published: true, label: 'Headline' }),
  body: field({ schema: bodyJsonSchema, empty: EMPTY_BODY, storage: { kind: 'packed', column: 'body' }, published: true, label: 'Body' }),
  keywords: field({ schema: keywordsSchema, empty: [], storage: json('keywords'), published: true, label: 'Keywords' }),
  slugline: field({ schema: sluglineSchema, empty: '', storage: text('slugline'), published: true, label: 'Slugline' }),
  summary: field({ schema: summarySchema, empty: '', storage: text('summary'), published: true, label: 'Summary' }),
  byline: field({
    schema: bylineSchema,
    empty: [],
    storage: { kind: 'rows', table: 'story_bylines', columns: { name: 'name', role: 'role', affiliation: 'affiliation' } },
    published: true,
    label: 'Byline',
  }),
  dateline: field({ schema: datelineSchema.nullable(), empty: null, storage: json('dateline'), published: true, label: 'Dateline' }),
  located: field({ schema: placeSchema.nullable(), empty: null, storage: json('located'), published: true, label: 'Located' }),
  /** BCP 47; empty until detected or set. */
  language: field({ schema: languageSchema, empty: '', storage: text('language'), published: true, label: 'Language' }),
  /** Whether the language was chosen by a person (then detection leaves it alone). */
  languageSetByPerson: field({
    schema: z.boolean(),
    empty: false,
    storage: integer('language_set_by_person'),
    published: false,
    label: 'Language chosen by hand',
  }),
  genre: field({ schema: genreQcodeSchema.nullable(), empty: null, storage: text('genre'), published: true, label: 'Genre' }),
  urgency: field({ schema: urgencySchema.nullable(), empty: null, storage: integer('urgency'), published: true, label: 'Urgency' }),
  subjects: field({
    schema: z.array(subjectSchema).max(50, 'A story has at most 50 subjects.').transform((s) => dedupeBy(s, (x) => x.qcode)),
    empty: [],
    storage: { kind: 'rows', table: 'story_subjects', columns: { qcode: 'qcode', label: 'label', vocabularyVersion: 'vocabulary_version' } },
    published: true,
    label: 'Subjects',
  }),
  entities: field({
    schema: z.array(entitySchema).max(200, 'A story names at most 200 people, organisations and places.').transform((e) => dedupeBy(e, (x) => `${x.kind}\u0000${x.name.toLocaleLowerCase()}`)),
    empty: [],
    storage: { kind: 'rows', table: 'story_entities', columns: { kind: 'kind', name: 'name', id: 'ref' } },
    published: true,
    label: 'People, organisations, places',
  }),
  creditLine: field({ schema: creditLineSchema, empty: '', storage: text('credit_line'), published: true, label: 'Credit line' }),
  copyrightHolder: field({ schema: copyrightHolderSchema, empty: '', storage: text('copyright_holder'), published: true, label: 'Copyright holder' }),
  copyrightNotice: field({ schema: copyrightNoticeSchema, empty: '', storage: text('copyright_notice'), published: true, label: 'Copyright notice' }),
  usageTerms: field({ schema: usageTermsSchema, empty: '', storage: text('usage_terms'), published: true, label: 'Usage terms' }),
  embargo: field({ schema: embargoSchema.nullable(), empty: null, storage: json('embargo'), published: true, label: 'Embargo' }),
  pictures: field({
    schema: picturesSchema,
    empty: [],
    storage: {
      kind: 'rows',
      table: 'story_pictures',
      columns: {
        sha256: 'sha256',
        role: 'role',
        fileName: 'file_name',
        mediaType: 'media_type',
        width: 'width',
        height: 'height',
        bytes: 'bytes',
        caption: 'caption',
        credit: 'credit',
        altText: 'alt_text',
        usageTerms: 'usage_terms',
      },
    },
    published: true,
    label: 'Pictures',
  }),
  /** Never published: a note from the desk to the desk. */
  editorialNote: field({ schema: editorialNoteSchema, empty: '', storage: text('editorial_note'), published: false, label: 'Editorial note' }),
  desk: field({ schema: deskSchema, empty: '', storage: text('desk'), published: false, label: 'Desk' }),
  targetWords: field({ schema: targetWordsSchema.nullable(), empty: null, storage: integer('target_words'), published: false, label: 'Target length' }),
} as const;

export type StoryFields = typeof STORY_FIELDS;
export type FieldName = keyof StoryFields;
export const FIELD_NAMES = Object.keys(STORY_FIELDS) as FieldName[];
export type PublishedField = { [K in FieldName]: StoryFields[K]['published'] extends true ? K : never }[FieldName];
export const PUBLISHED_FIELDS = FIELD_NAMES.filter((f): f is PublishedField => STORY_FIELDS[f].published);

/** The values of every field, after validation. */
export type StoryContent = { -readonly [K in FieldName]: z.output<StoryFields[K]['schema']> };

type Shape<Wrap extends 'plain' | 'optional' | 'defaulted'> = {
  [K in FieldName]: Wrap extends 'optional'
    ? z.ZodOptional<StoryFields[K]['schema']>
    : Wrap extends 'defaulted'
      ? z.ZodDefault<StoryFields[K]['schema']>
      : StoryFields[K]['schema'];
};

function shape<W extends 'plain' | 'optional' | 'defaulted'>(wrap: W): Shape<W> {
  const out: Record<string, z.ZodType> = {};
  for (const name of FIELD_NAMES) {
    const spec = STORY_FIELDS[name] as FieldSpec;
    out[name] =
      wrap === 'optional'
        ? spec.schema.optional()
        : wrap === 'defaulted'
          ? // Stored values were validated when they were saved; readers (packages) check each field with its own schema.
            z.custom(() => true).default(spec.empty)
          : spec.schema;
  }
  return out as Shape<W>;
}

/** All fields, each required: "Keep mine as a copy", an import. */
export const storyContentSchema = z.object(shape('plain'));
/** A save names only what it changes; a field left out keeps its stored value. */
export const storyContentPatchSchema = z.object(shape('optional'));
/** A new story from what an editor holds: at least its headline, text and keywords. */
export const storyDraftSchema = storyContentPatchSchema.extend({ headline: headlineSchema, body: bodyJsonSchema, keywords: keywordsSchema });
export type StoryContentPatch = z.output<typeof storyContentPatchSchema>;
/** Stored stories, revisions and packages written before a field existed read it as empty. */
export const storedContentShape = shape('defaulted');

export function emptyContent(): StoryContent {
  const out: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) out[name] = structuredClone(STORY_FIELDS[name].empty);
  return out as StoryContent;
}

/** Same field value? (Values are plain JSON data.) */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose values differ between two versions of a story's content. */
export function changedFields(before: Pick<StoryContent, FieldName>, after: Pick<StoryContent, FieldName>): FieldName[] {
  return FIELD_NAMES.filter((f) => !sameValue(before[f], after[f]));
}
