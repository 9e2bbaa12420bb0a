/**
 * Markdown → the editor's document (blocks and inline runs of `shared/body.ts`). No Markdown
 * parser is installed, so this is a small one for what the editor can hold, following CommonMark
 * where it matters for that:
 * - blocks: ATX and setext headings, paragraphs, block quotes, bullet and ordered lists (nested by
 *   indentation, a change of marker starts a new list), fenced code (kept as code-formatted text);
 *   thematic breaks are dropped (the editor has none); indented code is read as a paragraph.
 * - inlines: backslash escapes, entities, code spans, emphasis with `*` and `_` and GFM `~~`
 *   strikethrough by CommonMark's delimiter algorithm (flanking rules, rule of three), links and
 *   autolinks, hard breaks (backslash or two spaces), and the inline HTML Copydesk's exporter
 *   writes (`<em> <strong> <del> <u> <br>`, plus `<b> <i> <s> <ins> <code>`); other tags are
 *   dropped and their text kept. Images become their alt text.
 * It reads everything `export/markdown.ts` writes back to the same document (the round-trip
 * property test checks that), and ordinary Markdown from other tools.
 */
import type { Block, BodyDocument, HeadingLevel, Inline, ListBlock, ListItem, TextRun } from '../../../shared/body.ts';

export function markdownToDocument(markdown: string): BodyDocument {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\u0000/g, '\uFFFD').split('\n');
  return { blocks: parseBlocks(lines.map(expandTabs)) };
}

/** Leading tabs count as four columns, as CommonMark's tab stops do for indentation. */
function expandTabs(line: string): string {
  const lead = /^[ \t]*/.exec(line)![0];
  if (!lead.includes('\t')) return line;
  let col = 0;
  for (const c of lead) col = c === '\t' ? col + 4 - (col % 4) : col + 1;
  return ' '.repeat(col) + line.slice(lead.length);
}

// --- Blocks --------------------------------------------------------------------------------

const BLANK = /^[ \t]*$/;
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const QUOTE = /^ {0,3}>/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*)|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

const indentOf = (line: string) => /^ */.exec(line)![0].length;

/** A line that ends a paragraph by starting another block (an ordered list must start at 1). */
function interrupts(line: string): boolean {
  if (ATX.test(line) || FENCE.test(line) || THEMATIC.test(line) || QUOTE.test(line)) return true;
  const item = ITEM.exec(line);
  return item !== null && item[4] !== undefined && item[4].trim() !== '' && (!/^\d/.test(item[2]!) || /^1[.)]$/.test(item[2]!));
}

function parseBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      i = parseFence(lines, i, fence[1]!, blocks);
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      blocks.push({ kind: 'heading', level: atx[1]!.length as HeadingLevel, inlines: parseInline(atx[2]!) });
      i++;
      continue;
    }
    if (THEMATIC.test(line)) {
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      i = parseQuote(lines, i, blocks);
      continue;
    }
    if (ITEM.test(line)) {
      i = parseList(lines, i, blocks);
      continue;
    }
    i = parseParagraph(lines, i, blocks);
  }
  return blocks;
}

function parseFence(lines: readonly string[], start: number, fence: string, blocks: Block[]): number {
  const indent = indentOf(lines[start]!);
  const body: string[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    if (close.test(lines[i]!)) {
      i++;
      break;
    }
    body.push(lines[i]!.replace(new RegExp(`^ {0,${indent}}`), ''));
  }
  const inlines: Inline[] = [];
  body.forEach((text, n) => {
    if (n > 0) inlines.push({ kind: 'break' });
    if (text) inlines.push(textRun(text, { ...PLAIN, code: true }));
  });
  blocks.push({ kind: 'paragraph', inlines });
  return i;
}

function parseQuote(lines: readonly string[], start: number, blocks: Block[]): number {
  const inner: string[] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i]!;
    if (QUOTE.test(line)) inner.push(line.replace(/^ {0,3}> ?/, ''));
    else if (!BLANK.test(line) && inner.length > 0 && !BLANK.test(inner[inner.length - 1]!) && !interrupts(line)) inner.push(line); // lazy continuation
    else break;
    i++;
  }
  for (const block of parseBlocks(inner)) blocks.push(block.kind === 'list' ? block : { kind: 'quote', inlines: block.inlines });
  return i;
}

