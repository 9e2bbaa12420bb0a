import { describe, expect, it } from 'vitest';
import { bodyFromDocument, formatBits, run } from '../src/shared/body-build.ts';
import { bodyJsonSchema, canonicalBody, parseBody, type BodyDocument } from '../src/shared/body.ts';
import { EVERY_KIND_BODY } from './export/stories.ts';

describe('bodyFromDocument', () => {
  it('writes a body that parseBody reads back as the same document', () => {
    const doc = parseBody(EVERY_KIND_BODY);
    const json = bodyFromDocument(doc);
    expect(bodyJsonSchema.safeParse(json).success).toBe(true);
    expect(canonicalBody(parseBody(json))).toEqual(canonicalBody(doc));
  });

  it('nests a sublist in its own list item after its parent, as Lexical does', () => {
    const doc: BodyDocument = {
      blocks: [{ kind: 'list', ordered: false, items: [{ inlines: [run('parent')], sublists: [{ kind: 'list', ordered: true, items: [{ inlines: [run('child')], sublists: [] }] }] }] }],
    };
    const list = JSON.parse(bodyFromDocument(doc)).root.children[0];
    expect(list.children.map((c: { type: string; value: number }) => [c.type, c.value])).toEqual([['listitem', 1], ['listitem', 2]]);
    expect(list.children[1].children[0]).toMatchObject({ type: 'list', listType: 'number', tag: 'ol' });
  });

  it('writes an empty document as one empty paragraph, and Lexical format bits for runs', () => {
    expect(JSON.parse(bodyFromDocument({ blocks: [] })).root.children).toEqual([expect.objectContaining({ type: 'paragraph', children: [] })]);
    expect(formatBits(run('x', { bold: true, italic: true, code: true }))).toBe(1 | 2 | 16);
  });
});
