/**
 * Text folding for search, shared by the indexer and the query parser so both sides agree:
 * case-folded, Unicode-normalised, with every combining mark removed (Latin accents, Hebrew
 * niqqud and cantillation, Arabic harakat) and Arabic tatweel dropped. "Café" finds "cafe",
 * "שָׁלוֹם" finds "שלום", "مَرْحَبًا" finds "مرحبا".
 */
const MARKS = /\p{M}+/gu;
const TATWEEL = /\u0640/g;

export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').replace(TATWEEL, '').normalize('NFC').toLocaleLowerCase('und');
}

export interface ParsedQuery {
  /** Words matched as prefixes ("bak" finds "Baku"). */
  readonly terms: readonly string[];
  /** Quoted phrases, matched word for word. */
  readonly phrases: readonly string[];
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Splits what a person typed into prefix terms and "quoted phrases"; punctuation is ignored. */
export function parseQuery(input: string): ParsedQuery {
  const phrases: string[] = [];
  const rest = input.replace(/"([^"]*)"?/g, (_m, phrase: string) => {
    const words = foldForSearch(phrase).match(TOKEN);
    if (words?.length) phrases.push(words.join(' '));
    return ' ';
  });
  const terms = foldForSearch(rest).match(TOKEN) ?? [];
  return { terms: [...new Set(terms)], phrases };
}

export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.terms.length === 0 && q.phrases.length === 0;
}

/** Marks around a hit in a snippet; never present in story text. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/**
 * A short excerpt of `text` around the first hit, with every hit wrapped in HIT_START/HIT_END.
 * Works on the original text (accents and niqqud kept) by folding it character by character.
 */
export function makeSnippet(text: string, query: ParsedQuery, width = 160): string {
  const needles = [...query.phrases, ...query.terms].filter(Boolean);
  const patterns = needles.map(
    (needle) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle).replace(/ /g, '[^\\p{L}\\p{N}]+')}`, 'gu')
  );
  // Fold a growing prefix only until the first hit and its window fit: long stories whose hit
  // is near the top cost as little as short ones.
  let folding = foldPrefix(text, 1024);
  let first = firstHit(folding.folded, patterns);
  while (folding.complete === false && (first === -1 || folding.origin[first] + width > folding.chars)) {
    folding = foldPrefix(text, folding.chars * 4);
    first = firstHit(folding.folded, patterns);
  }
  const chars = Array.from(text.slice(0, folding.end));
  const { folded, origin } = folding;
  const hits: [number, number][] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (const m of folded.matchAll(pattern)) {
      const start = origin[m.index];
      const end = origin[m.index + m[0].length - 1] + 1;
      // Extend a prefix hit to the end of its word, so "bak" highlights "Baku".
      let wordEnd = end;
      while (wordEnd < chars.length && /[\p{L}\p{N}\p{M}]/u.test(chars[wordEnd])) wordEnd++;
      hits.push([start, wordEnd]);
    }
  }
  if (hits.length === 0) return chars.slice(0, width).join('') + (folding.complete && chars.length <= width ? '' : '…');
  hits.sort((a, b) => a[0] - b[0]);
  const firstStart = hits[0][0];
  let from = Math.max(0, firstStart - Math.floor(width / 3));
  while (from > 0 && from < firstStart && !/\s/.test(chars[from - 1])) from++;
  const to = Math.min(chars.length, from + width);
  let out = from > 0 ? '…' : '';
  let pos = from;
  for (const [s, e] of hits) {
    if (s < pos || s >= to) continue;
    out += chars.slice(pos, s).join('') + HIT_START + chars.slice(s, Math.min(e, to)).join('') + HIT_END;
    pos = Math.min(e, to);
  }
  out += chars.slice(pos, to).join('') + (to < chars.length || !folding.complete ? '…' : '');
  return out.replace(/\s+/g, ' ');
}

interface Folding {
  /** The folded text of the first `chars` characters (code points) of the original. */
  readonly folded: string;
  /** For each folded UTF-16 unit, the index of the original character it came from. */
  readonly origin: readonly number[];
  readonly chars: number;
  /** The UTF-16 length of the original prefix that was folded. */
  readonly end: number;
  readonly complete: boolean;
}

const foldCache = new Map<string, string>();

function foldPrefix(text: string, maxChars: number): Folding {
  const origin: number[] = [];
  let folded = '';
  let chars = 0;
  let end = 0;
  // ASCII folds one to one: no per-character work beyond lower-casing.
  for (const ch of text) {
    if (chars >= maxChars) break;
    const code = ch.charCodeAt(0);
    let f: string;
    if (code < 0x80) f = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
    else {
      f = foldCache.get(ch) ?? '';
      if (!foldCache.has(ch)) {
        f = foldForSearch(ch);
        if (foldCache.size < 10_000) foldCache.set(ch, f);
      }
    }
    for (let k = 0; k < f.length; k++) origin.push(chars);
    folded += f;
    chars++;
    end += ch.length;
  }
  return { folded, origin, chars, end, complete: end >= text.length };
}

function firstHit(folded: string, patterns: readonly RegExp[]): number {
  let first = -1;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    const m = pattern.exec(folded);
    if (m && (first === -1 || m.index < first)) first = m.index;
  }
  return first;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The FTS5 MATCH expression for a parsed query: every term as a prefix, every phrase exact. */
export function ftsMatchExpression(query: ParsedQuery): string {
  // Folded tokens hold only letters and digits, so quoting them is always safe.
  return [...query.phrases.map((p) => `"${p}"`), ...query.terms.map((t) => `"${t}"*`)].join(' ');
}
