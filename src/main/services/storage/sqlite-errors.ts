/**
 * SQLite failures in plain words. node:sqlite throws errors with `errcode` (the SQLite result
 * code, possibly extended); the primary code is its low byte.
 */
import { AppError } from '../../../shared/errors.ts';

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

export function sqliteCode(error: unknown): number | null {
  const code = (error as { errcode?: unknown })?.errcode;
  return typeof code === 'number' ? code & 0xff : null;
}

export function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

/** An AppError a person can act on, or null when `error` is not a storage failure we know. */
export function storageError(error: unknown): AppError | null {
  switch (sqliteCode(error)) {
    case SQLITE_FULL:
      return new AppError('storage', 'The disk is full, so Copydesk could not save. Free some space, then retry — nothing was lost and your text is still here.');
    case SQLITE_READONLY:
      return new AppError('storage', 'The library folder is read-only, so Copydesk could not save. Make it writable, then retry — your text is still here.');
    case SQLITE_IOERR:
      return new AppError('storage', 'The disk reported an error while saving. Check the drive, then retry — the last saved version is intact and your text is still here.');
    case SQLITE_CANTOPEN:
      return new AppError('storage', 'Copydesk could not open its library file. Check that the data folder exists and is writable, then retry.');
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return new AppError('storage', 'Another Copydesk window or program is busy writing the library. Retry in a moment.');
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return new AppError('database_corrupt', 'The library file is damaged. Copydesk has opened the recovery screen.');
    default:
      return null;
  }
}
