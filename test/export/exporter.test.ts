import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExporter, exportFileName, saveExport, storyToMarkdown } from '../../src/main/services/export/index.ts';
import { validateNewsML } from '../../src/main/services/export/validate.ts';
import { AppError } from '../../src/shared/errors.ts';
import { DEFAULT_HOUSE, type HouseSettings } from '../../src/shared/settings.ts';
import { useTempDir } from '../helpers.ts';
import { makeServices } from '../services.ts';
import { SCHEMAS_DIR, STORY_ID, approvedStory, makeStory } from './stories.ts';
import { parseXml } from './xml.ts';

const NOW = new Date('2026-11-28T08:00:00.000Z');
const SHORT = STORY_ID.slice(-8).toLowerCase();
const exporter = createExporter({ schemasDir: SCHEMAS_DIR, house: () => DEFAULT_HOUSE, now: () => NOW });

describe('exportFileName', () => {
  it('slugs the headline, keeps letters of any script, and adds the short id', () => {
    expect(exportFileName(makeStory({ headline: 'Council approves budget!' }), 'markdown')).toBe(`council-approves-budget-${SHORT}.md`);
    expect(exportFileName(makeStory({ headline: 'שלום עולם: 🗞️ "News" 2026' }), 'newsml-g2')).toBe(`שלום-עולם-news-2026-${SHORT}.xml`);
    expect(exportFileName(makeStory({ headline: 'مرحبا بالعالم' }), 'markdown')).toBe(`مرحبا-بالعالم-${SHORT}.md`);
  });

  it('falls back to the id when the headline has no letters or digits', () => {
    expect(exportFileName(makeStory({ headline: '🗞️ ?!' }), 'markdown')).toBe(`${STORY_ID.toLowerCase()}.md`);
    expect(exportFileName(makeStory({ headline: '' }), 'newsml-g2')).toBe(`${STORY_ID.toLowerCase()}.xml`);
  });

  it('keeps long headlines to a readable length, cut at a word', () => {
    const name = exportFileName(makeStory({ headline: 'word '.repeat(40) }), 'markdown');
    expect(name).toBe(`${Array(12).fill('word').join('-')}-${SHORT}.md`);
  });
});

