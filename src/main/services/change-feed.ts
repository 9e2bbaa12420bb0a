/**
 * `library.changed`: which stories changed, from any source. The event log is the feed: every
 * change to a story appends an event, so "events after the last one seen" names the stories that
 * changed — saved in this window, in another window, by the command line, an import or, later, a
 * sync. Our own changes are checked right after they commit; another process's commits are noticed
 * through `PRAGMA data_version`, which changes when another connection commits (polled twice a second).
 */
import type { DatabaseSync } from 'node:sqlite';

export const CHANGE_POLL_MS = 500;

export interface ChangeFeed {
  /** Look for new events now and tell the listener which stories they touched. */
  check(): void;
  /** What the timer does: look only if another connection committed since the last look. */
  poll(): void;
  stop(): void;
}

export function createChangeFeed(db: DatabaseSync, listener: (ids: string[]) => void, pollMs = CHANGE_POLL_MS): ChangeFeed {
  const lastEvent = db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM story_events');
  const since = db.prepare('SELECT id, story_id FROM story_events WHERE id > ? ORDER BY id');
  const dataVersion = db.prepare('PRAGMA data_version');
  let seen = (lastEvent.get() as { id: number }).id;
  let version = (dataVersion.get() as { data_version: number }).data_version;

  function check(): void {
    if (!db.isOpen) return;
    const rows = since.all(seen) as { id: number; story_id: string }[];
    if (rows.length === 0) return;
    seen = rows[rows.length - 1]!.id;
    listener([...new Set(rows.map((r) => r.story_id))]);
  }

  function poll(): void {
    if (!db.isOpen) return;
    try {
      const now = (dataVersion.get() as { data_version: number }).data_version;
      if (now !== version) {
        version = now;
        check();
      }
    } catch {
      // A damaged or closing library: the integrity check and recovery deal with it.
    }
  }

  const timer = setInterval(poll, pollMs);
  timer.unref();

  return {
    check,
    poll,
    stop: () => clearInterval(timer),
  };
}
