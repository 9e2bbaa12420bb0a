/**
 * HTML files (a saved web page, an article from a CMS, Word's "Save as Web Page"): sanitised with
 * sanitize-html under the shared allow-list (`shared/html-policy.ts`, the same one paste uses),
 * then read into the editor's body. `<h1>` (or else `<title>`) becomes the headline and is not
 * repeated in the body; `<meta name="description">` the summary; `<meta name="author">` the
 * byline; `<html lang>` the language (the detector may still correct it from the text).
 * Scripts, styles, event attributes, images and tracking spans are dropped; a `javascript:` or
 * `data:` link keeps its text and loses its target.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import sanitizeHtml from 'sanitize-html';
import { bodyJson, paragraphNode, textNode, type SerializedNode } from '../../../../shared/body.ts';
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  ALLOWED_URL_SCHEMES,
  DROPPED_WITH_CONTENT,
  formattingOfStyle,
  isAllowedUrl,
  isHiddenStyle,
  isNumberedMarker,
  wordListLevel,
} from '../../../../shared/html-policy.ts';
import { languageSchema } from '../../../../shared/news-item.ts';
import type { FieldName, StoryContentPatch } from '../../../../shared/story-fields.ts';
import { BOLD, CODE, headingNode, ITALIC, lineBreakNode, linkNode, listItemNode, listNode, quoteNode, STRIKETHROUGH, SUBSCRIPT, SUPERSCRIPT, UNDERLINE } from '../lexical-nodes.ts';
import { textOf } from '../text.ts';
import type { ImportedDraft, ImportFormat } from '../types.ts';

/** Page furniture that is never story text (menus, sidebars, forms). */
const PAGE_FURNITURE = ['nav', 'aside', 'footer', 'form'];
/** Block containers a page uses for paragraphs; read as blocks so their texts do not run together. */
const CONTAINERS = ['div', 'section', 'article', 'main', 'header', 'figure', 'table', 'tbody', 'thead', 'tr', 'dl', 'center'];
const FORMATTING_STYLES = { 'font-weight': [/.*/], 'font-style': [/.*/], 'text-decoration': [/.*/], 'text-decoration-line': [/.*/], 'mso-list': [/.*/], display: [/.*/], visibility: [/.*/] };

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS, 'span', 'div', 'pre'],
  // Styles are read only for what they mean (bold, italic, Word's list levels), then dropped.
  allowedAttributes: { ...ALLOWED_ATTRIBUTES, '*': ['style'], p: ['class', 'style'] } as Record<string, string[]>,
  allowedClasses: { p: ['MsoListParagraph*', 'MsoList*'] },
  allowedStyles: { '*': FORMATTING_STYLES },
  allowedSchemes: [...ALLOWED_URL_SCHEMES],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  nonTextTags: [...DROPPED_WITH_CONTENT, ...PAGE_FURNITURE],
  transformTags: {
    ...Object.fromEntries(CONTAINERS.filter((t) => t !== 'div').map((t) => [t, 'div'])),
    td: 'p',
    th: 'p',
    dt: 'p',
    dd: 'p',
    figcaption: 'p',
  },
  // Hidden text (display:none, tracking) goes with its content; Word's list bullets stay until read.
  exclusiveFilter: (frame) => /^(?:span|div|p)$/.test(frame.tag) && isHiddenStyle(frame.attribs.style ?? '') && !/mso-list\s*:\s*ignore/i.test(frame.attribs.style ?? ''),
};

// --- Reading the page's own metadata (before sanitising removes <head>) ----------------------

function textContent(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (isTag(node)) return node.children.map(textContent).join('');
  return '';
}
function findAll(nodes: readonly ChildNode[], test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (test(node)) out.push(node);
    findAll(node.children, test, out);
  }
  return out;
}
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

