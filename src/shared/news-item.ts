/**
 * The news item's metadata values: what a wire story carries besides its headline and text
 * (slugline, byline, dateline, language, genre, urgency, embargo, rights, desk, pictures).
 * Each value's schema says, in plain words, why a value is refused. The field table that puts
 * them on a story is `story-fields.ts`.
 */
import { z } from 'zod';

/** Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/FFFF). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes what no export format can carry; no-break spaces and the like are kept. */
export function stripForbiddenCharacters(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}
export function hasForbiddenCharacters(text: string): boolean {
  XML_FORBIDDEN.lastIndex = 0;
  const found = XML_FORBIDDEN.test(text);
  XML_FORBIDDEN.lastIndex = 0;
  return found;
}

/** One line of text: NFC, forbidden characters removed, line breaks become spaces, trimmed. */
const line = (max: number, what: string) =>
  z
    .string()
    .transform((s) => stripForbiddenCharacters(s.normalize('NFC')).replace(/[\r\n]+/g, ' ').trim())
    .pipe(z.string().max(max, `${what} is at most ${max} characters.`));
/** Free text that may run over several lines. */
const text = (max: number, what: string) =>
  z
    .string()
    .transform((s) => stripForbiddenCharacters(s.normalize('NFC')).replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(max, `${what} is at most ${max} characters.`));

// --- Slugline -------------------------------------------------------------------------------

/** The schema's own ceiling; the newsroom's limit (settings) is usually shorter. */
export const MAX_SLUGLINE_LENGTH = 100;
export const sluglineSchema = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .max(MAX_SLUGLINE_LENGTH, `A slugline is at most ${MAX_SLUGLINE_LENGTH} characters.`)
      .regex(/^[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*-?$/u, 'A slugline has only letters, digits and single hyphens (for example AZERBAIJAN-ISRAEL).')
  );

// --- Byline ---------------------------------------------------------------------------------

export const CONTRIBUTOR_ROLES = ['writer', 'photographer', 'editor', 'translator', 'videographer', 'graphic-artist', 'producer'] as const;
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];
export const CONTRIBUTOR_ROLE_LABELS: Readonly<Record<ContributorRole, string>> = {
  writer: 'Writer',
  photographer: 'Photographer',
  editor: 'Editor',
  translator: 'Translator',
  videographer: 'Videographer',
  'graphic-artist': 'Graphic artist',
  producer: 'Producer',
};
export const contributorSchema = z
  .object({
    name: line(200, 'A name').pipe(z.string().min(1, 'A contributor needs a name.')),
    role: z.enum(CONTRIBUTOR_ROLES, { message: `A role is one of: ${CONTRIBUTOR_ROLES.join(', ')}.` }),
    affiliation: line(200, 'An affiliation').optional(),
  })
  .strict()
  .transform((c) => (c.affiliation ? c : { name: c.name, role: c.role }));
export type Contributor = z.output<typeof contributorSchema>;
export const MAX_CONTRIBUTORS = 20;
export const bylineSchema = z.array(contributorSchema).max(MAX_CONTRIBUTORS, `A byline names at most ${MAX_CONTRIBUTORS} people.`);

// --- Places, dateline -----------------------------------------------------------------------

export const countryCodeSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'A country is its two-letter ISO 3166 code (IL, AZ, US…).'));
export const placeSchema = z
  .object({
    name: line(200, 'A place name').pipe(z.string().min(1, 'A place needs a name.')),
    countryCode: countryCodeSchema.optional(),
  })
  .strict();
export type Place = z.output<typeof placeSchema>;

/** A calendar date, YYYY-MM-DD, that exists (no 31 April). */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD.')
  .refine(isCalendarDate, 'That date does not exist.');
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Where and when the story was filed: a place and a calendar date (not an instant). */
export const datelineSchema = z
  .object({
    place: placeSchema,
    date: calendarDateSchema,
    /** The agency named in the dateline ("TPS" in "JERUSALEM, April 18, 2023 (TPS) --"). */
    agency: line(60, 'An agency name').optional(),
  })
  .strict()
  .transform((d) => (d.agency ? d : { place: d.place, date: d.date }));
export type Dateline = z.output<typeof datelineSchema>;

// --- Language -------------------------------------------------------------------------------

