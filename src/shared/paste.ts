/**
 * Paste from Word, Google Docs and web pages: the clipboard's HTML, already parsed into a DOM
 * document (the browser's in the app, jsdom in tests), cleaned into HTML that holds only what a
 * story body can (the allow-list in `html-policy.ts`, applied by DOMPurify), with the structure
 * people meant kept:
 *
 * - Word writes lists as indented paragraphs (`MsoListParagraph`, `mso-list:l0 level2`) with the
 *   bullet in a `mso-list:Ignore` span, and litters `<o:p>` and conditional comments: rebuilt as
 *   real nested `<ul>`/`<ol>`;
 * - Google Docs wraps everything in `<b style="font-weight:normal" id="docs-internal-guid-…">`
 *   and writes bold and italic as span styles (`font-weight:700`, `font-style:italic`): the
 *   wrapper goes, the styles become `<strong>`/`<em>`; its redirect links point at the target;
 * - web pages bring inline styles, scripts, event attributes, tracking spans and pixels,
 *   `javascript:` and `data:` links: all dropped, the link text kept.
 *
 * An `<h1>` never duplicates the headline: it becomes the headline of a story that has none,
 * disappears when it repeats the headline, and is otherwise a second-level heading.
 *
 * Pure: the DOM types are declared structurally here (src/shared has no DOM library).
 */
import {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  DROPPED_WITH_CONTENT,
  formattingOfStyle,
  isAllowedUrl,
  isHiddenStyle,
  isNumberedMarker,
  wordListLevel,
} from './html-policy.ts';

export { plainTextToParagraphs } from './plain-text.ts';

// --- The little of the DOM this needs ---------------------------------------------------------

export interface PasteNode {
  readonly nodeType: number;
  readonly nodeName: string;
  textContent: string | null;
  readonly parentNode: PasteNode | null;
  readonly childNodes: ArrayLike<PasteNode>;
  readonly nextSibling: PasteNode | null;
  readonly previousSibling: PasteNode | null;
}
export interface PasteElement extends PasteNode {
  readonly tagName: string;
  remove(): void;
  removeChild(child: PasteNode): unknown;
  readonly firstChild: PasteNode | null;
  innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  appendChild(node: PasteNode): unknown;
  insertBefore(node: PasteNode, child: PasteNode | null): unknown;
  querySelectorAll(selectors: string): ArrayLike<PasteElement>;
}
export interface PasteDocument {
  readonly body: PasteElement | null;
  createElement(tagName: string): PasteElement;
  createTreeWalker(root: PasteNode, whatToShow?: number): { nextNode(): PasteNode | null };
}
/** DOMPurify, or anything with its `sanitize(html, config)`. */
export interface Purifier {
  sanitize(html: string, config: Record<string, unknown>): unknown;
}

const ELEMENT = 1;
const TEXT = 3;
const SHOW_COMMENT = 0x80;

export interface CleanPaste {
  readonly html: string;
  /** The pasted `<h1>`, when the story had no headline yet: the caller puts it in the headline field. */
  readonly headline?: string;
}

/** DOMPurify configured from the shared allow-list. */
export const PURIFY_CONFIG: Readonly<Record<string, unknown>> = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR: [...new Set(Object.values(ALLOWED_ATTRIBUTES).flat())],
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  FORBID_CONTENTS: [...DROPPED_WITH_CONTENT],
  KEEP_CONTENT: true,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/**
 * The fragment a clipboard's HTML holds: what lies between `<!--StartFragment-->` and
 * `<!--EndFragment-->` when they are there (Windows' CF_HTML, with or without its
 * `Version:0.9 StartHTML:…` header), else the whole text.
 */
export function clipboardFragment(raw: string): string {
  const start = raw.indexOf('<!--StartFragment-->');
  const end = raw.indexOf('<!--EndFragment-->');
  if (start >= 0 && end > start) return raw.slice(start + '<!--StartFragment-->'.length, end);
  const html = raw.search(/<html|<body|<!doctype/i);
  return /^Version:\d/.test(raw) && html > 0 ? raw.slice(html) : raw;
}

/**
 * Clean a pasted document (it is changed in place) into allowed HTML.
 * @param currentHeadline the story's headline now ('' when it has none).
 */
