/**
 * The measured work, each mode in a fresh Node process started by bench/run.ts, so that "open the
 * library" really is a cold start of the process's SQLite connection and heap. Prints one JSON line.
 *
 *   sqlite-first-page <db>                 P1: open the database, first page of the list
 *   markdown-first-page <folder>           P1 beside it: the same list from a folder of Markdown files
 *   sqlite-session <db> <queries> <passes> P1, then P2 (full-text search), then peak RSS
 *   autosave <library-db> <raw-db> <saves> <seed>   P3: story-service saves vs raw UPDATEs
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import { WAL_AUTOCHECKPOINT_PAGES, openDatabase } from '../src/main/services/storage/database.ts';
import { createStoryService } from '../src/main/services/story-service.ts';
import { LIST_PAGE_SIZE, SEARCH_PAGE_SIZE } from '../src/shared/contract.ts';
import { ftsMatchExpression, parseQuery } from '../src/shared/search-text.ts';
import { ENGLISH, LIBRARY_NOW, editWords, generateBlocks, renderBody, seededRng, subjectFor } from './corpus.ts';
import { median } from './stats.ts';

/** The first page exactly as the app asks for it: LIST_PAGE_SIZE rows and the total count. */
const FIRST_PAGE = LIST_PAGE_SIZE;

function sqliteFirstPage(dbPath: string) {
  const t0 = performance.now();
  const db = openDatabase(dbPath);
  const stories = createStoryService({ db });
  const rows = stories.list({ limit: FIRST_PAGE });
  stories.count({});
  const elapsed = performance.now() - t0;
  return { db, stories, ms: elapsed, ids: rows.map((r) => r.id) };
}

/** What a file-based app does to show its list: every file's front matter, sorted by updated. */
function markdownFirstPage(dir: string) {
  const t0 = performance.now();
  const buffer = Buffer.allocUnsafe(4096);
  const entries: { id: string; headline: string; updated: string }[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.md')) continue;
    const path = join(dir, name);
    // Only the head of the file: front matter is small (a generous reading of the competitor).
    const fd = openSync(path, 'r');
    let text: string;
    try {
      text = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
    let end = text.indexOf('\n---', 3);
    if (end < 0) {
      text = readFileSync(path, 'utf8');
      end = text.indexOf('\n---', 3);
    }
    const entry = { id: '', headline: '', updated: '' };
    for (const line of text.slice(0, end).split('\n')) {
      if (line.startsWith('id: ')) entry.id = JSON.parse(line.slice(4)) as string;
      else if (line.startsWith('headline: ')) entry.headline = JSON.parse(line.slice(10)) as string;
      else if (line.startsWith('updated: ')) entry.updated = JSON.parse(line.slice(9)) as string;
    }
    entries.push(entry);
  }
  entries.sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.id < b.id ? 1 : -1));
  const rows = entries.slice(0, FIRST_PAGE);
  return { ms: performance.now() - t0, ids: rows.map((r) => r.id), files: entries.length };
}

function sqliteSession(dbPath: string, queries: string[], passes: number) {
  const open = sqliteFirstPage(dbPath);
  const { db, stories } = open;
  const time = (query: string) => {
    const t0 = performance.now();
    const rows = stories.list({ query, limit: SEARCH_PAGE_SIZE });
    stories.count({ query });
    return { ms: performance.now() - t0, rows: rows.length };
  };
  // The first search of each query right after opening (cold statement cache, cold SQLite pages)…
  const first = queries.map((q) => time(q));
  // …then `passes` timed passes over all queries; each query's figure is its median.
  const samples = queries.map(() => [] as number[]);
  for (let pass = 0; pass < passes; pass++) queries.forEach((q, i) => samples[i].push(time(q).ms));
  const maxRssKb = process.resourceUsage().maxRSS;
  // Diagnostics only (not timed): how many stories each query matches in the index.
  const count = db.prepare('SELECT count(*) AS n FROM story_search WHERE story_search MATCH ?');
  const perQuery = queries.map((query, i) => ({
    query,
    firstMs: first[i].ms,
    medianMs: median(samples[i]),
    rows: first[i].rows,
    matches: (count.get(ftsMatchExpression(parseQuery(query))) as { n: number }).n,
  }));
  db.close();
  return { openMs: open.ms, perQuery, maxRssKb };
}

function autosave(libraryPath: string, rawPath: string, saves: number, seed: number) {
  const WARMUP = 5;
  const author = 'Pesach Benson';
  // Autosave fires after a pause in typing: a simulated clock moves 6 s per save (so the 10-minute
  // interval revision of story-service falls on about one save in a hundred, as in real use).
  let t = LIBRARY_NOW + 60_000;
  const db = openDatabase(libraryPath);
  const stories = createStoryService({ db, now: () => new Date(t), device: 'bench' });
  const rng = seededRng(seed);
  const blocks = generateBlocks(rng, subjectFor(rng, ENGLISH), 5_000);
  const headline = 'Coalition agrees budget after all-night talks';
  const keywords = ['Budget', 'Politics', 'Economy'];
  let story = stories.create(author);
  t += 6_000;
  story = stories.save({ id: story.id, baseRevision: story.revision, headline, body: renderBody(blocks, false), keywords }, author);

  const raw = new DatabaseSync(rawPath);
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = FULL');
  raw.exec(`PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`); // the same WAL settings as the library
  raw.exec('CREATE TABLE IF NOT EXISTS doc (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
  raw.prepare('INSERT OR REPLACE INTO doc (id, body) VALUES (1, ?)').run(story.body);
  const update = raw.prepare('UPDATE doc SET body = ? WHERE id = 1');

  const serviceMs: number[] = [];
  const rawMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + saves; i++) {
    editWords(rng, blocks, 3);
    const body = renderBody(blocks, false);
    t += 6_000;
    const saveService = () => {
      const t0 = performance.now();
      story = stories.save({ id: story.id, baseRevision: story.revision, headline, body, keywords }, author);
      return performance.now() - t0;
    };
    const saveRaw = () => {
      const t0 = performance.now();
      raw.exec('BEGIN IMMEDIATE');
      update.run(body);
      raw.exec('COMMIT');
      return performance.now() - t0;
    };
    // Alternate which goes first, so neither always follows the other's fsync.
    let s: number;
    let r: number;
    if (i % 2) {
      r = saveRaw();
      s = saveService();
    } else {
      s = saveService();
      r = saveRaw();
    }
    if (i >= WARMUP) {
      serviceMs.push(s);
      rawMs.push(r);
    }
    bytes = Buffer.byteLength(body);
  }
  const revisions = stories.revisions(story.id).length;
  db.close();
  raw.close();
  return { serviceMs, rawMs, bytes, words: story.wordCount, revisions };
}

const [mode, ...args] = process.argv.slice(2);
let result: unknown;
switch (mode) {
  case 'sqlite-first-page': {
    const { db, ms, ids } = sqliteFirstPage(args[0]);
    db.close();
    result = { ms, ids };
    break;
  }
  case 'markdown-first-page':
    result = markdownFirstPage(args[0]);
    break;
  case 'sqlite-session':
    result = sqliteSession(args[0], JSON.parse(args[1]) as string[], Number(args[2]));
    break;
  case 'autosave':
    result = autosave(args[0], args[1], Number(args[2]), Number(args[3]));
    break;
  default:
    throw new Error(`bench/child.ts: unknown mode ${mode}`);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