function parseParagraph(lines: readonly string[], start: number, blocks: Block[]): number {
  const text: string[] = [lines[start]!];
  let i = start + 1;
  while (i < lines.length && !BLANK.test(lines[i]!)) {
    const setext = SETEXT.exec(lines[i]!);
    if (setext) {
      blocks.push({ kind: 'heading', level: setext[1]![0] === '=' ? 1 : 2, inlines: parseInline(joinLines(text)) });
      return i + 1;
    }
    if (interrupts(lines[i]!)) break;
    text.push(lines[i]!);
    i++;
  }
  blocks.push({ kind: 'paragraph', inlines: parseInline(joinLines(text)) });
  return i;
}

/** Paragraph lines lose their indentation; the last loses its trailing spaces. */
function joinLines(lines: readonly string[]): string {
  return lines.map((l) => l.replace(/^[ \t]+/, '')).join('\n').replace(/[ \t]+$/, '');
}

interface Marker {
  readonly ordered: boolean;
  /** `-`, `*`, `+`, `.` or `)`: a different one starts a new list. */
  readonly kind: string;
}
function markerOf(match: RegExpExecArray): Marker {
  const marker = match[2]!;
  return /^\d/.test(marker) ? { ordered: true, kind: marker.slice(-1) } : { ordered: false, kind: marker };
}

function parseList(lines: readonly string[], start: number, blocks: Block[]): number {
  const first = ITEM.exec(lines[start]!)!;
  const marker = markerOf(first);
  const items: ListItem[] = [];
  let i = start;
  for (;;) {
    const match = ITEM.exec(lines[i]!)!;
    const [, lead, mark] = match;
    let spaces = match[3]?.length ?? 1;
    let rest = match[4] ?? '';
    if (spaces > 4) {
      // Five or more spaces: the content starts one space after the marker (an indented block).
      rest = ' '.repeat(spaces - 1) + rest;
      spaces = 1;
    }
    const column = lead!.length + mark!.length + spaces;
    const itemLines = [rest];
    i++;
    while (i < lines.length) {
      const line = lines[i]!;
      if (BLANK.test(line)) {
        let j = i;
        while (j < lines.length && BLANK.test(lines[j]!)) j++;
        if (j < lines.length && indentOf(lines[j]!) >= column) {
          for (; i < j; i++) itemLines.push('');
          continue;
        }
        break;
      }
      if (indentOf(line) >= column) itemLines.push(line.slice(column));
      else if (ITEM.test(line) || interrupts(line)) break;
      else if (!BLANK.test(itemLines[itemLines.length - 1]!)) itemLines.push(line); // lazy continuation
      else break;
      i++;
    }
    items.push(toItem(parseBlocks(itemLines)));
    // The next item: after blank lines, with the same kind of marker.
    let j = i;
    while (j < lines.length && BLANK.test(lines[j]!)) j++;
    const next = j < lines.length ? ITEM.exec(lines[j]!) : null;
    if (!next) break;
    const nextMarker = markerOf(next);
    if (nextMarker.ordered !== marker.ordered || nextMarker.kind !== marker.kind) break;
    i = j;
  }
  blocks.push({ kind: 'list', ordered: marker.ordered, items });
  return i;
}

/** An item's text blocks become its inline content (one line each); its lists its sublists. */
function toItem(blocks: readonly Block[]): ListItem {
  const inlines: Inline[] = [];
  const sublists: ListBlock[] = [];
  for (const block of blocks) {
    if (block.kind === 'list') {
      sublists.push(block);
      continue;
    }
    if (inlines.length > 0) inlines.push({ kind: 'break' });
    inlines.push(...block.inlines);
  }
  return { inlines, sublists };
}

// --- Inlines -------------------------------------------------------------------------------

type Format = Pick<TextRun, 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code'>;
const PLAIN: Format = { bold: false, italic: false, underline: false, strikethrough: false, code: false };
const textRun = (text: string, format: Format): TextRun => ({ kind: 'text', text, ...format });

/** Emphasis found by the delimiter algorithm, counted per node. */
interface Emphasis {
  bold: number;
  italic: number;
  strikethrough: number;
}
type Node =
  | { kind: 'text'; text: string; format: Format; emphasis: Emphasis }
  | { kind: 'delim'; char: string; count: number; original: number; canOpen: boolean; canClose: boolean; format: Format; emphasis: Emphasis; active: boolean }
  | { kind: 'break' }
  | { kind: 'link'; url: string; children: TextRun[]; emphasis: Emphasis };

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
const isPunct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);
const noEmphasis = (): Emphasis => ({ bold: 0, italic: 0, strikethrough: 0 });

