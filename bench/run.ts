/**
 * `npm run bench`: builds a 10,000-story library (SQLite through the real repository, and the same
 * stories as Markdown files), then measures P1 (open + first page), P2 (full-text search),
 * P3 (autosave), the library's size on disk and peak memory, each beside what a file-based app or
 * raw SQLite would take. See bench/README.md. Options: --stories N, --seed N, --keep (leave the
 * temp folder), --details, --write-readme (put the figures in README.md's performance table).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../src/main/services/services.ts';
import { openDatabase, transaction } from '../src/main/services/storage/database.ts';
import { LIST_PAGE_SIZE, SEARCH_PAGE_SIZE } from '../src/shared/contract.ts';
import { StoryRepository } from '../src/main/services/storage/story-repository.ts';
import { parseQuery } from '../src/shared/search-text.ts';
import { generateStory, renderMarkdown } from './corpus.ts';
import { median, mb, ms, percentile, times } from './stats.ts';

const { values: options } = parseArgs({
  options: {
    stories: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20260501' },
    keep: { type: 'boolean', default: false },
    details: { type: 'boolean', default: false },
    'write-readme': { type: 'boolean', default: false },
  },
});
const STORIES = Number(options.stories);
const SEED = Number(options.seed);
const BATCH = 1_000;
const P1_RUNS = 7;
const P2_PASSES = 5;
const RG_RUNS = 3;
const P3_SAVES = 100;

/**
 * A newsroom's year: at 100,000 stories the list must still open in 20 ms, search p95 may take
 * 30 ms and the process 200 MB (the news-item issue). Other sizes use the 10,000-story targets.
 */
const YEAR = STORIES >= 100_000;
const TARGET = {
  p1Ms: 20,
  p1Ratio: 20,
  p2Ms: YEAR ? 30 : 20,
  p2Ratio: 10,
  p3Ms: 10,
  p3Ratio: 2,
  /** The library on disk (database + WAL) at most this multiple of the same stories as Markdown. */
  sizeRatio: 2,
  /** At 10,000 stories not in the brief: a budget proposed by the harness (see README). */
  rssMb: YEAR ? 200 : 150,
  /** Suggestions (subjects, entities, keywords) for a 1,000-word story, p95 after warm-up. */
  suggestMs: 50,
  /** `copydesk import` of 1,000 wire-copy files. */
  importPerSecond: 300,
};

/** Varied searches: words, prefixes, phrases, Hebrew, Arabic, two words, rare and common. */
const QUERIES = [
  'government',
  'election',
  'hospital',
  'said',
  'zeppelin',
  'negoti',
  'pol',
  'infra',
  '"prime minister"',
  '"central bank"',
  'ממשלה',
  'בחירות',
  'الحكومة',
  'انتخابات',
  'budget deficit',
  'hospital strike',
  'police protest',
  'Jerusalem',
  'drought',
  'Baku',
];

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, 'child.ts');
const log = (line = '') => process.stdout.write(`${line}\n`);
/** "24× faster", or "3.1× slower" when the comparison wins. */
const faster = (ratio: number) => (ratio >= 1 ? `${times(ratio)} faster` : `${times(1 / ratio)} slower`);

const work = mkdtempSync(join(tmpdir(), 'copydesk-bench-'));
let cleaned = false;
const cleanup = () => {
  if (cleaned) return;
  cleaned = true;
  if (options.keep) log(`(kept ${work})`);
  else rmSync(work, { recursive: true, force: true });
};
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

