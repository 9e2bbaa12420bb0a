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
 * Works on the original text (accents and niqqud kept): hits are found in the folded text and
 * mapped back. Only a prefix reaching just past the first hit is folded, so a long story whose
 * hit is near the top costs as little as a short one.
 */
export function makeSnippet(text: string, query: ParsedQuery, width = 160): string {
  const prefixes = HEBREW_PREFIXES.join('|');
  const patterns = [...query.phrases, ...query.terms]
    .filter(Boolean)
    .map((needle) => {
      const body = escapeRegExp(needle).replace(/ /g, '[^\\p{L}\\p{N}]+');
      const prefix = termForms(needle).length > 1 ? `(?:${prefixes})?` : '';
      return new RegExp(`(?<![\\p{L}\\p{N}])${prefix}${body}`, 'gu');
    });
  for (let limit = 2048; ; limit *= 4) {
    for (const exact of [false, true]) {
      const mapped = mapPrefix(text, limit, exact);
      const first = firstMatch(mapped.folded, patterns, 0);
      const reachesEnd = mapped.length === unitLength(text, mapped);
      if (first === -1 && !reachesEnd) break; // fold more of the text
      if (first !== -1 && !reachesEnd && mapped.origin(first) + width >= mapped.length) break;
      const snippet = excerpt(mapped, patterns, first === -1 ? -1 : mapped.origin(first), width, reachesEnd);
      if (snippet !== null) return snippet;
      // The quick mapping did not line up with the original here: fold character by character.
    }
  }
}

function unitLength(text: string, mapped: MappedText): number {
  return mapped.codePoints ? Array.from(text).length : text.length;
}

function excerpt(mapped: MappedText, patterns: readonly RegExp[], first: number, width: number, complete: boolean): string | null {
  const { at, cut, length } = mapped;
  const more = (to: number) => (to < length || !complete ? '…' : '');
  if (first === -1) return (cut(0, width) + more(Math.min(width, length))).replace(/\s+/g, ' ');
  let from = Math.max(0, first - Math.floor(width / 3));
  while (from > 0 && from < first && !/\s/.test(at(from - 1))) from++;
  const to = Math.min(length, from + width);
  // Hits inside the window only.
  const hits: [number, number][] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = mapped.foldedIndex(from);
    for (let m = pattern.exec(mapped.folded); m; m = pattern.exec(mapped.folded)) {
      const start = mapped.origin(m.index);
      if (start >= to) break;
      let end = mapped.origin(m.index + m[0].length - 1) + 1;
      // Extend a prefix hit to the end of its word, so "bak" highlights "Baku".
      if (!mapped.linesUp(start, m.index + m[0].length)) return null;
      while (end < length && WORD_UNIT.test(at(end))) end++;
      hits.push([start, end]);
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  let out = from > 0 ? '…' : '';
  let pos = from;
  for (const [s, e] of hits) {
    if (s < pos || s >= to) continue;
    out += cut(pos, s) + HIT_START + cut(s, Math.min(e, to)) + HIT_END;
    pos = Math.min(e, to);
  }
  out += cut(pos, to) + more(to);
  return out.replace(/\s+/g, ' ');
}

const WORD_UNIT = /[\p{L}\p{N}\p{M}]/u;

/** A folded prefix of the text, and the original seen as units it maps back to. */
interface MappedText {
  readonly folded: string;
  /** Units of the original prefix (UTF-16 units, or code points when `codePoints`). */
  readonly length: number;
  readonly codePoints: boolean;
  at(i: number): string;
  cut(from: number, to: number): string;
  /** The original unit index of the folded text's index `i`. */
  origin(i: number): number;
  /** The folded index where original unit `i` starts. */
  foldedIndex(i: number): number;
  /** Whether folded [start, end) really is the original [start, end) folded (always, when mapped exactly). */
  linesUp(start: number, end: number): boolean;
}

/**
 * Fold the first `limit` UTF-16 units in one call. When that keeps the length (nearly every text:
 * Latin accents and plain Hebrew or Arabic fold one to one) positions are shared; otherwise
 * (niqqud, harakat, ligatures) fold character by character and keep a map.
 */
function mapPrefix(text: string, limit: number, exact: boolean): MappedText {
  let end = Math.min(limit, text.length);
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end++; // never split a surrogate pair
  const prefix = text.slice(0, end);
  const folded = exact ? '' : foldForSearch(prefix);
  if (!exact && folded.length === prefix.length) {
    return {
      folded,
      length: prefix.length,
      codePoints: false,
      at: (i) => prefix[i],
      cut: (a, b) => prefix.slice(a, b),
      origin: (i) => i,
      foldedIndex: (i) => i,
      // Equal lengths overall could still hide a shift (one character grows, another shrinks).
      linesUp: (a, b) => foldForSearch(prefix.slice(0, a)).length === a && foldForSearch(prefix.slice(a, b)) === folded.slice(a, b),
    };
  }
  const chars = Array.from(prefix);
  const origin: number[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  chars.forEach((ch, i) => {
    const f = ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : foldChar(ch);
    starts.push(origin.length);
    for (let k = 0; k < f.length; k++) origin.push(i);
    parts.push(f);
  });
  return {
    folded: parts.join(''),
    length: chars.length,
    codePoints: true,
    at: (i) => chars[i],
    cut: (a, b) => chars.slice(a, b).join(''),
    origin: (i) => origin[Math.min(i, origin.length - 1)],
    foldedIndex: (i) => starts[i] ?? origin.length,
    linesUp: () => true,
  };
}

const foldCache = new Map<string, string>();
function foldChar(ch: string): string {
  let f = foldCache.get(ch);
  if (f === undefined) {
    f = foldForSearch(ch);
    if (foldCache.size < 10_000) foldCache.set(ch, f);
  }
  return f;
}

function firstMatch(folded: string, patterns: readonly RegExp[], from: number): number {
  let first = -1;
  for (const pattern of patterns) {
    pattern.lastIndex = from;
    const m = pattern.exec(folded);
    if (m && (first === -1 || m.index < first)) first = m.index;
  }
  return first;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Hebrew writes its conjunction, prepositions, relative and article as letters joined to the next
 * word: "ובאיראן" is "and in Iran". A Hebrew search term also finds the word with those prefixes:
 * an optional ו, then an optional ש or כש, then an optional ב ל מ כ ה or מה.
 */
export const HEBREW_PREFIXES: readonly string[] = (() => {
  const out = new Set<string>();
  for (const a of ['', 'ו']) for (const b of ['', 'ש', 'כש']) for (const c of ['', 'ב', 'ל', 'מ', 'כ', 'ה', 'מה']) out.add(a + b + c);
  out.delete('');
  return [...out];
})();
const HEBREW_WORD = /^[\u05d0-\u05ea]/;

/** The forms of a search term: itself, and for a Hebrew word of two letters or more, with its prefixes. */
export function termForms(term: string): string[] {
  return HEBREW_WORD.test(term) && term.length >= 2 ? [term, ...HEBREW_PREFIXES.map((p) => p + term)] : [term];
}

/** The FTS5 MATCH expression for a parsed query: every term as a prefix, every phrase exact. */
export function ftsMatchExpression(query: ParsedQuery): string {
  // Folded tokens hold only letters and digits, so quoting them is always safe.
  const term = (t: string) => {
    const forms = termForms(t).map((f) => `"${f}"*`);
    return forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`;
  };
  return [...query.phrases.map((p) => `"${p}"`), ...query.terms.map(term)].join(' ');
}