export function cleanPastedHtml(doc: PasteDocument, purify: Purifier, currentHeadline = ''): CleanPaste {
  const body = doc.body;
  if (!body) return { html: '' };
  removeComments(doc, body);
  for (const el of all(body, 'o\\:p, meta, link, style, script, title')) el.remove();
  for (const el of all(body, '[style]')) if (isHiddenStyle(el.getAttribute('style') ?? '') && !isWordMarker(el)) el.remove();
  rebuildWordLists(doc, body);
  for (const el of all(body, '[style*="mso-list"]')) if (isWordMarker(el)) el.remove();
  unwrapGoogleDocs(body);
  chromeSpaces(doc, body);
  stylesToTags(doc, body);
  unwrapGoogleRedirects(body);
  // A link to nowhere safe keeps its text and stops being a link (an editor link needs a target).
  for (const a of all(body, 'a')) if (!isAllowedUrl(a.getAttribute('href') ?? '')) unwrap(a);
  for (const el of all(body, 'li > p')) unwrap(el);
  removeEmptyBlocks(body);
  const headline = handleHeadings(doc, body, currentHeadline.trim());
  const html = String(purify.sanitize(body.innerHTML, { ...PURIFY_CONFIG })).trim();
  return headline ? { html, headline } : { html };
}

// --- Steps ------------------------------------------------------------------------------------

