/**
 * IPTC Media Topics, read from the JSON-LD release shipped in resources/vocabularies. The file is
 * read once, on first use (about 1.1 MB, some 1,400 concepts; 0.3 s to read and index on our
 * build machine under heavy load), so starting the app costs nothing. Retired topics stay known (old stories may
 * carry them, `get` and `narrowerClosure` still find them) but never appear in the picker or in
 * suggestions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import type { Subject, TopicChoice } from '../../../shared/tagging.ts';
import { fold } from './text.ts';

export const MEDIA_TOPICS_FILE = 'cptall-en-US.json';

export interface MediaTopic {
  readonly qcode: string;
  readonly label: string;
  readonly definition: string;
  /** The parent's qcode; null for the 17 top-level topics. */
  readonly broader: string | null;
  /** Direct children's qcodes, retired ones included. */
  readonly narrower: readonly string[];
  readonly retired: boolean;
  /** 1 for a top-level topic. */
  readonly level: number;
}

const LANG = 'en-US';
const conceptSchema = z.object({
  qcode: z.string().regex(/^medtop:\d{8}$/),
  prefLabel: z.record(z.string(), z.string()).optional(),
  definition: z.record(z.string(), z.string()).optional(),
  broader: z.array(z.string()).optional(),
  narrower: z.array(z.string()).optional(),
  retired: z.string().optional(),
});
const schemeSchema = z.object({
  dateReleased: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  conceptSet: z.array(conceptSchema).min(1),
});

interface Indexed {
  readonly topic: MediaTopic;
  readonly labelWords: readonly string[];
  readonly labelFolded: string;
  readonly definitionWords: readonly string[];
}

export type MediaTopics = ReturnType<typeof mediaTopicsFromJson>;

/** Media Topics from the vocabulary folder, read when first asked for. */
export function lazyMediaTopics(vocabulariesDir: string): () => MediaTopics {
  let topics: MediaTopics | null = null;
  return () => (topics ??= loadMediaTopics(join(vocabulariesDir, MEDIA_TOPICS_FILE)));
}

export function loadMediaTopics(file: string): MediaTopics {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('internal', `The Media Topics vocabulary could not be read (${file}): ${(error as Error).message}`);
  }
  return mediaTopicsFromJson(json);
}

/** `uri` or `medtop:` form → `medtop:NNNNNNNN`. */
function toQcode(ref: string): string {
  const match = /(\d{8})$/.exec(ref);
  return match ? `medtop:${match[1]}` : ref;
}

