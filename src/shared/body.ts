/**
 * The story body. The editor stores Lexical's serialized state (JSON); everything downstream
 * (plain text, word count, content hash, exporters) reads it through `parseBody`, which turns it
 * into a small, typed document of blocks and inline runs. Unknown node types degrade to their text.
 */
import { z } from 'zod';

export interface TextRun {
  readonly kind: 'text';
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly strikethrough: boolean;
  readonly code: boolean;
}
export interface LinkRun {
  readonly kind: 'link';
  readonly url: string;
  readonly children: readonly TextRun[];
}
export interface LineBreak {
  readonly kind: 'break';
}
export type Inline = TextRun | LinkRun | LineBreak;

export interface ListItem {
  readonly inlines: readonly Inline[];
  readonly sublists: readonly ListBlock[];
}
export interface ListBlock {
  readonly kind: 'list';
  readonly ordered: boolean;
  readonly items: readonly ListItem[];
}
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
export type Block =
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'heading'; readonly level: HeadingLevel; readonly inlines: readonly Inline[] }
  | { readonly kind: 'quote'; readonly inlines: readonly Inline[] }
  | ListBlock;

export interface BodyDocument {
  readonly blocks: readonly Block[];
}

// --- The serialized Lexical shape, validated loosely: nodes keep fields we do not read. ---
export interface SerializedNode {
  type: string;
  children?: SerializedNode[];
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  url?: string;
  [key: string]: unknown;
}
const MAX_DEPTH = 32;
const serializedNode: z.ZodType<SerializedNode> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1).max(64),
    children: z.array(serializedNode).max(100_000).optional(),
    text: z.string().optional(),
    format: z.union([z.number(), z.string()]).optional(),
    tag: z.string().optional(),
    listType: z.string().optional(),
    url: z.string().optional(),
  })
);
export const serializedBodySchema = z.object({
  root: z.looseObject({ type: z.literal('root'), children: z.array(serializedNode).max(100_000) }),
});
export type SerializedBody = z.infer<typeof serializedBodySchema>;

/** Body JSON as stored and sent over the contract: a string holding a serialized editor state. */
export const bodyJsonSchema = z
  .string()
  .max(20_000_000, 'The story body is larger than 20 MB.')
  .superRefine((value, ctx) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The story body is not valid JSON.' });
      return;
    }
    const result = serializedBodySchema.safeParse(parsed);
    if (!result.success) {
      ctx.addIssue({ code: 'custom', message: 'The story body is not a valid editor document.' });
      return;
    }
    if (depth(result.data.root as SerializedNode) > MAX_DEPTH) {
      ctx.addIssue({ code: 'custom', message: 'The story body is nested too deeply.' });
    }
  });

function depth(node: SerializedNode): number {
  let max = 0;
  for (const child of node.children ?? []) max = Math.max(max, depth(child));
  return max + 1;
}

// Lexical's text format bit flags (lexical/LexicalConstants).
const IS_BOLD = 1;
const IS_ITALIC = 1 << 1;
const IS_STRIKETHROUGH = 1 << 2;
const IS_UNDERLINE = 1 << 3;
const IS_CODE = 1 << 4;

/**
 * Read a stored body. Bodies are validated with `bodyJsonSchema` where they enter (the contract,
 * imports); here the walk itself is tolerant of any shape (unknown or missing fields degrade to
 * text or nothing), so the autosave path does not pay for a second full validation.
 */
export function parseBody(json: string): BodyDocument {
  const data = JSON.parse(json) as { root?: { children?: unknown } } | null;
  if (!data || typeof data !== 'object' || !data.root || typeof data.root !== 'object') {
    throw new Error('The story body is not a valid editor document.');
  }
  return { blocks: toBlocks(kids(data.root as SerializedNode)) };
}

/** A node's children, whatever the JSON held. */
function kids(node: SerializedNode): SerializedNode[] {
  return Array.isArray(node.children) ? node.children.filter((c): c is SerializedNode => typeof c === 'object' && c !== null) : [];
}

