/**
 * Suggestions for a 1,000-word story (target: p95 ≤ 50 ms after warm-up). Each run suggests
 * subjects, entities and keywords for a different 1,000-word English story made of the labelled
 * wire stories (test/fixtures/tagging), with a library of those 51 stories as tagged examples and
 * a few hundred known entities and keywords, as a newsroom's library would give. The first calls
 * (vocabulary index, English tagger, gazetteer cities) are warm-up and not counted.
 *
 * Run alone: `npx node --disable-warning=ExperimentalWarning bench/suggestions.ts`.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { KnownEntity } from '../src/main/services/tagging/entities.ts';
import { lazyMediaTopics } from '../src/main/services/tagging/media-topics.ts';
import { createSuggester } from '../src/main/services/tagging/suggest.ts';
import type { TaggedExample } from '../src/main/services/tagging/subject-ranker.ts';
import { percentile } from './stats.ts';

const ROOT = join(import.meta.dirname, '..');
const WARM_UP = 5;
const RUNS = 60;
const WORDS = 1000;

interface LabelledStory {
  headline: string;
  text: string;
  subjects: string[];
}

export async function measureSuggestions(): Promise<{ p50: number; p95: number; runs: number }> {
  const { wall } = await timeSuggestions();
  return { p50: percentile(wall, 50), p95: percentile(wall, 95), runs: wall.length };
}

/** Wall-clock and CPU milliseconds of each counted run (CPU time shows the work when the machine is busy). */
async function timeSuggestions(): Promise<{ wall: number[]; cpu: number[] }> {
  const { stories } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'tagging', 'labelled-stories.json'), 'utf8')) as {
    stories: LabelledStory[];
  };
  const examples: TaggedExample[] = stories.map((s) => ({ headline: s.headline, text: s.text, subjects: s.subjects }));
  const knownEntities: KnownEntity[] = Array.from({ length: 300 }, (_, i) => ({ kind: 'person', name: `Reporter Number${i}` }));
  knownEntities.push({ kind: 'place', name: 'Jerusalem', id: 'IL' }, { kind: 'organisation', name: 'Supreme Court' });
  const knownKeywords = Array.from({ length: 300 }, (_, i) => ({ keyword: `keyword ${i}`, count: 1 + (i % 7) }));
  knownKeywords.push({ keyword: 'inflation', count: 12 }, { keyword: 'climate change', count: 9 });
  const suggester = createSuggester({
    topics: lazyMediaTopics(join(ROOT, 'resources', 'vocabularies')),
    examples: () => examples,
    knownEntities: () => knownEntities,
    knownKeywords: () => knownKeywords,
  });

  // Story n: the labelled stories from n on, until 1,000 words.
  const storyAt = (n: number) => {
    const parts: string[] = [];
    let words = 0;
    for (let i = n; words < WORDS; i++) {
      const text = stories[i % stories.length]!.text;
      parts.push(text);
      words += text.split(/\s+/).length;
    }
    return { headline: stories[n % stories.length]!.headline, text: parts.join('\n\n').split(/\s+/).slice(0, WORDS).join(' ') };
  };

  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const story = storyAt(run * 7);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const result = suggester.suggest({ ...story, language: 'en' });
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    if (result.subjects.length === 0) throw new Error('The benchmark story got no subject suggestions.');
    if (run >= WARM_UP) {
      wall.push(elapsed);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  return { wall, cpu };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { wall, cpu } = await timeSuggestions();
  const [load] = loadavg();
  console.log(
    `suggestions for a 1,000-word story: p50 ${percentile(wall, 50).toFixed(1)} ms, p95 ${percentile(wall, 95).toFixed(1)} ms ` +
      `(CPU p50 ${percentile(cpu, 50).toFixed(1)} ms, p95 ${percentile(cpu, 95).toFixed(1)} ms; ${wall.length} runs; load average ${load!.toFixed(1)}; target p95 ≤ 50 ms)`
  );
}
