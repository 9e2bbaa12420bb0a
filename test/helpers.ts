import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(prefix = 'copydesk-test-'): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** A clock that advances one second per reading, so timestamps are distinct and predictable. */
export function steppingClock(start = Date.UTC(2026, 10, 27, 9, 0, 0)): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}
