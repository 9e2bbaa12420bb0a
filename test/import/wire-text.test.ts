/**
 * Wire copy as plain text, field by field, in English (the real TPS story), Hebrew and Arabic
 * (fixtures in test/fixtures/wire written in the shape agencies file them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBody, plainText } from '../../src/shared/body.ts';
import { storyContentPatchSchema } from '../../src/shared/story-fields.ts';
import { parseNewsDate, toAsciiDigits } from '../../src/main/services/import/dates.ts';
import { parseWireText } from '../../src/main/services/import/formats/wire-text.ts';
import { countryOfPlace } from '../../src/main/services/import/places.ts';
import { plainTextToParagraphs } from '../../src/shared/plain-text.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const paragraphs = (body: string | undefined) =>
  parseBody(body!).blocks.map((b) => (b.kind === 'paragraph' ? b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('') : `<${b.kind}>`));

describe('the TPS story (English)', () => {
  const draft = parseWireText(read('tps-2023-04-18-azerbaijan-israel.txt'));
  const { content } = draft;

  it('reads the headline', () => {
    expect(content.headline).toBe('What Does Azerbaijan Want as It Expands Ties With Israel?');
  });
  it('reads the photo credit: the photographer in the byline, the agency as the credit line', () => {
    expect(content.creditLine).toBe('TPS');
    expect(content.byline).toContainEqual({ name: 'Yosef Mizrahi', role: 'photographer' });
  });
  it('reads the byline without the stray web word "Public", and says so', () => {
    expect(content.byline).toEqual([
      { name: 'Pesach Benson', role: 'writer' },
      { name: 'Yosef Mizrahi', role: 'photographer' },
    ]);
    expect(draft.notes.join(' ')).toMatch(/“Public” before the byline/);
  });
  it('reads the dateline: place with its country from the gazetteer, calendar date, agency', () => {
    expect(content.dateline).toEqual({ place: { name: 'Jerusalem', countryCode: 'IL' }, date: '2023-04-18', agency: 'TPS' });
  });
  it('takes the dateline off the first paragraph and keeps every paragraph, none empty', () => {
    const body = paragraphs(content.body);
    expect(body[0]).toMatch(/^Following up on the recent opening of Azerbaijan’s embassy in Tel Aviv/);
    expect(body).toHaveLength(14);
    expect(body.at(-1)).toBe('Israel was one of the first countries to recognize Azerbaijani independence in 1991 and already has an embassy in Baku. An estimated 20,000 Jews live in Azerbaijan today.');
    expect(body.every((p) => p.trim().length > 0)).toBe(true);
    const text = plainText(parseBody(content.body!));
    for (const header of ['Photo by', 'Public By', '(TPS) --', 'What Does Azerbaijan Want']) expect(text).not.toContain(header);
  });
  it('names what it recognised and makes valid content', () => {
    expect([...draft.recognised].sort()).toEqual(['body', 'byline', 'creditLine', 'dateline', 'headline']);
    expect(storyContentPatchSchema.safeParse(content).success).toBe(true);
    expect(content.language).toBeUndefined(); // the story service detects it
  });
});

describe('Hebrew wire copy', () => {
  const draft = parseWireText(read('wire/he-2023-04-18-cohen-baku.txt'));
  const { content } = draft;
  it('reads credit (צילום:), headline, byline (מאת … •) and dateline (ב + month name)', () => {
    expect(content.headline).toBe('שר החוץ כהן בבאקו: "היחסים עם אזרבייג\'ן הם נכס אסטרטגי"');
    expect(content.creditLine).toBe('TPS');
    expect(content.byline).toEqual([
      { name: 'פסח בנסון', role: 'writer' },
      { name: 'יוסי זמיר', role: 'photographer' },
    ]);
    expect(content.dateline).toEqual({ place: { name: 'ירושלים' }, date: '2023-04-18', agency: 'TPS' });
  });
  it('says when the gazetteer has no country for a Hebrew place name', () => {
    expect(draft.notes.join(' ')).toMatch(/country of “ירושלים” could not be found/);
  });
  it('joins lines inside a paragraph and never makes empty paragraphs (even from two blank lines)', () => {
    const body = paragraphs(content.body);
    expect(body[0]).toBe("שר החוץ אלי כהן נחת ביום שני בבאקו לביקור ממלכתי, שבועות ספורים לאחר שאזרבייג'ן פתחה את שגרירותה בתל אביב.");
    expect(body).toHaveLength(5);
    expect(body.every((p) => p.length > 0)).toBe(true);
  });
});

describe('Arabic wire copy', () => {
  it('reads تصوير:, بقلم:, Levantine/Egyptian month pair and Arabic-Indic digits', () => {
    const { content, recognised } = parseWireText(read('wire/ar-2023-04-18-cohen-baku.txt'));
    expect(content.headline).toBe('وزير الخارجية الإسرائيلي يصل إلى باكو في زيارة رسمية');
    expect(content.creditLine).toBe('TPS');
    expect(content.byline).toEqual([
      { name: 'بيساح بنسون', role: 'writer' },
      { name: 'يوسف مزراحي', role: 'photographer' },
    ]);
    expect(content.dateline).toEqual({ place: { name: 'القدس' }, date: '2023-04-18', agency: 'TPS' });
    expect(paragraphs(content.body)[0]).toMatch(/^وصل وزير الخارجية الإسرائيلي إيلي كوهين يوم الاثنين إلى باكو في زيارة رسمية، بعد أسابيع/);
    expect(recognised).toContain('dateline');
  });
  it('reads Eastern Arabic-Indic digits, two writers joined by و, an Arabic agency and a country dateline', () => {
    const { content } = parseWireText(read('wire/ar-2024-05-05-cairo-eastern-digits.txt'));
    expect(content.headline).toBe('منتدى اقتصادي في القاهرة يبحث التجارة الإقليمية');
    expect(content.byline).toEqual([
      { name: 'محمد عبد الله', role: 'writer' },
      { name: 'سارة حسن', role: 'writer' },
    ]);
    expect(content.dateline).toEqual({ place: { name: 'مصر', countryCode: 'EG' }, date: '2024-05-05', agency: 'أ ش أ' });
    expect(paragraphs(content.body)).toHaveLength(2);
  });
});

describe('English agency style', () => {
  it('reads month-day-year, an em dash, several web words and two writers; ALL-CAPS places in title case', () => {
    const { content, notes } = parseWireText(read('wire/en-2024-01-09-ap-style.txt'));
    expect(content.headline).toBeUndefined();
    expect(content.byline).toEqual([
      { name: 'Maria Lopez', role: 'writer' },
      { name: "John O'Neill", role: 'writer' },
    ]);
    expect(content.dateline).toEqual({ place: { name: 'Washington', countryCode: 'US' }, date: '2024-01-09', agency: 'AP' });
    expect(paragraphs(content.body)[0]).toBe('The Senate on Tuesday passed a short-term spending bill, averting a partial government shutdown days before the deadline.');
    expect(notes.join(' ')).toMatch(/“Share Print”/);
  });
  it('uses the byline date when the dateline has none, and an en dash', () => {
    const { content } = parseWireText('Storm hits coast\n\nBy Dana Levi • 3 March 2024\n\nHAIFA (Reuters) – Winds of 100 km/h closed the port.');
    expect(content.dateline).toEqual({ place: { name: 'Haifa', countryCode: 'IL' }, date: '2024-03-03', agency: 'Reuters' });
    expect(paragraphs(content.body)).toEqual(['Winds of 100 km/h closed the port.']);
  });
  it('leaves body sentences that start with "By" alone', () => {
    const { content } = parseWireText('Budget passes\n\nBy the end of the night, the budget had passed.\n\nIt now goes to the president.');
    expect(content.byline).toBeUndefined();
    expect(paragraphs(content.body)[0]).toBe('By the end of the night, the budget had passed.');
  });
  it('keeps plain text without any header as body, with a headline only when the first line looks like one', () => {
    expect(parseWireText('Just one paragraph of notes.').content.headline).toBeUndefined();
    const { content } = parseWireText('Notes from the meeting.\n\nSecond paragraph.');
    expect(content.headline).toBeUndefined();
    expect(paragraphs(content.body)).toEqual(['Notes from the meeting.', 'Second paragraph.']);
  });
  it('does not take a non-date for a dateline', () => {
    const { content } = parseWireText('Headline\n\nJerusalem, the old city (TPS) -- Text.');
    expect(content.dateline).toBeUndefined();
  });
});

describe('dates as wire copy writes them', () => {
  const cases: [string, string | null][] = [
    ['18 April, 2023', '2023-04-18'],
    ['April 18, 2023', '2023-04-18'],
    ['Apr. 18, 2023', '2023-04-18'],
    ['Sept. 5, 2023', '2023-09-05'],
    ['Tuesday, 18 April 2023', '2023-04-18'],
    ['18 באפריל 2023', '2023-04-18'],
    ['ב-18 באפריל 2023', '2023-04-18'],
    ['יום שלישי, 18 באפריל 2023', '2023-04-18'],
    ['1 במרס 2024', '2024-03-01'],
    ['١٨ نيسان/أبريل ٢٠٢٣', '2023-04-18'],
    ['۵ مايو ۲۰۲۴', '2024-05-05'],
    ['3 كانون الثاني 2024', '2024-01-03'],
    ['١٣ آب/أغسطس ٢٠٢٤', '2024-08-13'],
    ['18 تشرين الأول 2023', '2023-10-18'],
    ['الثلاثاء 18 ابريل 2023', '2023-04-18'],
    ['5 جانفي 2024', '2024-01-05'],
    ['18.04.2023', '2023-04-18'],
    ['2023-04-18', '2023-04-18'],
    ['31 April 2023', null],
    ['18 April', null],
    ['the old city', null],
    ['18 April 2023 and more', null],
    ['18 April / 19 May 2023', null],
  ];
  for (const [text, expected] of cases) {
    it(`${text} → ${expected}`, () => expect(parseNewsDate(text)).toBe(expected));
  }
  it('turns Arabic-Indic and Eastern digits into ASCII', () => {
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });
});

describe('places from the gazetteer', () => {
  it('finds a capital, or the largest city of the name, over smaller namesakes elsewhere', () => {
    expect(countryOfPlace('Washington')).toBe('US');
    expect(countryOfPlace('Jerusalem')).toBe('IL');
    expect(countryOfPlace('Cairo')).toBe('EG');
    expect(countryOfPlace('LONDON')).toBe('GB');
  });
  it('finds countries by name in English, Hebrew and Arabic', () => {
    expect(countryOfPlace('Azerbaijan')).toBe('AZ');
    expect(countryOfPlace('ישראל')).toBe('IL');
    expect(countryOfPlace('لبنان')).toBe('LB');
  });
  it('finds other cities in the city table, and nothing for a made-up place', () => {
    expect(countryOfPlace('Haifa')).toBe('IL');
    expect(countryOfPlace('Xqzzyville')).toBeUndefined();
  });
});

describe('plain text to paragraphs', () => {
  it('separates paragraphs at blank lines, joins single line breaks, drops empty ones', () => {
    expect(plainTextToParagraphs('One\r\nline two\n\n\n  \n\nThree\n \nFour  \n')).toEqual(['One line two', 'Three', 'Four']);
    expect(plainTextToParagraphs('\n\n \n')).toEqual([]);
  });
});

describe('any text (property)', () => {
  // Fixed seed, in the test name: a failure reproduces exactly.
  const SEED = 20261129;
  it(`never throws, never makes an empty paragraph, and always makes valid content (fast-check seed ${SEED})`, async () => {
    const fc = await import('fast-check');
    const piece = fc.oneof(
      fc.constantFrom('\n', '\n\n', '\r\n', '  \n \n', 'By ', 'מאת ', 'بقلم ', ' • ', '(TPS) -- ', ' — ', ', 18 April, 2023', '١٨ نيسان ٢٠٢٣', 'Photo by ', '/', 'Jerusalem', '\u00a0'),
      fc.string({ maxLength: 30 })
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const { content } = parseWireText(pieces.join(''));
        expect(parseBody(content.body!).blocks.slice(plainText(parseBody(content.body!)) === '' ? 1 : 0).every((b) => b.kind === 'paragraph' && b.inlines.some((i) => i.kind === 'text' && i.text.trim() !== ''))).toBe(true);
        expect(storyContentPatchSchema.safeParse(content).success).toBe(true);
      }),
      { seed: SEED, numRuns: 300 }
    );
  });
});
