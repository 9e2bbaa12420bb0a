/**
 * `import.files` through `dispatch`, as drag-and-drop and File → Import… use it: per-file
 * results, the library told of the new stories, and bad input refused with nothing changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract.ts';
import { MAX_IMPORT_BYTES } from '../../src/shared/import.ts';
import { dispatch } from '../../src/main/services/handlers.ts';
import { useTempDir } from '../helpers.ts';
import { makeServices } from '../services.ts';

const tempDir = useTempDir();
const TPS = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'tps-2023-04-18-azerbaijan-israel.txt'));
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const tables = ['stories', 'story_bylines', 'story_events', 'revisions'];

function setup() {
  const changed: string[][] = [];
  const made = makeServices(tempDir(), {}, { onLibraryChanged: (ids) => changed.push(ids) });
  made.services.settings.update({ profile: { name: 'Dana Levi', role: 'reporter' } });
  const snapshot = () => tables.map((t) => made.services.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all());
  return { ...made, changed, snapshot };
}

describe('import.files', () => {
  it('makes a draft per good file and says why for a bad one, in order; the output matches the contract', async () => {
    const { handlers, services, changed } = setup();
    const result = await dispatch(handlers, 'import.files', {
      files: [
        { name: 'tps.txt', data: b64(TPS) },
        { name: 'photo.txt', data: b64(new Uint8Array([0x89, 0x50, 0x00, 0x00])) },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    const value = contract['import.files'].output.parse(result.value);
    const [good, bad] = value.results;
    expect(good).toMatchObject({ ok: true, file: 'tps.txt', headline: 'What Does Azerbaijan Want as It Expands Ties With Israel?', format: 'wire-text' });
    expect(good!.ok && [...good!.recognised].sort()).toEqual(['body', 'byline', 'creditLine', 'dateline', 'headline']);
    expect(good!.ok && good!.notes.join(' ')).toMatch(/“Public”/);
    expect(bad).toEqual({ ok: false, file: 'photo.txt', message: '“photo.txt” is a binary file, not text (it contains NUL bytes). Nothing was imported.' });
    const story = services.stories.get(good!.ok ? good!.storyId : '');
    expect(story).toMatchObject({ author: 'Dana Levi', status: 'draft', dateline: { place: { countryCode: 'IL' } } });
    services.changes.check();
    expect(changed.flat()).toContain(story.id);
    services.close();
  });

  it('changes nothing when every file is bad', async () => {
    const { handlers, services, snapshot } = setup();
    const before = snapshot();
    const result = await dispatch(handlers, 'import.files', {
      files: [
        { name: 'latin1.txt', data: b64(new Uint8Array([0x43, 0x61, 0x66, 0xe9])) },
        { name: 'cesu.txt', data: b64(new Uint8Array([0x41, 0xed, 0xa0, 0x80])) },
        { name: 'story.pdf', data: b64('%PDF-1.7') },
        { name: 'bomb.docx', data: b64('PK\u0003\u0004 not really a zip') },
      ],
    });
    expect(result.ok && result.value).toEqual({
      results: [
        { ok: false, file: 'latin1.txt', message: expect.stringMatching(/^“latin1\.txt” is not UTF-8 text/) },
        { ok: false, file: 'cesu.txt', message: expect.stringMatching(/^“cesu\.txt” holds half of a character/) },
        { ok: false, file: 'story.pdf', message: expect.stringMatching(/^“story\.pdf”: Copydesk does not import \.pdf files/) },
        { ok: false, file: 'bomb.docx', message: expect.stringMatching(/^“bomb\.docx” is damaged or incomplete: it looks like a zip file that was cut short/) },
      ],
    });
    expect(snapshot()).toEqual(before);
    services.close();
  });

  it('refuses a file over the limit with the limit in the message, before decoding anything', async () => {
    const { handlers, services, snapshot } = setup();
    const before = snapshot();
    const data = 'A'.repeat(Math.ceil((MAX_IMPORT_BYTES + 3) / 3) * 4);
    const result = await dispatch(handlers, 'import.files', { files: [{ name: 'huge.txt', data }] });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: 'A file is at most 20 MB; Copydesk imports files up to that size. (files.0.data)' } });
    expect(snapshot()).toEqual(before);
    services.close();
  });
});
