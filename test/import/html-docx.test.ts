/**
 * HTML and Word imports: structure kept (headings, paragraphs, lists, bold, italic, links,
 * quotes), page furniture, scripts, styles, event attributes, unsafe links and tracking dropped;
 * the headline from <h1>/<title> or the document's title, never repeated in the body. The bodies
 * are loaded into a real (headless) Lexical editor to prove the editor reads them as written.
 * A zip bomb disguised as a .docx is refused before mammoth sees it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHeadlessEditor } from '@lexical/headless';
import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { strToU8, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalBody, parseBody, plainText } from '../../src/shared/body.ts';
import { storyContentPatchSchema } from '../../src/shared/story-fields.ts';
import { parseDocx } from '../../src/main/services/import/formats/docx.ts';
import { htmlToDraft } from '../../src/main/services/import/formats/html.ts';
import { createImporter } from '../../src/main/services/import/index.ts';
import { useTempDir } from '../helpers.ts';
import { makeServices } from '../services.ts';
import { makeDocx, para, run } from './docx-maker.ts';

const tempDir = useTempDir();
const ARTICLE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'import', 'web-article.html'), 'utf8');

/** What a real Lexical editor makes of the body: loaded, then exported again. */
function throughLexical(body: string): string {
  const editor = createHeadlessEditor({ nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode], onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(body));
  return JSON.stringify(editor.getEditorState().toJSON());
}
const blocks = (body: string) => parseBody(body).blocks;