interface PageMeta {
  /** The part of the page that is the story: its one <article>, else <main>, else everything. */
  readonly storyHtml: string;
  readonly title: string;
  readonly description: string;
  readonly author: string;
  readonly language: string;
}
function pageMeta(html: string): PageMeta {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const articles = findAll(doc.children, (e) => e.name === 'article');
  const root = articles.length === 1 ? articles[0] : findAll(doc.children, (e) => e.name === 'main')[0];
  const storyHtml = root && root.startIndex !== null && root.endIndex !== null ? html.slice(root.startIndex, root.endIndex + 1) : html;
  const meta = (name: string) =>
    squash(findAll(doc.children, (e) => e.name === 'meta' && [e.attribs.name, e.attribs.property].some((n) => n?.toLowerCase() === name))[0]?.attribs.content ?? '');
  const page = findAll(doc.children, (e) => e.name === 'html')[0];
  const lang = languageSchema.safeParse(page?.attribs.lang ?? page?.attribs['xml:lang'] ?? '');
  return {
    storyHtml,
    title: squash(textContent(findAll(doc.children, (e) => e.name === 'title')[0] ?? doc)),
    description: meta('description') || meta('og:description'),
    author: meta('author'),
    language: lang.success ? lang.data : '',
  };
}

// --- The body ---------------------------------------------------------------------------------

const INLINE_FORMAT: Readonly<Record<string, number>> = {
  strong: BOLD,
  b: BOLD,
  em: ITALIC,
  i: ITALIC,
  u: UNDERLINE,
  s: STRIKETHROUGH,
  strike: STRIKETHROUGH,
  del: STRIKETHROUGH,
  code: CODE,
  sub: SUBSCRIPT,
  sup: SUPERSCRIPT,
};
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'div', 'pre']);

function styleFormat(style: string, format: number): number {
  const f = formattingOfStyle(style);
  const set = (bit: number, on: boolean | undefined) => (on === undefined ? format : on ? format | bit : format & ~bit);
  format = set(BOLD, f.bold);
  format = set(ITALIC, f.italic);
  format = set(UNDERLINE, f.underline);
  format = set(STRIKETHROUGH, f.strikethrough);
  return format;
}

/** Inline content: text runs with their formats, links, line breaks. Nested blocks are separated by line breaks. */
function inlines(nodes: readonly ChildNode[], format: number, out: SerializedNode[] = []): SerializedNode[] {
  for (const node of nodes) {
    if (isText(node)) {
      const text = node.data.replace(/[ \t\n\r\f]+/g, ' ');
      if (text) out.push(textNode(text, format));
      continue;
    }
    if (!isTag(node)) continue;
    const style = node.attribs.style ?? '';
    if (/mso-list\s*:\s*ignore/i.test(style)) continue; // Word's bullet, read by the list
    if (node.name === 'br') {
      out.push(lineBreakNode());
    } else if (node.name === 'a') {
      const href = node.attribs.href ?? '';
      const children = inlines(node.children, format).filter((n) => n.type === 'text');
      if (href && isAllowedUrl(href) && children.length > 0) out.push(linkNode(href.trim(), children));
      else out.push(...children);
    } else if (BLOCKS.has(node.name)) {
      if (out.length > 0 && out[out.length - 1]!.type !== 'linebreak') out.push(lineBreakNode());
      inlines(node.children, styleFormat(style, format), out);
    } else {
      inlines(node.children, styleFormat(style, format | (INLINE_FORMAT[node.name] ?? 0)), out);
    }
  }
  return out;
}

/** Trim the edges, drop empty runs and stray breaks at either end; [] when there is no text. */
function tidy(nodes: SerializedNode[]): SerializedNode[] {
  const out = nodes.filter((n) => n.type !== 'text' || n.text !== '');
  const blank = (n: SerializedNode | undefined) => n !== undefined && (n.type === 'linebreak' || (n.type === 'text' && /^[ \u00a0]*$/.test(n.text!)));
  while (blank(out[0])) out.shift();
  while (blank(out.at(-1))) out.pop();
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, text: first.text!.replace(/^[ \u00a0]+/, '') };
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { ...last, text: last.text!.replace(/[ \u00a0]+$/, '') };
  // A block of only spaces and breaks is no block: never an empty paragraph.
  return out.length > 0 ? out : [];
}

