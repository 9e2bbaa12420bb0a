/**
 * The local story database: SQLite through Node's built-in `node:sqlite` (no native module, so
 * the same file works under Node and Electron). Numbered migrations, each applied in one
 * transaction together with its `user_version` bump; a database written by a newer Copydesk is
 * refused and never modified.
 */
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../../shared/errors.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

export type Database = DatabaseSync;

export const WAL_AUTOCHECKPOINT_PAGES = 8000;
const IDLE_CHECKPOINT_MS = 2000;

/**
 * Checkpoint the WAL when writing pauses: `touch()` after a write; two seconds later, if nothing
 * else was written, a PASSIVE checkpoint runs (it never waits for readers).
 */
export class IdleCheckpoints {
  private readonly db: DatabaseSync;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  touch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), IDLE_CHECKPOINT_MS);
    this.timer.unref?.();
  }

  run(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.db.isOpen && !this.db.isTransaction) this.db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export interface OpenDatabaseOptions {
  /** Migrations to apply; the app's own list unless a test provides another. */
  readonly migrations?: readonly Migration[];
  /** Called with the current version before any migration runs (backups hook in here). */
  readonly beforeMigrate?: (db: Database, fromVersion: number, toVersion: number) => void;
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
  const db = new DatabaseSync(path, { timeout: 5000 });
  try {
    const version = userVersion(db);
    if (version > latest) {
      throw new AppError(
        'database_newer',
        `This library (${path}) was written by a newer version of Copydesk (database version ${version}; ` +
          `this Copydesk understands up to ${latest}). Update Copydesk to open it; the file was not changed.`
      );
    }
    // WAL: readers never block the writer; FULL: a reported save survives power loss (see README).
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    // Checkpoints copy the WAL into the database and sync it: a stall of several milliseconds.
    // With a larger threshold they run mostly when the writer is idle (see IdleCheckpoints), not in
    // the middle of an autosave; the threshold still bounds the WAL (8,000 pages, 32 MB).
    db.exec(`PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    db.exec('PRAGMA foreign_keys = ON');
    if (version < latest) {
      options.beforeMigrate?.(db, version, latest);
      migrate(db, migrations, version);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function userVersion(db: Database): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

function migrate(db: Database, migrations: readonly Migration[], from: number): void {
  let compact = false;
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    compact ||= migration.compactsAfter === true;
    if (migration.rebuildsTables) db.exec('PRAGMA foreign_keys = OFF');
    try {
      transaction(db, () => {
        migration.up(db);
        if (migration.rebuildsTables) {
          const broken = db.prepare('PRAGMA foreign_key_check').all();
          if (broken.length > 0) throw new Error(`Migration ${migration.version} would break ${broken.length} references.`);
        }
        // PRAGMA takes no parameters; the version is a number from our own table.
        db.exec(`PRAGMA user_version = ${Number(migration.version)}`);
      });
    } finally {
      if (migration.rebuildsTables) db.exec('PRAGMA foreign_keys = ON');
    }
  }
  // Pages a migration freed stay in the file (SQLite reuses them, but never gives them back) until
  // VACUUM rewrites it; VACUUM cannot run inside a transaction, so it runs once all have committed.
  // A new library has freed nothing.
  if (compact && from > 0) db.exec('VACUUM');
}

/**
 * Run `work` in one IMMEDIATE transaction (takes the write lock up front: no upgrade deadlocks).
 * Called inside another transaction, it runs as a savepoint of that one, so services compose:
 * an import can run the story service's own save inside its all-or-nothing transaction.
 */
let savepoints = 0;
export function transaction<T>(db: Database, work: () => T): T {
  if (db.isTransaction) {
    const name = `nested_${++savepoints}`;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = work();
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    }
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
