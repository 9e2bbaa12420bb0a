import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storyToNewsML, type NewsMLOptions } from '../../src/main/services/export/newsml.ts';
import { canonicalContent } from '../../src/main/services/content-hash.ts';
import { newsmlFormat, newsmlToDraft } from '../../src/main/services/import/formats/newsml.ts';
import { parseBody, plainText } from '../../src/shared/body.ts';
import { emptyContent, storyContentPatchSchema } from '../../src/shared/story-fields.ts';
import { BOLD, FIXTURES_DIR, ITALIC, UNDERLINE, bodyJson, heading, link, makeStory, p, t, tpsStory } from '../export/stories.ts';

const options: NewsMLOptions = { provider: 'Tazpit Press Service', now: new Date('2026-11-28T08:00:00.000Z'), approvalValid: true };
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe('NewsML-G2 import', () => {
  it('reads every field of the TPS story back from its own export', async () => {
    const tps = tpsStory();
    const draft = await newsmlFormat.parse(file('tps.xml', storyToNewsML(tps, options)));
    expect(storyContentPatchSchema.safeParse(draft.content).success).toBe(true);
    const imported = { ...emptyContent(), ...draft.content };
    expect(canonicalContent(imported)).toBe(canonicalContent(tps));
    for (const field of ['slugline', 'summary', 'byline', 'dateline', 'located', 'language', 'genre', 'urgency', 'subjects', 'entities', 'creditLine', 'copyrightHolder', 'copyrightNotice', 'usageTerms', 'embargo', 'pictures', 'desk', 'targetWords'] as const) {
      expect(imported[field], field).toEqual(tps[field]);
    }
    expect(imported.editorialNote).toBe('');
    expect(imported.languageSetByPerson).toBe(true);
    expect(draft.recognised).toEqual(expect.arrayContaining(['headline', 'body', 'byline', 'dateline', 'subjects', 'pictures']));
    expect(draft.recognised).not.toContain('languageSetByPerson');
    expect(draft.notes).toEqual([]);
  });

  it('reads Hebrew and Arabic stories with their language', () => {
    for (const [language, headline] of [['he', 'מה רוצה אזרבייג׳ן?'], ['ar', 'ماذا تريد أذربيجان؟']]) {
      const story = tpsStory({ language, headline, dateline: { place: { name: language === 'he' ? 'ירושלים' : 'القدس', countryCode: 'IL' }, date: '2023-04-18', agency: 'TPS' } });
      const imported = { ...emptyContent(), ...newsmlToDraft(storyToNewsML(story, options)).content };
      expect(canonicalContent(imported)).toBe(canonicalContent(story));
    }
  });

  it('keeps formatting on spaces and exact spacing, which XHTML can carry', () => {
    const body = bodyJson([p(t('a'), t('  ', BOLD), t('b', ITALIC | UNDERLINE), t(' '), link('https://x.example/?a=1&b=2', t('x', BOLD))), heading('h3', t(' lead  space'))]);
    const story = makeStory({ body, headline: 'Two  spaces', byline: [{ name: 'Dana  Levi', role: 'writer' }], copyrightHolder: 'Tazpit Press Service' });
    const imported = { ...emptyContent(), ...newsmlToDraft(storyToNewsML(story, options)).content };
    expect(canonicalContent(imported)).toBe(canonicalContent(story));
  });

  it("reads another agency's item: IPTC's own example", () => {
    const draft = newsmlToDraft(readFileSync(join(FIXTURES_DIR, 'LISTING_1_A_NewsML-G2_News_Item.xml'), 'utf8'));
    const c = draft.content;
    expect(c.headline).toBe(' Fed to halt QE to avert "bubble"');
    expect(c.slugline).toBe('US-Finance-Fed');
    expect(c.language).toBe('en-GB');
    expect(c.genre).toBe('genre:interview');
    expect(c.byline).toEqual([{ name: 'Meredith Jameson', role: 'writer' }]);
    expect(c.subjects).toEqual([
      { qcode: 'medtop:04000000', label: 'economy, business and finance', vocabularyVersion: '2018-10-21' },
      { qcode: 'medtop:20000523', label: 'labour market', vocabularyVersion: '2018-10-21' },
    ]);
    expect(c.embargo).toEqual({ at: '2018-10-23T12:00:00.000Z', timeZone: 'UTC' });
    // Where the content originates, on the day it was created (as the agency wrote the day).
    expect(c.dateline).toEqual({ place: { name: 'Berlin', countryCode: 'DE' }, date: '2016-10-18' });
    expect(c.copyrightHolder).toBe('Example Enews LLP');
    expect(c.copyrightNotice).toBe('Copyright 2017-18 Example Enews LLP, all rights reserved');
    expect(c.usageTerms).toBe('Not for use outside the United States');
    expect(c.editorialNote).toMatch(/^Note to editors: STRICTLY EMBARGOED/);
    expect(draft.notes.join(' ')).toMatch(/application\/nitf\+xml/);
  });

  it('reads pretty-printed XHTML without its indentation', () => {
    const xml = storyToNewsML(makeStory(), options).replace(
      /<body>.*<\/body>/,
      '<body>\n  <p>\n    First <em>line</em>\n    goes on.\n  </p>\n  <ul>\n    <li>One</li>\n  </ul>\n</body>'
    );
    const body = parseBody(newsmlToDraft(xml).content.body!);
    expect(plainText(body)).toBe('First line goes on.\n• One');
  });

  it('refuses broken XML, a document type and what is not a news item, with one clear message', async () => {
    await expect(newsmlFormat.parse(file('a.xml', '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><itemMeta></newsItem>'))).rejects.toThrow(/“a\.xml” is not well-formed XML \(line 1/);
    await expect(newsmlFormat.parse(file('b.xml', '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'))).rejects.toThrow(/declares a document type/);
    await expect(newsmlFormat.parse(file('c.xml', '<rss><channel/></rss>'))).rejects.toThrow(/not a NewsML-G2 news item/);
    await expect(newsmlFormat.parse({ name: 'd.xml', bytes: new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]) })).rejects.toThrow(/not UTF-8/);
  });

  it('leaves out a field whose value is not valid, and says why', () => {
    const xml = storyToNewsML(tpsStory(), options).replace('<urgency>4</urgency>', '<urgency>12</urgency>').replace('<slugline>AZERBAIJAN-ISRAEL</slugline>', '<slugline>not a slug!</slugline>');
    const draft = newsmlToDraft(xml);
    expect(draft.content.urgency).toBeUndefined();
    expect(draft.content.slugline).toBeUndefined();
    expect(draft.notes).toEqual(expect.arrayContaining(['Urgency was left out: Urgency runs from 1 to 9.', expect.stringMatching(/^Slugline was left out: A slugline has only letters/)]));
    expect(draft.recognised).not.toContain('urgency');
  });

  it('sniffs a NewsML-G2 item in a file whose name says nothing', () => {
    expect(newsmlFormat.sniff!(storyToNewsML(makeStory(), options).slice(0, 2000))).toBe(true);
    expect(newsmlFormat.sniff!('<html><body>newsItem</body></html>')).toBe(false);
  });
});
