/**
 * The measured work, each mode in a fresh Node process started by bench/run.ts, so that "open the
 * library" really is a cold start of the process's SQLite connection and heap. Prints one JSON line.
 *
 *   app-first-page <data-dir>              P1: open the library as the app does, first page of the list
 *   markdown-first-page <folder>           P1 beside it: the same list from a folder of Markdown files
 *   sqlite-session <data-dir> <queries> <passes>   the library opened as the app does, then P2
 *                                          (full-text search), then peak RSS
 *   search-sets <data-dir> <folder> <queries>      P2's check: the stories each search finds, in the
 *                                          index and with ripgrep over the Markdown files (untimed)
 *   suggestions                              suggestions for a 1,000-word story (bench/suggestions.ts)
 *   import <files>                           `copydesk import` of generated wire files (bench/import.ts)
 *   autosave <library-db> <raw-db> <saves> <seed>   P3: story-service saves vs raw UPDATEs, then the
 *                                          first search after a save (it indexes the saved story)
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { openLibrary } from '../src/main/services/library.ts';
import type { Platform } from '../src/main/services/services.ts';
import { WAL_AUTOCHECKPOINT_PAGES, openDatabase } from '../src/main/services/storage/database.ts';
import { createStoryService } from '../src/main/services/story-service.ts';
import { storyContentPatchSchema } from '../src/shared/story-fields.ts';
import { LIST_PAGE_SIZE, SEARCH_PAGE_SIZE } from '../src/shared/contract.ts';
import { ftsMatchExpression, parseQuery } from '../src/shared/search-text.ts';
import { ENGLISH, LIBRARY_NOW, editWords, generateBlocks, renderBody, seededRng, subjectFor } from './corpus.ts';
import { median } from './stats.ts';

/** The first page exactly as the app asks for it: LIST_PAGE_SIZE rows and the total count. */
const FIRST_PAGE = LIST_PAGE_SIZE;
const SCHEMAS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'schemas');

/**
 * Open the library through `openLibrary`, the path the Electron app and the browser bridge take:
 * the settings file, the database (with its migration check), `purgeExpired` of the trash, and
 * the integrity check started in its worker beside everything that follows.
 */
function appLibrary(dataDir: string) {
  const platform: Platform = {
    shell: 'web',
    version: 'bench',
    dataDir,
    chooseExportFolder: async () => null,
    choosePackageFile: async () => null,
    chooseImportFile: async () => null,
    readyToClose: () => {},
    keepOpen: () => {},
  };
  return openLibrary({
    dataDir,
    settingsBacking: new Conf({ cwd: dataDir, configName: 'settings', projectName: 'copydesk' }),
    schemasDir: SCHEMAS_DIR,
    platform,
  });
}

