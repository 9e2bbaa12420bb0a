/**
 * Wire copy as plain text, the way agencies and their web pages deliver it (the TPS story in
 * test/fixtures is one):
 *
 *     Photo by Yosef Mizrahi/TPS on 18 April, 2023          → photographer + credit line
 *     What Does Azerbaijan Want as It Expands Ties…         → headline
 *     Public By Pesach Benson • 18 April, 2023              → byline (web words such as "Public" dropped)
 *     Jerusalem, 18 April, 2023 (TPS) -- Following up…      → dateline, then the first paragraph
 *
 * in English, Hebrew (צילום:, מאת, "ירושלים, 18 באפריל 2023 (TPS) --") and Arabic (تصوير:, بقلم,
 * "القدس، ١٨ نيسان/أبريل ٢٠٢٣ (TPS) --"). Each header line is optional; what is not recognised
 * stays in the body. Blank lines separate paragraphs; they never become empty paragraphs.
 * The language is left to the story service's detector.
 */
import { bodyFromParagraphs } from '../../../../shared/body.ts';
import type { Contributor, Dateline } from '../../../../shared/news-item.ts';
import { plainTextToParagraphs } from '../../../../shared/plain-text.ts';
import type { FieldName, StoryContentPatch } from '../../../../shared/story-fields.ts';
import { parseNewsDate } from '../dates.ts';
import { countryOfPlace } from '../places.ts';
import { textOf } from '../text.ts';
import type { ImportedDraft, ImportFormat } from '../types.ts';

/** Header lines come first: a credit, a headline, a byline, then the dateline opens the text. */
const HEADER_PARAGRAPHS = 6;
const MAX_HEADLINE = 250;

// --- Photo credit ---------------------------------------------------------------------------

const PHOTO_CREDIT = /^(?:(?:photo(?:graph)?|picture|image)s?\s*(?:by|credit)?\s*:?|צילום\s*:?|צילומים\s*:?|تصوير\s*:?|صورة\s*:?|الصورة\s*:?)\s+(.+)$/iu;
/** "… on 18 April, 2023", "… ב-18 באפריל 2023", "… في 18 نيسان 2023". */
const DATE_LEAD = /\s+(?:on|ב-?|ביום|في|بتاريخ)\s*/gu;

interface Credit {
  readonly photographer: string;
  readonly credit: string;
}
function readPhotoCredit(paragraph: string): Credit | null {
  if (paragraph.length > 200) return null;
  const m = PHOTO_CREDIT.exec(paragraph);
  if (!m) return null;
  let rest = m[1]!.trim();
  for (const lead of rest.matchAll(DATE_LEAD)) {
    if (parseNewsDate(rest.slice(lead.index + lead[0].length))) {
      rest = rest.slice(0, lead.index).trim();
      break;
    }
  }
  // "Name/Agency" or "Name (Agency)" or just a name.
  const slash = /^(.+?)\s*\/\s*(.+)$/.exec(rest) ?? /^(.+?)\s*\((.+)\)$/.exec(rest);
  const photographer = (slash ? slash[1]! : rest).trim();
  const credit = (slash ? slash[2]! : rest).trim();
  if (!photographer || !looksLikeName(photographer)) return null;
  return { photographer, credit };
}

// --- Byline ---------------------------------------------------------------------------------

/** Words a web page's share bar leaves in front of a copied byline. */
const WEB_WORDS = new Set(['public', 'share', 'print', 'email', 'tweet', 'updated', 'published', 'listen', 'save', 'follow']);
const BYLINE = /^((?:[\p{L}]+\s+){0,3}?)(?:by|מאת|بقلم)\s*:?\s+(.+)$/iu;
/** Words that may stand in a name without a capital letter: "Ahmed al-Masri", "Ruud van Dijk". */
const PARTICLES = /^(?:al|el|bin|ibn|bint|abu|de|da|del|della|der|den|di|du|van|von|la|le|ter|y|dos|das)(?:-|$)/;

function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length === 0 || words.length > 6 || name.length > 100 || /[.!?:;"“”]|\d/.test(name)) return false;
  // Latin names are capitalised (particles aside); Hebrew and Arabic have no case to check.
  return words.every((w) => !/^\p{Script=Latin}/u.test(w) || /^\p{Lu}/u.test(w) || PARTICLES.test(w.toLowerCase()));
}

interface Byline {
  readonly names: string[];
  readonly date: string | null;
  readonly dropped: string;
}
function readByline(paragraph: string): Byline | null {
  if (paragraph.length > 200) return null;
  const m = BYLINE.exec(paragraph);
  if (!m) return null;
  const before = m[1]!.trim();
  const [who, when] = m[2]!.split(/\s*[•·|]\s*/, 2) as [string, string | undefined];
  const date = when ? parseNewsDate(when) : null;
  if (when && !date) return null;
  // Words before "By" are only dropped when they are a web page's words, or the line is plainly a byline (it has a • date).
  if (before && !date && !before.split(/\s+/).every((w) => WEB_WORDS.has(w.toLowerCase()))) return null;
  const names = who
    .split(/\s*[,،]\s*|\s+(?:and|&|و)\s+/u)
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0 || !names.every(looksLikeName)) return null;
  return { names, date, dropped: before };
}

