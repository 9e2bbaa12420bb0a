/** Test stories and body-node builders for the exporter tests. */
import { fileURLToPath } from 'node:url';
import { bodyJson, countWords, paragraphNode, parseBody, plainText, textNode, type SerializedNode } from '../../src/shared/body.ts';
import type { Story } from '../../src/shared/story.ts';
import { emptyContent } from '../../src/shared/story-fields.ts';

export const SCHEMAS_DIR = fileURLToPath(new URL('../../resources/schemas', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/newsml-g2', import.meta.url));

export const STORY_ID = '01HZX8Y9Q6Z2X3V4B5N6M7K8J9';
export const HASH = 'ab'.repeat(32);

// Lexical text format bits.
export const BOLD = 1;
export const ITALIC = 2;
export const STRIKE = 4;
export const UNDERLINE = 8;
export const CODE = 16;

export { bodyJson, paragraphNode, textNode };
export const p = (...children: SerializedNode[]): SerializedNode => paragraphNode(children);
export const t = (text: string, format = 0): SerializedNode => textNode(text, format);
export const br = (): SerializedNode => ({ type: 'linebreak', version: 1 });
export const heading = (tag: string, ...children: SerializedNode[]): SerializedNode => ({ type: 'heading', tag, children });
export const quote = (...children: SerializedNode[]): SerializedNode => ({ type: 'quote', children });
export const link = (url: string, ...children: SerializedNode[]): SerializedNode => ({ type: 'link', url, children });
export const item = (...children: SerializedNode[]): SerializedNode => ({ type: 'listitem', value: 1, children });
export const bullets = (...items: SerializedNode[]): SerializedNode => ({ type: 'list', listType: 'bullet', tag: 'ul', children: items });
export const numbers = (...items: SerializedNode[]): SerializedNode => ({ type: 'list', listType: 'number', tag: 'ol', children: items });

export function makeStory(overrides: Partial<Story> = {}): Story {
  const body = overrides.body ?? bodyJson([p(t('Hello.'))]);
  const text = plainText(parseBody(body));
  return {
    ...emptyContent(),
    id: STORY_ID,
    headline: 'Council approves budget',
    body,
    plainText: text,
    wordCount: countWords(text),
    keywords: ['budget'],
    language: 'en',
    status: 'draft',
    revision: 1,
    author: 'Dana Levi',
    createdAt: '2026-11-27T09:00:00.000Z',
    updatedAt: '2026-11-27T10:30:00.000Z',
    approval: null,
    voidedApproval: null,
    reviewNote: null,
    ...overrides,
  };
}

export function approvedStory(overrides: Partial<Story> = {}): Story {
  return makeStory({
    status: 'approved',
    revision: 4,
    approval: { approver: 'Eli Editor', approvedAt: '2026-11-27T11:00:00.000Z', contentHash: HASH },
    ...overrides,
  });
}

/** One story body with every block and inline kind the editor produces. */
export const EVERY_KIND_BODY = bodyJson([
  p(
    t('Plain '),
    t('bold', BOLD),
    t(' '),
    t('italic', ITALIC),
    t(' '),
    t('struck', STRIKE),
    t(' '),
    t('under', UNDERLINE),
    t(' '),
    t('code', CODE),
    t(' and '),
    link('https://example.com/a', t('a link')),
    t('.')
  ),
  heading('h1', t('Heading one')),
  heading('h2', t('Heading two')),
  heading('h3', t('Heading three')),
  quote(t('A quote'), br(), t('on two lines')),
  // Lexical nests a sublist in its own list item after the item it belongs to.
  bullets(item(t('First')), item(t('Second')), item(numbers(item(t('Nested one')), item(t('Nested two')))), item(t('Third'))),
  numbers(item(t('One')), item(t('Two'))),
  p(t('Line one'), br(), t('Line two')),
  p(t('both', BOLD | ITALIC)),
]);

/** Text that every format must carry through exactly. */
export const TRICKY = {
  headline: 'Q&A: "Peace" <now> ]]> 🗞️ שלום עולם — مرحبا بالعالم',
  keywords: ['R&D <lab>', 'שלום עולם', 'مرحبا', '🗞️ news', '"quoted" ]]>'],
  body: 'Tom & Jerry <b>not bold</b> ]]> "double" \'single\' 🗞️ שלום עולם مرحبا بالعالم',
};

/** The TPS story (test/fixtures/tps-…txt) as a newsroom files it: every field filled. */
export function tpsStory(overrides: Partial<Story> = {}): Story {
  return approvedStory({
    headline: 'What Does Azerbaijan Want as It Expands Ties With Israel?',
    body: bodyJson([
      p(t('Following up on the recent opening of Azerbaijan’s embassy in Tel Aviv, Israeli Foreign Minister Eli Cohen departed for a state visit to the Central Asian country on Monday.')),
      p(t('Professor Eyal Zisser of '), link('https://www.tau.ac.il/', t('Tel Aviv University')), t(' told the '), t('Tazpit Press Service', ITALIC), t(' that Israeli-Azerbaijani relations focus mostly on security cooperation and Iran.')),
      quote(t('“Azerbaijan is a Shi’ite Muslim country, but it’s secular. That’s why they don’t like Iran.”')),
      heading('h2', t('Security ties')),
      bullets(item(t('Security '), t('cooperation', BOLD)), item(t('Energy'))),
    ]),
    keywords: ['Azerbaijan', 'Israel', 'Iran'],
    slugline: 'AZERBAIJAN-ISRAEL',
    summary: 'Israel’s foreign minister visits Baku as ties with Azerbaijan grow; an expert says security and Iran drive them.',
    byline: [
      { name: 'Pesach Benson', role: 'writer' },
      { name: 'Yosef Mizrahi', role: 'photographer', affiliation: 'TPS' },
    ],
    dateline: { place: { name: 'Jerusalem', countryCode: 'IL' }, date: '2023-04-18', agency: 'TPS' },
    located: { name: 'Baku', countryCode: 'AZ' },
    language: 'en',
    languageSetByPerson: true,
    genre: 'genre:Analysis',
    urgency: 4,
    subjects: [
      { qcode: 'medtop:11000000', label: 'politics', vocabularyVersion: '2025-03-12' },
      { qcode: 'medtop:20000638', label: 'foreign aid', vocabularyVersion: '2025-03-12' },
    ],
    entities: [
      { kind: 'person', name: 'Eli Cohen' },
      { kind: 'person', name: 'Eyal Zisser' },
      { kind: 'organisation', name: 'Tel Aviv University', id: 'https://www.wikidata.org/wiki/Q319239' },
      { kind: 'place', name: 'Azerbaijan', id: 'AZ' },
    ],
    creditLine: 'TPS',
    copyrightHolder: 'Tazpit Press Service',
    copyrightNotice: '© 2023 Tazpit Press Service. All rights reserved.',
    usageTerms: 'For subscribers of TPS only.',
    embargo: { at: '2023-04-18T06:00:00.000Z', timeZone: 'Asia/Jerusalem' },
    pictures: [
      {
        sha256: 'c0ffee'.padEnd(64, '0'),
        role: 'lead',
        fileName: 'cohen-baku.jpg',
        mediaType: 'image/jpeg',
        width: 1600,
        height: 1067,
        bytes: 245_000,
        caption: 'Foreign Minister Eli Cohen departs for Baku.',
        credit: 'Yosef Mizrahi/TPS',
        altText: 'Eli Cohen at the airport',
        usageTerms: 'Editorial use only.',
      },
    ],
    editorialNote: 'Check the embassy date with the desk.',
    desk: 'Foreign',
    targetWords: 600,
    ...overrides,
  });
}
