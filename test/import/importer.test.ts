/**
 * The importer end to end on the real story service: each file a draft, per-file results, and
 * bad input (binary, too big, not UTF-8, lone surrogates, control characters, unknown kinds,
 * invalid content) refused with one clear message, creating nothing, never stopping the others.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBody, plainText } from '../../src/shared/body.ts';
import { createImporter, IMPORT_FORMATS, MAX_IMPORT_BYTES, type ImportOutcome, type RegisteredFormat } from '../../src/main/services/import/index.ts';
import type { ImportFile } from '../../src/main/services/import/types.ts';
import { transaction } from '../../src/main/services/storage/database.ts';
import { useTempDir } from '../helpers.ts';
import { makeServices } from '../services.ts';

const tempDir = useTempDir();
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const TPS = readFileSync(join(FIXTURES, 'tps-2023-04-18-azerbaijan-israel.txt'));
const HEBREW = readFileSync(join(FIXTURES, 'wire', 'he-2023-04-18-cohen-baku.txt'));
const enc = (s: string) => new TextEncoder().encode(s);
const file = (name: string, bytes: Uint8Array | string): ImportFile => ({ name, bytes: typeof bytes === 'string' ? enc(bytes) : bytes });

function setup(formats?: readonly RegisteredFormat[]) {
  const { services } = makeServices(tempDir());
  const importer = createImporter({ stories: services.stories, ...(formats ? { formats } : {}) });
  return { services, importer, count: () => services.stories.count({}) };
}
const failure = (outcome: ImportOutcome) => {
  if (outcome.ok) throw new Error(`expected a refusal, got story ${outcome.result.story.id}`);
  return outcome.message;
};
const success = (outcome: ImportOutcome) => {
  if (!outcome.ok) throw new Error(`expected a story, got: ${outcome.message}`);
  return outcome.result;
};

describe('importing files', () => {
  it('makes a draft from the TPS story with every recognised field, the language detected', async () => {
    const { services, importer } = setup();
    const [outcome] = await importer.importFiles([file('tps.txt', TPS)], 'Dana');
    const result = success(outcome!);
    expect(result.format).toBe('wire-text');
    expect(result.file).toBe('tps.txt');
    const story = services.stories.get(result.story.id);
    expect(story).toMatchObject({
      status: 'draft',
      author: 'Dana',
      headline: 'What Does Azerbaijan Want as It Expands Ties With Israel?',
      creditLine: 'TPS',
      dateline: { place: { name: 'Jerusalem', countryCode: 'IL' }, date: '2023-04-18', agency: 'TPS' },
      language: 'en',
    });
    expect(story.byline.map((c) => `${c.role}:${c.name}`)).toEqual(['writer:Pesach Benson', 'photographer:Yosef Mizrahi']);
    expect(story.plainText.startsWith('Following up on the recent opening')).toBe(true);
    expect(result.recognised).toEqual(expect.arrayContaining(['headline', 'byline', 'dateline', 'creditLine', 'body']));
    services.close();
  });

  it('detects Hebrew for Hebrew wire copy', async () => {
    const { services, importer } = setup();
    const result = success((await importer.importFiles([file('he.txt', HEBREW)], 'Dana'))[0]!);
    expect(result.story.language).toBe('he');
    expect(result.story.byline[0]).toEqual({ name: 'פסח בנסון', role: 'writer' });
    services.close();
  });

  it('imports several files in order, reports progress, and one bad file does not stop the others', async () => {
    const { services, importer, count } = setup();
    const progress: [number, number, boolean][] = [];
    const outcomes = await importer.importFiles(
      [file('a.txt', TPS), file('broken.txt', new Uint8Array([0x41, 0x00, 0x42])), file('b.txt', HEBREW)],
      'Dana',
      (done, total, outcome) => progress.push([done, total, outcome.ok])
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toEqual({ ok: false, file: 'broken.txt', message: expect.stringMatching(/^“broken\.txt” is a binary file/) });
    expect(progress).toEqual([
      [1, 3, true],
      [2, 3, false],
      [3, 3, true],
    ]);
    expect(count()).toBe(2);
    services.close();
  });

  it('sniffs HTML in a .txt file and a file with no ending', async () => {
    const { services, importer } = setup();
    const html = '<!DOCTYPE html><html lang="en"><head><title>Port reopens</title></head><body><h1>Port reopens</h1><p>Ships moved again on Tuesday.</p></body></html>';
    const outcomes = await importer.importFiles([file('page.txt', html), file('page', html)], 'Dana');
    for (const o of outcomes) {
      const result = success(o);
      expect(result.format).toBe('html');
      expect(result.story.headline).toBe('Port reopens');
      expect(result.story.plainText).toBe('Ships moved again on Tuesday.');
    }
    services.close();
  });

  it('reads UTF-16 text with its byte-order mark (as Notepad saves) and UTF-8 with a BOM', async () => {
    const { services, importer } = setup();
    const text = 'Storm closes port\n\nHAIFA, 3 March 2024 (TPS) -- Winds closed the port.';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)]);
    for (const o of await importer.importFiles([file('u16.txt', utf16), file('u8.txt', bom8)], 'Dana')) {
      const result = success(o);
      expect(result.story.headline).toBe('Storm closes port');
      expect(result.story.dateline?.place.name).toBe('Haifa');
    }
    services.close();
  });

  it('removes control characters XML forbids, with a note, and keeps no-break spaces', async () => {
    const { services, importer } = setup();
    const result = success((await importer.importFiles([file('c.txt', 'Cabinet\u00a0meets\u0007 today\n\nMinisters\u0001 met on Sunday\u000b.')], 'Dana'))[0]!);
    expect(result.story.headline).toBe('Cabinet\u00a0meets today');
    expect(result.story.plainText).toBe('Ministers met on Sunday.');
    expect(result.notes.join(' ')).toMatch(/3 control characters that no export format can carry were removed/);
    services.close();
  });
});

it('removes forbidden characters that arrive as HTML character references, in the headline and the body', async () => {
  const { services, importer } = setup();
  const html = '<!DOCTYPE html><html><body><h1>Port&#1; reopens</h1><p>Ships&#x1F; moved&nbsp;again.</p></body></html>';
  const result = success((await importer.importFiles([file('page.html', html)], 'Dana'))[0]!);
  expect(result.story.headline).toBe('Port reopens');
  expect(result.story.plainText).toBe('Ships moved\u00a0again.');
  expect(result.notes).toContain('Control characters that no export format can carry were removed.');
  services.close();
});

it('creates a batch in one transaction where a file that fails to be stored takes nothing else with it', async () => {
  const { services } = makeServices(tempDir());
  const changed: string[] = [];
  const stories = {
    // Fails after its rows are written, as a full disk would: its savepoint must be rolled back.
    create: (actor: string, content: Parameters<typeof services.stories.create>[1]) =>
      transaction(services.db, () => {
        const story = services.stories.create(actor, content);
        if (typeof content === 'object' && content.headline === 'Storm closes port') throw new Error('database or disk is full');
        return story;
      }),
  };
  const importer = createImporter({
    stories,
    batch: (work) => {
      const result = transaction(services.db, work);
      changed.push(String(services.db.isTransaction));
      return result;
    },
  });
  const outcomes = await importer.importFiles(
    [file('a.txt', TPS), file('storm.txt', 'Storm closes port\n\nWinds closed the port.'), file('b.txt', HEBREW)],
    'Dana'
  );
  expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
  expect(failure(outcomes[1]!)).toBe('Something went wrong: database or disk is full');
  expect(services.stories.count({})).toBe(2);
  expect(services.db.prepare("SELECT COUNT(*) AS n FROM stories WHERE headline = 'Storm closes port'").get()).toEqual({ n: 0 });
  expect(changed).toEqual(['false']); // one batch, committed
  services.close();
});

describe('bad input: one clear message each, nothing created', () => {
  const cases: [string, ImportFile, RegExp][] = [
    ['binary (NUL bytes)', file('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d])), /“photo\.txt” is a binary file, not text \(it contains NUL bytes\)\. Nothing was imported\./],
    ['not UTF-8', file('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72])), /“latin1\.txt” is not UTF-8 text \(an older encoding such as Windows-1252\?\)/],
    ['a lone surrogate encoded in UTF-8', file('cesu.txt', new Uint8Array([0x41, 0xed, 0xa0, 0x80, 0x42])), /“cesu\.txt” holds half of a character \(a lone surrogate/],
    ['a lone surrogate in UTF-16', file('u16.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00])), /“u16\.txt” is damaged UTF-16 text: it holds half of a character \(a lone surrogate\)/],
    ['an empty file', file('empty.txt', new Uint8Array()), /“empty\.txt” is empty\. Nothing was imported\./],
    ['only blank lines', file('blank.txt', '\n\n   \n\n'), /“blank\.txt” holds no text to import/],
    ['a kind of file Copydesk does not import', file('story.pdf', '%PDF-1.7'), /“story\.pdf”: Copydesk does not import \.pdf files\. It imports \.xml, \.md, \.markdown, \.html, \.htm, \.xhtml, \.docx, \.txt, \.text\./],
    ['a file over the limit', file('huge.txt', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61)), /“huge\.txt” is 20 MB; Copydesk imports files up to 20 MB\. Nothing was imported\./],
  ];
  for (const [what, input, message] of cases) {
    it(what, async () => {
      const { services, importer, count } = setup();
      const [outcome] = await importer.importFiles([input], 'Dana');
      expect(failure(outcome!)).toMatch(message);
      expect(count()).toBe(0);
      services.close();
    });
  }

  it('refuses content its format made that does not validate, naming the field', async () => {
    const broken: RegisteredFormat = { id: 'broken', label: 'Broken', extensions: ['.brk'], parse: () => ({ content: { headline: 'h', urgency: 12 }, recognised: [], notes: [] }) };
    const { services, importer, count } = setup([broken, ...IMPORT_FORMATS]);
    const [outcome] = await importer.importFiles([file('x.brk', 'anything')], 'Dana');
    expect(failure(outcome!)).toBe('“x.brk” could not be imported: its urgency is not valid: Urgency runs from 1 to 9. Nothing was imported.');
    expect(count()).toBe(0);
    services.close();
  });

  it('turns a format that fails unexpectedly into a message for that file', async () => {
    const throwing: RegisteredFormat = { id: 'boom', label: 'Boom', extensions: ['.boom'], parse: () => { throw new Error('unexpected end of data'); } };
    const { services, importer, count } = setup([throwing, ...IMPORT_FORMATS]);
    const [outcome] = await importer.importFiles([file('x.boom', 'data')], 'Dana');
    expect(failure(outcome!)).toBe('“x.boom” could not be read as Boom: unexpected end of data. Nothing was imported.');
    expect(count()).toBe(0);
    services.close();
  });
});

describe('importing paths (the command line)', () => {
  it('reads the files named, with the same checks, per-file results in order', async () => {
    const { services, importer, count } = setup();
    const dir = tempDir();
    writeFileSync(join(dir, 'tps.txt'), TPS);
    writeFileSync(join(dir, 'bad.txt'), new Uint8Array([0xff, 0xfe, 0x00, 0xd8]));
    // A 200 MB file that takes no disk space: it must be refused from its size, without being read.
    writeFileSync(join(dir, 'huge.txt'), '');
    truncateSync(join(dir, 'huge.txt'), 200 * 1024 * 1024);
    const outcomes = await importer.importPaths([join(dir, 'tps.txt'), join(dir, 'missing.txt'), join(dir, 'bad.txt'), join(dir, 'huge.txt'), dir], 'cli');
    expect(success(outcomes[0]!).story.headline).toBe('What Does Azerbaijan Want as It Expands Ties With Israel?');
    expect(failure(outcomes[1]!)).toBe('“missing.txt” does not exist.');
    expect(failure(outcomes[2]!)).toMatch(/“bad\.txt” is damaged UTF-16 text/);
    expect(failure(outcomes[3]!)).toBe('“huge.txt” is 200 MB; Copydesk imports files up to 20 MB. It was not read, and nothing was imported.');
    expect(failure(outcomes[4]!)).toMatch(/is not a file\. Nothing was imported\./);
    expect(count()).toBe(1);
    expect(plainText(parseBody(services.stories.get(success(outcomes[0]!).story.id).body)).length).toBeGreaterThan(2000);
    services.close();
  });
});

describe('Copydesk’s own exports read back through the importer', () => {
  it('a Markdown and a NewsML-G2 export each become a draft with their metadata', async () => {
    const { services, importer } = setup();
    const s = services.stories.create('Dana', 'Cohen lands in Baku');
    const full = services.stories.save(
      {
        id: s.id,
        baseRevision: 1,
        slugline: 'AZERBAIJAN-ISRAEL',
        byline: [{ name: 'Pesach Benson', role: 'writer', affiliation: 'TPS' }],
        dateline: { place: { name: 'Jerusalem', countryCode: 'IL' }, date: '2023-04-18', agency: 'TPS' },
      },
      'Dana'
    );
    const dir = tempDir();
    const md = await services.exporter.exportStory(full, 'markdown', dir, false);
    const xml = await services.exporter.exportStory(full, 'newsml-g2', dir, false);
    const outcomes = await importer.importPaths([md.path, xml.path], 'Dana');
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) continue;
      expect(outcome.result.story).toMatchObject({ headline: 'Cohen lands in Baku', slugline: 'AZERBAIJAN-ISRAEL', byline: full.byline, dateline: full.dateline });
    }
    expect(outcomes.map((o) => o.ok && o.result.format)).toEqual(['markdown', 'newsml-g2']);
    services.close();
  });
});
