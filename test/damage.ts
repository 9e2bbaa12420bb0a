/**
 * Damage a closed library file the way a failing disk might, for the recovery tests.
 *
 * `damageHeader` leaves nothing readable. `damageTrashIndex` overwrites only the root page of the
 * trash index: the library then fails to open (the purge of expired trash at start reads that
 * index) while every story row is still readable, so a salvage has text to save.
 * Each takes the path of the library file (`DATA/copydesk.db`); the e2e specs use them too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

/** Overwrite the start of the file (its header and first pages) with garbage. */
export function damageHeader(path: string): void {
  const bytes = readFileSync(path);
  bytes.fill(0xa5, 0, Math.min(bytes.length, 4096 * 3));
  writeFileSync(path, bytes);
}

/** Overwrite one index's root page. The library must be closed. */
export function damageIndex(path: string, index: string): void {
  // Fold the WAL into the file first, so the damage lands on the pages the next open reads.
  const db = new DatabaseSync(path);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const found = db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = ?").get(index) as { rootpage: number } | undefined;
  const { page_size } = db.prepare('PRAGMA page_size').get() as { page_size: number };
  db.close();
  if (!found) throw new Error(`No index named ${index}`);
  const bytes = readFileSync(path);
  bytes.fill(0x5a, (found.rootpage - 1) * page_size, found.rootpage * page_size);
  writeFileSync(path, bytes);
}

/** The index the start-up purge of expired trash reads: damaged, the library cannot open. */
export const damageTrashIndex = (path: string) => damageIndex(path, 'stories_deleted');