describe('exporter.exportStory', () => {
  const tempDir = useTempDir('copydesk-export-');

  it('writes a Markdown file and returns its path', async () => {
    const folder = tempDir();
    const story = approvedStory();
    const result = await exporter.exportStory(story, 'markdown', folder, true);
    expect(result).toEqual({ path: join(folder, exportFileName(story, 'markdown')), format: 'markdown' });
    expect(readFileSync(result.path, 'utf8')).toBe(storyToMarkdown(story));
    expect(readdirSync(folder)).toEqual([exportFileName(story, 'markdown')]); // no temporary file left behind
  });

  it('writes a schema-valid NewsML-G2 file with the approval state passed in', async () => {
    const folder = tempDir();
    const result = await exporter.exportStory(approvedStory(), 'newsml-g2', folder, false);
    expect(result.path).toMatch(/\.xml$/);
    const xml = readFileSync(result.path, 'utf8');
    expect((await validateNewsML(xml, SCHEMAS_DIR)).valid).toBe(true);
    expect(parseXml(xml).one('pubStatus').getAttribute('qcode')).toBe('stat:withheld');
    expect(parseXml(xml).one('provider').getAttribute('literal')).toBe('Copydesk');
  });

  it('names the provider and copyright holder from the house settings as they are at each export', async () => {
    let house: HouseSettings = { ...DEFAULT_HOUSE, providerName: 'Tazpit Press Service', copyrightHolder: 'TPS Ltd', usageTerms: 'Subscribers only' };
    const withHouse = createExporter({ schemasDir: SCHEMAS_DIR, house: () => house, now: () => NOW });
    const first = parseXml(readFileSync((await withHouse.exportStory(approvedStory(), 'newsml-g2', tempDir(), true)).path, 'utf8'));
    expect(first.one('provider').getAttribute('literal')).toBe('Tazpit Press Service');
    expect(first.one('copyrightHolder').textContent).toBe('TPS Ltd');
    expect(first.one('usageTerms').textContent).toBe('Subscribers only');
    house = { ...house, providerName: 'TPS Wire' };
    const second = parseXml(readFileSync((await withHouse.exportStory(approvedStory(), 'newsml-g2', tempDir(), true)).path, 'utf8'));
    expect(second.one('provider').getAttribute('literal')).toBe('TPS Wire');
  });

  it('in the app, takes the house settings the newsroom saved', async () => {
    const dir = tempDir();
    const { services, library } = makeServices(dir);
    try {
      services.settings.update({ house: { providerName: 'Tazpit Press Service', copyrightNotice: '© TPS' } });
      const story = services.stories.create('Reporter', { headline: 'Cohen visits Baku', language: 'en', languageSetByPerson: true });
      mkdirSync(join(dir, 'out'));
      const doc = parseXml(readFileSync((await services.exporter.exportStory(story, 'newsml-g2', join(dir, 'out'), false)).path, 'utf8'));
      expect(doc.one('provider').getAttribute('literal')).toBe('Tazpit Press Service');
      expect(doc.one('copyrightHolder').textContent).toBe('Tazpit Press Service');
      expect(doc.one('copyrightNotice').textContent).toBe('© TPS');
    } finally {
      library.close();
    }
  });

  it("replaces the story's own earlier export", async () => {
    const folder = tempDir();
    await exporter.exportStory(makeStory({ revision: 1 }), 'markdown', folder, false);
    const second = await exporter.exportStory(makeStory({ revision: 2 }), 'markdown', folder, false);
    expect(readdirSync(folder)).toHaveLength(1);
    expect(readFileSync(second.path, 'utf8')).toContain('\nrevision: 2\n');
  });

  it('never overwrites an unrelated file with the same name', async () => {
    const folder = tempDir();
    const story = makeStory();
    const name = exportFileName(story, 'markdown');
    writeFileSync(join(folder, name), 'Someone else’s notes.');
    const result = await exporter.exportStory(story, 'markdown', folder, false);
    expect(result.path).toBe(join(folder, name.replace(/\.md$/, '-2.md')));
    expect(readFileSync(join(folder, name), 'utf8')).toBe('Someone else’s notes.');
  });

  it('writes nothing when the NewsML-G2 document fails the schema', async () => {
    const folder = tempDir();
    // Revision 0 never comes out of the store, but if it did, version="0" is not a positiveInteger.
    const failure = exporter.exportStory(makeStory({ revision: 0 }), 'newsml-g2', folder, false);
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({
      code: 'export_invalid',
      message: expect.stringMatching(/^The NewsML-G2 export failed schema validation: .*'version'.*positiveInteger/),
    });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('validates before writing on the one save path, and writes nothing for a broken document', async () => {
    const folder = tempDir();
    const broken = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="2.35"/>';
    const failure = saveExport({ folder, fileName: 'broken.xml', storyId: STORY_ID, format: 'newsml-g2', content: broken }, SCHEMAS_DIR);
    await expect(failure).rejects.toMatchObject({ code: 'export_invalid', message: expect.stringContaining('itemMeta') });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('reports a missing folder by name', async () => {
    const missing = join(tempDir(), 'no-such-folder');
    await expect(exporter.exportStory(makeStory(), 'markdown', missing, false)).rejects.toMatchObject({
      code: 'invalid_input',
      message: `The export folder "${missing}" does not exist. Choose another folder.`,
    });
  });

  it('reports a file given as the folder, and a relative path', async () => {
    const file = join(tempDir(), 'file.txt');
    writeFileSync(file, 'x');
    await expect(exporter.exportStory(makeStory(), 'newsml-g2', file, false)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining(file),
    });
    await expect(exporter.exportStory(makeStory(), 'markdown', 'exports', false)).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'The export folder must be a full path, not "exports".',
    });
  });

  // Root ignores file modes, so as root (our machines and CI) the folder is a read-only tmpfs.
  it('reports a folder it cannot write to', async () => {
    const folder = join(tempDir(), 'locked');
    mkdirSync(folder);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', folder]);
    else chmodSync(folder, 0o500);
    try {
      await expect(exporter.exportStory(makeStory(), 'markdown', folder, false)).rejects.toMatchObject({
        code: 'storage',
        message: expect.stringContaining(`cannot write to the export folder "${folder}"`),
      });
    } finally {
      if (asRoot) execFileSync('umount', ['-l', folder]);
      else chmodSync(folder, 0o700);
    }
  });
});
