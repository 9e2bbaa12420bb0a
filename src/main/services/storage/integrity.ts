/**
 * The start-up integrity check, off the critical path: `PRAGMA quick_check` reads every page
 * (about 0.75 s for a 10,000-story library on our machines), so it runs in a worker thread on its
 * own read-only connection while the library is already in use.
 *
 * The check settles only once the worker thread has exited, never when its answer arrives: the
 * app closes its own connection right after (at quit), and SQLite removes the WAL file only when
 * the connection that closes is the last one. Settling on the answer left the worker's connection
 * open at that moment under CPU load, and the WAL file behind.
 */
import { Worker } from 'node:worker_threads';

// Inline, so the check needs no separate bundle entry in the Electron build. The connection is
// closed before the answer is posted; `hold` (tests only) keeps the thread alive after posting.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
let rows;
let db;
try {
  db = new DatabaseSync(workerData.path, { readOnly: true, timeout: 5000 });
  rows = db.prepare('PRAGMA quick_check').all().map((r) => String(r.quick_check));
} catch (error) {
  rows = [String(error && error.message ? error.message : error)];
} finally {
  if (db && db.isOpen) db.close();
}
parentPort.postMessage(rows);
if (workerData.hold) Atomics.wait(workerData.hold, 0, 0);
`;

/**
 * For tests: `hold` keeps the worker thread alive after it posted its answer until index 0 of the
 * array turns non-zero (`Atomics.notify`); `started` receives the worker, to watch its messages.
 */
export interface IntegrityCheckProbe {
  readonly hold: Int32Array<SharedArrayBuffer>;
  readonly started: (worker: Worker) => void;
}

/** Resolves to the problems found (empty when the file is sound), once the worker has exited. */
export function checkIntegrity(path: string, probe?: IntegrityCheckProbe): Promise<string[]> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { path, hold: probe?.hold } });
    let answer: string[] | null = null;
    let failure: string | null = null;
    worker.once('message', (rows: string[]) => (answer = rows));
    worker.once('error', (error) => (failure = `The integrity check could not run: ${error.message}`));
    worker.once('exit', (code) => {
      if (failure) resolve([failure]);
      else if (answer) resolve(answer.length === 1 && answer[0] === 'ok' ? [] : answer);
      else resolve([`The integrity check stopped with code ${code} before it answered.`]);
    });
    probe?.started(worker);
  });
}
