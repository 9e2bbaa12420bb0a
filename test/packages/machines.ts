/** Two (or more) machines, each with its own library database, for package tests. */
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import type { Profile } from '../../src/shared/settings.ts';
import { openDatabase, type Database } from '../../src/main/services/storage/database.ts';
import { createStoryService } from '../../src/main/services/story-service.ts';
import { createPackageService } from '../../src/main/services/packages/package-service.ts';
import { steppingClock, useTempDir } from '../helpers.ts';

export const reporter: Profile = { name: 'Pesach Benson', role: 'reporter' };
export const editor: Profile = { name: 'Desk Editor', role: 'editor' };

/** Call at the top of a test file: `machine(name)` opens a fresh library in a temp folder. */
export function useMachines() {
  const tempDir = useTempDir('copydesk-packages-');
  const open: Database[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) if (db.isOpen) db.close();
  });
  const machine = (name: string, start = Date.UTC(2026, 10, 27, 9, 0, 0)) => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'copydesk.db'));
    open.push(db);
    const clock = steppingClock(start);
    const stories = createStoryService({ db, now: clock, device: name });
    const packages = createPackageService({ db, stories, now: clock, device: name });
    /** A story with content, saved once with a checkpoint (so it has a revision). */
    const write = (headline: string, paragraphs: string[], keywords: string[] = []) => {
      const s = stories.create(reporter.name);
      return stories.save(
        { id: s.id, baseRevision: s.revision, headline, body: bodyFromParagraphs(paragraphs), keywords, checkpoint: true },
        reporter.name
      );
    };
    const approve = (id: string) => {
      stories.transition(id, 'submit', reporter);
      return stories.transition(id, 'approve', editor);
    };
    return { name, dir, db, stories, packages, write, approve, file: (base: string) => join(dir, base) };
  };
  return { machine, tempDir };
}

/** Every row of every table (the search index's shadow tables included), and the schema version. */
export function snapshot(db: Database): Record<string, unknown> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  const out: Record<string, unknown> = { user_version: db.prepare('PRAGMA user_version').get() };
  for (const { name } of tables) out[name] = db.prepare(`SELECT * FROM "${name}"`).all();
  return out;
}

// --- Building (bad) zips by hand ---

export function entriesOf(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

export function rezip(entries: Zippable, level: 0 | 6 | 9 = 6): Uint8Array {
  return zipSync(entries, { level, mtime: new Date(Date.UTC(2026, 0, 1)) });
}

export const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
export const parse = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as unknown;

/** Offsets of each central directory record (a zip without a comment, as fflate writes them). */
function centralRecords(zip: Uint8Array): { name: string; at: number; localAt: number }[] {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = view.length - 22;
  if (view.readUInt32LE(eocd) !== 0x06054b50) throw new Error('not a comment-less zip');
  const count = view.readUInt16LE(eocd + 10);
  let p = view.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + view.readUInt16LE(p + 30) + view.readUInt16LE(p + 32);
    out.push({ name: view.toString('utf8', p + 46, p + 46 + nameLength), at: p, localAt: view.readUInt32LE(p + 42) });
    p = next;
  }
  return out;
}

/** Claim a different uncompressed size for `name` (in the central directory and the local header). */
export function withDeclaredSize(zip: Uint8Array, name: string | ((name: string) => boolean), size: number): Uint8Array {
  const out = Buffer.from(zip);
  const match = typeof name === 'string' ? (n: string) => n === name : name;
  for (const record of centralRecords(zip)) {
    if (!match(record.name)) continue;
    out.writeUInt32LE(size, record.at + 24);
    out.writeUInt32LE(size, record.localAt + 22);
  }
  return out;
}

/** Set general-purpose flag bits on `name` (central directory). */
export function withFlags(zip: Uint8Array, name: string, flags: number): Uint8Array {
  const out = Buffer.from(zip);
  const record = centralRecords(zip).find((r) => r.name === name)!;
  out.writeUInt16LE(out.readUInt16LE(record.at + 8) | flags, record.at + 8);
  return out;
}

/** Replace every occurrence of one byte string by another of the same length (renames entries). */
export function replaceBytes(zip: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('same length only');
  const out = Buffer.from(zip);
  const needle = Buffer.from(from);
  for (let i = out.indexOf(needle); i >= 0; i = out.indexOf(needle, i + 1)) out.write(to, i);
  return out;
}