function toBlocks(nodes: readonly SerializedNode[]): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const level = Number((node.tag ?? 'h2').slice(1));
        const safe = (level >= 1 && level <= 6 ? level : 2) as HeadingLevel;
        blocks.push({ kind: 'heading', level: safe, inlines: toInlines(kids(node)) });
        break;
      }
      case 'quote':
        blocks.push({ kind: 'quote', inlines: toInlines(kids(node)) });
        break;
      case 'list':
        blocks.push(toList(node));
        break;
      default:
        // paragraph and any block type we do not know: keep its text as a paragraph.
        blocks.push({ kind: 'paragraph', inlines: toInlines(Array.isArray(node.children) ? kids(node) : typeof node.text === 'string' ? [node] : []) });
    }
  }
  return blocks;
}

function toList(node: SerializedNode): ListBlock {
  const ordered = node.listType === 'number' || node.tag === 'ol';
  const items: ListItem[] = [];
  for (const child of kids(node)) {
    const inlineNodes = kids(child).filter((c) => c.type !== 'list');
    const sublists = kids(child).filter((c) => c.type === 'list').map(toList);
    // Lexical nests a sublist in its own list item; fold it into the previous item.
    if (inlineNodes.length === 0 && sublists.length > 0 && items.length > 0) {
      const last = items[items.length - 1];
      items[items.length - 1] = { inlines: last.inlines, sublists: [...last.sublists, ...sublists] };
      continue;
    }
    items.push({ inlines: toInlines(inlineNodes), sublists });
  }
  return { kind: 'list', ordered, items };
}

function toTextRun(node: SerializedNode): TextRun {
  const format = typeof node.format === 'number' ? node.format : 0;
  return {
    kind: 'text',
    text: typeof node.text === 'string' ? node.text : '',
    bold: (format & IS_BOLD) !== 0,
    italic: (format & IS_ITALIC) !== 0,
    underline: (format & IS_UNDERLINE) !== 0,
    strikethrough: (format & IS_STRIKETHROUGH) !== 0,
    code: (format & IS_CODE) !== 0,
  };
}

function toInlines(nodes: readonly SerializedNode[]): Inline[] {
  const inlines: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'linebreak':
        inlines.push({ kind: 'break' });
        break;
      case 'tab':
        inlines.push({ ...toTextRun(node), text: '\t' });
        break;
      case 'link':
      case 'autolink':
        inlines.push({
          kind: 'link',
          url: typeof node.url === 'string' ? node.url : '',
          children: flattenText(kids(node)).map(toTextRun),
        });
        break;
      default:
        if (typeof node.text === 'string') inlines.push(toTextRun(node));
        else inlines.push(...toInlines(kids(node)));
    }
  }
  return inlines;
}

function flattenText(nodes: readonly SerializedNode[]): SerializedNode[] {
  return nodes.flatMap((n) => (typeof n.text === 'string' ? [n] : flattenText(kids(n))));
}

// --- Derived values ---

export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => (i.kind === 'text' ? i.text : i.kind === 'link' ? i.children.map((c) => c.text).join('') : '\n'))
    .join('');
}

/** Plain text: one line per block, list items prefixed, blank line between blocks. */
export function plainText(doc: BodyDocument): string {
  const out: string[] = [];
  const list = (l: ListBlock, indent: string) => {
    l.items.forEach((item, i) => {
      out.push(`${indent}${l.ordered ? `${i + 1}.` : '•'} ${inlineText(item.inlines)}`);
      for (const sub of item.sublists) list(sub, indent + '  ');
    });
  };
  for (const block of doc.blocks) {
    if (block.kind === 'list') list(block, '');
    else out.push(inlineText(block.inlines));
  }
  return out.join('\n').trim();
}