interface ListEntry {
  readonly inlines: SerializedNode[];
  readonly sublists: SerializedNode[];
}
function listFrom(entries: readonly ListEntry[], ordered: boolean, start = 1): SerializedNode {
  const items: SerializedNode[] = [];
  let value = start;
  for (const entry of entries) {
    if (entry.inlines.length > 0 || entry.sublists.length === 0) items.push(listItemNode(value++, entry.inlines));
    for (const sub of entry.sublists) items.push(listItemNode(value, [sub]));
  }
  return listNode(ordered, items, start);
}

function htmlList(el: Element): SerializedNode {
  const entries: ListEntry[] = [];
  for (const child of el.children) {
    if (!isTag(child)) continue;
    const parts = child.name === 'li' ? child.children : [child];
    const sublists = parts.filter((n): n is Element => isTag(n) && (n.name === 'ul' || n.name === 'ol')).map(htmlList);
    const text = tidy(inlines(parts.filter((n) => !(isTag(n) && (n.name === 'ul' || n.name === 'ol'))), 0));
    if (text.length > 0 || sublists.length > 0) entries.push({ inlines: text, sublists });
  }
  const start = Number(el.attribs.start);
  return listFrom(entries, el.name === 'ol', Number.isInteger(start) && start > 0 ? start : 1);
}

interface WordItem {
  /** Word's list ("l0", "l1"): a new list starts where it changes. */
  readonly list: string;
  readonly level: number;
  readonly ordered: boolean;
  readonly inlines: SerializedNode[];
}
function wordItem(el: Element): WordItem | null {
  const level = wordListLevel(el.attribs.class ?? '', el.attribs.style ?? '');
  if (level === null) return null;
  const marker = findAll(el.children, (e) => /mso-list\s*:\s*ignore/i.test(e.attribs.style ?? ''))[0];
  const ordered = marker ? isNumberedMarker(textContent(marker).replace(/\u00a0/g, ' ').trim()) : false;
  const list = /mso-list\s*:\s*(l\d+)/i.exec(el.attribs.style ?? '')?.[1] ?? '';
  return { list, level, ordered, inlines: tidy(inlines(el.children, 0)) };
}
/** Word's run of list paragraphs as nested lists. */
function wordList(items: readonly WordItem[]): SerializedNode {
  const nest = (i: number, level: number): [SerializedNode, number] => {
    const entries: { inlines: SerializedNode[]; sublists: SerializedNode[] }[] = [];
    const ordered = items[i]!.ordered;
    while (i < items.length && items[i]!.level >= level) {
      if (items[i]!.level === level) {
        entries.push({ inlines: items[i]!.inlines, sublists: [] });
        i++;
      } else {
        const [sub, next] = nest(i, items[i]!.level);
        if (entries.length === 0) entries.push({ inlines: [], sublists: [] });
        entries.at(-1)!.sublists.push(sub);
        i = next;
      }
    }
    return [listFrom(entries, ordered), i];
  };
  return nest(0, Math.min(...items.map((x) => x.level)))[0];
}

interface BodyOptions {
  /** Drop the first `<h1>` whose text is this (it is the headline). */
  readonly headline: string | null;
}

