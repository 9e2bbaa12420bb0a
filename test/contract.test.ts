import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bodyFromParagraphs } from '../src/shared/body.ts';
import { CHANNELS, type Channel } from '../src/shared/contract.ts';
import { dispatch } from '../src/main/services/handlers.ts';
import type { Database } from '../src/main/services/storage/database.ts';
import { backupNow } from '../src/main/services/storage/backups.ts';
import { DATABASE_FILE } from '../src/main/services/services.ts';
import { makeServices } from './services.ts';
import { damageTrashIndex } from './damage.ts';
import { useTempDir } from './helpers.ts';

const tempDir = useTempDir();
const GOOD_ID = '01JD0000000000000000000000';
const BACKUP_NAME = 'copydesk-20261127T100000Z-manual.db';

/** What a case may refer to: the package waiting in the export folder (see `prepare`). */
interface CaseState {
  readonly packageFile: string;
}

// For every channel: inputs that must be refused. `{ nope: 1 }` tests unknown keys (the contract
// is strict). Where a handler would act on an input if it got through, the case includes such an
// input (a real backup name, the inspected package), so only the validation can refuse it.
const malformed: Record<Channel, unknown[] | ((state: CaseState) => unknown[])> = {
  'app.info': [{ nope: 1 }, 'text', 42],
  'app.readyToClose': [{ nope: 1 }, [1]],
  'app.keepOpen': [{ nope: 1 }],
  'settings.get': [{ nope: 1 }],
  'settings.update': [
    { profile: { name: '', role: 'editor' } },
    { profile: { name: 'A', role: 'publisher' } },
    { theme: 'neon' },
    { exportFolder: 7 },
    { nope: 1 },
  ],
  'stories.list': [
    { keyword: '' },
    { keyword: 'a'.repeat(81) },
    { status: 'published' },
    { sort: 'random' },
    { from: '27/11/2026' },
    { query: 'x'.repeat(501) },
    { nope: 1 },
  ],
  'stories.get': [{}, { id: 'not-an-id' }, { id: 5 }, { id: GOOD_ID, extra: true }],
  'stories.create': [{ headline: 5 }, { headline: 'x'.repeat(501) }, { nope: 1 }],
  'stories.save': [
    {},
    { id: 'bad', baseRevision: 1, headline: 'h', body: bodyFromParagraphs(['x']), keywords: [] },
    { id: GOOD_ID, baseRevision: 0, headline: 'h', body: bodyFromParagraphs(['x']), keywords: [] },
    { id: GOOD_ID, baseRevision: 1, headline: 'h', body: 'not json', keywords: [] },
    { id: GOOD_ID, baseRevision: 1, headline: 'h', body: '{"root":{"type":"paragraph","children":[]}}', keywords: [] },
    { id: GOOD_ID, baseRevision: 1, headline: 'h', body: bodyFromParagraphs(['x']), keywords: ['ok', 'bad,comma'] },
    { id: GOOD_ID, baseRevision: 1, headline: 'h', body: bodyFromParagraphs(['x']), keywords: [''] },
    { id: GOOD_ID, baseRevision: 1, headline: 'h', body: bodyFromParagraphs(['x']), keywords: 'Iran' },
  ],
  'stories.createCopy': [
    { headline: 'h', body: 'nope', keywords: [] },
    { headline: 'h', body: bodyFromParagraphs(['x']), keywords: [], sourceId: 'x' },
    { headline: 'h', body: bodyFromParagraphs(['x']) },
  ],
  'stories.delete': [{}, { id: '../../etc/passwd' }],
  'trash.list': [{ nope: 1 }],
  'trash.restore': [{}, { id: 'x' }],
  'trash.empty': [{ all: true }],
  'revisions.list': [{}, { id: 1 }],
  'revisions.get': [{}, { revisionId: 0 }, { revisionId: 'one' }],
  'revisions.restore': [{ id: GOOD_ID, revisionId: 1 }, { id: GOOD_ID, revisionId: -1, baseRevision: 1 }],
  'library.stats': [{ nope: 1 }],
  'recovery.status': [{ nope: 1 }],
  'packages.export': [{ ids: [] }, { ids: ['nope'] }, {}],
  'packages.inspect': [{ file: '/etc/passwd' }],
  'packages.import': ({ packageFile }) => [
    { file: packageFile, onConflict: 'copy', nope: 1 },
    { file: packageFile, onConflict: 'overwrite' },
    { file: '', onConflict: 'ask' },
  ],
  'recovery.restoreBackup': [{ name: BACKUP_NAME, nope: 1 }, {}, { name: '../copydesk.db' }, { name: '/etc/passwd' }],
  'recovery.startFresh': [{ force: true }],
  'recovery.salvage': [{ folder: '/tmp' }],
  'stories.events': [{}, { id: null }],
  'keywords.list': [{ nope: 1 }],
  'workflow.transition': [
    { id: GOOD_ID, action: 'publish' },
    { id: GOOD_ID },
    { id: GOOD_ID, action: 'return', note: 'x'.repeat(5001) },
  ],
  'import.files': [
    {},
    { files: [] },
    { files: [{ name: 'a.txt' }] },
    { files: [{ name: '', data: 'QQ==' }] },
    { files: [{ name: 'x'.repeat(256), data: 'QQ==' }] },
    { files: [{ name: 'a.txt', data: 'not base64!' }] },
    { files: Array.from({ length: 51 }, (_, i) => ({ name: `${i}.txt`, data: 'QQ==' })) },
    { files: [{ name: 'a.txt', data: 'QQ==', path: '/etc/passwd' }] },
  ],
  'export.chooseFolder': [{ nope: 1 }],
  'pictures.add': [
    { name: 'a.jpg' },
    { name: '', data: 'AAAA' },
    { name: 'a.jpg', data: 'not base64!' },
    { name: 'a.jpg', data: 'AAAA', path: '/etc/passwd' },
  ],
  'pictures.thumbnail': [{}, { sha256: '../../etc/passwd' }, { sha256: 'A'.repeat(64) }],
  'export.story': [
    { id: GOOD_ID, format: 'docx', folder: '/tmp' },
    { id: GOOD_ID, format: 'markdown', folder: '' },
    { id: GOOD_ID, format: 'markdown' },
  ],
  'tagging.topics': [{}, { query: 'x'.repeat(201) }, { query: 'sport', limit: 0 }, { query: 'sport', limit: 51 }, { query: 5 }, { query: 'a', nope: 1 }],
  'tagging.genres': [{ nope: 1 }],
  'tagging.vocabulary': [{ nope: 1 }],
  'tagging.places': [{}, { query: 'x'.repeat(201) }, { query: 'Paris', limit: 2.5 }, { query: 'Paris', limit: 100 }],
  'tagging.suggest': [{}, { id: 'nope' }, { id: GOOD_ID, language: 'he' }],
};