export function mediaTopicsFromJson(json: unknown) {
  const parsed = schemeSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('internal', `The Media Topics vocabulary is not an IPTC JSON-LD release: ${parsed.error.issues[0]?.message}`);
  }
  const version = parsed.data.dateReleased.slice(0, 10);
  const byCode = buildTopics(parsed.data.conceptSet);
  const current: Indexed[] = [];
  for (const topic of byCode.values()) {
    if (topic.retired) continue;
    current.push({
      topic,
      labelWords: fold(topic.label).split(/[^\p{L}\p{N}]+/u).filter(Boolean),
      labelFolded: fold(topic.label),
      definitionWords: fold(topic.definition).split(/[^\p{L}\p{N}]+/u).filter(Boolean),
    });
  }
  current.sort((a, b) => a.topic.level - b.topic.level || a.topic.label.localeCompare(b.topic.label));

  function get(qcode: string): MediaTopic | undefined {
    return byCode.get(qcode);
  }

  /** Topics from the top level down to this one's parent. */
  function ancestors(qcode: string): MediaTopic[] {
    const chain: MediaTopic[] = [];
    for (let parent = byCode.get(qcode)?.broader; parent; parent = byCode.get(parent)?.broader ?? null) {
      const topic = byCode.get(parent);
      if (!topic || chain.includes(topic)) break;
      chain.unshift(topic);
    }
    return chain;
  }

  function choice(topic: MediaTopic): TopicChoice {
    return { qcode: topic.qcode, label: topic.label, definition: topic.definition, path: ancestors(topic.qcode).map((t) => t.label) };
  }

  return {
    /** The release date of the vocabulary (YYYY-MM-DD), stored with every subject. */
    version,
    get,
    ancestors,
    /** Every topic below this one, at any depth, retired ones included (so a filter finds old tags). */
    narrowerClosure(qcode: string): string[] {
      const out: string[] = [];
      const seen = new Set<string>([qcode]);
      const queue = [...(byCode.get(qcode)?.narrower ?? [])];
      while (queue.length) {
        const next = queue.shift()!;
        if (seen.has(next)) continue;
        seen.add(next);
        out.push(next);
        queue.push(...(byCode.get(next)?.narrower ?? []));
      }
      return out;
    },
    /** The current (not retired) topics, top level first. */
    current(): MediaTopic[] {
      return current.map((i) => i.topic);
    },
    topLevel(): MediaTopic[] {
      return current.filter((i) => i.topic.level === 1).map((i) => i.topic);
    },
    choice,
    /**
     * Type-ahead: every word of the query must begin a word of the label (a label hit) or of the
     * label and definition together (a definition hit); label hits come first, then, in each
     * group, an exact label, a label beginning with the query, then shallower topics. An empty
     * query lists the top-level topics. A qcode (`medtop:20001065`) finds that topic, so a
     * picker can show the label and path of a subject it only has the code of.
     */
    search(query: string, limit = 20): TopicChoice[] {
      const code = /^\s*(medtop:\d{8})\s*$/.exec(query)?.[1];
      if (code) {
        const topic = byCode.get(code);
        return topic && !topic.retired ? [choice(topic)] : [];
      }
      const terms = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (terms.length === 0) return current.filter((i) => i.topic.level === 1).slice(0, limit).map((i) => choice(i.topic));
      const folded = terms.join(' ');
      const ranked: { entry: Indexed; rank: number }[] = [];
      for (const entry of current) {
        const inLabel = terms.every((t) => entry.labelWords.some((w) => w.startsWith(t)));
        const inEither = inLabel || terms.every((t) => entry.labelWords.some((w) => w.startsWith(t)) || entry.definitionWords.some((w) => w.startsWith(t)));
        if (!inEither) continue;
        const rank = !inLabel ? 3 : entry.labelFolded === folded ? 0 : entry.labelFolded.startsWith(folded) ? 1 : 2;
        ranked.push({ entry, rank });
      }
      ranked.sort((a, b) => a.rank - b.rank || a.entry.topic.level - b.entry.topic.level || a.entry.topic.label.localeCompare(b.entry.topic.label));
      return ranked.slice(0, limit).map((r) => choice(r.entry.topic));
    },
    /** A subject as stored on a story; unknown or retired codes are refused with the reason. */
    toSubject(qcode: string): Subject {
      const topic = byCode.get(qcode);
      if (!topic) throw new AppError('invalid_input', `${qcode} is not an IPTC Media Topic.`);
      if (topic.retired) throw new AppError('invalid_input', `${qcode} (${topic.label}) is a retired Media Topic; choose a current one.`);
      return { qcode: topic.qcode, label: topic.label, vocabularyVersion: version };
    },
  };
}

function buildTopics(concepts: z.output<typeof conceptSchema>[]): Map<string, MediaTopic> {
  const raw = new Map<string, { label: string; definition: string; broader: string | null; narrower: Set<string>; retired: boolean }>();
  for (const c of concepts) {
    raw.set(c.qcode, {
      label: c.prefLabel?.[LANG] ?? c.qcode,
      definition: c.definition?.[LANG] ?? '',
      broader: c.broader?.[0] ? toQcode(c.broader[0]) : null,
      narrower: new Set((c.narrower ?? []).map(toQcode)),
      retired: c.retired !== undefined,
    });
  }
  // A child names its parent even when the parent's own list leaves it out (retired children).
  for (const [qcode, r] of raw) if (r.broader) raw.get(r.broader)?.narrower.add(qcode);
  const level = (qcode: string): number => {
    let n = 1;
    for (let p = raw.get(qcode)?.broader; p && n < 20; p = raw.get(p)?.broader) n++;
    return n;
  };
  const out = new Map<string, MediaTopic>();
  for (const [qcode, r] of raw) {
    out.set(qcode, {
      qcode,
      label: r.label,
      definition: r.definition,
      broader: r.broader,
      narrower: [...r.narrower].filter((n) => raw.has(n)),
      retired: r.retired,
      level: level(qcode),
    });
  }
  return out;
}
