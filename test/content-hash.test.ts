import { describe, expect, it } from 'vitest';
import { bodyJson, paragraphNode, textNode } from '../src/shared/body.ts';
import { contentHash } from '../src/main/services/content-hash.ts';

const base = {
  headline: 'What Does Azerbaijan Want as It Expands Ties With Israel?',
  body: bodyJson([paragraphNode([textNode('Baku blames '), textNode('Iran', 1), textNode(' for the attack.')])]),
  keywords: ['Azerbaijan', 'Israel', 'Iran'],
};

describe('content hash', () => {
  it('is a stable SHA-256 for equal content', () => {
    expect(contentHash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ ...base })).toBe(contentHash(base));
  });

  it('changes after any content edit', () => {
    const h = contentHash(base);
    expect(contentHash({ ...base, headline: base.headline + '!' })).not.toBe(h);
    expect(contentHash({ ...base, keywords: ['Azerbaijan', 'Israel'] })).not.toBe(h);
    const unbolded = bodyJson([paragraphNode([textNode('Baku blames '), textNode('Iran'), textNode(' for the attack.')])]);
    expect(contentHash({ ...base, body: unbolded })).not.toBe(h);
    const oneWord = bodyJson([paragraphNode([textNode('Baku blames '), textNode('Iran', 1), textNode(' for the attacks.')])]);
    expect(contentHash({ ...base, body: oneWord })).not.toBe(h);
  });

  it('ignores what is not content: keyword order, node splits, editor-only fields', () => {
    const h = contentHash(base);
    expect(contentHash({ ...base, keywords: ['Iran', 'Israel', 'Azerbaijan'] })).toBe(h);
    const split = bodyJson([paragraphNode([textNode('Baku '), textNode('blames '), textNode('Iran', 1), textNode(' for the attack.')])]);
    expect(contentHash({ ...base, body: split })).toBe(h);
    const withDirection = JSON.parse(base.body);
    withDirection.root.children[0].direction = 'rtl';
    withDirection.root.children[0].children[0].style = 'color: red';
    expect(contentHash({ ...base, body: JSON.stringify(withDirection) })).toBe(h);
  });
});

import { parseBody, plainText } from '../src/shared/body.ts';

describe('reading stored bodies', () => {
  it('degrades odd shapes to text instead of failing', () => {
    const odd = JSON.stringify({
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: 'not an array' },
          { type: 'mystery-block', children: [{ type: 'text', text: 'kept' }, null, 7] },
          { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [{ type: 'text', text: 'item', format: 'bold' }] }] },
          { type: 'paragraph', children: [{ type: 'text', text: 42 }, { type: 'link', url: 5, children: [{ type: 'text', text: 'link' }] }] },
        ],
      },
    });
    expect(plainText(parseBody(odd))).toBe('kept\n• item\nlink');
  });
  it('refuses what is not an editor document at all', () => {
    expect(() => parseBody('null')).toThrow(/not a valid editor document/);
    expect(() => parseBody('{"root": 3}')).toThrow(/not a valid editor document/);
  });
});

import { countWords } from '../src/shared/body.ts';

describe('word count', () => {
  const REFERENCE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-]*/gu; // the definition, as a regular expression
  const reference = (text: string) => text.match(REFERENCE)?.length ?? 0;

  it('counts words the way the definition reads, in every script', () => {
    for (const text of [
      'Jerusalem, 18 April, 2023 (TPS) -- Following up on the recent opening of Azerbaijan’s embassy',
      'Israeli-Azerbaijani relations — “Do you really believe it?” he said.',
      'שר החוץ אלי כהן נפגש עם נשיא אזרבייג׳ן. שָׁלוֹם לכולם',
      'وزير الخارجية في باكو، مَرْحَبًا',
      "'quoted' -dash- 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🗞️ news 日本語 x",
      '',
    ]) {
      expect(countWords(text)).toBe(reference(text));
    }
  });

  it('agrees with the definition on random text', () => {
    const pieces = ['a', 'Z', '9', ' ', '-', "'", '’', '.', 'ש', 'ָ', 'ب', 'َ', '\n', '🗞', 'é', 'e\u0301', '—'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      expect(countWords(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});