function child<T>(...args: string[]): T {
  const result = spawnSync(process.execPath, ['--disable-warning=ExperimentalWarning', CHILD, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`bench child ${args[0]} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as T;
}

function folderBytes(dir: string, include: (name: string) => boolean = () => true): number {
  return readdirSync(dir)
    .filter(include)
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** The library file as the app keeps it: the database and its WAL (and the WAL index). */
const libraryBytes = (dataDir: string) => folderBytes(dataDir, (name) => name.startsWith(DATABASE_FILE));

// --- The library ---

function generate(dbPath: string, mdDir: string) {
  const t0 = performance.now();
  mkdirSync(mdDir);
  const db = openDatabase(dbPath);
  const repo = new StoryRepository(db);
  const languages = { en: 0, he: 0, ar: 0 };
  const ids = new Set<string>();
  let words = 0;
  for (let start = 0; start < STORIES; start += BATCH) {
    transaction(db, () => {
      for (let i = start; i < Math.min(STORIES, start + BATCH); i++) {
        const g = generateStory(SEED, i);
        const s = g.story;
        if (ids.has(s.id)) throw new Error(`The corpus generator made story ${i} with the id of an earlier one (${s.id}).`);
        ids.add(s.id);
        repo.insert(s);
        repo.appendEvent({ storyId: s.id, at: s.createdAt, actor: s.author, kind: 'created', fromStatus: null, toStatus: 'draft', revision: 1, detail: null });
        writeFileSync(join(mdDir, `${s.id}.md`), renderMarkdown(g));
        languages[/[\u0590-\u05ff]/.test(s.headline) ? 'he' : /[\u0600-\u06ff]/.test(s.headline) ? 'ar' : 'en']++;
        words += s.wordCount;
      }
    });
  }
  db.close();
  if (ids.size !== STORIES) throw new Error(`The corpus holds ${ids.size} distinct ids for ${STORIES} stories.`);
  return { seconds: (performance.now() - t0) / 1000, languages, words };
}

// --- ripgrep ---

function rgVersion(): string | null {
  const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return probe.error || probe.status !== 0 ? null : probe.stdout.split('\n')[0];
}

/** Find ripgrep; where it is missing and we may install system packages (root on Debian), install it. */
function findRg(): string | null {
  const found = rgVersion();
  if (found || process.getuid?.() !== 0 || spawnSync('apt-get', ['--version']).status !== 0) return found;
  log('· ripgrep is not installed: installing it with apt-get (Debian package ripgrep)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'ripgrep'], { stdio: 'ignore', env });
  return rgVersion();
}

/**
 * What `rg` does for one search: `rg -l -i` per word (a quoted phrase as one fixed string); for two
 * words the second rg searches only the files the first one listed (both words, as the index does).
 */
function rgSearch(mdDir: string, query: string): { ms: number; files: number; starts: number } {
  const parsed = parseQuery(query);
  const needles = [...parsed.phrases, ...parsed.terms];
  const t0 = performance.now();
  let files: string[] = ['.'];
  let starts = 0;
  for (const needle of needles) {
    starts++;
    const result = spawnSync('rg', ['-l', '-i', '-F', '--', needle, ...files], { cwd: mdDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0 && result.status !== 1) throw new Error(`rg failed: ${result.stderr}`);
    files = result.stdout.split('\n').filter(Boolean);
    if (files.length === 0) break;
  }
  return { ms: performance.now() - t0, files: files.length, starts };
}

/** What starting one rg process costs (`rg --version`: start, print, exit), median of 9. */
function rgStartMs(): number {
  const runs = Array.from({ length: 9 }, () => {
    const t0 = performance.now();
    spawnSync('rg', ['--version'], { encoding: 'utf8' });
    return performance.now() - t0;
  });
  return median(runs);
}

// --- Run ---

/** One row of README.md's performance table: what was measured, beside its target. */
interface ReadmeRow {
  readonly figure: string;
  readonly measured: string;
  readonly target: string;
}
interface Figure {
  name: string;
  line: string;
  pass: boolean;
  why: string[];
  row: ReadmeRow;
}
const figures: Figure[] = [];
function figure(name: string, text: string, checks: [boolean, string][], row: ReadmeRow) {
  const why = checks.filter(([ok]) => !ok).map(([, what]) => what);
  const pass = why.length === 0;
  figures.push({ name, pass, why, row, line: `${text} | ${pass ? 'PASS' : `FAIL (${why.join('; ')})`}` });
}

const README = join(here, '..', 'README.md');
/** Each library size has its own table in README.md, between these markers. */
const README_START = `<!-- bench ${STORIES} stories: start -->`;
const README_END = `<!-- bench ${STORIES} stories: end -->`;

/** Where this size's table goes; checked before the run, so a long run cannot fail at the end. */
function readmeTable(): { text: string; start: number; end: number } {
  const text = readFileSync(README, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} markers: add them where this size's table belongs.`);
  return { text, start, end };
}

/** Replace README.md's performance table for this size (between its markers) with this run's figures. */
function writeReadme(machine: string) {
  const { text, start, end } = readmeTable();
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const table = [
    `Written by \`npm run bench -- --write-readme\` on ${new Date().toISOString().slice(0, 10)}, ${STORIES.toLocaleString('en')} stories: ${machine}.`,
    '',
    '| figure | measured | target | |',
    '| --- | --- | --- | --- |',
    ...figures.map((f) => `| ${cell(f.row.figure)} | ${cell(f.row.measured)} | ${cell(f.row.target)} | ${f.pass ? 'PASS' : 'FAIL'} |`),
  ];
  writeFileSync(README, `${text.slice(0, start + README_START.length)}\n${table.join('\n')}\n${text.slice(end)}`);
  log(`· README.md: performance table updated`);
}

try {
  if (options['write-readme']) readmeTable();
  const rg = findRg();
  const dataDir = join(work, 'library');
  const dbPath = join(dataDir, DATABASE_FILE);
  const mdDir = join(work, 'markdown');
  mkdirSync(dataDir);
  const cpuModel = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const loadAtStart = loadavg()[0];
  log(
    `Copydesk benchmarks — Node ${process.versions.node}, SQLite ${process.versions.sqlite}, ${rg ?? 'rg: not found'}; ` +
      `${availableParallelism()} CPUs (${cpuModel}), load average ${loadAtStart.toFixed(1)}`
  );
  log(`· temp folder ${work}`);
  if (YEAR) log(`· a newsroom's year (${STORIES.toLocaleString('en')} stories): targets open ≤ ${TARGET.p1Ms} ms, search p95 ≤ ${TARGET.p2Ms} ms, peak RSS ≤ ${TARGET.rssMb} MB`);
  else if (STORIES !== 10_000) log(`· ${STORIES.toLocaleString('en')} stories: the targets assume 10,000 (or 100,000 with --stories 100000)`);

  const gen = generate(dbPath, mdDir);
  const { en, he, ar } = gen.languages;
  const sqliteBytes = libraryBytes(dataDir);
  const markdownBytes = folderBytes(mdDir);
  log(
    `· library: ${STORIES.toLocaleString('en')} stories, all ids distinct (${en} English, ${he} Hebrew, ${ar} Arabic), ` +
      `${Math.round(gen.words / STORIES)} words on average, generated in ${gen.seconds.toFixed(1)} s`
  );

  // P1: fresh processes, alternating SQLite and Markdown so both see the same machine state.
  const p1Sqlite: number[] = [];
  const p1Integrity: number[] = [];
  const p1Markdown: number[] = [];
  for (let i = 0; i < P1_RUNS; i++) {
    const a = child<{ ms: number; integrityMs: number; ids: string[] }>('app-first-page', dataDir);
    const b = child<{ ms: number; ids: string[]; files: number }>('markdown-first-page', mdDir);
    if (a.ids.join() !== b.ids.join()) throw new Error('P1: the SQLite and Markdown first pages differ: the comparison would be unfair.');
    p1Sqlite.push(a.ms);
    p1Integrity.push(a.integrityMs);
    p1Markdown.push(b.ms);
  }
  log(
    `· P1: ${P1_RUNS} fresh processes each, the library opened as the app opens it (settings, purge of the expired trash, the integrity ` +
      `check in its worker beside the list: done ${ms(median(p1Integrity))} after the open); SQLite and Markdown lists agree on the first ${LIST_PAGE_SIZE} stories`
  );

  // P2 and memory: one process opens the library and searches.
  type Session = { perQuery: { query: string; firstMs: number; medianMs: number; rows: number; matches: number }[]; maxRssKb: number };
  const session = child<Session>('sqlite-session', dataDir, JSON.stringify(QUERIES), String(P2_PASSES));
  const searchMs = session.perQuery.map((q) => q.medianMs);
  log(`· P2: ${QUERIES.length} queries × ${P2_PASSES} passes after one warm-up pass${rg ? `; rg ${RG_RUNS} runs each after one warm-up run` : ''}`);

  const rgPerQuery = rg
    ? QUERIES.map((q) => {
        rgSearch(mdDir, q);
        const runs = Array.from({ length: RG_RUNS }, () => rgSearch(mdDir, q));
        return { ms: median(runs.map((r) => r.ms)), files: runs[0].files, starts: runs[0].starts };
      })
    : null;
  const rgStart = rg ? rgStartMs() : 0;
  type SearchSet = { query: string; fts: number; counted: number; wordStart: number; onlyIndex: number; onlyRg: number; fixed: number; fixedMore: number; fixedMissing: number };
  const sets = rg ? child<SearchSet[]>('search-sets', dataDir, mdDir, JSON.stringify(QUERIES)) : null;
  if (sets) log(`· P2 results: every story each query finds, in the index and with ripgrep over the Markdown files (untimed)`);

  // P3: autosave, story service vs raw SQLite, in a fresh process.
  type Autosave = {
    serviceMs: number[];
    rawMs: number[];
    bytes: number;
    words: number;
    revisions: number;
    searchAfterSaveMs: number[];
    searchIndexedMs: number[];
    query: string;
  };
  const p3 = child<Autosave>('autosave', dbPath, join(work, 'raw.db'), String(P3_SAVES), String(SEED));
  log(`· P3: ${P3_SAVES} saves of a ${p3.words.toLocaleString('en')}-word story (${(p3.bytes / 1024).toFixed(0)} KB body JSON), 3 words changed each; the story carries every news-item field (byline, dateline, subjects, entities, a picture…)`);
  log(`· P3 search: ${p3.searchAfterSaveMs.length} rounds of one more save, then a search for "${p3.query}" (it indexes the saved story first), then the same search again`);
  log();

  // --- Figures ---
  const p1 = median(p1Sqlite);
  const p1md = median(p1Markdown);
  figure(
    'P1',
    `P1 open + first page: ${ms(p1)} (target ≤ ${TARGET.p1Ms} ms) | Markdown folder: ${ms(p1md)} | ${faster(p1md / p1)} (target ≥ ${TARGET.p1Ratio}× faster)`,
    [
      [p1 <= TARGET.p1Ms, `${ms(p1)} > ${TARGET.p1Ms} ms`],
      [p1md / p1 >= TARGET.p1Ratio, `${faster(p1md / p1)} than the folder, not ${TARGET.p1Ratio}× faster`],
    ],
    {
      figure: `P1 open the library as the app does (settings, trash purge, integrity check beside it) and show the first page (${LIST_PAGE_SIZE} rows and the total)`,
      measured: `${ms(p1)}; listing the same stories as Markdown files: ${ms(p1md)} (${faster(p1md / p1)})`,
      target: `≤ ${TARGET.p1Ms} ms; ≥ ${TARGET.p1Ratio}×`,
    }
  );

  const p2p50 = percentile(searchMs, 50);
  const p2p95 = percentile(searchMs, 95);
  if (rgPerQuery) {
    const rgMs = rgPerQuery.map((r) => r.ms);
    const rgBare = rgPerQuery.map((r) => Math.max(0, r.ms - r.starts * rgStart));
    const rg95 = percentile(rgMs, 95);
    const bare95 = percentile(rgBare, 95);
    figure(
      'P2',
      `P2 search p95: ${ms(p2p95)} (target ≤ ${TARGET.p2Ms} ms), p50: ${ms(p2p50)} | rg p95: ${ms(rg95)}, p50: ${ms(percentile(rgMs, 50))} ` +
        `(including starting rg, ${ms(rgStart)} a process, one per word); without the process starts p95 ${ms(bare95)} | ` +
        `${faster(bare95 / p2p95)} than rg without its starts (target ≥ ${TARGET.p2Ratio}× faster), ${faster(rg95 / p2p95)} with them`,
      [
        [p2p95 <= TARGET.p2Ms, `p95 ${ms(p2p95)} > ${TARGET.p2Ms} ms`],
        [bare95 / p2p95 >= TARGET.p2Ratio, `${faster(bare95 / p2p95)} than rg without its process starts, not ${TARGET.p2Ratio}× faster`],
      ],
      {
        figure: `P2 full-text search, ${QUERIES.length} varied queries (${SEARCH_PAGE_SIZE} ranked rows with snippets, and the total)`,
        measured: `p95 ${ms(p2p95)}, p50 ${ms(p2p50)}; ripgrep over the Markdown files p95 ${ms(bare95)} without starting its processes (${faster(bare95 / p2p95)}), ${ms(rg95)} with them`,
        target: `p95 ≤ ${TARGET.p2Ms} ms; ≥ ${TARGET.p2Ratio}×`,
      }
    );
  } else {
    figure(
      'P2',
      `P2 search p95: ${ms(p2p95)} (target ≤ ${TARGET.p2Ms} ms), p50: ${ms(p2p50)} | rg: not found on PATH (install ripgrep: apt-get install ripgrep) | ratio not measured`,
      [[p2p95 <= TARGET.p2Ms, `p95 ${ms(p2p95)} > ${TARGET.p2Ms} ms`]],
      {
        figure: `P2 full-text search, ${QUERIES.length} varied queries`,
        measured: `p95 ${ms(p2p95)}, p50 ${ms(p2p50)}; ripgrep not measured`,
        target: `p95 ≤ ${TARGET.p2Ms} ms`,
      }
    );
  }

  if (sets) {
    const differ = sets.filter((s) => s.onlyIndex > 0 || s.onlyRg > 0 || s.counted !== s.fts);
    const compared = sets.reduce((sum, s) => sum + s.fts, 0);
    const wider = sets.filter((s) => s.fixedMore > 0);
    const narrower = sets.filter((s) => s.fixedMissing > 0);
    const widerText = wider.length
      ? `rg -F (the timed search) finds ${wider.reduce((n, s) => n + s.fixedMore, 0).toLocaleString('en')} more stories in ${wider.length} queries (${wider.map((s) => s.query).join(', ')}): the text inside a longer word (ממשלה in הממשלה)`
      : 'rg -F (the timed search) finds no story the index does not';
    const narrowerText = narrower.length
      ? `; and misses ${narrower.reduce((n, s) => n + s.fixedMissing, 0).toLocaleString('en')} in ${narrower.length} phrase queries (${narrower.map((s) => s.query).join(', ')}): a phrase split by bold marks or punctuation`
      : '';
    figure(
      'P2 results',
      `P2 same stories: ${sets.length - differ.length} of ${sets.length} queries find exactly the stories ripgrep finds matching as the index does ` +
        `(terms at a word start, phrases word after word; ${compared.toLocaleString('en')} matches compared; the count agrees) | ${widerText}${narrowerText}`,
      [[differ.length === 0, `${differ.map((s) => `${s.query}: ${s.onlyIndex} only in the index, ${s.onlyRg} only in rg, count ${s.counted} vs ${s.fts}`).join('; ')}`]],
      {
        figure: 'P2 the same stories as ripgrep (matching word starts, as the index does)',
        measured: `${sets.length - differ.length} of ${sets.length} queries, ${compared.toLocaleString('en')} matches`,
        target: 'every query',
      }
    );
  }

  const s95 = percentile(p3.serviceMs, 95);
  const r95 = percentile(p3.rawMs, 95);
  figure(
    'P3',
    `P3 autosave p95: ${ms(s95)} (target ≤ ${TARGET.p3Ms} ms), p50: ${ms(percentile(p3.serviceMs, 50))} | raw SQLite p95: ${ms(r95)}, p50: ${ms(percentile(p3.rawMs, 50))} | ${times(s95 / r95)} the raw write (target ≤ ${TARGET.p3Ratio}×)`,
    [
      [s95 <= TARGET.p3Ms, `p95 ${ms(s95)} > ${TARGET.p3Ms} ms`],
      [s95 / r95 <= TARGET.p3Ratio, `${times(s95 / r95)} the raw write`],
    ],
    {
      figure: `P3 autosave of a ${p3.words.toLocaleString('en')}-word story`,
      measured: `p95 ${ms(s95)}, p50 ${ms(percentile(p3.serviceMs, 50))}; a raw SQLite transaction of the same bytes p95 ${ms(r95)} (${times(s95 / r95)})`,
      target: `p95 ≤ ${TARGET.p3Ms} ms; ≤ ${TARGET.p3Ratio}×`,
    }
  );

  const a95 = percentile(p3.searchAfterSaveMs, 95);
  const i95 = percentile(p3.searchIndexedMs, 95);
  figure(
    'P3 search',
    `P3 first search after a save p95: ${ms(a95)} (target ≤ ${TARGET.p2Ms} ms, the search target), p50: ${ms(percentile(p3.searchAfterSaveMs, 50))} | ` +
      `the same search once indexed p95: ${ms(i95)} | indexing the saved story adds ${ms(Math.max(0, percentile(p3.searchAfterSaveMs, 50) - percentile(p3.searchIndexedMs, 50)))} (p50)`,
    [[a95 <= TARGET.p2Ms, `p95 ${ms(a95)} > ${TARGET.p2Ms} ms`]],
    {
      figure: 'P3 the first search after an autosave (it indexes the saved story first)',
      measured: `p95 ${ms(a95)}; the same search once indexed ${ms(i95)}`,
      target: `p95 ≤ ${TARGET.p2Ms} ms`,
    }
  );

  const sizeRatio = sqliteBytes / markdownBytes;
  figure(
    'Size',
    `Size on disk: ${mb(sqliteBytes)} (database + WAL) | Markdown folder: ${mb(markdownBytes)} | ${times(sizeRatio)} the folder (target ≤ ${TARGET.sizeRatio}×)`,
    [[sizeRatio <= TARGET.sizeRatio, `${times(sizeRatio)} the Markdown folder`]],
    {
      figure: 'Size of the library on disk (database + WAL)',
      measured: `${mb(sqliteBytes)}; the same stories as Markdown files ${mb(markdownBytes)} (${times(sizeRatio)})`,
      target: `≤ ${TARGET.sizeRatio}×`,
    }
  );

  const rss = session.maxRssKb * 1024;
  figure(
    'Memory',
    `Memory peak RSS: ${mb(rss)} (target ≤ ${TARGET.rssMb} MB${YEAR ? '' : ', proposed'}) | library open as the app opens it, integrity check done, after listing and P2`,
    [[rss <= TARGET.rssMb * 1024 * 1024, `${mb(rss)} > ${TARGET.rssMb} MB`]],
    { figure: 'Memory, peak RSS with the library open', measured: mb(rss), target: `≤ ${TARGET.rssMb} MB` }
  );

  // Suggestions and import, each in a fresh process of its own (the gazetteer's cities would
  // otherwise count in the library's peak memory above).
  const suggest = child<{ p50: number; p95: number; runs: number }>('suggestions');
  log(`· Suggestions: ${suggest.runs} runs after warm-up, each a different 1,000-word English story, a library of 51 tagged stories`);
  figure(
    'Suggestions',
    `Suggestions p95: ${ms(suggest.p95)} (target ≤ ${TARGET.suggestMs} ms), p50: ${ms(suggest.p50)} | subjects, entities and keywords for a 1,000-word story, offline`,
    [[suggest.p95 <= TARGET.suggestMs, `p95 ${ms(suggest.p95)} > ${TARGET.suggestMs} ms`]],
    { figure: 'Suggestions for a 1,000-word story (subjects, entities, keywords)', measured: `p95 ${ms(suggest.p95)}, p50 ${ms(suggest.p50)}`, target: `p95 ≤ ${TARGET.suggestMs} ms` }
  );
  const imported = child<{ storiesPerSecond: number; files: number; cpuStoriesPerSecond: number }>('import', '1000');
  log(`· Import: ${imported.files} generated wire-copy files through copydesk's importer into a fresh library`);
  figure(
    'Import',
    `Import: ${imported.storiesPerSecond.toFixed(0)} stories/s (target ≥ ${TARGET.importPerSecond}) | ${imported.cpuStoriesPerSecond.toFixed(0)} per CPU-second`,
    [[imported.storiesPerSecond >= TARGET.importPerSecond, `${imported.storiesPerSecond.toFixed(0)} stories/s < ${TARGET.importPerSecond}`]],
    {
      figure: '`copydesk import` of 1,000 wire-copy files',
      measured: `${imported.storiesPerSecond.toFixed(0)} stories/s (${imported.cpuStoriesPerSecond.toFixed(0)} per CPU-second)`,
      target: `≥ ${TARGET.importPerSecond} stories/s`,
    }
  );

  for (const f of figures) log(f.line);
  const failed = figures.filter((f) => !f.pass);
  log(
    failed.length === 0
      ? `SUMMARY: PASS — all ${figures.length} figures meet their targets`
      : `SUMMARY: FAIL — ${figures.length - failed.length} of ${figures.length} figures meet their targets; missed: ${failed.map((f) => `${f.name} (${f.why.join('; ')})`).join(', ')}`
  );
  const loadAtEnd = loadavg()[0];
  log(`· load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end`);

  if (options['write-readme']) {
    writeReadme(
      `${availableParallelism()} CPUs (${cpuModel}), Node ${process.versions.node}, SQLite ${process.versions.sqlite}, ${rg ?? 'no ripgrep'}; ` +
        `load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end`
    );
  }

  if (options.details) {
    log();
    log(`P1 runs, SQLite: ${p1Sqlite.map(ms).join(', ')}`);
    log(`P1 runs, integrity check done after: ${p1Integrity.map(ms).join(', ')}`);
    log(`P1 runs, Markdown: ${p1Markdown.map(ms).join(', ')}`);
    log('P2 per query: median of passes | first search after opening | rows shown / stories matched | rg median, files | same stories: index, rg word starts, rg -F');
    session.perQuery.forEach((q, i) => {
      const r = rgPerQuery?.[i];
      const set = sets?.[i];
      log(
        `  ${q.query.padEnd(18)} ${ms(q.medianMs).padStart(9)} | ${ms(q.firstMs).padStart(9)} | ${String(q.rows).padStart(2)} / ${String(q.matches).padStart(6)}` +
          (r ? ` | rg ${ms(r.ms).padStart(7)}, ${r.files} files` : '') +
          (set ? ` | ${set.fts} ${set.wordStart} ${set.fixed}${set.onlyIndex || set.onlyRg ? ` DIFFER (${set.onlyIndex} only in the index, ${set.onlyRg} only in rg)` : ''}` : '')
      );
    });
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b).map((x) => x.toFixed(1)).join(' ');
    log(`P3 service saves (sorted, ms): ${sorted(p3.serviceMs)}`);
    log(`P3 raw writes (sorted, ms): ${sorted(p3.rawMs)}`);
    log(`P3 first search after a save (sorted, ms): ${sorted(p3.searchAfterSaveMs)}`);
    log(`P3 the same search once indexed (sorted, ms): ${sorted(p3.searchIndexedMs)}`);
    log(`P3 interval revisions kept during the run: ${p3.revisions}`);
  }
  process.exitCode = failed.length === 0 ? 0 : 1;
} finally {
  cleanup();
}
