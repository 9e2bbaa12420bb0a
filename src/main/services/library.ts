/**
 * The library as the hosts (Electron, the browser bridge) hold it: the services when the database
 * opens, or a damaged state with a way out when it does not. A corrupt or unreadable database never
 * crashes the app: the renderer shows a recovery screen that can restore a backup, save whatever
 * text can still be read, or start a fresh library — and the damaged file is always kept aside.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/errors.ts';
import { backupOnline, dailyBackupDue, listBackups, type BackupInfo } from './storage/backups.ts';
import { checkIntegrity } from './storage/integrity.ts';
import { isCorruption } from './storage/sqlite-errors.ts';
import { createServices, DATABASE_FILE, type Services, type ServicesOptions } from './services.ts';

export interface LibraryDamage {
  readonly message: string;
  /** Where the damaged file was, and where it is kept once the user chooses a way out. */
  readonly file: string;
}

export interface RecoveryStatus {
  readonly damaged: boolean;
  readonly message: string | null;
  readonly backups: Omit<BackupInfo, 'path'>[];
  readonly keptAside: string | null;
}

export type Library = ReturnType<typeof openLibrary>;

export interface LibraryOptions extends ServicesOptions {
  /** Told when the library turns out to be damaged after it opened (the background check). */
  readonly onDamage?: (message: string) => void;
}

export function openLibrary(options: LibraryOptions) {
  const dbPath = join(options.dataDir, DATABASE_FILE);
  const now = options.now ?? (() => new Date());
  let services: Services | null = null;
  let damage: LibraryDamage | null = null;
  let keptAside: string | null = null;
  let closed = false;

  function open(): void {
    try {
      services = createServices(options);
      damage = null;
    } catch (error) {
      services = null;
      if (error instanceof AppError && error.code === 'database_corrupt') {
        damage = { message: error.message, file: dbPath };
      } else if (isCorruption(error)) {
        damage = { message: `The library file is damaged (${(error as Error).message}).`, file: dbPath };
      } else {
        throw error;
      }
    }
  }

  /** Move the damaged database (with its WAL) aside; it is never deleted. */
  function setAside(): string {
    const aside = `${dbPath}.damaged-${now().toISOString().replace(/[:.]/g, '-')}`;
    if (existsSync(dbPath)) renameSync(dbPath, aside);
    if (existsSync(`${dbPath}-wal`)) renameSync(`${dbPath}-wal`, `${aside}-wal`);
    rmSync(`${dbPath}-shm`, { force: true });
    keptAside = aside;
    return aside;
  }

  function requireDamaged(): void {
    if (!damage) throw new AppError('invalid_input', 'The library is not damaged; there is nothing to recover.');
  }

  /** Close the services and show the way out: the library turned out to be damaged while open. */
  function markDamaged(message: string): void {
    if (closed || !services) return;
    services.close();
    services = null;
    damage = { message, file: dbPath };
    options.onDamage?.(message);
  }

  /** Checks whose worker may still hold its own connection to the file (see `idle`). */
  const running = new Set<Promise<void>>();

  /** The background integrity check of the library as opened; a damaged file takes the app to recovery. */
  function checkInBackground(): Promise<void> {
    if (!services || options.shortRun) return Promise.resolve();
    const checked = services;
    const check = checkIntegrity(dbPath).then((problems) => {
      if (problems.length > 0 && services === checked) {
        markDamaged(`The library file failed its integrity check (${problems.slice(0, 2).join('; ')}).`);
      }
    });
    running.add(check);
    const done = () => running.delete(check);
    check.then(done, done);
    return check;
  }

  open();
  let integrity = checkInBackground();

  return {
    /** Settles when the start-up integrity check has finished (and marked the library damaged if it is). */
    get integrityChecked(): Promise<void> {
      return integrity;
    },

    /** The open services; refuses with `database_corrupt` while the library is damaged. */
    services(): Services {
      if (services) return services;
      throw new AppError('database_corrupt', damage?.message ?? 'The library is not open.');
    },

    /** A call ran into a damaged page (SQLITE_CORRUPT / NOTADB): go to recovery now. */
    reportCorruption(error: unknown): void {
      if (isCorruption(error)) markDamaged(`The library file is damaged (${(error as Error).message}).`);
    },

    status(): RecoveryStatus {
      return {
        damaged: damage !== null,
        message: damage?.message ?? null,
        backups: listBackups(options.dataDir).map(({ path: _path, ...info }) => info),
        keptAside,
      };
    },

    restoreBackup(name: string): RecoveryStatus {
      requireDamaged();
      const chosen = listBackups(options.dataDir).find((b) => b.name === name);
      if (!chosen) throw new AppError('not_found', `There is no backup named ${name}.`);
      setAside();
      copyFileSync(chosen.path, dbPath);
      open();
      integrity = checkInBackground();
      return this.status();
    },

    startFresh(): RecoveryStatus {
      requireDamaged();
      setAside();
      open();
      integrity = checkInBackground();
      return this.status();
    },

    /** Save whatever stories can still be read from the damaged file as Markdown files in `folder`. */
    salvage(folder: string): { saved: number; unreadable: number; folder: string } {
      requireDamaged();
      mkdirSync(folder, { recursive: true });
      let saved = 0;
      let unreadable = 0;
      let db: DatabaseSync | null = null;
      try {
        db = new DatabaseSync(existsSync(dbPath) ? dbPath : (keptAside ?? dbPath), { readOnly: true });
        let ids: number[] = [];
        try {
          ids = (db.prepare('SELECT rowid AS r FROM stories').all() as { r: number }[]).map((row) => row.r);
        } catch {
          // The table itself is unreadable: try rowids one by one up to a generous bound.
          ids = Array.from({ length: 100_000 }, (_, i) => i + 1);
        }
        const one = db.prepare('SELECT id, headline, plain_text, keywords, updated_at FROM stories WHERE rowid = ?');
        for (const rowid of ids) {
          try {
            const row = one.get(rowid) as { id: string; headline: string; plain_text: string; keywords: string; updated_at: string } | undefined;
            if (!row) continue;
            const file = join(folder, `${row.id}.md`);
            writeFileSync(file, `# ${row.headline || 'Untitled story'}\n\n_Keywords: ${safeKeywords(row.keywords)} · last saved ${row.updated_at}_\n\n${row.plain_text}\n`);
            saved++;
          } catch {
            unreadable++;
          }
        }
      } catch (error) {
        // Not even the schema can be read.
        console.warn('[copydesk] salvage could not read the library:', error);
        unreadable++;
      } finally {
        db?.close();
      }
      return { saved, unreadable, folder };
    },

    /** Take the daily backup if none was taken in the last 24 hours. */
    async dailyBackup(): Promise<string | null> {
      if (!services || !dailyBackupDue(options.dataDir, now())) return null;
      return backupOnline(services.db, options.dataDir, 'daily', now());
    },

    /**
     * Settles when background work that holds its own connection (every integrity check still
     * running, its worker exited) is done. Close after it: SQLite removes the WAL only when the
     * last connection to close is ours. (The daily backup copies through our own connection.)
     */
    async idle(): Promise<void> {
      await Promise.allSettled([...running]);
    },

    close(): void {
      closed = true;
      services?.close();
    },
  };
}

function safeKeywords(json: string): string {
  try {
    return (JSON.parse(json) as string[]).join(', ') || 'none';
  } catch {
    return 'unreadable';
  }
}
