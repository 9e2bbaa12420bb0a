/**
 * import(export(story)) gives the same content and metadata, for Copydesk's own Markdown and
 * NewsML-G2: generated stories with every field filled, hostile text (XML and Markdown syntax,
 * `]]>`, quotes, emoji and ZWJ sequences, combining marks, no-break spaces, Hebrew, Arabic, mixed
 * direction) and every kind of formatting. Equality is the approval fingerprint's canonical
 * content (every published field) plus the internal fields the formats carry (desk, target
 * length); the editorial note must not travel. Seeded: set FC_SEED to replay a failure.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalContent } from '../../src/main/services/content-hash.ts';
import { storyToMarkdown } from '../../src/main/services/export/markdown.ts';
import { storyToNewsML } from '../../src/main/services/export/newsml.ts';
import { validateNewsML } from '../../src/main/services/export/validate.ts';
import { SCHEMAS_DIR } from '../export/stories.ts';
import { markdownToDraft } from '../../src/main/services/import/formats/markdown.ts';
import { newsmlFormat, newsmlToDraft } from '../../src/main/services/import/formats/newsml.ts';
import type { ImportedDraft } from '../../src/main/services/import/types.ts';
import { canonicalBody, countWords, parseBody, plainText, type Block, type HeadingLevel, type Inline, type ListBlock, type TextRun } from '../../src/shared/body.ts';
import { bodyFromDocument, run } from '../../src/shared/body-build.ts';
import { CONTRIBUTOR_ROLES } from '../../src/shared/news-item.ts';
import { emptyContent, storyContentSchema, type StoryContent } from '../../src/shared/story-fields.ts';
import type { Story } from '../../src/shared/story.ts';
import { ENTITY_KINDS } from '../../src/shared/tagging.ts';

const SEED = Number(process.env.FC_SEED ?? 20_261_129);
const RUNS = 100;
/** A ceiling for a busy machine, far above the few seconds a run takes; nothing here measures time. */
const LIMIT = 600_000;
console.info(`round-trip property tests: seed ${SEED} (FC_SEED=${SEED} to replay)`);

// --- Text ------------------------------------------------------------------------------------

const PIECES = [
  'news', 'Cohen', 'Baku', '2023', 'R&D', '<b>', 'a<b', '>', ']]>', '"quoted"', "it's", '&amp;', '&', '🗞️', '👩‍👩‍👧', '🇮🇱',
  'e\u0301', 'Zu\u0308rich', 'a\u00a0b', 'שלום', 'ירושלים', 'مرحبا', 'القدس', 'א1ב', '\u200fRLM', 'x*y', '_u_', '#1', '`tick`',
  'back\\slash', '[br]', '(p)', '~t~', 'a|b', '1.', '-dash', '+plus', '=eq', '!', '*', '**', '_', '~~', '\\', '.', '…',
];
const word = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
const words = (max: number) => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(' '));
/** Letters only: names and places that every field's schema takes. */
const NAMES = ['Pesach Benson', 'פסח בנסון', 'فصح بنسون', 'Yosef Mizrahi', 'Ana María', 'Zoë O’Neil', 'Jerusalem', 'ירושלים', 'القدس', 'São Paulo', 'Tel Aviv-Yafo'];
const name = fc.constantFrom(...NAMES);
const longText = fc.array(words(6), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

// --- Body ------------------------------------------------------------------------------------

const textRun: fc.Arbitrary<TextRun> = fc
  .record({ text: words(3), bold: fc.boolean(), italic: fc.boolean(), underline: fc.boolean(), strikethrough: fc.boolean(), code: fc.boolean() })
  .map(({ text, ...format }) => run(text, format));
const URLS = ['https://example.com/a', 'https://www.tps.co.il/news?id=1&lang=he', 'mailto:desk@example.com', 'https://he.wikipedia.org/wiki/%D7%A9'];
/**
 * The editor joins neighbouring text with one format into one node (Lexical's normalisation);
 * inside a link the fingerprint does not join them itself, so generated links hold joined runs.
 */
function mergeSameFormat(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && prev.bold === r.bold && prev.italic === r.italic && prev.underline === r.underline && prev.strikethrough === r.strikethrough && prev.code === r.code) out[out.length - 1] = { ...prev, text: prev.text + r.text };
    else out.push(r);
  }
  return out;
}
type Atom = { kind: 'run'; run: TextRun } | { kind: 'link'; url: string; children: TextRun[] } | { kind: 'break' };
const atom: fc.Arbitrary<Atom> = fc.oneof(
  { weight: 5, arbitrary: textRun.map((r) => ({ kind: 'run' as const, run: r })) },
  { weight: 1, arbitrary: fc.record({ url: fc.constantFrom(...URLS), children: fc.array(textRun, { minLength: 1, maxLength: 2 }).map(mergeSameFormat) }).map((l) => ({ kind: 'link' as const, ...l })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'break' as const }) }
);
/**
 * Inline content as the editor holds it: runs separated by a space or touching ("**Bold**text"),
 * line breaks between them, none at the edges.
 */
