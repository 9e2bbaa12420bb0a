// R3: starting on a corrupt database file shows the recovery path, not a crash. Plus the backups
// the recovery path relies on.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { dispatch } from '../../src/main/services/handlers.ts';
import { DATABASE_FILE } from '../../src/main/services/services.ts';
import { BACKUPS_KEPT, backupNow, listBackups } from '../../src/main/services/storage/backups.ts';
import { openDatabase } from '../../src/main/services/storage/database.ts';
import { MIGRATIONS } from '../../src/main/services/storage/migrations.ts';
import { makeServices } from '../services.ts';
import { damageTrashIndex } from '../damage.ts';
import { useTempDir } from '../helpers.ts';

const tempDir = useTempDir();

async function libraryWithOneStory(dataDir: string) {
  const { services, handlers, library } = makeServices(dataDir);
  await library.integrityChecked; // the start-up check reads the file: let it finish before the test damages it
  const s = services.stories.create('R3', 'Before the crash');
  services.stories.save({ id: s.id, baseRevision: 1, headline: 'Before the crash', body: bodyFromParagraphs(['Baku blames Iran.']), keywords: ['Iran'] }, 'R3');
  return { services, handlers, library, id: s.id };
}

/** Overwrite the middle of the file with garbage, as a failing disk might. */
function corrupt(path: string) {
  const bytes = readFileSync(path);
  bytes.fill(0xa5, 0, Math.min(bytes.length, 4096 * 3));
  writeFileSync(path, bytes);
}