describe('HTML import', () => {
  const draft = htmlToDraft(ARTICLE);
  const body = draft.content.body!;

  it('takes the headline from <h1> and does not repeat it in the body', () => {
    expect(draft.content.headline).toBe('Cohen lands in Baku for talks on trade and security');
    expect(plainText(parseBody(body))).not.toContain('Cohen lands in Baku for talks');
  });
  it('takes the summary, the author and the language from the head', () => {
    expect(draft.content.summary).toBe("Israel's foreign minister began a state visit to Azerbaijan on Monday.");
    expect(draft.content.byline).toEqual([{ name: 'Pesach Benson', role: 'writer' }]);
    expect(draft.content.language).toBe('en-GB');
    expect([...draft.recognised].sort()).toEqual(['body', 'byline', 'headline', 'language', 'summary']);
  });
  it('keeps paragraphs, bold, italic, links, lists (nested), headings and quotes; the page byline line is not repeated', () => {
    const b = blocks(body);
    expect(b.map((x) => (x.kind === 'heading' ? `h${x.level}` : x.kind))).toEqual(['paragraph', 'paragraph', 'list', 'h2', 'quote', 'paragraph', 'paragraph']);
    const first = b[0]!;
    expect(first.kind === 'paragraph' && first.inlines).toEqual([
      expect.objectContaining({ kind: 'text', text: 'Foreign Minister ', bold: false }),
      expect.objectContaining({ kind: 'text', text: 'Eli Cohen', bold: true }),
      expect.objectContaining({ kind: 'text', text: ' arrived in ' }),
      expect.objectContaining({ kind: 'text', text: 'Baku', italic: true }),
      expect.objectContaining({ kind: 'text', text: ' on Monday, weeks after Azerbaijan opened its embassy in ' }),
      { kind: 'link', url: 'https://en.wikipedia.org/wiki/Tel_Aviv', children: [expect.objectContaining({ text: 'Tel Aviv' })] },
      expect.objectContaining({ kind: 'text', text: '.' }),
    ]);
    const list = b[2]!;
    expect(list.kind === 'list' && list.items.map((i) => [i.inlines.map((x) => (x.kind === 'text' ? x.text : '')).join(''), i.sublists.length])).toEqual([
      ['President Ilham Aliyev', 0],
      ['Foreign Minister Jeyhun Bayramov', 1],
    ]);
  });
  it('drops scripts, styles, menus, sidebars, footers, frames, images, hidden tracking text and unsafe link targets (their text kept)', () => {
    const text = plainText(parseBody(body));
    for (const gone of ['gtag', 'dataLayer', '.ad', 'News', 'Sport', 'Related', 'Other stories', '©', 'utm_source', 'pixel', 'The Daily Wire Desk']) expect(text).not.toContain(gone);
    expect(text).toContain('Read the full statement or the summary.');
    expect(text).toContain('Israel was one of the first countries to recognise Azerbaijani independence.');
    expect(body).not.toMatch(/javascript:|data:text|onclick|onload|track\(/);
    expect(draft.notes).toContain('Scripts, embedded content and unsafe links were removed.');
  });
  it('never makes empty paragraphs (a &nbsp; paragraph is dropped)', () => {
    expect(blocks(body).every((x) => x.kind === 'list' || plainText({ blocks: [x] }).trim() !== '')).toBe(true);
  });
  it('writes a body a real Lexical editor loads unchanged, and valid content', () => {
    expect(canonicalBody(parseBody(throughLexical(body)))).toEqual(canonicalBody(parseBody(body)));
    expect(storyContentPatchSchema.safeParse(draft.content).success).toBe(true);
  });
  it('falls back to <title> for the headline; other <h1>s become second-level headings', () => {
    const d = htmlToDraft('<html><head><title>Budget vote</title></head><body><h1>Background</h1><p>Text.</p></body></html>');
    expect(d.content.headline).toBe('Background');
    const d2 = htmlToDraft('<html><head><title>Budget vote</title></head><body><p>Text.</p><h1>Background</h1></body></html>');
    expect(d2.content.headline).toBe('Background');
    const d3 = htmlToDraft('<html><head><title>Budget vote</title></head><body><p>Text.</p><h3>Reaction</h3></body></html>');
    expect(d3.content.headline).toBe('Budget vote');
    expect(blocks(d3.content.body!).map((x) => x.kind === 'heading' && x.level)).toEqual([false, 3]);
  });
  it('reads Word "Save as Web Page" list paragraphs as real lists, bullets and numbers', () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=EN-US>
<p class=MsoNormal>Agenda:<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Security<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Drones<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><b>Trade</b><o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>First<o:p></o:p></p>
</body></html>`;
    const b = blocks(htmlToDraft(word).content.body!);
    expect(b.map((x) => x.kind)).toEqual(['paragraph', 'list', 'list']);
    const bullets = b[1]!;
    if (bullets.kind !== 'list') throw new Error('not a list');
    expect(bullets.ordered).toBe(false);
    expect(bullets.items.map((i) => plainText({ blocks: [{ kind: 'paragraph', inlines: i.inlines }] }))).toEqual(['Security', 'Trade']);
    expect(bullets.items[0]!.sublists[0]!.items.map((i) => plainText({ blocks: [{ kind: 'paragraph', inlines: i.inlines }] }))).toEqual(['Drones']);
    expect(bullets.items[1]!.inlines[0]).toMatchObject({ text: 'Trade', bold: true });
    expect(b[2]!.kind === 'list' && b[2]!.ordered).toBe(true);
  });
});

describe('DOCX import', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps headings, bold, italic and links; the document title is the headline and not repeated', async () => {
    const bytes = makeDocx({
      title: 'Cohen lands in Baku',
      body: [
        para('Cohen lands in Baku', 'Title'),
        para('', undefined, run('Foreign Minister ') + run('Eli Cohen', '<w:b/>') + run(' arrived in ') + run('Baku', '<w:i/>') + run('.')),
        para('Security ties', 'Heading1'),
        `<w:p><w:r><w:t xml:space="preserve">Source: </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>TPS</w:t></w:r></w:hyperlink></w:p>`,
      ],
    });
    const draft = await parseDocx({ name: 'story.docx', bytes });
    expect(draft.content.headline).toBe('Cohen lands in Baku');
    const b = blocks(draft.content.body!);
    expect(b.map((x) => (x.kind === 'heading' ? `h${x.level}` : x.kind))).toEqual(['paragraph', 'h2', 'paragraph']);
    expect(b[0]!.kind === 'paragraph' && b[0]!.inlines.filter((i) => i.kind === 'text' && (i.bold || i.italic)).map((i) => i.kind === 'text' && i.text)).toEqual(['Eli Cohen', 'Baku']);
    expect(b[2]!.kind === 'paragraph' && b[2]!.inlines[1]).toMatchObject({ kind: 'link', url: 'https://tps.co.il/' });
    expect(canonicalBody(parseBody(throughLexical(draft.content.body!)))).toEqual(canonicalBody(parseBody(draft.content.body!)));
  });

  it('without a document title, the first heading is the headline', async () => {
    const draft = await parseDocx({ name: 's.docx', bytes: makeDocx({ body: [para('Port reopens', 'Title'), para('Ships moved again.')] }) });
    expect(draft.content.headline).toBe('Port reopens');
    expect(plainText(parseBody(draft.content.body!))).toBe('Ships moved again.');
  });

  it('refuses a zip bomb from its table of contents, before mammoth inflates anything', async () => {
    const convert = vi.spyOn(mammoth, 'convertToHtml');
    // 8 MB of zeros packs into about 8 KB: a thousand to one.
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    await expect(parseDocx({ name: 'invoice.docx', bytes: bomb })).rejects.toThrow(/“invoice\.docx” contains “word\/document\.xml”, which would unpack to 8 MB from \d+(\.\d)? KB, as zip bombs do\. It was not unpacked\./);
    expect(convert).not.toHaveBeenCalled();
  });

  it('refuses a bomb that lies about its size: it is inflated no further than it declares', async () => {
    const convert = vi.spyOn(mammoth, 'convertToHtml');
    const bytes = zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    // Declare 100,000 bytes (more than it packs to, so the sizes look plausible) in the local
    // header (offset 22) and the central directory (offset 24).
    const view = new DataView(bytes.buffer);
    view.setUint32(22, 100_000, true);
    const central = bytes.findLastIndex((_, i) => i + 4 <= bytes.length && view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 100_000, true);
    await expect(parseDocx({ name: 'liar.docx', bytes })).rejects.toThrow(/“liar\.docx” is damaged or crafted: “word\/document\.xml” unpacks to more than the 97\.7 KB it declares/);
    expect(convert).not.toHaveBeenCalled();
  });

  it('refuses a zip with too many entries, and a zip that is not a Word document', async () => {
    const many = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`word/media/${i}.xml`, strToU8('x')]));
    await expect(parseDocx({ name: 'many.docx', bytes: zipSync(many) })).rejects.toThrow(/holds 2001 files; a Word document holds at most 2000/);
    await expect(parseDocx({ name: 'photos.docx', bytes: zipSync({ 'a.jpg': strToU8('x') }) })).rejects.toThrow(/“photos\.docx” is not a Word document \(it has no word\/document\.xml\)/);
    await expect(parseDocx({ name: 'fake.docx', bytes: strToU8('just text pretending') })).rejects.toThrow(/“fake\.docx” is not a Word document \(it is not a zip file\)/);
  });

  it('through the importer: the bomb creates nothing and the good document next to it is imported', async () => {
    const { services } = makeServices(tempDir());
    const importer = createImporter({ stories: services.stories });
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    const good = makeDocx({ title: 'Port reopens', body: [para('Ships moved again on Tuesday.')] });
    const [a, b] = await importer.importFiles([{ name: 'bomb.docx', bytes: bomb }, { name: 'ok.docx', bytes: good }], 'Dana');
    expect(a).toMatchObject({ ok: false, file: 'bomb.docx', message: expect.stringMatching(/as zip bombs do/) });
    expect(b).toMatchObject({ ok: true, result: { format: 'docx', story: { headline: 'Port reopens', plainText: 'Ships moved again on Tuesday.' } } });
    expect(services.stories.count({})).toBe(1);
    services.close();
  });
});
