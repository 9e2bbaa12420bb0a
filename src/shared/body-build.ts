/**
 * The way back from the typed body document (`body.ts`) to the editor's serialized Lexical state:
 * importers read a file into blocks and inline runs, and this writes the JSON the editor opens,
 * in the shapes Lexical itself writes (a sublist in its own list item after its parent item).
 * `parseBody(bodyFromDocument(doc))` gives `doc` back.
 */
import { bodyJson, textNode, paragraphNode, type Block, type BodyDocument, type Inline, type ListBlock, type SerializedNode, type TextRun } from './body.ts';

// Lexical's text format bit flags, as in body.ts.
const BOLD = 1;
const ITALIC = 1 << 1;
const STRIKETHROUGH = 1 << 2;
const UNDERLINE = 1 << 3;
const CODE = 1 << 4;

export function formatBits(run: Pick<TextRun, 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code'>): number {
  return (run.bold ? BOLD : 0) | (run.italic ? ITALIC : 0) | (run.strikethrough ? STRIKETHROUGH : 0) | (run.underline ? UNDERLINE : 0) | (run.code ? CODE : 0);
}

/** A plain text run, for builders. */
export function run(text: string, format: Partial<Pick<TextRun, 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code'>> = {}): TextRun {
  return { kind: 'text', text, bold: false, italic: false, underline: false, strikethrough: false, code: false, ...format };
}

const element = (type: string, children: SerializedNode[], extra: Record<string, unknown> = {}): SerializedNode => ({
  children,
  direction: null,
  format: '',
  indent: 0,
  type,
  version: 1,
  ...extra,
});

function inlineNodes(inlines: readonly Inline[]): SerializedNode[] {
  return inlines.flatMap((inline): SerializedNode[] => {
    if (inline.kind === 'break') return [{ type: 'linebreak', version: 1 }];
    if (inline.kind === 'text') return inline.text === '' ? [] : [textNode(inline.text, formatBits(inline))];
    return [element('link', inline.children.filter((c) => c.text !== '').map((c) => textNode(c.text, formatBits(c))), { rel: null, target: null, title: null, url: inline.url })];
  });
}

function listNode(list: ListBlock, indent: number): SerializedNode {
  const items: SerializedNode[] = [];
  let value = 1;
  for (const item of list.items) {
    items.push(element('listitem', inlineNodes(item.inlines), { indent, value: value++ }));
    for (const sub of item.sublists) items.push(element('listitem', [listNode(sub, indent + 1)], { indent, value: value++ }));
  }
  return element('list', items, { listType: list.ordered ? 'number' : 'bullet', start: 1, tag: list.ordered ? 'ol' : 'ul' });
}

function blockNode(block: Block): SerializedNode {
  switch (block.kind) {
    case 'paragraph':
      return paragraphNode(inlineNodes(block.inlines));
    case 'heading':
      return element('heading', inlineNodes(block.inlines), { tag: `h${block.level}` });
    case 'quote':
      return element('quote', inlineNodes(block.inlines));
    case 'list':
      return listNode(block, 0);
  }
}

/** Serialized editor state for a body document; an empty document is one empty paragraph. */
export function bodyFromDocument(doc: BodyDocument): string {
  const blocks = doc.blocks.map(blockNode);
  return bodyJson(blocks.length > 0 ? blocks : [paragraphNode([])]);
}
