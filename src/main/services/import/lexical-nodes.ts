/**
 * Builders for the serialized Lexical nodes an import writes (the shapes Lexical 0.52's
 * `exportJSON` gives, so the editor loads them as if typed): headings, quotes, lists, links and
 * line breaks, beside `paragraphNode` and `textNode` from `shared/body.ts`.
 */
import type { SerializedNode } from '../../../shared/body.ts';

const element = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({
  type,
  children,
  direction: null,
  format: '',
  indent: 0,
  version: 1,
  ...extra,
});

export const headingNode = (level: number, children: SerializedNode[]) => element('heading', children, { tag: `h${level}`, textFormat: 0, textStyle: '' });
export const quoteNode = (children: SerializedNode[]) => element('quote', children);
export const listNode = (ordered: boolean, items: SerializedNode[], start = 1) =>
  element('list', items, { listType: ordered ? 'number' : 'bullet', start, tag: ordered ? 'ol' : 'ul' });
export const listItemNode = (value: number, children: SerializedNode[]) => element('listitem', children, { value, checked: undefined });
export const linkNode = (url: string, children: SerializedNode[]) => element('link', children, { url, rel: 'noreferrer', target: null, title: null });
export const lineBreakNode = (): SerializedNode => ({ type: 'linebreak', version: 1 });

// Lexical's text format bits.
export const BOLD = 1;
export const ITALIC = 2;
export const STRIKETHROUGH = 4;
export const UNDERLINE = 8;
export const CODE = 16;
export const SUBSCRIPT = 32;
export const SUPERSCRIPT = 64;
