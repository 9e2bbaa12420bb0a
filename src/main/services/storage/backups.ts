/**
 * Backups of the library inside the data folder (`backups/`): daily through SQLite's online
 * backup API (it copies page by page while the app keeps working), and before every migration
 * (synchronously, with `VACUUM INTO`, because the migration must wait for it). The newest 7 are kept.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backup, type DatabaseSync } from 'node:sqlite';

export const BACKUP_DIR = 'backups';
export const BACKUPS_KEPT = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^copydesk-(\d{8}T\d{6}Z)-(daily|pre-migration|manual)\.db$/;

export type BackupReason = 'daily' | 'pre-migration' | 'manual';

export interface BackupInfo {
  readonly name: string;
  readonly path: string;
  readonly at: string;
  readonly reason: BackupReason;
  readonly bytes: number;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function fromStamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((e): e is { name: string; match: RegExpExecArray } => e.match !== null)
    .map(({ name, match }) => ({
      name,
      path: join(dir, name),
      at: new Date(fromStamp(match[1])).toISOString(),
      reason: match[2] as BackupReason,
      bytes: statSync(join(dir, name)).size,
    }))
    .sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
}

function target(dataDir: string, reason: BackupReason, now: Date): { final: string; partial: string } {
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const final = join(dir, `copydesk-${stamp(now)}-${reason}.db`);
  return { final, partial: `${final}.partial` };
}

/** A consistent copy taken synchronously (used right before a migration). */
export function backupNow(db: DatabaseSync, dataDir: string, reason: BackupReason, now: Date): string {
  const { final, partial } = target(dataDir, reason, now);
  rmSync(partial, { force: true });
  db.exec(`VACUUM INTO '${partial.replaceAll("'", "''")}'`);
  renameSync(partial, final);
  pruneBackups(dataDir);
  return final;
}

/** The online backup: runs in steps on the event loop while the library stays usable. */
export async function backupOnline(db: DatabaseSync, dataDir: string, reason: BackupReason, now: Date): Promise<string> {
  const { final, partial } = target(dataDir, reason, now);
  rmSync(partial, { force: true });
  await backup(db, partial, { rate: 256 });
  renameSync(partial, final);
  pruneBackups(dataDir);
  return final;
}

export function pruneBackups(dataDir: string, keep = BACKUPS_KEPT): void {
  for (const old of listBackups(dataDir).slice(keep)) rmSync(old.path, { force: true });
}

export function dailyBackupDue(dataDir: string, now: Date): boolean {
  const newest = listBackups(dataDir)[0];
  return !newest || now.getTime() - Date.parse(newest.at) >= DAY_MS;
}