/** Block structure: paragraphs, headings, quotes, lists; loose inline content becomes paragraphs. */
function blocks(nodes: readonly ChildNode[], options: BodyOptions, state: { headlineDropped: boolean }, out: SerializedNode[] = []): SerializedNode[] {
  let loose: ChildNode[] = [];
  const flush = () => {
    const text = tidy(inlines(loose, 0));
    if (text.length > 0) out.push(paragraphNode(text));
    loose = [];
  };
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!isTag(node) || !BLOCKS.has(node.name)) {
      loose.push(node);
      continue;
    }
    flush();
    const word = node.name === 'p' ? wordItem(node) : null;
    if (word) {
      const run = [word];
      // The rest of the run: list paragraphs with only white space between them.
      let j = i + 1;
      for (; j < nodes.length; j++) {
        const next = nodes[j]!;
        if (isText(next) && !next.data.trim()) continue;
        const item = isTag(next) && next.name === 'p' ? wordItem(next) : null;
        if (!item || item.list !== word.list) break;
        run.push(item);
      }
      out.push(wordList(run));
      i = j - 1;
      continue;
    }
    switch (node.name) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const text = tidy(inlines(node.children, 0));
        if (text.length === 0) break;
        if (node.name === 'h1' && !state.headlineDropped && options.headline !== null && squash(textContent(node)) === options.headline) {
          state.headlineDropped = true;
          break;
        }
        // The headline is the story's one first-level heading: others in the body are second level.
        out.push(headingNode(node.name === 'h1' ? 2 : Number(node.name[1]), text));
        break;
      }
      case 'blockquote': {
        const text = tidy(inlines(node.children, 0));
        if (text.length > 0) out.push(quoteNode(text));
        break;
      }
      case 'ul':
      case 'ol': {
        const list = htmlList(node);
        if ((list.children?.length ?? 0) > 0) out.push(list);
        break;
      }
      case 'div':
        blocks(node.children, options, state, out);
        break;
      default: {
        // p, pre, a stray li
        const text = tidy(inlines(node.children, 0));
        if (text.length > 0) out.push(paragraphNode(text));
      }
    }
  }
  flush();
  return out;
}

function nodeText(node: SerializedNode): string {
  return typeof node.text === 'string' ? node.text : (node.children ?? []).map(nodeText).join('');
}

export interface HtmlDraftOptions {
  /** A headline known from elsewhere (a Word document's title); otherwise the first <h1> or <title>. */
  readonly headline?: string;
}

/** HTML into a draft: sanitised, then read into fields and the body. */
export function htmlToDraft(html: string, options: HtmlDraftOptions = {}): ImportedDraft {
  const meta = pageMeta(html);
  const clean = sanitizeHtml(meta.storyHtml, SANITIZE);
  const doc = parseDocument(clean);
  const firstH1 = findAll(doc.children, (e) => e.name === 'h1').map((e) => squash(textContent(e))).find(Boolean);
  const headline = squash(options.headline ?? '') || firstH1 || meta.title || null;
  const body = blocks(doc.children, { headline }, { headlineDropped: false });
  // The page's own byline line ("By Pesach Benson") is the byline field now, not body text.
  const bylineAt = body.findIndex((b) => b.type === 'paragraph' && meta.author !== '' && squash(nodeText(b)).toLowerCase() === `by ${meta.author}`.toLowerCase());
  if (bylineAt >= 0 && bylineAt < 3) body.splice(bylineAt, 1);

  const content: { -readonly [K in keyof StoryContentPatch]: StoryContentPatch[K] } = {};
  const recognised: FieldName[] = [];
  const notes: string[] = [];
  if (headline) {
    content.headline = headline;
    recognised.push('headline');
  }
  if (meta.description) {
    content.summary = meta.description;
    recognised.push('summary');
  }
  if (meta.author && meta.author.length <= 200) {
    content.byline = [{ name: meta.author, role: 'writer' }];
    recognised.push('byline');
  }
  if (meta.language) {
    content.language = meta.language;
    recognised.push('language');
  }
  content.body = bodyJson(body.length > 0 ? body : [paragraphNode([])]);
  if (body.length > 0) recognised.push('body');
  if (clean.length < html.length && /<(?:script|iframe|object|embed)\b|\son\w+\s*=|javascript:/i.test(html)) {
    notes.push('Scripts, embedded content and unsafe links were removed.');
  }
  return { content, recognised, notes };
}

export const htmlFormat: ImportFormat = {
  id: 'html',
  label: 'HTML',
  extensions: ['.html', '.htm', '.xhtml'],
  sniff: (text) => /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text),
  parse: (file) => htmlToDraft(textOf(file.bytes)),
};
