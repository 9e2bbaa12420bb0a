import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src/shared/errors.ts';
import { openDatabase, userVersion } from '../../src/main/services/storage/database.ts';
import { MIGRATIONS, type Migration } from '../../src/main/services/storage/migrations.ts';
import { useTempDir } from '../helpers.ts';

const tempDir = useTempDir();
const latest = MIGRATIONS[MIGRATIONS.length - 1].version;

describe('database migrations', () => {
  it('creates a fresh database at the latest version with WAL and foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'fresh.db'));
    expect(userVersion(db)).toBe(latest);
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((db.prepare('PRAGMA foreign_keys').get() as { foreign_keys: number }).foreign_keys).toBe(1);
    expect((db.prepare('PRAGMA synchronous').get() as { synchronous: number }).synchronous).toBe(2); // FULL
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['stories', 'story_keywords', 'story_events']));
    db.close();
  });

  it('upgrades an older database step by step, keeping its data', () => {
    const path = join(tempDir(), 'old.db');
    const v1 = MIGRATIONS.filter((m) => m.version === 1);
    const old = openDatabase(path, { migrations: v1 });
    old.prepare("INSERT INTO story_events (story_id, at, actor, kind, revision) VALUES ('x', 't', 'a', 'created', 1)").run();
    old.close();
    const extra: Migration = {
      version: 2,
      description: 'test: add a column',
      up: (db) => db.exec('ALTER TABLE stories ADD COLUMN slug TEXT'),
    };
    const seen: number[] = [];
    const db = openDatabase(path, { migrations: [...v1, extra], beforeMigrate: (_db, from, to) => seen.push(from, to) });
    expect(userVersion(db)).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM story_events').get()).toEqual({ n: 1 });
    expect(db.prepare('PRAGMA table_info(stories)').all().map((c) => c.name)).toContain('slug');
    db.close();
  });

  it('rolls back a failing migration together with its version bump', () => {
    const path = join(tempDir(), 'failing.db');
    const v1 = MIGRATIONS.filter((m) => m.version === 1);
    openDatabase(path, { migrations: v1 }).close();
    const broken: Migration = {
      version: 2,
      description: 'test: fails halfway',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x)');
        throw new Error('disk on fire');
      },
    };
    expect(() => openDatabase(path, { migrations: [...v1, broken] })).toThrow('disk on fire');
    const raw = new DatabaseSync(path);
    expect(userVersion(raw)).toBe(1);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    raw.close();
  });

  it('refuses a database written by a newer Copydesk and leaves the file untouched', () => {
    const path = join(tempDir(), 'newer.db');
    const raw = new DatabaseSync(path);
    raw.exec(`CREATE TABLE future (x); PRAGMA user_version = ${latest + 5}`);
    raw.close();
    const before = readFileSync(path);
    let error: unknown;
    try {
      openDatabase(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('database_newer');
    expect((error as AppError).message).toMatch(/newer version of Copydesk.*file was not changed/s);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('transactions', () => {
  it('nest as savepoints: an inner failure rolls back only the inner work', async () => {
    const { transaction } = await import('../../src/main/services/storage/database.ts');
    const db = openDatabase(':memory:');
    db.exec('CREATE TABLE t (x)');
    transaction(db, () => {
      db.exec('INSERT INTO t VALUES (1)');
      expect(() =>
        transaction(db, () => {
          db.exec('INSERT INTO t VALUES (2)');
          throw new Error('inner');
        })
      ).toThrow('inner');
      transaction(db, () => db.exec('INSERT INTO t VALUES (3)'));
    });
    expect(db.prepare('SELECT x FROM t ORDER BY x').all().map((r) => r.x)).toEqual([1, 3]);
    expect(() => transaction(db, () => { db.exec('INSERT INTO t VALUES (4)'); throw new Error('outer'); })).toThrow('outer');
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 2 });
  });
});

describe('idle checkpoints', () => {
  it('copy the WAL into the database file once writing pauses, not during the save', async () => {
    const { IdleCheckpoints } = await import('../../src/main/services/storage/database.ts');
    const { copyFileSync } = await import('node:fs');
    vi.useFakeTimers();
    try {
      const dir = tempDir();
      const path = join(dir, 'idle.db');
      const db = openDatabase(path);
      db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('saved')");
      const fileHolds = () => {
        copyFileSync(path, join(dir, 'copy.db')); // the main file alone, without the WAL
        const copy = new DatabaseSync(join(dir, 'copy.db'));
        const has = copy.prepare("SELECT name FROM sqlite_master WHERE name = 't'").get() !== undefined;
        copy.close();
        return has;
      };
      expect(fileHolds()).toBe(false); // still only in the WAL: the save did not checkpoint
      const idle = new IdleCheckpoints(db);
      idle.touch();
      vi.advanceTimersByTime(1999);
      expect(fileHolds()).toBe(false);
      vi.advanceTimersByTime(1);
      expect(fileHolds()).toBe(true);
      idle.stop();
      db.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