// --- Dateline -------------------------------------------------------------------------------

/** "PLACE, DATE (AGENCY) --" opening the first paragraph; the dash may be --, — or –. */
const DATELINE_HEAD = /^([^()\n]{3,120}?)\s*(?:\(([^()\n]{1,60})\))?\s*(?:--|—|–)\s*/u;

interface ReadDateline {
  readonly place: string;
  readonly extraPlaces: string[];
  readonly date: string | null;
  readonly agency?: string;
  readonly rest: string;
}
function readDateline(paragraph: string): ReadDateline | null {
  const m = DATELINE_HEAD.exec(paragraph);
  if (!m) return null;
  const parts = m[1]!.split(/\s*[,،]\s*/).map((p) => p.trim());
  if (parts.some((p) => !p)) return null;
  const agency = m[2]?.trim();
  const rest = paragraph.slice(m[0].length).trim();
  // The date is the longest run of trailing parts that reads as one ("April 18, 2023" holds a comma).
  for (let k = 1; k < parts.length; k++) {
    const date = parseNewsDate(parts.slice(k).join(', '));
    if (date) return placeParts(parts.slice(0, k), date, agency, rest);
  }
  // "JERUSALEM (TPS) --": a place without a date (the byline's date may serve).
  if (agency && parts.length <= 2 && parts.every((p) => p.length <= 40 && !/\d/.test(p))) return placeParts(parts, null, agency, rest);
  return null;
}
function placeParts(parts: string[], date: string | null, agency: string | undefined, rest: string): ReadDateline | null {
  if (!parts.every((p) => p.split(/\s+/).length <= 4 && !/\d/.test(p))) return null;
  return { place: parts[0]!, extraPlaces: parts.slice(1), date, agency, rest };
}

/** "JERUSALEM" → "Jerusalem", "TEL AVIV" → "Tel Aviv"; other casing is kept. */
function placeName(name: string): string {
  if (!/\p{Lu}/u.test(name) || name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

// --- The whole story ------------------------------------------------------------------------

function looksLikeHeadline(paragraph: string): boolean {
  return paragraph.length <= MAX_HEADLINE && !/[.:;,]$/.test(paragraph) && /\p{L}/u.test(paragraph);
}

/** Parse wire copy into a draft: the fields found, the body, and notes for the person. */
export function parseWireText(text: string): ImportedDraft {
  const paragraphs = plainTextToParagraphs(text);
  const recognised = new Set<FieldName>();
  const notes: string[] = [];
  const content: { -readonly [K in keyof StoryContentPatch]: StoryContentPatch[K] } = {};
  const byline: Contributor[] = [];
  let credit: Credit | null = null;
  let writers: Byline | null = null;
  let headline: string | null = null;
  let dateline: ReadDateline | null = null;
  let bodyStart = 0;

  for (let i = 0; i < Math.min(paragraphs.length, HEADER_PARAGRAPHS); i++, bodyStart = i) {
    const p = paragraphs[i]!;
    if (!credit && !writers && !headline && (credit = readPhotoCredit(p))) continue;
    if (!writers && (writers = readByline(p))) continue;
    dateline = readDateline(p);
    if (dateline) {
      paragraphs[i] = dateline.rest;
      break;
    }
    // A short line before the byline or dateline, with more text after it: the headline.
    if (headline === null && !writers && i + 1 < paragraphs.length && looksLikeHeadline(p)) {
      headline = p;
      continue;
    }
    break;
  }

  if (headline !== null) {
    content.headline = headline;
    recognised.add('headline');
  }
  if (writers) {
    for (const name of writers.names) byline.push({ name, role: 'writer' });
    if (writers.dropped) notes.push(`“${writers.dropped}” before the byline looked like a web page's word and was left out.`);
  }
  if (credit) {
    byline.push({ name: credit.photographer, role: 'photographer' });
    content.creditLine = credit.credit;
    recognised.add('creditLine');
  }
  if (byline.length > 0) {
    content.byline = byline;
    recognised.add('byline');
  }
  if (dateline) {
    const date = dateline.date ?? writers?.date ?? null;
    const name = placeName(dateline.place);
    if (date) {
      const countryCode = countryOfPlace(name) ?? dateline.extraPlaces.map(countryOfPlace).find(Boolean);
      const value: Dateline = { place: countryCode ? { name, countryCode } : { name }, date, ...(dateline.agency ? { agency: dateline.agency } : {}) };
      content.dateline = value;
      recognised.add('dateline');
      if (!countryCode) notes.push(`The country of “${name}” could not be found; add it to the dateline.`);
    } else {
      notes.push(`The dateline “${name}” has no date; it was left out.`);
    }
  }

  const body = paragraphs.slice(bodyStart).filter((p) => p.length > 0);
  content.body = bodyFromParagraphs(body.length > 0 ? body : ['']);
  if (body.length > 0) recognised.add('body');
  return { content, recognised: [...recognised], notes };
}

export const wireTextFormat: ImportFormat = {
  id: 'wire-text',
  label: 'Wire copy (plain text)',
  extensions: ['.txt', '.text'],
  parse: (file) => parseWireText(textOf(file.bytes)),
};