const TAG_FORMATS: Readonly<Record<string, keyof Format>> = {
  em: 'italic',
  i: 'italic',
  strong: 'bold',
  b: 'bold',
  u: 'underline',
  ins: 'underline',
  del: 'strikethrough',
  s: 'strikethrough',
  strike: 'strikethrough',
  code: 'code',
};
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  mdash: '—', ndash: '–', hellip: '…', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c', lrm: '\u200e', rlm: '\u200f', bull: '•', middot: '·', euro: '€', pound: '£',
};

/** Inline Markdown in `source` (a paragraph's lines joined by \n) as runs, breaks and links. */
export function parseInline(source: string): Inline[] {
  return finish(tokenize(source, 0, source.length));
}

function tokenize(s: string, start: number, end: number): Node[] {
  const nodes: Node[] = [];
  const ticks = new BacktickRuns(s, start, end);
  const tags: Record<keyof Format, number> = { bold: 0, italic: 0, underline: 0, strikethrough: 0, code: 0 };
  const format = (): Format => ({ bold: tags.bold > 0, italic: tags.italic > 0, underline: tags.underline > 0, strikethrough: tags.strikethrough > 0, code: tags.code > 0 });
  let buffer = '';
  const flush = () => {
    if (buffer) nodes.push({ kind: 'text', text: buffer, format: format(), emphasis: noEmphasis() });
    buffer = '';
  };
  let i = start;
  while (i < end) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < end) {
      const next = s[i + 1]!;
      if (next === '\n') {
        flush();
        nodes.push({ kind: 'break' });
        i = skipIndent(s, i + 2, end);
      } else if (ASCII_PUNCT.test(next)) {
        buffer += next;
        i += 2;
      } else {
        buffer += c;
        i++;
      }
      continue;
    }
    if (c === '\n') {
      const trailing = /[ \t]*$/.exec(buffer)![0].length;
      buffer = buffer.slice(0, buffer.length - trailing);
      if (trailing >= 2) {
        flush();
        nodes.push({ kind: 'break' });
      } else buffer += ' ';
      i = skipIndent(s, i + 1, end);
      continue;
    }
    if (c === '`') {
      const span = codeSpan(s, i, ticks);
      if (span) {
        flush();
        nodes.push({ kind: 'text', text: span.text, format: { ...format(), code: true }, emphasis: noEmphasis() });
        i = span.end;
      } else {
        const run = /^`+/.exec(s.slice(i, end))![0];
        buffer += run;
        i += run.length;
      }
      continue;
    }
    if (c === '*' || c === '_' || c === '~') {
      let j = i;
      while (j < end && s[j] === c) j++;
      flush();
      nodes.push(delimiter(s, i, j, format()));
      i = j;
      continue;
    }
    if (c === '[' || (c === '!' && s[i + 1] === '[')) {
      const image = c === '!';
      const link = parseLink(s, image ? i + 1 : i, end, ticks);
      if (link) {
        flush();
        const children = finish(tokenize(s, link.textStart, link.textEnd)).flatMap((n) => (n.kind === 'text' ? [n] : n.kind === 'link' ? n.children : []));
        const inherited = children.map((r) => ({ ...r, ...orFormat(r, format()) }));
        if (image) for (const r of inherited) nodes.push({ kind: 'text', text: r.text, format: r, emphasis: noEmphasis() });
        else nodes.push({ kind: 'link', url: link.url, children: inherited, emphasis: noEmphasis() });
        i = link.end;
        continue;
      }
      buffer += c;
      i++;
      continue;
    }
    if (c === '<') {
      const html = inlineHtml(s.slice(i, Math.min(end, i + 2000)));
      if (html) {
        flush();
        if (html.kind === 'autolink') nodes.push({ kind: 'link', url: html.url, children: [textRun(html.text, format())], emphasis: noEmphasis() });
        else if (html.kind === 'break') nodes.push({ kind: 'break' });
        else if (html.kind === 'tag' && html.format) tags[html.format] = Math.max(0, tags[html.format] + (html.closing ? -1 : 1));
        i += html.length;
        continue;
      }
    }
    if (c === '&') {
      const entity = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/.exec(s.slice(i, Math.min(end, i + 40)));
      const decoded = entity ? decodeEntity(entity) : null;
      if (entity && decoded !== null) {
        buffer += decoded;
        i += entity[0].length;
        continue;
      }
    }
    buffer += c;
    i++;
  }
  flush();
  processEmphasis(nodes);
  return nodes;
}

function orFormat(a: Format, b: Format): Format {
  return { bold: a.bold || b.bold, italic: a.italic || b.italic, underline: a.underline || b.underline, strikethrough: a.strikethrough || b.strikethrough, code: a.code || b.code };
}

function skipIndent(s: string, i: number, end: number): number {
  while (i < end && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

function decodeEntity(m: RegExpExecArray): string | null {
  const code = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? parseInt(m[2], 16) : null;
  if (code !== null) return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
  return ENTITIES[m[3]!] ?? null;
}

/**
 * Where the backtick runs of a piece of text are, by length, found in one pass: a code span is
 * closed by the next run of the same length, and looking it up here keeps text full of unmatched
 * backticks linear.
 */
class BacktickRuns {
  private readonly byLength = new Map<number, number[]>();
  readonly end: number;
  constructor(s: string, start: number, end: number) {
    this.end = end;
    for (let i = start; i < end; ) {
      if (s[i] !== '`') {
        i++;
        continue;
      }
      let j = i;
      while (j < end && s[j] === '`') j++;
      const list = this.byLength.get(j - i) ?? [];
      list.push(i);
      this.byLength.set(j - i, list);
      i = j;
    }
  }
  /** The start of the first run of `length` backticks that starts after `after`, or -1. */
  next(length: number, after: number): number {
    const list = this.byLength.get(length) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! <= after) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? list[lo]! : -1;
  }
}