const inlines = fc.array(fc.tuple(atom, fc.boolean()), { minLength: 1, maxLength: 6 }).map((atoms) => {
  const out: Inline[] = [];
  let previous: Atom | null = null;
  for (const [a, touching] of atoms) {
    if (a.kind === 'break' && (previous === null || previous.kind === 'break')) continue;
    if (previous && previous.kind !== 'break' && a.kind !== 'break' && !touching) out.push(run(' '));
    out.push(a.kind === 'run' ? a.run : a.kind === 'link' ? { kind: 'link', url: a.url, children: a.children } : { kind: 'break' });
    previous = a;
  }
  while (out[out.length - 1]?.kind === 'break') out.pop();
  return out.length > 0 ? out : [run('text')];
});
const list: fc.Memo<ListBlock> = fc.memo((depth) =>
  fc.record({
    kind: fc.constant('list' as const),
    ordered: fc.boolean(),
    items: fc.array(fc.record({ inlines, sublists: depth > 1 ? fc.array(list(depth - 1), { maxLength: 1 }) : fc.constant([]) }), { minLength: 1, maxLength: 3 }),
  })
);
const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: inlines.map((i) => ({ kind: 'paragraph' as const, inlines: i })) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('heading' as const), level: fc.integer({ min: 2, max: 6 }).map((l) => l as HeadingLevel), inlines }) },
  { weight: 1, arbitrary: inlines.map((i) => ({ kind: 'quote' as const, inlines: i })) },
  { weight: 1, arbitrary: list(3) }
);
const body = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => bodyFromDocument({ blocks }));

// --- Metadata --------------------------------------------------------------------------------

const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
const place = fc.record({ name, countryCode: fc.constantFrom('IL', 'AZ', 'US', 'PS', 'BR') }, { requiredKeys: ['name'] });
const contributor = fc.record({ name, role: fc.constantFrom(...CONTRIBUTOR_ROLES), affiliation: fc.constantFrom('TPS', 'Reuters', 'סוכנות', 'وكالة') }, { requiredKeys: ['name', 'role'] });
const subject = fc.record({
  qcode: fc.constantFrom('medtop:11000000', 'medtop:20000638', 'medtop:15054000', 'medtop:04000000'),
  label: words(3),
  vocabularyVersion: date.map((d) => d.toISOString().slice(0, 10)),
});
const entity = fc.record({ kind: fc.constantFrom(...ENTITY_KINDS), name, id: fc.constantFrom('AZ', 'Q42', 'https://www.wikidata.org/wiki/Q1218', 'iso3166-1a2:IL') }, { requiredKeys: ['kind', 'name'] });
const picture = (role: 'lead' | 'inline') =>
  fc.record({
    sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
    role: fc.constant(role),
    fileName: fc.constantFrom('cohen-baku.jpg', 'ירושלים.png', 'photo (1).webp'),
    mediaType: fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'image/gif'),
    width: fc.integer({ min: 1, max: 10_000 }),
    height: fc.integer({ min: 1, max: 10_000 }),
    bytes: fc.integer({ min: 1, max: 50_000_000 }),
    caption: longText,
    credit: words(3),
    altText: longText,
    usageTerms: longText,
  });

