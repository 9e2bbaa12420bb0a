import { describe, expect, it } from 'vitest';
import { storyToMarkdown, yamlString } from '../../src/main/services/export/markdown.ts';
import {
  BOLD,
  CODE,
  EVERY_KIND_BODY,
  HASH,
  ITALIC,
  STORY_ID,
  STRIKE,
  TRICKY,
  UNDERLINE,
  approvedStory,
  bodyJson,
  br,
  bullets,
  heading,
  item,
  link,
  makeStory,
  numbers,
  p,
  quote,
  t,
  tpsStory,
} from './stories.ts';
import { parse as parseYaml } from 'yaml';

/** The Markdown after the front matter and the headline. */
function bodyOf(markdown: string): string {
  const afterFrontMatter = markdown.slice(markdown.indexOf('\n---\n') + 5);
  return afterFrontMatter.split('\n\n').slice(1).join('\n\n');
}

/** The front matter as key → raw value text (values are YAML double-quoted, i.e. JSON strings). */
function frontMatter(markdown: string): string[] {
  return markdown.slice(4, markdown.indexOf('\n---\n')).split('\n');
}

describe('storyToMarkdown', () => {
  it('writes front matter, the headline and every block and inline kind', () => {
    const story = approvedStory({ body: EVERY_KIND_BODY, keywords: ['budget', 'city council'] });
    expect(storyToMarkdown(story)).toBe(
      [
        '---',
        `id: "${STORY_ID}"`,
        'headline: "Council approves budget"',
        'author: "Dana Levi"',
        'status: "approved"',
        'revision: 4',
        'created: "2026-11-27T09:00:00.000Z"',
        'updated: "2026-11-27T10:30:00.000Z"',
        'keywords:',
        '  - "budget"',
        '  - "city council"',
        'approval:',
        '  approver: "Eli Editor"',
        '  approvedAt: "2026-11-27T11:00:00.000Z"',
        `  contentHash: "${HASH}"`,
        'language: "en"',
        '---',
        '',
        '# Council approves budget',
        '',
        'Plain **bold** *italic* ~~struck~~ <u>under</u> `code` and [a link](https://example.com/a).',
        '',
        // The headline is the only H1: a body h1 becomes h2; other levels are kept.
        '## Heading one',
        '',
        '## Heading two',
        '',
        '### Heading three',
        '',
        '> A quote\\',
        '> on two lines',
        '',
        '- First',
        '- Second',
        '  1. Nested one',
        '  2. Nested two',
        '- Third',
        '',
        '1. One',
        '2. Two',
        '',
        'Line one\\',
        'Line two',
        '',
        '***both***',
        '',
      ].join('\n')
    );
  });

  it('writes an empty keyword list and no approval for a draft', () => {
    const lines = frontMatter(storyToMarkdown(makeStory({ keywords: [] })));
    expect(lines).toContain('keywords: []');
    expect(lines.some((l) => l.startsWith('approval'))).toBe(false);
  });

  it('escapes text that Markdown would read as syntax', () => {
    const texts = [
      '*not bold*',
      '# not heading',
      '1. not a list',
      '<b>not html</b>',
      '&amp; stays',
      '[not](a link)',
      '- not an item',
      '+ not an item',
      '===',
      '> not a quote',
      '`not code`',
      '_not italic_ ~~not struck~~ a|b \\ back',
      '    four spaces',
    ];
    const body = bodyOf(storyToMarkdown(makeStory({ body: bodyJson(texts.map((x) => p(t(x)))) })));
    expect(body.trimEnd().split('\n\n')).toEqual([
      '\\*not bold\\*',
      '\\# not heading',
      '1\\. not a list',
      '\\<b\\>not html\\</b\\>',
      '\\&amp; stays',
      '\\[not\\](a link)',
      '\\- not an item',
      '\\+ not an item',
      '\\===',
      '\\> not a quote',
      '\\`not code\\`',
      '\\_not italic\\_ \\~\\~not struck\\~\\~ a\\|b \\\\ back',
      // Markdown ignores leading spaces (and four would make a code block), so they are dropped.
      'four spaces',
    ]);
  });

  it('escapes line starts after a line break and inside quotes and list items', () => {
    const body = bodyJson([
      p(t('first'), br(), t('# second'), br(), t('2. third')),
      quote(t('- quoted')),
      bullets(item(t('1. inside'))),
    ]);
    expect(bodyOf(storyToMarkdown(makeStory({ body })))).toBe(
      'first\\\n\\# second\\\n2\\. third\n\n> \\- quoted\n\n- 1\\. inside\n'
    );
  });

  it('keeps &, <, ]]>, quotes, emoji, Hebrew and Arabic in headline, keywords and body', () => {
    const story = makeStory({ headline: TRICKY.headline, keywords: TRICKY.keywords, body: bodyJson([p(t(TRICKY.body))]) });
    const markdown = storyToMarkdown(story);
    expect(markdown).toContain('\n# Q\\&A: "Peace" \\<now\\> \\]\\]\\> 🗞️ שלום עולם — مرحبا بالعالم\n');
    expect(bodyOf(markdown)).toBe(
      'Tom \\& Jerry \\<b\\>not bold\\</b\\> \\]\\]\\> "double" \'single\' 🗞️ שלום עולם مرحبا بالعالم\n'
    );
    // Front matter values are double-quoted YAML, which for these is JSON: parse them back.
    const lines = frontMatter(markdown);
    expect(JSON.parse(lines.find((l) => l.startsWith('headline: '))!.slice('headline: '.length))).toBe(TRICKY.headline);
    const keywords = lines.filter((l) => l.startsWith('  - ')).map((l) => JSON.parse(l.slice(4)));
    expect(keywords).toEqual(TRICKY.keywords);
  });

  it('quotes YAML values safely: colons, quotes, #, newlines, controls and line separators', () => {
    expect(yamlString('Budget: "yes" # maybe')).toBe('"Budget: \\"yes\\" # maybe"');
    expect(yamlString('two\nlines\ttab')).toBe('"two\\nlines\\ttab"');
    expect(yamlString('nel\u0085 ls\u2028 ps\u2029 del\u007f bom\ufeff')).toBe(
      '"nel\\u0085 ls\\u2028 ps\\u2029 del\\u007f bom\\ufeff"'
    );
    expect(yamlString('🗞️ שלום')).toBe('"🗞️ שלום"');
    // A lone surrogate cannot be written as UTF-8; it becomes the replacement character.
    expect(yamlString('bad \ud800 half')).toBe('"bad \ufffd half"');
    const lines = frontMatter(storyToMarkdown(makeStory({ headline: 'Line one\nline two', author: '- not a list' })));
    expect(lines).toContain('headline: "Line one\\nline two"');
    expect(lines).toContain('author: "- not a list"');
  });

  it('writes the headline on one line even if it holds a newline', () => {
    expect(storyToMarkdown(makeStory({ headline: 'One\ntwo' }))).toContain('\n# One two\n');
  });

  it('writes links safely: encoded targets, unsafe schemes dropped', () => {
    const body = bodyJson([
      p(link('https://example.com/a b(c)', t('spaced'))),
      p(link('javascript:alert(1)', t('script')), t(' stays text')),
      p(link('https://example.com', t('bold link', BOLD))),
    ]);
    expect(bodyOf(storyToMarkdown(makeStory({ body })))).toBe(
      '[spaced](https://example.com/a%20b%28c%29)\n\nscript stays text\n\n[**bold link**](https://example.com)\n'
    );
  });

  it('keeps formatting readable where Markdown emphasis rules would fail', () => {
    const body = bodyJson([
      // `**bold**` touching `*italic*` would merge into one ambiguous `***` run.
      p(t('bold', BOLD), t('italic', ITALIC)),
      // `**a.**b`: a closing mark between punctuation and a letter does not close.
      p(t('Hello.', BOLD), t('next')),
      // Spaces at the edges of a formatted run go outside the marks.
      p(t('a'), t(' spaced ', BOLD), t('b')),
      p(t('all', BOLD | ITALIC | STRIKE | UNDERLINE)),
    ]);
    expect(bodyOf(storyToMarkdown(makeStory({ body })))).toBe(
      '<strong>bold</strong>*italic*\n\n<strong>Hello.</strong>next\n\na **spaced** b\n\n<u>~~***all***~~</u>\n'
    );
  });

  it('writes code spans that survive backticks inside', () => {
    const body = bodyJson([p(t('a`b', CODE)), p(t('`tick', CODE)), p(t(' padded ', CODE)), p(t('*x*', CODE | BOLD))]);
    expect(bodyOf(storyToMarkdown(makeStory({ body })))).toBe(
      '``a`b``\n\n`` `tick ``\n\n`  padded  `\n\n**`*x*`**\n'
    );
  });

  it('keeps adjacent lists apart and nests lists under their items', () => {
    const body = bodyJson([
      bullets(item(t('a'))),
      bullets(item(t('b'))),
      numbers(item(t('c'))),
      numbers(item(t('d'))),
      numbers(...Array.from({ length: 10 }, (_, i) => item(t(`n${i + 1}`)))),
      bullets(item(t('outer')), item(bullets(item(t('inner')), item(t('inner two'), br(), t('wrapped'))))),
    ]);
    expect(bodyOf(storyToMarkdown(makeStory({ body })))).toBe(
      [
        '- a',
        '',
        '* b',
        '',
        '1. c',
        '',
        '1) d',
        '',
        '1. n1\n2. n2\n3. n3\n4. n4\n5. n5\n6. n6\n7. n7\n8. n8\n9. n9\n10. n10',
        '',
        '- outer\n  - inner\n  - inner two\\\n    wrapped',
        '',
      ].join('\n')
    );
  });

  it('drops empty paragraphs and line breaks at block edges', () => {
    const body = bodyJson([p(), p(t('')), p(br(), t('text'), br()), heading('h2', t('Head'), br(), t('line'))]);
    expect(bodyOf(storyToMarkdown(makeStory({ body })))).toBe('text\n\n## Head<br>line\n');
  });

  it('turns newlines inside a text node into line breaks', () => {
    const body = bodyJson([p(t('one\ntwo\r\nthree'))]);
    expect(bodyOf(storyToMarkdown(makeStory({ body })))).toBe('one\\\ntwo\\\nthree\n');
  });

  it('writes every field of the news item in the front matter, and never the editorial note', () => {
    const tps = tpsStory();
    const markdown = storyToMarkdown(tps);
    const data = parseYaml(markdown.slice(4, markdown.indexOf('\n---\n'))) as Record<string, unknown>;
    for (const field of ['slugline', 'summary', 'byline', 'dateline', 'located', 'language', 'genre', 'urgency', 'subjects', 'entities', 'creditLine', 'copyrightHolder', 'copyrightNotice', 'usageTerms', 'embargo', 'pictures', 'desk', 'targetWords'] as const) {
      expect(data[field], field).toEqual(tps[field]);
    }
    expect(data.keywords).toEqual(tps.keywords);
    expect(data.headline).toBe(tps.headline);
    expect(data).not.toHaveProperty('editorialNote');
    expect(markdown).not.toContain(tps.editorialNote);
    expect(markdown).toContain('\nbyline:\n  - name: "Pesach Benson"\n    role: "writer"\n');
    expect(markdown).toContain('\ndateline:\n  place:\n    name: "Jerusalem"\n    countryCode: "IL"\n  date: "2023-04-18"\n  agency: "TPS"\n');
  });

  it('leaves empty fields out of the front matter', () => {
    const markdown = storyToMarkdown(makeStory({ language: '' }));
    expect(frontMatter(markdown).map((l) => l.replace(/:.*/, ''))).toEqual(['id', 'headline', 'author', 'status', 'revision', 'created', 'updated', 'keywords', '  - "budget"']);
  });
});