/** A code span opened by the backtick run at `i`: closed by the next run of the same length. */
function codeSpan(s: string, i: number, ticks: BacktickRuns): { text: string; end: number } | null {
  let j = i;
  while (j < ticks.end && s[j] === '`') j++;
  const length = j - i;
  const close = ticks.next(length, i);
  if (close < 0) return null;
  let text = s.slice(j, close).replace(/\n/g, ' ');
  if (/^ [\s\S]*[^ ][\s\S]* $/.test(text)) text = text.slice(1, -1);
  return { text, end: close + length };
}

/** A run of `*`, `_` or `~` and whether it can open or close emphasis (CommonMark's flanking rules). */
function delimiter(s: string, i: number, j: number, format: Format): Node {
  const char = s[i]!;
  const before = i > 0 ? s[i - 1] : undefined;
  const after = j < s.length ? s[j] : undefined;
  const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
  const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
  let canOpen = left;
  let canClose = right;
  if (char === '_') {
    canOpen = left && (!right || isPunct(before));
    canClose = right && (!left || isPunct(after));
  }
  if (char === '~' && j - i > 2) canOpen = canClose = false;
  return { kind: 'delim', char, count: j - i, original: j - i, canOpen, canClose, format, emphasis: noEmphasis(), active: true };
}

/** CommonMark's "process emphasis", with the openers-bottom bound so hostile input stays linear. */
function processEmphasis(nodes: Node[]): void {
  const delims = nodes.map((n, index) => (n.kind === 'delim' ? index : -1)).filter((index) => index >= 0);
  const bottoms = new Map<string, number>();
  for (let c = 0; c < delims.length; c++) {
    const closer = nodes[delims[c]!] as Extract<Node, { kind: 'delim' }>;
    while (closer.count > 0 && closer.canClose && closer.active) {
      const key = `${closer.char}${closer.canOpen ? 1 : 0}${closer.original % 3}`;
      const bottom = bottoms.get(key) ?? -1;
      let found = -1;
      for (let o = c - 1; o > bottom; o--) {
        const opener = nodes[delims[o]!] as Extract<Node, { kind: 'delim' }>;
        if (!opener.active || opener.count === 0 || !opener.canOpen || opener.char !== closer.char) continue;
        if (closer.char === '~' ? opener.count !== closer.count : (opener.canClose || closer.canOpen) && (opener.original + closer.original) % 3 === 0 && !(opener.original % 3 === 0 && closer.original % 3 === 0)) continue;
        found = o;
        break;
      }
      if (found < 0) {
        bottoms.set(key, c - 1);
        if (!closer.canOpen) closer.active = false;
        break;
      }
      const opener = nodes[delims[found]!] as Extract<Node, { kind: 'delim' }>;
      const use = closer.char === '~' ? closer.count : opener.count >= 2 && closer.count >= 2 ? 2 : 1;
      const mark: keyof Emphasis = closer.char === '~' ? 'strikethrough' : use === 2 ? 'bold' : 'italic';
      for (let n = delims[found]! + 1; n < delims[c]!; n++) {
        const node = nodes[n]!;
        if (node.kind !== 'break') node.emphasis[mark]++;
      }
      for (let o = found + 1; o < c; o++) (nodes[delims[o]!] as Extract<Node, { kind: 'delim' }>).active = false;
      opener.count -= use;
      closer.count -= use;
    }
  }
}