/** The recovery channels act only on a damaged library: their cases run on one. */
const NEEDS_DAMAGE: ReadonlySet<Channel> = new Set(['recovery.restoreBackup', 'recovery.startFresh', 'recovery.salvage']);

/** Every platform callback, recorded: a refused call must not open a dialog or close a window. */
function spiedPlatform(dataDir: string) {
  return {
    chooseExportFolder: vi.fn(async () => join(dataDir, 'exports')),
    choosePackageFile: vi.fn(async (name: string) => join(dataDir, 'exports', name)),
    chooseImportFile: vi.fn(async (): Promise<string | null> => null),
    readyToClose: vi.fn(),
    keepOpen: vi.fn(),
  };
}

/** A package exported by another library, waiting in this library's export folder. */
async function incomingPackage(dataDir: string): Promise<string> {
  const elsewhere = makeServices(tempDir());
  const story = elsewhere.services.stories.create('Correspondent', 'From the Baku bureau');
  elsewhere.services.stories.save({ id: story.id, baseRevision: 1, headline: 'From the Baku bureau', body: bodyFromParagraphs(['Filed from Baku.']), keywords: ['Baku'] }, 'Correspondent');
  mkdirSync(join(dataDir, 'exports'), { recursive: true });
  const file = join(dataDir, 'exports', 'from-baku.copydesk');
  elsewhere.services.packages.exportStories([story.id], file, 'Correspondent');
  await elsewhere.library.idle();
  elsewhere.library.close();
  return file;
}

/**
 * A library in the state where `channel`'s handler would act on what it is given: a story whose
 * search entry is pending (a search would index it), a backup, a damaged file for the recovery
 * channels, an inspected package for the import.
 */