async function appFirstPage(dataDir: string) {
  const t0 = performance.now();
  const library = appLibrary(dataDir);
  const { stories } = library.services();
  const rows = stories.list({ limit: FIRST_PAGE });
  stories.count({});
  const elapsed = performance.now() - t0;
  // The check keeps running after the first page; it must finish before the app (or we) close.
  await library.idle();
  const checkMs = performance.now() - t0;
  const damaged = library.status().damaged;
  library.close();
  if (damaged) throw new Error('P1: the integrity check found the library damaged.');
  return { ms: elapsed, integrityMs: checkMs, ids: rows.map((r) => r.id) };
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

async function sqliteSession(dataDir: string, queries: string[], passes: number) {
  const library = appLibrary(dataDir);
  const { db, stories } = library.services();
  stories.list({ limit: FIRST_PAGE });
  stories.count({});
  // Search once the start-up integrity check is done: P2 is the steady state (P1 covers the start).
  await library.idle();
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
  library.close();
  return { perQuery, maxRssKb };
}

/** `rg -l` over the Markdown folder with these arguments per needle, chained (every needle must match). */
function rgFiles(dir: string, needles: readonly string[], args: (needle: string) => string[]): Set<string> {
  let files: string[] = ['.'];
  for (const needle of needles) {
    const result = spawnSync('rg', ['-l', '-i', ...args(needle), ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0 && result.status !== 1) throw new Error(`rg failed: ${result.stderr}`);
    files = result.stdout.split('\n').filter(Boolean);
    if (files.length === 0) break;
  }
  return new Set(files.map((f) => f.replace(/^\.\//, '').replace(/\.md$/, '')));
}

/** Letters and digits: what the index's tokenizer (unicode61) keeps as words. */
const NOT_WORD = '[^\\p{L}\\p{N}]';

/**
 * For each query, the stories the index finds (every one, not a page) against the Markdown files
 * ripgrep finds (1) matching what the index matches — each term at the start of a word, each quoted
 * phrase as consecutive words (across punctuation, bold marks and line breaks, `-U`) — which must be
 * the same set, and (2) with `rg -F`, the substring search P2 times, which finds more.
 */
function searchSets(dataDir: string, mdDir: string, queries: string[]) {
  const library = appLibrary(dataDir);
  const { db, stories } = library.services();
  const ids = db.prepare(
    'SELECT s.id FROM story_search JOIN stories s ON s.rowid = story_search.rowid WHERE story_search MATCH ? AND s.deleted_at IS NULL'
  );
  const result = queries.map((query) => {
    const parsed = parseQuery(query);
    stories.list({ query, limit: 1 }); // brings the index up to date, as any search does
    const fts = new Set((ids.all(ftsMatchExpression(parsed)) as { id: string }[]).map((r) => r.id));
    const counted = stories.count({ query });
    const wordStart = rgFiles(mdDir, [...parsed.phrases, ...parsed.terms], (needle) => [
      '-U',
      '-e',
      `(?m)(?:^|${NOT_WORD})${needle.split(' ').join(`${NOT_WORD}+`)}${parsed.phrases.includes(needle) ? `(?:$|${NOT_WORD})` : ''}`,
    ]);
    const fixed = rgFiles(mdDir, [...parsed.phrases, ...parsed.terms], (needle) => ['-F', '--', needle]);
    const count = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).length;
    return {
      query,
      fts: fts.size,
      counted,
      wordStart: wordStart.size,
      onlyIndex: count(fts, wordStart),
      onlyRg: count(wordStart, fts),
      fixed: fixed.size,
      fixedMore: count(fixed, fts),
      fixedMissing: count(fts, fixed),
    };
  });
  return library.idle().then(() => {
    library.close();
    return result;
  });
}

const FULL_METADATA = storyContentPatchSchema.parse({
  slugline: 'BUDGET-COALITION',
  summary: 'The coalition agreed the budget after all-night talks.',
  byline: [
    { name: 'Pesach Benson', role: 'writer', affiliation: 'TPS' },
    { name: 'Yosef Mizrahi', role: 'photographer', affiliation: 'TPS' },
  ],
  dateline: { place: { name: 'Jerusalem', countryCode: 'IL' }, date: '2026-11-27', agency: 'TPS' },
  located: { name: 'Jerusalem', countryCode: 'IL' },
  language: 'en',
  languageSetByPerson: true,
  genre: 'genre:Current',
  urgency: 4,
  subjects: [
    { qcode: 'medtop:11000000', label: 'politics', vocabularyVersion: '2023-03-31' },
    { qcode: 'medtop:04000000', label: 'economy, business and finance', vocabularyVersion: '2023-03-31' },
    { qcode: 'medtop:20000587', label: 'economic policy', vocabularyVersion: '2023-03-31' },
  ],
  entities: [
    { kind: 'person', name: 'Bezalel Smotrich' },
    { kind: 'organisation', name: 'Knesset' },
    { kind: 'place', name: 'Jerusalem', id: 'IL' },
  ],
  creditLine: 'TPS',
  copyrightHolder: 'Tazpit Press Service',
  copyrightNotice: '© 2026 Tazpit Press Service',
  usageTerms: 'For subscribers only.',
  embargo: { at: '2026-11-28T06:00:00+02:00', timeZone: 'Asia/Jerusalem' },
  pictures: [
    {
      sha256: 'a'.repeat(64),
      role: 'lead',
      fileName: 'knesset.jpg',
      mediaType: 'image/jpeg',
      width: 3000,
      height: 2000,
      bytes: 2_400_000,
      caption: 'Coalition members leave the Knesset at dawn.',
      credit: 'Yosef Mizrahi/TPS',
      altText: 'Members of the Knesset walking out at sunrise.',
      usageTerms: '',
    },
  ],
  editorialNote: 'Check the final vote count.',
  desk: 'Home',
  targetWords: 5000,
});

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
  // A story with every news-item field filled, as a wire story is: autosave carries its metadata.
  story = stories.save({ id: story.id, baseRevision: story.revision, headline, body: renderBody(blocks, false), keywords, ...FULL_METADATA }, author);

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

  // Autosave leaves the story's search entry to the next search: time that search (it indexes the
  // 5,000-word story first), each right after one more save, and the same search once indexed.
  const searchAfterSaveMs: number[] = [];
  const searchIndexedMs: number[] = [];
  const search = () => {
    const t0 = performance.now();
    stories.list({ query: SEARCH_AFTER_SAVE, limit: SEARCH_PAGE_SIZE });
    stories.count({ query: SEARCH_AFTER_SAVE });
    return performance.now() - t0;
  };
  search();
  for (let i = 0; i < SEARCH_ROUNDS; i++) {
    editWords(rng, blocks, 3);
    t += 6_000;
    // A story with every news-item field filled, as a wire story is: autosave carries its metadata.
  story = stories.save({ id: story.id, baseRevision: story.revision, headline, body: renderBody(blocks, false), keywords, ...FULL_METADATA }, author);
    searchAfterSaveMs.push(search());
    searchIndexedMs.push(search());
  }
  const found = stories.list({ query: `"${headline}"` }).some((r) => r.id === story.id);
  db.close();
  raw.close();
  if (!found) throw new Error('P3: the saved story is not found by a search for its headline.');
  return { serviceMs, rawMs, bytes, words: story.wordCount, revisions, searchAfterSaveMs, searchIndexedMs, query: SEARCH_AFTER_SAVE };
}

const SEARCH_AFTER_SAVE = 'budget';
const SEARCH_ROUNDS = 20;

const [mode, ...args] = process.argv.slice(2);
let result: unknown;
switch (mode) {
  case 'app-first-page':
    result = await appFirstPage(args[0]);
    break;
  case 'markdown-first-page':
    result = markdownFirstPage(args[0]);
    break;
  case 'sqlite-session':
    result = await sqliteSession(args[0], JSON.parse(args[1]) as string[], Number(args[2]));
    break;
  case 'search-sets':
    result = await searchSets(args[0], args[1], JSON.parse(args[2]) as string[]);
    break;
  case 'autosave':
    result = autosave(args[0], args[1], Number(args[2]), Number(args[3]));
    break;
  case 'suggestions':
    result = await (await import('./suggestions.ts')).measureSuggestions();
    break;
  case 'import':
    result = await (await import('./import.ts')).measureImport({ files: Number(args[0]) });
    break;
  default:
    throw new Error(`bench/child.ts: unknown mode ${mode}`);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