/** Every field filled, as the editor would have saved it (each through its own schema). */
const content: fc.Arbitrary<StoryContent> = fc
  .record({
    headline: words(8),
    body,
    // A keyword has no commas or semicolons (so no "&amp;").
    keywords: fc.array(words(2).filter((k) => !/[,;]/.test(k)), { minLength: 1, maxLength: 5 }),
    slugline: fc.array(fc.constantFrom('AZERBAIJAN', 'ISRAEL', 'שלום', 'مرحبا', '2023', 'X1'), { minLength: 1, maxLength: 3 }).map((p) => p.join('-')),
    summary: longText,
    byline: fc.array(contributor, { minLength: 1, maxLength: 3 }),
    dateline: fc.record({ place, date: date.map((d) => d.toISOString().slice(0, 10)), agency: fc.constantFrom('TPS', 'AP', 'رويترز') }, { requiredKeys: ['place', 'date'] }),
    located: place,
    language: fc.constantFrom('en', 'he', 'ar', 'en-GB', 'fr', 'ar-EG'),
    languageSetByPerson: fc.constant(true),
    genre: fc.constantFrom('genre:Analysis', 'genre:Interview', 'genre:Opinion'),
    urgency: fc.integer({ min: 1, max: 9 }),
    subjects: fc.array(subject, { minLength: 1, maxLength: 3 }),
    entities: fc.array(entity, { minLength: 1, maxLength: 4 }),
    creditLine: words(3),
    copyrightHolder: words(3),
    copyrightNotice: words(6),
    usageTerms: longText,
    embargo: fc.record({ at: date.map((d) => d.toISOString()), timeZone: fc.constantFrom('Asia/Jerusalem', 'UTC', 'America/St_Johns', 'Asia/Kolkata', 'Pacific/Chatham', 'America/New_York', 'Asia/Kathmandu') }),
    pictures: fc.tuple(fc.option(picture('lead'), { nil: undefined }), fc.array(picture('inline'), { maxLength: 2 })).map(([lead, rest]) => (lead ? [lead, ...rest] : rest)),
    editorialNote: fc.constant('EDITORIAL-NOTE-NEVER-PUBLISHED check the figures'),
    desk: fc.constantFrom('Foreign', 'חדשות', 'رياضة'),
    targetWords: fc.integer({ min: 1, max: 50_000 }),
  })
  .map((raw) => storyContentSchema.parse(raw) as StoryContent);

function storyOf(c: StoryContent): Story {
  const text = plainText(parseBody(c.body));
  return {
    ...c,
    id: '01HZX8Y9Q6Z2X3V4B5N6M7K8J9',
    plainText: text,
    wordCount: countWords(text),
    status: 'approved',
    revision: 3,
    author: 'Dana Levi',
    createdAt: '2026-11-27T09:00:00.000Z',
    updatedAt: '2026-11-27T10:30:00.000Z',
    approval: { approver: 'Eli Editor', approvedAt: '2026-11-27T11:00:00.000Z', contentHash: 'ab'.repeat(32) },
    voidedApproval: null,
    reviewNote: null,
  };
}

// --- The property ----------------------------------------------------------------------------

const editor = createHeadlessEditor({ nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode], onError: (e) => { throw e; } });
/** The editor itself opens the imported body and serialises the same document. */
function openedInEditor(json: string): unknown {
  return canonicalBody(parseBody(JSON.stringify(editor.parseEditorState(json).toJSON())));
}

function expectSameStory(story: Story, exported: string, draft: ImportedDraft): void {
  const imported = { ...emptyContent(), ...draft.content };
  expect(canonicalContent(imported)).toBe(canonicalContent(story));
  expect(imported.desk).toBe(story.desk);
  expect(imported.targetWords).toBe(story.targetWords);
  expect(imported.editorialNote).toBe('');
  expect(exported).not.toContain('EDITORIAL-NOTE');
  expect(openedInEditor(imported.body)).toEqual(canonicalBody(parseBody(story.body)));
  expect(draft.notes).toEqual([]);
}

const NEWSML = { provider: 'Tazpit Press Service', now: new Date('2026-11-28T08:00:00.000Z'), approvalValid: true };

describe('import(export(story)) is the same story', () => {
  it('for Markdown', () => {
    fc.assert(
      fc.property(content, (c) => {
        const story = storyOf(c);
        const markdown = storyToMarkdown(story);
        expectSameStory(story, markdown, markdownToDraft(markdown));
      }),
      { seed: SEED, numRuns: RUNS }
    );
  }, LIMIT);

  it('for NewsML-G2', () => {
    fc.assert(
      fc.property(content, (c) => {
        const story = storyOf(c);
        const xml = storyToNewsML(story, NEWSML);
        expectSameStory(story, xml, newsmlToDraft(xml));
      }),
      { seed: SEED, numRuns: RUNS }
    );
  }, LIMIT);

  it('for NewsML-G2 through the whole import path (well-formedness checked by libxml2), every item schema-valid', async () => {
    await fc.assert(
      fc.asyncProperty(content, async (c) => {
        const story = storyOf(c);
        const xml = storyToNewsML(story, NEWSML);
        expect(await validateNewsML(xml, SCHEMAS_DIR)).toEqual({ valid: true, errors: [] });
        expectSameStory(story, xml, await newsmlFormat.parse({ name: 'story.xml', bytes: new TextEncoder().encode(xml) }));
      }),
      { seed: SEED, numRuns: 5 }
    );
  }, LIMIT);
});
