/**
 * The start-up integrity check, off the critical path: `PRAGMA quick_check` reads every page
 * (about 0.75 s for a 10,000-story library on our machines), so it runs in a worker thread on its
 * own read-only connection while the library is already in use.
 */
import { Worker } from 'node:worker_threads';

// Inline, so the check needs no separate bundle entry in the Electron build.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
let db;
try {
  db = new DatabaseSync(workerData.path, { readOnly: true, timeout: 5000 });
  const rows = db.prepare('PRAGMA quick_check').all();
  parentPort.postMessage(rows.map((r) => String(r.quick_check)));
} catch (error) {
  parentPort.postMessage([String(error && error.message ? error.message : error)]);
} finally {
  if (db) db.close();
}
`;

/** Resolves to the problems found (empty when the file is sound). */
export function checkIntegrity(path: string): Promise<string[]> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { path } });
    worker.once('message', (rows: string[]) => resolve(rows.length === 1 && rows[0] === 'ok' ? [] : rows));
    worker.once('error', (error) => resolve([`The integrity check could not run: ${error.message}`]));
    worker.once('exit', (code) => {
      if (code !== 0) resolve([`The integrity check stopped with code ${code}.`]);
    });
  });
}