/** Nodes → inline runs: leftover delimiters are text; runs with one format are merged. */
function finish(nodes: readonly Node[]): Inline[] {
  const out: Inline[] = [];
  const push = (run: TextRun) => {
    if (run.text === '') return;
    const prev = out[out.length - 1];
    if (prev?.kind === 'text' && prev.bold === run.bold && prev.italic === run.italic && prev.underline === run.underline && prev.strikethrough === run.strikethrough && prev.code === run.code) {
      out[out.length - 1] = { ...prev, text: prev.text + run.text };
    } else out.push(run);
  };
  const withEmphasis = (format: Format, e: Emphasis): Format => ({ ...format, bold: format.bold || e.bold > 0, italic: format.italic || e.italic > 0, strikethrough: format.strikethrough || e.strikethrough > 0 });
  for (const node of nodes) {
    if (node.kind === 'break') out.push({ kind: 'break' });
    else if (node.kind === 'link') out.push({ kind: 'link', url: node.url, children: node.children.map((r) => ({ ...r, ...withEmphasis(r, node.emphasis) })) });
    else if (node.kind === 'text') push(textRun(node.text, withEmphasis(node.format, node.emphasis)));
    else push(textRun(node.char.repeat(node.count), withEmphasis(node.format, node.emphasis)));
  }
  return out;
}

/** `[text](destination "title")` starting at the bracket `i`. */
/** Link text longer than this is not looked for, so a run of unmatched brackets stays linear. */
const MAX_LINK_TEXT = 2_000;

function parseLink(s: string, i: number, end: number, ticks: BacktickRuns): { textStart: number; textEnd: number; url: string; end: number } | null {
  let depth = 0;
  let j = i;
  const limit = Math.min(end, i + MAX_LINK_TEXT);
  for (; j < limit; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '`') {
      const span = codeSpan(s, j, ticks);
      if (span) j = span.end - 1;
      else while (s[j + 1] === '`') j++;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) break;
  }
  if (j >= limit || s[j + 1] !== '(') return null;
  let k = skipSpace(s, j + 2, end);
  let raw = '';
  if (s[k] === '<') {
    const close = s.indexOf('>', k);
    if (close < 0 || close >= end || s.slice(k, close).includes('\n')) return null;
    raw = s.slice(k + 1, close);
    k = close + 1;
  } else {
    let parens = 0;
    const from = k;
    for (; k < end; k++) {
      const c = s[k]!;
      if (c === '\\' && k + 1 < end && ASCII_PUNCT.test(s[k + 1]!)) k++;
      else if (/\s/.test(c)) break;
      else if (c === '(') parens++;
      else if (c === ')' && parens-- === 0) break;
    }
    raw = s.slice(from, k);
  }
  k = skipSpace(s, k, end);
  const quote = s[k];
  if (quote === '"' || quote === "'" || quote === '(') {
    const closing = quote === '(' ? ')' : quote;
    let m = k + 1;
    for (; m < end && s[m] !== closing; m++) if (s[m] === '\\') m++;
    if (m >= end) return null;
    k = skipSpace(s, m + 1, end);
  }
  if (s[k] !== ')') return null;
  const url = raw.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g, (whole, ...groups) => {
    const m = [whole, ...groups.slice(0, 3)] as unknown as RegExpExecArray;
    return decodeEntity(m) ?? whole;
  });
  return { textStart: i + 1, textEnd: j, url, end: k + 1 };
}

function skipSpace(s: string, i: number, end: number): number {
  while (i < end && /[ \t\n]/.test(s[i]!)) i++;
  return i;
}

type Html =
  | { kind: 'autolink'; url: string; text: string; length: number }
  | { kind: 'break'; length: number }
  | { kind: 'tag'; format: keyof Format | null; closing: boolean; length: number };

function inlineHtml(s: string): Html | null {
  const auto = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/.exec(s);
  if (auto) return { kind: 'autolink', url: auto[1]!, text: auto[1]!, length: auto[0].length };
  const email = /^<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/.exec(s);
  if (email) return { kind: 'autolink', url: `mailto:${email[1]}`, text: email[1]!, length: email[0].length };
  const comment = /^<!--[\s\S]*?-->/.exec(s);
  if (comment) return { kind: 'tag', format: null, closing: false, length: comment[0].length };
  const tag = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*(\/?)>/.exec(s);
  if (!tag) return null;
  const name = tag[2]!.toLowerCase();
  if (name === 'br') return { kind: 'break', length: tag[0].length };
  return { kind: 'tag', format: TAG_FORMATS[name] ?? null, closing: tag[1] === '/' || tag[3] === '/', length: tag[0].length };
}
