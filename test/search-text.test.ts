import { describe, expect, it } from 'vitest';
import { foldForSearch, parseQuery } from '../src/shared/search-text.ts';

describe('search text folding', () => {
  it('folds case and Latin diacritics', () => {
    expect(foldForSearch('Café ÉLYSÉE Zürich')).toBe('cafe elysee zurich');
  });
  it('drops Hebrew niqqud and Arabic harakat and tatweel', () => {
    expect(foldForSearch('שָׁלוֹם')).toBe('שלום');
    expect(foldForSearch('مَرْحَبًا')).toBe('مرحبا');
    expect(foldForSearch('عـــربي')).toBe('عربي');
  });
});

describe('query parsing', () => {
  it('splits terms and quoted phrases, ignoring punctuation', () => {
    expect(parseQuery('Baku "Tel Aviv" embassy,')).toEqual({ terms: ['baku', 'embassy'], phrases: ['tel aviv'] });
  });
  it('treats an unclosed quote as a phrase to the end', () => {
    expect(parseQuery('"foreign minister')).toEqual({ terms: [], phrases: ['foreign minister'] });
  });
  it('folds Hebrew terms and drops duplicates', () => {
    expect(parseQuery('שָׁלוֹם שלום')).toEqual({ terms: ['שלום'], phrases: [] });
  });
  it('finds nothing to search in punctuation alone', () => {
    expect(parseQuery(' -- * ')).toEqual({ terms: [], phrases: [] });
  });
});

import { HIT_END, HIT_START, ftsMatchExpression, makeSnippet } from '../src/shared/search-text.ts';

const show = (s: string) => s.replaceAll(HIT_START, '[').replaceAll(HIT_END, ']');

describe('snippets', () => {
  it('highlights prefix hits to the end of the word, in the original text', () => {
    const text = 'In Baku, Cohen is expected to meet with Azerbaijan President Ilham Aliyev.';
    expect(show(makeSnippet(text, parseQuery('bak aliyev')))).toBe(
      'In [Baku], Cohen is expected to meet with Azerbaijan President Ilham [Aliyev].'
    );
  });
  it('keeps accents and niqqud in the excerpt while matching without them', () => {
    expect(show(makeSnippet('Le café de Zürich', parseQuery('cafe')))).toBe('Le [café] de Zürich');
    expect(show(makeSnippet('אמר שָׁלוֹם לכולם', parseQuery('שלום')))).toBe('אמר [שָׁלוֹם] לכולם');
  });
  it('matches phrases across punctuation and starts near the first hit in long text', () => {
    const text = 'word '.repeat(100) + 'the Tel-Aviv embassy opened.';
    const snippet = show(makeSnippet(text, parseQuery('"tel aviv"'), 60));
    expect(snippet).toContain('[Tel-Aviv]');
    expect(snippet.startsWith('…')).toBe(true);
  });
});

describe('FTS expression', () => {
  it('quotes every token, prefixes terms', () => {
    expect(ftsMatchExpression(parseQuery('Baku "tel aviv"'))).toBe('"tel aviv" "baku"*');
  });
});

describe('snippets where folding changes lengths', () => {
  it('highlights the right word after a ligature that folds into two letters', () => {
    // "ﬁ" folds to "fi" (one character grows): positions after it shift by one.
    expect(show(makeSnippet('The ﬁnal report on Baku.', parseQuery('baku')))).toBe('The ﬁnal report on [Baku].');
  });
  it('highlights the right word when a grown and a shrunk character cancel out', () => {
    // "ﬁ" grows by one and the niqqud mark shrinks by one: the lengths agree, the positions do not.
    expect(show(makeSnippet('ﬁle שָלום Baku', parseQuery('baku')))).toBe('ﬁle שָלום [Baku]');
  });
  it('finds a hit deep in a long story and shows the window around it', () => {
    const text = 'Filler words go here. '.repeat(800) + 'In Baku, Cohen met Aliyev.';
    const snippet = show(makeSnippet(text, parseQuery('aliyev')));
    expect(snippet).toContain('[Aliyev]');
    expect(snippet.startsWith('…')).toBe(true);
  });
});

describe('Hebrew prefixes', () => {
  it('a Hebrew term also matches the word with ו ב ל ה מ ש כ joined to it', async () => {
    const { ftsMatchExpression, makeSnippet, parseQuery, termForms } = await import('../src/shared/search-text.ts');
    const forms = termForms('איראן');
    for (const word of ['איראן', 'ובאיראן', 'לאיראן', 'האיראן', 'מהאיראן', 'שבאיראן', 'כשאיראן', 'וכשבאיראן']) expect(forms, word).toContain(word);
    expect(forms).not.toContain('אאיראן');
    expect(termForms('iran')).toEqual(['iran']);
    expect(termForms('א')).toEqual(['א']);
    const expression = ftsMatchExpression(parseQuery('איראן baku'));
    expect(expression.startsWith('("איראן"* OR ')).toBe(true);
    expect(expression).toContain('"ובאיראן"*');
    expect(expression.endsWith(') "baku"*')).toBe(true);
    expect(makeSnippet('הוא טס ובאיראן כעסו על כך.', parseQuery('איראן'))).toContain('\u0002ובאיראן\u0003');
  });
});
