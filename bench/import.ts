/**
 * `copydesk import` speed: 1,000 wire-copy files (the corpus's English, Hebrew and Arabic
 * stories of 600–1,200 words, each with a photo credit, headline, byline and dateline in its own
 * language) written to a temp folder and imported with `importPaths` into a fresh library built
 * by `createServices`, as the command line builds it. Target: ≥ 300 stories/s.
 *
 * Run alone: `npx node --disable-warning=ExperimentalWarning bench/import.ts [--files N]`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createServices, type Platform } from '../src/main/services/services.ts';
import { generateStory, seededRng } from './corpus.ts';

const SEED = 20260501;
export const IMPORT_TARGET_PER_SECOND = 300;

const PLACES = {
  en: ['Jerusalem', 'TEL AVIV', 'Haifa', 'Baku', 'Cairo', 'Amman', 'Beirut', 'London', 'Washington'],
  he: ['ירושלים', 'תל אביב', 'חיפה', 'באר שבע'],
  ar: ['القدس', 'رام الله', 'عمّان', 'القاهرة'],
} as const;
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  he: ['בינואר', 'בפברואר', 'במרץ', 'באפריל', 'במאי', 'ביוני', 'ביולי', 'באוגוסט', 'בספטמבר', 'באוקטובר', 'בנובמבר', 'בדצמבר'],
  ar: ['كانون الثاني/يناير', 'شباط/فبراير', 'آذار/مارس', 'نيسان/أبريل', 'أيار/مايو', 'حزيران/يونيو', 'تموز/يوليو', 'آب/أغسطس', 'أيلول/سبتمبر', 'تشرين الأول/أكتوبر', 'تشرين الثاني/نوفمبر', 'كانون الأول/ديسمبر'],
} as const;
const arabicDigits = (n: number) => String(n).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);

/** One wire file for story `index` of the corpus, in the story's language. */
export function wireFile(index: number): string {
  const { story, blocks } = generateStory(SEED, index);
  const rng = seededRng(index + 1);
  const lang = /[\u0590-\u05FF]/.test(story.headline) ? 'he' : /[\u0600-\u06FF]/.test(story.headline) ? 'ar' : 'en';
  const day = 1 + Math.floor(rng() * 28);
  const month = Math.floor(rng() * 12);
  const place = PLACES[lang][Math.floor(rng() * PLACES[lang].length)]!;
  const paragraphs = blocks.filter((b) => !b.heading).map((b) => b.words.join(' '));
  const date =
    lang === 'en' ? (rng() < 0.5 ? `${day} ${MONTHS.en[month]}, 2024` : `${MONTHS.en[month]} ${day}, 2024`) : lang === 'he' ? `${day} ${MONTHS.he[month]} 2024` : `${arabicDigits(day)} ${MONTHS.ar[month]} ${arabicDigits(2024)}`;
  const header =
    lang === 'en'
      ? [`Photo by Yosef Mizrahi/TPS on ${date}`, story.headline, `Public By ${story.author} • ${date}`, `${place}, ${date} (TPS) -- ${paragraphs[0]}`]
      : lang === 'he'
        ? [`צילום: יוסי זמיר/TPS`, story.headline, `מאת פסח בנסון • ${date}`, `${place}, ${date} (TPS) -- ${paragraphs[0]}`]
        : [`تصوير: يوسف مزراحي/TPS`, story.headline, `بقلم: بيساح بنسون`, `${place}، ${date} (TPS) – ${paragraphs[0]}`];
  // Wire copy wraps its lines; blank lines separate paragraphs.
  const wrap = (p: string) => p.replace(/((?:\S+\s+){12})/g, '$1\n').replace(/ \n/g, '\n');
  return [...header, ...paragraphs.slice(1).map(wrap)].join('\n\n') + '\n';
}

const platform = (dataDir: string): Platform => ({
  shell: 'web',
  version: 'bench',
  dataDir,
  chooseExportFolder: async () => null,
  choosePackageFile: async () => null,
  chooseImportFile: async () => null,
  readyToClose: () => {},
  keepOpen: () => {},
});

/**
 * `storiesPerSecond` is wall-clock, the figure the target is about. `cpuStoriesPerSecond` counts
 * only this process's CPU time, so a run on a busy shared machine can be read beside it.
 */
export async function measureImport(options: { files?: number; keep?: boolean } = {}): Promise<{ storiesPerSecond: number; files: number; cpuStoriesPerSecond: number }> {
  const count = options.files ?? 1_000;
  const root = mkdtempSync(join(tmpdir(), 'copydesk-bench-import-'));
  try {
    const folder = join(root, 'wire');
    const dataDir = join(root, 'data');
    mkdirSync(folder, { recursive: true });
    const paths = Array.from({ length: count }, (_, i) => join(folder, `story-${String(i).padStart(4, '0')}.txt`));
    paths.forEach((path, i) => writeFileSync(path, wireFile(i)));

    const services = createServices({ dataDir, settingsBacking: { store: {} }, platform: platform(dataDir), schemasDir: join(import.meta.dirname, '..', 'resources', 'schemas') });
    try {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const outcomes = await services.importer.importPaths(paths, 'bench');
      const seconds = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const failed = outcomes.filter((o) => !o.ok);
      if (failed.length > 0) throw new Error(`${failed.length} of ${count} files were not imported; the first: ${failed[0]!.ok ? '' : failed[0]!.message}`);
      const stored = services.stories.count({});
      if (stored !== count) throw new Error(`${stored} stories in the library after importing ${count} files.`);
      const withDateline = outcomes.filter((o) => o.ok && o.result.story.dateline !== null).length;
      if (withDateline !== count) throw new Error(`Only ${withDateline} of ${count} imported stories have their dateline.`);
      return { storiesPerSecond: count / seconds, files: count, cpuStoriesPerSecond: count / cpuSeconds };
    } finally {
      services.close();
    }
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' } } });
  const { storiesPerSecond, files, cpuStoriesPerSecond } = await measureImport({ files: Number(values.files) });
  console.log(`copydesk import: ${files} wire files, ${storiesPerSecond.toFixed(0)} stories/s (target ≥ ${IMPORT_TARGET_PER_SECOND}); ${cpuStoriesPerSecond.toFixed(0)} per CPU-second`);
}
