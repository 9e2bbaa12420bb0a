import { describe, expect, it } from 'vitest';
import { IPTC_CATALOG, NAR_NS, XHTML_NS, storyToNewsML, type NewsMLOptions } from '../../src/main/services/export/newsml.ts';
import { validateNewsML } from '../../src/main/services/export/validate.ts';
import type { Story } from '../../src/shared/story.ts';
import {
  EVERY_KIND_BODY,
  SCHEMAS_DIR,
  STORY_ID,
  TRICKY,
  approvedStory,
  bodyJson,
  link,
  makeStory,
  p,
  t,
  tpsStory,
} from './stories.ts';
import { parseXml } from './xml.ts';

const NOW = new Date('2026-11-28T08:00:00.000Z');
const options = (overrides: Partial<NewsMLOptions> = {}): NewsMLOptions => ({
  provider: 'Copydesk',
  now: NOW,
  approvalValid: true,
  ...overrides,
});

async function expectSchemaValid(xml: string): Promise<void> {
  expect(await validateNewsML(xml, SCHEMAS_DIR)).toEqual({ valid: true, errors: [] });
}

describe('storyToNewsML', () => {
  it('writes a NewsML-G2 2.35 newsItem that the IPTC schema accepts', async () => {
    const xml = storyToNewsML(approvedStory({ body: EVERY_KIND_BODY }), options());
    await expectSchemaValid(xml);
    const { root } = parseXml(xml);
    expect(root.localName).toBe('newsItem');
    expect(root.namespaceURI).toBe(NAR_NS);
    expect(root.getAttribute('guid')).toBe(`urn:newsml:copydesk:${STORY_ID}`);
    expect(root.getAttribute('version')).toBe('4');
    expect(root.getAttribute('standard')).toBe('NewsML-G2');
    expect(root.getAttribute('standardversion')).toBe('2.35');
    expect(root.getAttribute('conformance')).toBe('power');
    expect(root.getAttribute('xml:lang')).toBe('en');
  });

  it('puts the metadata in the order the schema requires', () => {
    const doc = parseXml(storyToNewsML(approvedStory({ keywords: ['budget', 'city council'] }), options()));
    expect(doc.childNames('newsItem')).toEqual(['catalogRef', 'rightsInfo', 'itemMeta', 'contentMeta', 'contentSet']);
    expect(doc.one('catalogRef').getAttribute('href')).toBe(IPTC_CATALOG);
    expect(doc.childNames('itemMeta')).toEqual(['itemClass', 'provider', 'versionCreated', 'firstCreated', 'pubStatus']);
    expect(doc.one('itemClass').getAttribute('qcode')).toBe('ninat:text');
    expect(doc.one('provider').getAttribute('literal')).toBe('Copydesk');
    expect(doc.one('versionCreated').textContent).toBe('2026-11-27T10:30:00.000Z');
    expect(doc.one('firstCreated').textContent).toBe('2026-11-27T09:00:00.000Z');
    // Administrative properties come before descriptive ones.
    expect(doc.childNames('contentMeta')).toEqual([
      'contentCreated',
      'contentModified',
      'creator',
      'language',
      'keyword',
      'keyword',
      'headline',
    ]);
    expect(doc.one('creator').textContent).toBe('Dana Levi');
    expect(doc.one('language').getAttribute('tag')).toBe('en');
    expect(doc.all('keyword').map((k) => k.textContent)).toEqual(['budget', 'city council']);
    expect(doc.one('inlineXML').getAttribute('contenttype')).toBe('application/xhtml+xml');
    expect(doc.childNames('inlineXML')).toEqual(['html']);
    expect(doc.one('html', XHTML_NS).namespaceURI).toBe(XHTML_NS);
  });

  it('writes the body as XHTML', () => {
    const xml = storyToNewsML(approvedStory({ body: EVERY_KIND_BODY }), options());
    const html = xml.slice(xml.indexOf('<html'), xml.indexOf('</html>') + 7);
    expect(html).toBe(
      '<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en"><head><title>Council approves budget</title></head><body>' +
        '<p>Plain <strong>bold</strong> <em>italic</em> <s>struck</s> <u>under</u> <code>code</code> and ' +
        '<a href="https://example.com/a">a link</a>.</p>' +
        '<h2>Heading one</h2><h2>Heading two</h2><h3>Heading three</h3>' +
        '<blockquote><p>A quote<br />on two lines</p></blockquote>' +
        '<ul><li>First</li><li>Second<ol><li>Nested one</li><li>Nested two</li></ol></li><li>Third</li></ul>' +
        '<ol><li>One</li><li>Two</li></ol>' +
        '<p>Line one<br />Line two</p>' +
        '<p><strong><em>both</em></strong></p>' +
        '</body></html>'
    );
  });

  it('carries &, <, ]]>, quotes, emoji, Hebrew and Arabic through exactly', async () => {
    const story = makeStory({ headline: TRICKY.headline, keywords: TRICKY.keywords, author: 'דנה "D" <Levi> & co', body: bodyJson([p(t(TRICKY.body))]) });
    const xml = storyToNewsML(story, options({ provider: 'Copydesk & "Sons" <ltd>' }));
    await expectSchemaValid(xml);
    expect(xml).not.toContain(']]>');
    const doc = parseXml(xml);
    expect(doc.one('headline').textContent).toBe(TRICKY.headline);
    expect(doc.one('title', 'http://www.w3.org/1999/xhtml').textContent).toBe(TRICKY.headline);
    expect(doc.all('keyword').map((k) => k.textContent)).toEqual(TRICKY.keywords);
    expect(doc.one('p', XHTML_NS).textContent).toBe(TRICKY.body);
    expect(doc.one('creator').textContent).toBe('דנה "D" <Levi> & co');
    expect(doc.one('provider').getAttribute('literal')).toBe('Copydesk & "Sons" <ltd>');
  });

  it.each<[string, string, Partial<Story>, boolean]>([
    ['an approved story with a valid approval', 'stat:usable', {}, true],
    ['an approved story whose approval no longer matches', 'stat:withheld', {}, false],
    ['a draft', 'stat:withheld', { status: 'draft', approval: null }, true],
    ['a story in review', 'stat:withheld', { status: 'in_review', approval: null }, true],
    ['an approved status without an approval record', 'stat:withheld', { approval: null }, true],
  ])('marks %s as %s', (_name, expected, overrides, approvalValid) => {
    const xml = storyToNewsML(approvedStory(overrides), options({ approvalValid }));
    expect(parseXml(xml).one('pubStatus').getAttribute('qcode')).toBe(expected);
  });

  it('keeps text that looks like an XML entity as typed', () => {
    const story = makeStory({ headline: 'Write &amp; not &', keywords: ['&lt;tag&gt;'], body: bodyJson([p(t('Tom &amp; Jerry &quot;&apos;'), link('https://a.example/?q=&amp;', t('x')))]) });
    const doc = parseXml(storyToNewsML(story, options({ provider: 'A &amp; B' })));
    expect(doc.one('headline').textContent).toBe('Write &amp; not &');
    expect(doc.one('keyword').textContent).toBe('&lt;tag&gt;');
    expect(doc.one('p', XHTML_NS).textContent).toBe('Tom &amp; Jerry &quot;&apos;x');
    expect(doc.one('a', XHTML_NS).getAttribute('href')).toBe('https://a.example/?q=&amp;');
    expect(doc.one('provider').getAttribute('literal')).toBe('A &amp; B');
  });

  it('drops characters XML cannot carry and stays valid', async () => {
    const story = makeStory({
      headline: 'Bell\u0007 and\u0000 null',
      body: bodyJson([p(t('form\u000cfeed, half \ud800 surrogate'))]),
    });
    const xml = storyToNewsML(story, options({ provider: 'Multi\nline\tprovider' }));
    await expectSchemaValid(xml);
    const doc = parseXml(xml);
    expect(doc.one('headline').textContent).toBe('Bell and null');
    expect(doc.one('p', XHTML_NS).textContent).toBe('formfeed, half \ufffd surrogate');
    // g2normalizedString allows no tabs or newlines.
    expect(doc.one('provider').getAttribute('literal')).toBe('Multi line provider');
  });

  it('keeps the text of unsafe links but not the link', () => {
    const body = bodyJson([p(link('javascript:alert(1)', t('click')), t(' '), link('https://a.example/?x=1&y=2', t('safe')))]);
    const xml = storyToNewsML(makeStory({ body }), options());
    expect(xml).toContain('<p>click <a href="https://a.example/?x=1&amp;y=2">safe</a></p>');
  });

  it('is valid for an empty story', async () => {
    const story = makeStory({ headline: '', keywords: [], author: '', body: bodyJson([p()]) });
    await expectSchemaValid(storyToNewsML(story, options({ provider: '' })));
  });

  it('falls back to the export time for a timestamp that is not a date', () => {
    const doc = parseXml(storyToNewsML(makeStory({ updatedAt: 'yesterday' }), options()));
    expect(doc.one('versionCreated').textContent).toBe(NOW.toISOString());
    expect(doc.one('firstCreated').textContent).toBe('2026-11-27T09:00:00.000Z');
  });

  describe('with every field of the news item', () => {
    const tps = tpsStory();
    const xml = storyToNewsML(tps, options({ provider: 'Tazpit Press Service' }));
    const doc = parseXml(xml);

    it('stays valid against the IPTC schema, for English, Hebrew and Arabic', async () => {
      await expectSchemaValid(xml);
      await expectSchemaValid(storyToNewsML(tpsStory({ language: 'he', headline: 'מה רוצה אזרבייג׳ן?' }), options()));
      await expectSchemaValid(storyToNewsML(tpsStory({ language: 'ar', headline: 'ماذا تريد أذربيجان؟' }), options()));
    });

    it('writes the descriptive fields where NewsML-G2 has them', () => {
      expect(doc.one('slugline').textContent).toBe('AZERBAIJAN-ISRAEL');
      expect(doc.one('headline').textContent).toBe(tps.headline);
      expect(doc.one('description').getAttribute('role')).toBe('drol:summary');
      expect(doc.one('description').textContent).toBe(tps.summary);
      expect(doc.one('dateline').textContent).toBe('JERUSALEM, April 18, 2023 (TPS) --');
      expect(doc.one('by').textContent).toBe('By Pesach Benson · Photo: Yosef Mizrahi/TPS');
      expect(doc.one('creditline').textContent).toBe('TPS');
      expect(doc.one('genre').getAttribute('qcode')).toBe('genre:Analysis');
      expect(doc.one('urgency').textContent).toBe('4');
      expect(doc.one('language').getAttribute('tag')).toBe('en');
      expect(doc.all('keyword').map((k) => k.textContent)).toEqual(['Azerbaijan', 'Israel', 'Iran']);
    });

    it('names the byline people as creators and contributors with roles and affiliation', () => {
      const creators = doc.all('creator');
      expect(creators.map((c) => c.getAttribute('role'))).toEqual(['cdrole:writer', 'cdrole:photographer']);
      expect(doc.all('name').filter((n) => n.textContent === 'Pesach Benson')).toHaveLength(1);
      expect(doc.one('affiliation').textContent).toBe('TPS');
      // The author (profile name) is not a creator when the byline names people.
      expect(xml).not.toContain('Dana Levi');
      const edited = parseXml(storyToNewsML(tpsStory({ byline: [{ name: 'Ruth Translator', role: 'translator' }] }), options()));
      expect(edited.one('contributor').getAttribute('role')).toBe('cdrole:translator');
      expect(edited.all('creator')).toHaveLength(0);
    });

    it('tags Media Topics, people, organisations and places as subjects', () => {
      const subjects = doc.all('subject').map((s) => [s.getAttribute('type'), s.getAttribute('qcode') ?? s.getAttribute('uri') ?? s.getAttribute('literal'), s.textContent]);
      expect(subjects).toEqual([
        ['cpnat:abstract', 'medtop:11000000', 'politics'],
        ['cpnat:abstract', 'medtop:20000638', 'foreign aid'],
        ['cpnat:geoArea', null, 'Baku'],
        ['cpnat:person', null, 'Eli Cohen'],
        ['cpnat:person', null, 'Eyal Zisser'],
        ['cpnat:organisation', 'https://www.wikidata.org/wiki/Q319239', 'Tel Aviv University'],
        ['cpnat:geoArea', 'AZ', 'Azerbaijan'],
      ]);
      expect(doc.all('subject')[2].getAttribute('id')).toBe('eventLocation');
    });

    it('dates the item from the dateline, not from the day it was typed in', () => {
      expect(doc.one('firstCreated').textContent).toBe('2023-04-18T00:00:00');
      expect(doc.one('contentCreated').textContent).toBe('2023-04-18');
      expect(doc.one('located').textContent).toBe('Jerusalem');
      expect(doc.all('broader')[0].getAttribute('qcode')).toBe('iso3166-1a2:IL');
      expect(doc.one('embargoed').textContent).toBe('2023-04-18T09:00:00+03:00');
    });

    it('names the provider, copyright holder and terms from the story, else from the house settings', () => {
      expect(doc.one('provider').getAttribute('literal')).toBe('Tazpit Press Service');
      expect(doc.one('copyrightHolder').textContent).toBe('Tazpit Press Service');
      expect(doc.one('copyrightNotice').textContent).toBe(tps.copyrightNotice);
      expect(doc.one('usageTerms').textContent).toBe(tps.usageTerms);
      const house = { copyrightHolder: 'House Holder Ltd', copyrightNotice: '© House', usageTerms: 'House terms' };
      const plain = parseXml(storyToNewsML(tpsStory({ copyrightHolder: '', copyrightNotice: '', usageTerms: '' }), options({ provider: 'TPS', ...house })));
      expect(plain.one('copyrightHolder').textContent).toBe('House Holder Ltd');
      expect(plain.one('copyrightNotice').textContent).toBe('© House');
      expect(plain.one('usageTerms').textContent).toBe('House terms');
      expect(parseXml(storyToNewsML(makeStory(), options({ provider: 'TPS' }))).one('copyrightHolder').textContent).toBe('TPS');
    });

    it('never writes the editorial note', () => {
      expect(xml).not.toContain(tps.editorialNote);
      expect(doc.all('edNote')).toHaveLength(0);
    });

    it('writes the language of the story, and right to left for Hebrew and Arabic', () => {
      for (const language of ['he', 'ar']) {
        const rtl = parseXml(storyToNewsML(tpsStory({ language }), options()));
        expect(rtl.root.getAttribute('xml:lang')).toBe(language);
        expect(rtl.root.getAttribute('dir')).toBe('rtl');
        expect(rtl.one('body', XHTML_NS).getAttribute('dir')).toBe('rtl');
        expect(rtl.one('language').getAttribute('tag')).toBe(language);
      }
      expect(doc.one('body', XHTML_NS).getAttribute('dir')).toBeNull();
      expect(parseXml(storyToNewsML(tpsStory({ language: 'he' }), options())).one('dateline').textContent).toBe('JERUSALEM, 18 באפריל 2023 (TPS) --');
    });

    it('references pictures by their SHA-256 with their details', () => {
      const picture = doc.one('link');
      expect(picture.getAttribute('rel')).toBe('irel:associatedWith');
      expect(picture.getAttribute('residref')).toBe(`sha256:${tps.pictures[0].sha256}`);
      expect(picture.getAttribute('contenttype')).toBe('image/jpeg');
      expect(doc.one('caption', 'urn:x-copydesk:newsml-g2:1').textContent).toBe(tps.pictures[0].caption);
    });

    it('is usable only while the approval is valid', () => {
      expect(doc.one('pubStatus').getAttribute('qcode')).toBe('stat:usable');
      expect(parseXml(storyToNewsML(tps, options({ approvalValid: false }))).one('pubStatus').getAttribute('qcode')).toBe('stat:withheld');
    });
  });
});