const all = (root: PasteElement, selector: string) => Array.from(root.querySelectorAll(selector));
const squash = (s: string | null) => (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
const isWordMarker = (el: PasteElement) => /mso-list\s*:\s*ignore/i.test(el.getAttribute('style') ?? '');

function removeComments(doc: PasteDocument, root: PasteElement): void {
  const walker = doc.createTreeWalker(root, SHOW_COMMENT);
  const comments: PasteNode[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
  for (const c of comments) (c.parentNode as PasteElement | null)?.removeChild(c);
}

/** Put `nodes` where `el` stands, and take `el` out. */
function replace(el: PasteNode, nodes: readonly PasteNode[]): void {
  const parent = el.parentNode as PasteElement | null;
  if (!parent) return;
  for (const node of nodes) parent.insertBefore(node, el);
  parent.removeChild(el);
}
function unwrap(el: PasteElement): void {
  replace(el, Array.from(el.childNodes));
}

interface WordItem {
  readonly el: PasteElement;
  readonly list: string;
  readonly level: number;
  readonly ordered: boolean;
}
function wordItem(node: PasteNode): WordItem | null {
  if (node.nodeType !== ELEMENT || node.nodeName !== 'P') return null;
  const el = node as PasteElement;
  const style = el.getAttribute('style') ?? '';
  const level = wordListLevel(el.getAttribute('class') ?? '', style);
  if (level === null) return null;
  const marker = all(el, '[style*="mso-list"]').find(isWordMarker);
  return { el, list: /mso-list\s*:\s*(l\d+)/i.exec(style)?.[1] ?? '', level, ordered: marker ? isNumberedMarker(squash(marker.textContent)) : false };
}

/** Word's runs of list paragraphs into nested `<ul>`/`<ol>` with `<li>`s. */
function rebuildWordLists(doc: PasteDocument, root: PasteElement): void {
  for (const p of all(root, 'p')) {
    const first = wordItem(p);
    if (!first || !p.parentNode) continue;
    const prev = previousElement(p);
    if (prev && wordItem(prev)?.list === first.list) continue; // not the start of a run
    const run: WordItem[] = [first];
    for (let next = nextElement(p); next; next = nextElement(next)) {
      const item = wordItem(next);
      if (!item || item.list !== first.list) break;
      run.push(item);
    }
    const top = doc.createElement(first.ordered ? 'ol' : 'ul');
    replace(first.el, [top]);
    const stack: { level: number; list: PasteElement }[] = [{ level: run[0]!.level, list: top }];
    for (const item of run) {
      while (stack.length > 1 && item.level < stack[stack.length - 1]!.level) stack.pop();
      let current = stack[stack.length - 1]!;
      if (item.level > current.level) {
        const sub = doc.createElement(item.ordered ? 'ol' : 'ul');
        let parentItem = current.list.childNodes[current.list.childNodes.length - 1] as PasteElement | undefined;
        if (!parentItem) {
          parentItem = doc.createElement('li');
          current.list.appendChild(parentItem);
        }
        parentItem.appendChild(sub);
        current = { level: item.level, list: sub };
        stack.push(current);
      }
      const li = doc.createElement('li');
      for (const child of Array.from(item.el.childNodes)) li.appendChild(child);
      current.list.appendChild(li);
      if (item.el !== first.el) item.el.remove();
    }
  }
}
function nextElement(node: PasteNode): PasteElement | null {
  for (let n = node.nextSibling; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT) return n as PasteElement;
    if (n.nodeType === TEXT && squash(n.textContent) !== '') return null;
  }
  return null;
}
function previousElement(node: PasteNode): PasteElement | null {
  for (let n = node.previousSibling; n; n = n.previousSibling) {
    if (n.nodeType === ELEMENT) return n as PasteElement;
    if (n.nodeType === TEXT && squash(n.textContent) !== '') return null;
  }
  return null;
}

/** Google Docs' `<b style="font-weight:normal" id="docs-internal-guid-…">` wrapper, and any `<b>` that says it is not bold. */
function unwrapGoogleDocs(root: PasteElement): void {
  for (const b of all(root, 'b[id^="docs-internal-guid"], b[style]')) {
    if (formattingOfStyle(b.getAttribute('style') ?? '').bold === false || (b.getAttribute('id') ?? '').startsWith('docs-internal-guid')) unwrap(b);
  }
}

/** Spans styled bold, italic, underlined or struck through become the tags that say so. */
function stylesToTags(doc: PasteDocument, root: PasteElement): void {
  for (const span of all(root, 'span[style], font[style]')) {
    const f = formattingOfStyle(span.getAttribute('style') ?? '');
    // A link's underline is the link's, not formatting of its own.
    const inLink = span.parentNode?.nodeName === 'A';
    const tags = [f.bold && 'strong', f.italic && 'em', f.underline && !inLink && 'u', f.strikethrough && 's'].filter((t): t is string => Boolean(t));
    let content: PasteNode[] = Array.from(span.childNodes);
    for (const tag of tags.reverse()) {
      const wrapper = doc.createElement(tag);
      for (const c of content) wrapper.appendChild(c);
      content = [wrapper];
    }
    replace(span, content);
  }
}

/**
 * Chrome keeps the spaces at the edges of copied elements as `<span>&nbsp;</span>`: those are
 * word spaces, not no-break spaces someone typed.
 */
function chromeSpaces(doc: PasteDocument, root: PasteElement): void {
  for (const span of all(root, 'span')) {
    if (span.textContent === '\u00a0' && span.childNodes.length === 1 && span.firstChild?.nodeType === TEXT) {
      const space = doc.createElement('span');
      space.textContent = ' ';
      replace(span, Array.from(space.childNodes));
    }
  }
}

/** Google's `https://www.google.com/url?q=TARGET&…` redirects point at their target. */
function unwrapGoogleRedirects(root: PasteElement): void {
  for (const a of all(root, 'a[href]')) {
    const href = a.getAttribute('href') ?? '';
    const m = /^https?:\/\/(?:www\.)?google\.[a-z.]+\/url\?(?:.*&)?q=([^&]+)/i.exec(href);
    if (m) {
      const target = decodeURIComponent(m[1]!);
      if (isAllowedUrl(target)) a.setAttribute('href', target);
    }
  }
}

/** Paragraphs and headings with no text (Word's `<p>&nbsp;</p>`), and line breaks between blocks (Google Docs). */
function removeEmptyBlocks(root: PasteElement): void {
  for (const el of all(root, 'p, h1, h2, h3, h4, h5, h6, li, blockquote')) {
    if (squash(el.textContent) === '' && all(el, 'ul, ol').length === 0) el.remove();
  }
  for (const br of all(root, 'br')) {
    const between = !/^(?:P|LI|H\d|BLOCKQUOTE)$/.test(br.parentNode?.nodeName ?? '') && isBlockOrEdge(br.previousSibling, 'previousSibling') && isBlockOrEdge(br.nextSibling, 'nextSibling');
    if (between || (br.getAttribute('class') ?? '').includes('Apple-interchange-newline')) br.remove();
  }
}

const BLOCK = /^(?:P|H\d|UL|OL|LI|BLOCKQUOTE|DIV|TABLE|BR)$/;
/** Whether, past white space, the neighbour on one side is a block or nothing: a `<br>` there separates no lines. */
function isBlockOrEdge(node: PasteNode | null, direction: 'previousSibling' | 'nextSibling'): boolean {
  for (let n = node; n; n = n[direction]) {
    if (n.nodeType === TEXT && squash(n.textContent) === '') continue;
    return n.nodeType === ELEMENT && BLOCK.test(n.nodeName);
  }
  return true;
}

/** Word's Title style, and `<h1>`: the headline, dropped, or a second-level heading. */
function handleHeadings(doc: PasteDocument, root: PasteElement, currentHeadline: string): string | undefined {
  for (const title of all(root, 'p.MsoTitle')) {
    const h1 = doc.createElement('h1');
    for (const c of Array.from(title.childNodes)) h1.appendChild(c);
    replace(title, [h1]);
  }
  let headline: string | undefined;
  for (const h1 of all(root, 'h1')) {
    const text = squash(h1.textContent);
    if (headline === undefined && currentHeadline === '' && text) {
      headline = text;
      h1.remove();
    } else if (text === currentHeadline || text === headline) {
      h1.remove();
    } else {
      const h2 = doc.createElement('h2');
      for (const c of Array.from(h1.childNodes)) h2.appendChild(c);
      replace(h1, [h2]);
    }
  }
  return headline;
}