/**
 * Words: a letter or digit starts one; letters, digits, combining marks, apostrophes and hyphens
 * continue it ("minister’s", "Israeli-Azerbaijani" are one word each). A character loop with a
 * per-character class cache: autosave counts every save, and this is several times faster than a
 * Unicode regular expression over a long story.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      code = text.codePointAt(i) ?? code;
      i++;
    }
    const kind = charKind(code);
    if (kind === STARTS) {
      if (!inWord) count++;
      inWord = true;
    } else if (kind === NONE) {
      inWord = false;
    }
  }
  return count;
}

const NONE = 0;
const STARTS = 1; // a letter or digit
const CONTINUES = 2; // a mark, apostrophe or hyphen: inside a word only
const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_INNER = /^[\p{M}'’\-]$/u;
const kinds = new Map<number, number>();

function charKind(code: number): number {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return STARTS;
    return code === 0x27 || code === 0x2d ? CONTINUES : NONE;
  }
  let kind = kinds.get(code);
  if (kind === undefined) {
    const ch = String.fromCodePoint(code);
    kind = WORD_START.test(ch) ? STARTS : WORD_INNER.test(ch) ? CONTINUES : NONE;
    if (kinds.size < 20_000) kinds.set(code, kind);
  }
  return kind;
}

/** Only what is content: block kinds, text, formatting and link targets. Used for the approval hash. */
export function canonicalBody(doc: BodyDocument): unknown {
  const inl = (inlines: readonly Inline[]) =>
    inlines.map((i) =>
      i.kind === 'break'
        ? ['br']
        : i.kind === 'link'
          ? ['a', i.url, i.children.map(run)]
          : run(i)
    );
  const run = (t: TextRun) => ['t', t.text, Number(t.bold), Number(t.italic), Number(t.underline), Number(t.strikethrough), Number(t.code)];
  const list = (l: ListBlock): unknown => ['list', l.ordered ? 'ol' : 'ul', l.items.map((it) => [inl(it.inlines), it.sublists.map(list)])];
  return mergeAdjacent(doc).blocks.map((b) =>
    b.kind === 'list' ? list(b) : b.kind === 'heading' ? ['h', b.level, inl(b.inlines)] : [b.kind, inl(b.inlines)]
  );
}

/** Lexical may split a run into two nodes with equal formats; treat that as the same content. */
function mergeAdjacent(doc: BodyDocument): BodyDocument {
  const merge = (inlines: readonly Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const i of inlines) {
      const prev = out[out.length - 1];
      if (i.kind === 'text' && i.text === '') continue;
      if (prev && prev.kind === 'text' && i.kind === 'text' && sameFormat(prev, i)) {
        out[out.length - 1] = { ...prev, text: prev.text + i.text };
      } else out.push(i);
    }
    return out;
  };
  const list = (l: ListBlock): ListBlock => ({
    ...l,
    items: l.items.map((it) => ({ inlines: merge(it.inlines), sublists: it.sublists.map(list) })),
  });
  return {
    blocks: doc.blocks.map((b) => (b.kind === 'list' ? list(b) : { ...b, inlines: merge(b.inlines) })),
  };
}

function sameFormat(a: TextRun, b: TextRun): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strikethrough === b.strikethrough && a.code === b.code;
}

// --- Building bodies (new stories, imports, tests) ---

export function textNode(text: string, format = 0): SerializedNode {
  return { type: 'text', text, format, detail: 0, mode: 'normal', style: '', version: 1 };
}
export function paragraphNode(children: SerializedNode[]): SerializedNode {
  return { type: 'paragraph', children, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', version: 1 };
}
export function bodyJson(blocks: SerializedNode[]): string {
  return JSON.stringify({
    root: { type: 'root', children: blocks, direction: null, format: '', indent: 0, version: 1 },
  });
}
export function bodyFromParagraphs(paragraphs: readonly string[]): string {
  return bodyJson(paragraphs.map((p) => paragraphNode(p ? [textNode(p)] : [])));
}
export const EMPTY_BODY = bodyFromParagraphs(['']);