describe('R3: a damaged library', () => {
  it('opens in recovery instead of crashing, and every story call says so plainly', async () => {
    const dataDir = tempDir();
    const { library } = await libraryWithOneStory(dataDir);
    library.close();
    corrupt(join(dataDir, DATABASE_FILE));

    const { handlers } = makeServices(dataDir);
    const status = await dispatch(handlers, 'recovery.status', {});
    expect(status).toMatchObject({ ok: true, value: { damaged: true } });
    if (status.ok) expect((status.value as { message: string }).message).toMatch(/damaged|integrity/i);
    expect(await dispatch(handlers, 'stories.list', {})).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
  });

  it('restores a backup, keeping the damaged file aside', async () => {
    const dataDir = tempDir();
    const { services, library, id } = await libraryWithOneStory(dataDir);
    backupNow(services.db, dataDir, 'manual', new Date('2026-11-27T10:00:00Z'));
    library.close();
    corrupt(join(dataDir, DATABASE_FILE));

    const { handlers } = makeServices(dataDir);
    const status = await dispatch(handlers, 'recovery.status', {});
    const backups = status.ok ? (status.value as { backups: { name: string }[] }).backups : [];
    expect(backups.map((b) => b.name)).toEqual(['copydesk-20261127T100000Z-manual.db']);
    const restored = await dispatch(handlers, 'recovery.restoreBackup', { name: backups[0].name });
    expect(restored).toMatchObject({ ok: true, value: { damaged: false } });
    expect(await dispatch(handlers, 'stories.get', { id })).toMatchObject({ ok: true, value: { headline: 'Before the crash' } });
    expect(readdirSync(dataDir).some((f) => f.startsWith(`${DATABASE_FILE}.damaged-`))).toBe(true);
  });

  it('saves readable stories as Markdown, then starts a fresh library', async () => {
    const dataDir = tempDir();
    const { services, library } = await libraryWithOneStory(dataDir);
    const second = services.stories.create('R3', 'Port strike');
    services.stories.save({ id: second.id, baseRevision: 1, headline: 'Port strike', body: bodyFromParagraphs(['Dockworkers walked out on Monday.', 'Ships wait offshore.']), keywords: [] }, 'R3');
    library.close();
    // Damage the index the start-up purge reads: the library cannot open, its story rows are intact.
    damageTrashIndex(join(dataDir, DATABASE_FILE));
    const salvageDir = join(dataDir, 'salvaged');
    const { handlers, library: damaged } = makeServices(dataDir, { chooseExportFolder: async () => salvageDir });
    expect(damaged.status()).toMatchObject({ damaged: true });
    const salvage = await dispatch(handlers, 'recovery.salvage', {});
    expect(salvage).toEqual({ ok: true, value: { saved: 2, unreadable: 0, folder: salvageDir } });
    const saved = readdirSync(salvageDir)
      .sort()
      .map((file) => readFileSync(join(salvageDir, file), 'utf8'));
    expect(saved).toHaveLength(2);
    expect(saved[0]).toMatch(/^# Before the crash\n[\s\S]*\n\nBaku blames Iran\.\n$/);
    expect(saved[1]).toMatch(/^# Port strike\n[\s\S]*\n\nDockworkers walked out on Monday\.\nShips wait offshore\.\n$/);
    const fresh = await dispatch(handlers, 'recovery.startFresh', {});
    expect(fresh).toMatchObject({ ok: true, value: { damaged: false } });
    expect(await dispatch(handlers, 'stories.list', {})).toEqual({ ok: true, value: { rows: [], total: 0 } });
  });

  it('salvages the text of every story when only an index is damaged', async () => {
    const dataDir = tempDir();
    const { services, library } = await libraryWithOneStory(dataDir);
    services.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const { rootpage } = services.db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'stories_updated'").get() as { rootpage: number };
    const { page_size } = services.db.prepare('PRAGMA page_size').get() as { page_size: number };
    library.close();
    // Overwrite the index's root page: the table's rows stay readable, the integrity check fails.
    const path = join(dataDir, DATABASE_FILE);
    const bytes = readFileSync(path);
    bytes.fill(0x5a, (rootpage - 1) * page_size, rootpage * page_size);
    writeFileSync(path, bytes);

    const salvageDir = join(dataDir, 'salvaged');
    const { library: damaged } = makeServices(dataDir, { chooseExportFolder: async () => salvageDir });
    // The file opens; the integrity check in the background finds the damage.
    expect(damaged.status().damaged).toBe(false);
    await damaged.integrityChecked;
    expect(damaged.status().damaged).toBe(true);
    expect(damaged.status().message).toMatch(/integrity check/);
    const result = damaged.salvage(salvageDir);
    expect(result).toMatchObject({ saved: 1, unreadable: 0 });
    const [file] = readdirSync(salvageDir);
    expect(readFileSync(join(salvageDir, file), 'utf8')).toMatch(/^# Before the crash[\s\S]*Baku blames Iran\./);
  });

  it('goes to recovery as soon as a call runs into a damaged page', async () => {
    const dataDir = tempDir();
    const { services, library } = await libraryWithOneStory(dataDir);
    services.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const { rootpage } = services.db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'stories_updated'").get() as { rootpage: number };
    library.close();
    const path = join(dataDir, DATABASE_FILE);
    const bytes = readFileSync(path);
    bytes.fill(0x5a, (rootpage - 1) * 4096, rootpage * 4096);
    writeFileSync(path, bytes);
    const { handlers, library: damaged } = makeServices(dataDir);
    const onCorruption = (error: unknown) => damaged.reportCorruption(error);
    const list = await dispatch(handlers, 'stories.list', {}, onCorruption);
    expect(list).toMatchObject({ ok: false, error: { code: 'database_corrupt' } });
    expect(damaged.status()).toMatchObject({ damaged: true });
    expect(await dispatch(handlers, 'recovery.status', {}, onCorruption)).toMatchObject({ ok: true, value: { damaged: true } });
  });

  it('refuses recovery actions on a healthy library', async () => {
    const { handlers } = makeServices(tempDir());
    expect(await dispatch(handlers, 'recovery.startFresh', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('backups', () => {
  it('keeps the newest seven', () => {
    const dataDir = tempDir();
    const { services } = makeServices(dataDir);
    for (let day = 1; day <= 10; day++) backupNow(services.db, dataDir, 'daily', new Date(Date.UTC(2026, 10, day)));
    const kept = listBackups(dataDir);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0].name).toBe('copydesk-20261110T000000Z-daily.db');
    expect(kept.at(-1)!.name).toBe('copydesk-20261104T000000Z-daily.db');
  });

  it('takes the daily backup with the online backup API once a day, and it opens with its stories', async () => {
    const dataDir = tempDir();
    const { library, id } = await libraryWithOneStory(dataDir);
    const path = await library.dailyBackup();
    expect(path).toMatch(/-daily\.db$/);
    expect(await library.dailyBackup()).toBeNull();
    const copy = openDatabase(path!);
    expect(copy.prepare('SELECT headline FROM stories WHERE id = ?').get(id)).toEqual({ headline: 'Before the crash' });
    copy.close();
  });

  it('backs up an existing library before migrating it', () => {
    const dataDir = tempDir();
    openDatabase(join(dataDir, DATABASE_FILE), { migrations: MIGRATIONS.slice(0, 1) }).close();
    makeServices(dataDir);
    expect(listBackups(dataDir).map((b) => b.reason)).toEqual(['pre-migration']);
  });
});