async function prepare(channel: Channel) {
  const dataDir = tempDir();
  const platform = spiedPlatform(dataDir);
  const first = makeServices(dataDir, platform);
  await first.library.integrityChecked;
  const story = first.services.stories.create('Reporter', 'Existing');
  first.services.stories.save({ id: story.id, baseRevision: 1, headline: 'Existing', body: bodyFromParagraphs(['Dockworkers walked out.']), keywords: ['Port'] }, 'Reporter');
  backupNow(first.services.db, dataDir, 'manual', new Date('2026-11-27T10:00:00Z'));
  const state: CaseState = { packageFile: await incomingPackage(dataDir) };
  let opened = first;
  if (NEEDS_DAMAGE.has(channel)) {
    first.library.close();
    damageTrashIndex(join(dataDir, DATABASE_FILE));
    opened = makeServices(dataDir, platform);
    if (!opened.library.status().damaged) throw new Error('The damaged library opened: the recovery cases would test nothing.');
  } else {
    // The import handler imports only the package inspected in this session.
    platform.chooseImportFile.mockResolvedValueOnce(state.packageFile);
    const inspected = await dispatch(first.handlers, 'packages.inspect', {});
    if (!inspected.ok) throw new Error(inspected.error.message);
    // Fold the WAL into the file now: the idle checkpoint must not change the file mid-test.
    first.services.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }
  for (const callback of Object.values(platform)) callback.mockClear();
  return { ...opened, dataDir, platform, story, state };
}

/** Every table, the search index's own included, and the schema. */
function tables(db: Database): Record<string, unknown[]> {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const all: Record<string, unknown[]> = { sqlite_master: db.prepare('SELECT * FROM sqlite_master ORDER BY name').all() };
  for (const name of names) all[name] = db.prepare(`SELECT * FROM "${name}"`).all();
  return all;
}

/**
 * Every file in the data folder: name, size, SHA-256. The `-shm` file is left out: it is SQLite's
 * shared-memory index of the WAL, which readers update; it holds no data.
 */
function files(dir: string, root = dir): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(found, files(path, root));
    else if (!entry.name.endsWith('-shm')) {
      found[relative(root, path)] = `${statSync(path).size} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
    }
  }
  return found;
}

describe('the contract', () => {
  it('has malformed-input cases for every channel', () => {
    expect(Object.keys(malformed).sort()).toEqual([...CHANNELS].sort());
  });

  for (const channel of CHANNELS) {
    it(`${channel} rejects malformed input with a clear error and changes nothing`, async () => {
      const { services, handlers, library, dataDir, platform, story, state } = await prepare(channel);
      const cases = malformed[channel];
      const inputs = typeof cases === 'function' ? cases(state) : cases;
      const tablesBefore = services ? tables(services.db) : null;
      const filesBefore = files(dataDir);
      const statusBefore = library.status();
      for (const input of inputs) {
        const result = await dispatch(handlers, channel, input);
        expect(result.ok, `${channel} accepted ${JSON.stringify(input).slice(0, 80)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid_input');
          expect(result.error.message.length).toBeGreaterThan(5);
        }
      }
      for (const [name, callback] of Object.entries(platform)) expect(callback, `${channel} called platform.${name}`).not.toHaveBeenCalled();
      expect(library.status()).toEqual(statusBefore);
      if (services) {
        expect(tables(services.db)).toEqual(tablesBefore);
        expect(services.stories.get(story.id).headline).toBe('Existing');
      }
      expect(files(dataDir)).toEqual(filesBefore);
      library.close();
    });
  }

  it('refuses an unknown channel', async () => {
    const { handlers, services } = makeServices(tempDir());
    expect(await dispatch(handlers, 'fs.readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown channel: fs.readFile' },
    });
    services.close();
  });

  it('answers a missing story with not_found, not a crash', async () => {
    const { handlers, services } = makeServices(tempDir());
    const result = await dispatch(handlers, 'stories.get', { id: GOOD_ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    services.close();
  });

  it('runs a valid call end to end: create, save, list, keywords, settings', async () => {
    const { handlers, services } = makeServices(tempDir());
    const created = await dispatch(handlers, 'stories.create', {});
    if (!created.ok) throw new Error(created.error.message);
    const story = created.value as { id: string; revision: number; body: string };
    const saved = await dispatch(handlers, 'stories.save', {
      id: story.id,
      baseRevision: 1,
      headline: '  Cohen in Baku\n',
      body: bodyFromParagraphs(['In Baku, Cohen is expected to meet Aliyev.']),
      keywords: [' Azerbaijan ', 'azerbaijan', 'Israel'],
    });
    expect(saved).toMatchObject({ ok: true, value: { headline: '  Cohen in Baku ', keywords: ['Azerbaijan', 'Israel'], revision: 2 } });
    expect(await dispatch(handlers, 'keywords.list', {})).toEqual({
      ok: true,
      value: [
        { keyword: 'Azerbaijan', count: 1 },
        { keyword: 'Israel', count: 1 },
      ],
    });
    const updated = await dispatch(handlers, 'settings.update', { profile: { name: 'Dana', role: 'editor' } });
    expect(updated).toMatchObject({ ok: true, value: { profile: { name: 'Dana', role: 'editor' }, theme: 'system' } });
    services.close();
  });
});
