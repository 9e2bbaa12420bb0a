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
      '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Council approves budget</title></head><body>' +
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
});