/** A BCP 47 language tag, canonicalised (`EN-gb` → `en-GB`); '' is "not known yet". */
export const languageSchema = z
  .string()
  .trim()
  .max(35, 'A language is a tag such as en, he or ar.')
  .transform((tag, ctx) => {
    if (tag === '') return '';
    try {
      return Intl.getCanonicalLocales(tag)[0]!;
    } catch {
      ctx.addIssue({ code: 'custom', message: `“${tag}” is not a language tag (use one such as en, en-GB, he or ar).` });
      return z.NEVER;
    }
  });

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'dv', 'ckb', 'sd', 'ug']);
export function isRightToLeft(language: string): boolean {
  return RTL_LANGUAGES.has(language.split('-')[0]!.toLowerCase());
}
/** A stable label for the list: the tag's language in English ("Hebrew"), or the tag itself. */
export function languageLabel(language: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

// --- Genre, urgency -------------------------------------------------------------------------

export const genreQcodeSchema = z.string().regex(/^genre:[A-Za-z_]+$/, 'A genre is an IPTC Genre code such as genre:Interview.');

/** IPTC urgency: 1 is most urgent, 9 least; 5 is normal. */
export const urgencySchema = z.number().int('Urgency is a whole number.').min(1, 'Urgency runs from 1 to 9.').max(9, 'Urgency runs from 1 to 9.');
export const URGENCY_MEANINGS: Readonly<Record<number, string>> = {
  1: 'Flash — most urgent',
  2: 'Very urgent',
  3: 'Urgent',
  4: 'Above normal',
  5: 'Normal',
  6: 'Below normal',
  7: 'Low',
  8: 'Very low',
  9: 'Least urgent',
};

// --- Embargo --------------------------------------------------------------------------------

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
/**
 * Not to be published before `at` (an instant, UTC). `timeZone` is the zone the embargo was set
 * in: it changes how the instant is shown, never the instant itself.
 */
export const embargoSchema = z
  .object({
    at: z
      .string()
      .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), 'An embargo time is a date and time with its offset.')
      .transform((s) => new Date(s).toISOString()),
    timeZone: z.string().refine(isTimeZone, 'That is not a time zone (use one such as Asia/Jerusalem or UTC).'),
  })
  .strict();
export type Embargo = z.output<typeof embargoSchema>;

export function isEmbargoed(embargo: Embargo | null, now: Date): boolean {
  return embargo !== null && Date.parse(embargo.at) > now.getTime();
}

// --- Pictures -------------------------------------------------------------------------------

export const PICTURE_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const PICTURE_ROLES = ['lead', 'inline'] as const;
/** A picture on a story; the file itself is stored once, named by the SHA-256 of its bytes. */
export const pictureSchema = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'A picture is named by the SHA-256 of its file.'),
    role: z.enum(PICTURE_ROLES),
    fileName: line(255, 'A file name'),
    mediaType: z.enum(PICTURE_MEDIA_TYPES),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    bytes: z.number().int().positive(),
    caption: text(2000, 'A caption'),
    credit: line(300, 'A picture credit'),
    altText: text(1000, 'Alt text'),
    usageTerms: text(2000, 'Usage terms'),
  })
  .strict();
export type Picture = z.output<typeof pictureSchema>;
export const MAX_PICTURES = 50;
export const picturesSchema = z
  .array(pictureSchema)
  .max(MAX_PICTURES, `A story has at most ${MAX_PICTURES} pictures.`)
  .refine((p) => p.filter((x) => x.role === 'lead').length <= 1, 'A story has one lead picture at most.');

// --- Short texts ----------------------------------------------------------------------------

export const summarySchema = text(2000, 'A summary');
export const editorialNoteSchema = text(2000, 'An editorial note');
export const creditLineSchema = line(300, 'A credit line');
export const copyrightHolderSchema = line(200, 'A copyright holder');
export const copyrightNoticeSchema = line(500, 'A copyright notice');
export const usageTermsSchema = text(2000, 'Usage terms');
export const deskSchema = line(100, 'A desk name');
export const targetWordsSchema = z.number().int('A target length is a whole number of words.').min(1).max(50_000, 'A target length is at most 50,000 words.');

/** Reading time at 230 words a minute, rounded up, for the live length line. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.ceil(words / 230));
}
