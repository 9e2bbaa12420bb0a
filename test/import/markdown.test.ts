import { describe, expect, it } from 'vitest';
import { storyToMarkdown } from '../../src/main/services/export/markdown.ts';
import { canonicalContent } from '../../src/main/services/content-hash.ts';
import { markdownFormat, markdownToDraft } from '../../src/main/services/import/formats/markdown.ts';
import { markdownToDocument } from '../../src/main/services/import/markdown-parser.ts';
import { canonicalBody, parseBody } from '../../src/shared/body.ts';
import { emptyContent, storyContentPatchSchema } from '../../src/shared/story-fields.ts';
import { BOLD, EVERY_KIND_BODY, TRICKY, bodyJson, makeStory, p, t, tpsStory } from '../export/stories.ts';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
/** The canonical body of a Markdown text, for comparing. */
const body = (markdown: string) => canonicalBody(markdownToDocument(markdown));
const expected = (json: string) => canonicalBody(parseBody(json));

describe('Markdown import', () => {
  it('reads every field of the TPS story back from its own export', async () => {
    const tps = tpsStory();
    const draft = await markdownFormat.parse(file('tps.md', storyToMarkdown(tps)));
    expect(storyContentPatchSchema.safeParse(draft.content).success).toBe(true);
    const imported = { ...emptyContent(), ...draft.content };
    expect(canonicalContent(imported)).toBe(canonicalContent(tps));
    for (const field of ['slugline', 'summary', 'byline', 'dateline', 'located', 'language', 'genre', 'urgency', 'subjects', 'entities', 'creditLine', 'copyrightHolder', 'copyrightNotice', 'usageTerms', 'embargo', 'pictures', 'desk', 'targetWords'] as const) {
      expect(imported[field], field).toEqual(tps[field]);
    }
    expect(imported.editorialNote).toBe('');
    expect(draft.notes).toEqual([]);
  });

  it('reads back every block and inline kind the exporter writes, and hostile text', () => {
    for (const story of [makeStory({ body: EVERY_KIND_BODY }), makeStory({ headline: TRICKY.headline, keywords: TRICKY.keywords, body: bodyJson([p(t(TRICKY.body))]) })]) {
      const imported = { ...emptyContent(), ...markdownToDraft(storyToMarkdown(story)).content };
      // Body h1 is written as h2 (the headline is the only H1).
      expect(canonicalContent(imported)).toBe(canonicalContent({ ...story, body: story.body.replace('"tag":"h1"', '"tag":"h2"') }));
    }
  });

  it('reads ordinary Markdown: headings, lists, emphasis, links, quotes, code', () => {
    const doc = markdownToDocument(
      [
        'Setext title',
        '============',
        '',
        'Some *italic*, __bold__, ***both***, ~~gone~~, `a * b` and a [link](https://a.example/x "Title").',
        'Soft  ',
        'break and <https://auto.example> &amp; &copy;.',
        '',
        '> quoted *text*',
        'lazy line',
        '',
        '* one',
        '* two',
        '    1. nested',
        '',
        '```',
        'code block',
        '```',
        '',
        '---',
        '![alt text](pic.jpg)',
      ].join('\n')
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'quote', 'list', 'paragraph', 'paragraph']);
    const plain = (text: string) => ['t', text, 0, 0, 0, 0, 0];
    expect(canonicalBody(doc)).toEqual([
      ['h', 1, [plain('Setext title')]],
      [
        'paragraph',
        [
          plain('Some '),
          ['t', 'italic', 0, 1, 0, 0, 0],
          plain(', '),
          ['t', 'bold', 1, 0, 0, 0, 0],
          plain(', '),
          ['t', 'both', 1, 1, 0, 0, 0],
          plain(', '),
          ['t', 'gone', 0, 0, 0, 1, 0],
          plain(', '),
          ['t', 'a * b', 0, 0, 0, 0, 1],
          plain(' and a '),
          ['a', 'https://a.example/x', [plain('link')]],
          plain('. Soft'),
          ['br'],
          plain('break and '),
          ['a', 'https://auto.example', [plain('https://auto.example')]],
          plain(' & ©.'),
        ],
      ],
      ['quote', [plain('quoted '), ['t', 'text', 0, 1, 0, 0, 0], plain(' lazy line')]],
      ['list', 'ul', [[[plain('one')], []], [[plain('two')], [['list', 'ol', [[[plain('nested')], []]]]]]]],
      ['paragraph', [['t', 'code block', 0, 0, 0, 0, 1]]],
      ['paragraph', [plain('alt text')]],
    ]);
  });

  it('follows CommonMark where emphasis is subtle', () => {
    expect(body('a**b.**c')).toEqual(body('a\\*\\*b.\\*\\*c'));
    expect(body('snake_case_word')).toEqual([['paragraph', [['t', 'snake_case_word', 0, 0, 0, 0, 0]]]]);
    expect(body('*a **b** c*')).toEqual([['paragraph', [['t', 'a ', 0, 1, 0, 0, 0], ['t', 'b', 1, 1, 0, 0, 0], ['t', ' c', 0, 1, 0, 0, 0]]]]);
    expect(body('**unclosed')).toEqual([['paragraph', [['t', '**unclosed', 0, 0, 0, 0, 0]]]]);
    expect(body('<em>a</em><strong>b</strong><u>c</u><del>d</del>')).toEqual([
      ['paragraph', [['t', 'a', 0, 1, 0, 0, 0], ['t', 'b', 1, 0, 0, 0, 0], ['t', 'c', 0, 0, 1, 0, 0], ['t', 'd', 0, 0, 0, 1, 0]]],
    ]);
    expect(body('<script>alert(1)</script>x')).toEqual([['paragraph', [['t', 'alert(1)x', 0, 0, 0, 0, 0]]]]);
  });

  it('reads long runs of unmatched delimiters, brackets and backticks as the text they are', () => {
    const hostile = '*a_'.repeat(5_000) + '['.repeat(5_000);
    expect(body(hostile)).toEqual([['paragraph', [['t', hostile, 0, 0, 0, 0, 0]]]]);
    // Runs of 1, 2, 3… backticks: none is closed, so none is code.
    const ticks = Array.from({ length: 300 }, (_, n) => '`'.repeat(n + 1)).join('a');
    expect(body(ticks)).toEqual([['paragraph', [['t', ticks, 0, 0, 0, 0, 0]]]]);
  });

  it('cannot carry bold or italic on the spaces at the edge of a run (Markdown has no syntax for it)', () => {
    const story = makeStory({ body: bodyJson([p(t('Security'), t(' cooperation', BOLD))]) });
    const imported = markdownToDraft(storyToMarkdown(story)).content.body!;
    expect(canonicalBody(parseBody(imported))).toEqual([['paragraph', [['t', 'Security ', 0, 0, 0, 0, 0], ['t', 'cooperation', 1, 0, 0, 0, 0]]]]);
    expect(expected(imported)).not.toEqual(expected(story.body));
  });

  it('takes the first H1 as headline when the front matter has none, and never doubles it', () => {
    expect(markdownToDraft('# Budget *passes*\n\nText.').content.headline).toBe('Budget passes');
    const both = markdownToDraft('---\ntitle: "From front matter"\ntags: [a, b]\n---\n# Written again\n\nText.');
    expect(both.content.headline).toBe('From front matter');
    expect(both.content.keywords).toEqual(['a', 'b']);
    expect(parseBody(both.content.body!).blocks).toHaveLength(1);
  });

  it('refuses front matter that is not YAML, and leaves out a field that is not valid with a note', () => {
    expect(() => markdownToDraft('---\nheadline: [unclosed\n---\nx', 'bad.md')).toThrow(/front matter of “bad\.md” is not valid YAML/);
    expect(() => markdownToDraft('---\n- a list\n---\nx', 'list.md')).toThrow(/not a list of fields/);
    const draft = markdownToDraft('---\nheadline: "Ok"\nurgency: 12\nslugline: "has spaces"\n---\nBody.');
    expect(draft.content.headline).toBe('Ok');
    expect(draft.content.urgency).toBeUndefined();
    expect(draft.notes).toEqual(expect.arrayContaining(['Urgency was left out: Urgency runs from 1 to 9.']));
    expect(() => markdownFormat.parse({ name: 'x.md', bytes: new Uint8Array([0xc3, 0x28]) })).toThrow(/not UTF-8/);
  });
});
