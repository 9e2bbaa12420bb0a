/**
 * Ranks IPTC Media Topics for a story, offline, from two kinds of evidence:
 *
 * 1. **The vocabulary itself (English).** Each current topic is a small document with three
 *    fields: its label, its definition, and the labels of the topics below it (two levels down,
 *    so "sport" carries "soccer", "tennis"…). The story is the query. Scoring is BM25F
 *    (Robertson & Zaragoza): per-field length normalisation, field weights, one saturation, and
 *    the inverse document frequency of each term across topics, so words every definition uses
 *    count for little. A label found as a whole phrase in the story ("interest rate") adds its
 *    weight again; a topic matched only through its definition, none of its label's words in
 *    the story, keeps half its score. Then the evidence of a whole branch is shared: a topic whose top-level branch
 *    collects most of the story's matches gains up to half again, so a stray match in an
 *    unrelated branch falls behind.
 * 2. **The library's own tagged stories (any language).** The story is compared with every
 *    tagged story by cosine similarity of TF-IDF vectors over language-independent terms
 *    (`libraryTerms`: English stems, Hebrew and Arabic prefix forms); the nearest neighbours vote
 *    for their subjects, weighted by similarity (k-nearest neighbours). This is how Hebrew and
 *    Arabic stories get suggestions, and how a newsroom's own habits come back to it.
 *
 * The two are put on one scale (the vocabulary score divided by the best one, the library vote a
 * share of the neighbours' similarity) and added. Retired topics are never suggested.
 */
import type { SubjectSuggestion } from '../../../shared/tagging.ts';
import type { MediaTopic, MediaTopics } from './media-topics.ts';
import { englishTerms, libraryTerms, stem, words, isStopWord } from './text.ts';

/** A story of the library that carries subjects, as evidence. */
export interface TaggedExample {
  readonly headline: string;
  readonly text: string;
  readonly subjects: readonly string[];
}

export interface RankInput {
  readonly headline: string;
  readonly text: string;
}

/**
 * The ranker's settings. k1 and b are BM25's usual defaults; the field weights say a label word is
 * worth three definition words, and a word from a narrower topic's label one. Chosen once on
 * general grounds and checked on the labelled set (test/tagging/ranker-quality.test.ts), never
 * per story.
 */
export const RANKER_DEFAULTS = {
  k1: 1.2,
  fields: [
    { name: 'label', weight: 3, b: 0.5 },
    { name: 'definition', weight: 1, b: 0.75 },
    { name: 'narrower', weight: 1, b: 0.3 },
  ],
  /** A headline word counts as this many body words. */
  headlineWeight: 3,
  /** A label found as a whole phrase adds this share of its words' IDF again. */
  phraseBonus: 1,
  /** A topic in the branch with all the evidence gains this share of its score. */
  branchShare: 0.5,
  /** The part of a topic's score kept when none of its label's words is in the story. */
  labelFloor: 0.5,
  /** Neighbours that vote, and the least similarity that counts as evidence. */
  neighbours: 5,
  minSimilarity: 0.08,
  /** Library votes (0..1) against the vocabulary's best score (1). */
  libraryWeight: 1,
};
export type RankerSettings = typeof RANKER_DEFAULTS;

/** A story read as a query: stem → weighted count, the story's own spelling, stem positions. */
interface Query {
  readonly counts: Map<string, number>;
  readonly surface: Map<string, string>;
  readonly sequence: readonly string[];
  readonly positions: Map<string, number[]>;
}

interface TopicDoc {
  readonly topic: MediaTopic;
  readonly branch: string;
  /** term → BM25F pseudo-frequency (weighted and length-normalised per field). */
  readonly tf: Map<string, number>;
  /** The label as a phrase of stems (labels of two words or more), with its words' IDF. */
  phrase: { readonly terms: readonly string[]; idf: number } | null;
  /** The distinct stems of the label. */
  readonly labelTerms: readonly string[];
}

export type SubjectRanker = ReturnType<typeof createSubjectRanker>;

export function createSubjectRanker(topics: MediaTopics, overrides: Partial<RankerSettings> = {}) {
  const settings: RankerSettings = { ...RANKER_DEFAULTS, ...overrides };
  const docs = buildTopicDocs(topics, settings);
  const postings = new Map<string, { doc: TopicDoc; tf: number }[]>();
  for (const doc of docs) {
    for (const [term, tf] of doc.tf) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ doc, tf });
    }
  }
  const idf = new Map<string, number>();
  for (const [term, list] of postings) idf.set(term, Math.log(1 + (docs.length - list.length + 0.5) / (list.length + 0.5)));
  for (const doc of docs) if (doc.phrase) doc.phrase.idf = doc.phrase.terms.reduce((sum, t) => sum + (idf.get(t) ?? 0), 0);

  let library: LibraryIndex | null = null;
  let libraryFrom: readonly TaggedExample[] | null = null;

  function readQuery(input: RankInput): Query {
    const counts = new Map<string, number>();
    const surface = new Map<string, string>();
    const sequence: string[] = [];
    const positions = new Map<string, number[]>();
    const add = (text: string, weight: number) => {
      for (const word of words(text)) {
        if (word.length < 2 || isStopWord(word) || /^\d+$/.test(word)) continue;
        const term = stem(word);
        const at = positions.get(term);
        if (at) at.push(sequence.length);
        else positions.set(term, [sequence.length]);
        sequence.push(term);
        if (!surface.has(term)) surface.set(term, word);
        counts.set(term, (counts.get(term) ?? 0) + weight);
      }
      sequence.push('');
    };
    add(input.headline, settings.headlineWeight);
    add(input.text, 1);
    return { counts, surface, sequence, positions };
  }

  const gainOf = (query: Query, term: string, tf: number) =>
    ((1 + Math.log(query.counts.get(term)!)) * idf.get(term)! * tf * (settings.k1 + 1)) / (tf + settings.k1);

  function hasPhrase(query: Query, phrase: readonly string[]): boolean {
    return (query.positions.get(phrase[0]!) ?? []).some((p) => phrase.every((t, k) => query.sequence[p + k] === t));
  }

  /** Vocabulary evidence: topic → score. */
  function fromVocabulary(query: Query): Map<TopicDoc, number> {
    const scores = new Map<TopicDoc, number>();
    for (const term of query.counts.keys()) {
      for (const { doc, tf } of postings.get(term) ?? []) scores.set(doc, (scores.get(doc) ?? 0) + gainOf(query, term, tf));
    }
    // Whole-label phrases; and a topic whose own name is not in the story, only words of its
    // definition, keeps `labelFloor` of its score.
    for (const [doc, score] of scores) {
      let covered = 0;
      for (const t of doc.labelTerms) if (query.counts.has(t)) covered++;
      let adjusted = score;
      if (doc.phrase && covered === doc.labelTerms.length && hasPhrase(query, doc.phrase.terms)) adjusted += settings.phraseBonus * doc.phrase.idf;
      adjusted *= settings.labelFloor + ((1 - settings.labelFloor) * covered) / Math.max(1, doc.labelTerms.length);
      scores.set(doc, adjusted);
    }
    // Branch support.
    const branch = new Map<string, number>();
    for (const [doc, score] of scores) branch.set(doc.branch, (branch.get(doc.branch) ?? 0) + score);
    let strongest = 0;
    for (const total of branch.values()) strongest = Math.max(strongest, total);
    if (strongest > 0) {
      for (const [doc, score] of scores) scores.set(doc, score * (1 + settings.branchShare * (branch.get(doc.branch)! / strongest)));
    }
    return scores;
  }

  /** The story words that did most for a topic, best first. */
  function topWords(query: Query, doc: TopicDoc | undefined): string[] {
    if (!doc) return [];
    return [...query.counts.keys()]
      .filter((term) => doc.tf.has(term))
      .map((term) => [query.surface.get(term)!, gainOf(query, term, doc.tf.get(term)!)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([word]) => word);
  }

  return {
    /**
     * Topics for a story, best first, at most `limit`. `examples` are the library's tagged
     * stories; pass the same array again while the library is unchanged and its index is reused.
     */
    rank(input: RankInput, examples: readonly TaggedExample[] = [], limit = 10): SubjectSuggestion[] {
      const query = readQuery(input);
      const combined = new Map<string, { score: number; doc?: TopicDoc; like: string[] }>();
      const vocabulary = fromVocabulary(query);
      let best = 0;
      for (const score of vocabulary.values()) best = Math.max(best, score);
      if (best > 0) for (const [doc, score] of vocabulary) combined.set(doc.topic.qcode, { score: score / best, doc, like: [] });

      if (examples.length > 0) {
        if (library === null || libraryFrom !== examples) {
          library = buildLibraryIndex(examples, settings);
          libraryFrom = examples;
        }
        for (const [qcode, vote] of library.vote(`${input.headline} ${input.headline} ${input.text}`)) {
          const topic = topics.get(qcode);
          if (!topic || topic.retired) continue;
          const entry = combined.get(qcode) ?? { score: 0, like: [] };
          entry.score += settings.libraryWeight * vote.score;
          entry.like = vote.like;
          combined.set(qcode, entry);
        }
      }

      return [...combined]
        .sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]))
        .slice(0, limit)
        .map(([qcode, { score, doc, like }]) => ({
          qcode,
          label: topics.get(qcode)!.label,
          score: Math.round(score * 1000) / 1000,
          why: [...like.map((h) => `like: ${h}`), ...topWords(query, doc)].slice(0, 5),
        }));
    },
  };
}

function buildTopicDocs(topics: MediaTopics, settings: RankerSettings): TopicDoc[] {
  const current = topics.current();
  const fieldTerms = current.map((topic) => {
    const narrower: string[] = [];
    for (const child of topic.narrower) {
      const c = topics.get(child);
      if (!c || c.retired) continue;
      narrower.push(...englishTerms(c.label));
      for (const grandchild of c.narrower) {
        const g = topics.get(grandchild);
        if (g && !g.retired) narrower.push(...englishTerms(g.label));
      }
    }
    return [englishTerms(topic.label), englishTerms(topic.definition), narrower] as const;
  });
  const average = settings.fields.map((_, f) => fieldTerms.reduce((sum, terms) => sum + terms[f]!.length, 0) / Math.max(1, current.length) || 1);
  return current.map((topic, i) => {
    const tf = new Map<string, number>();
    settings.fields.forEach((field, f) => {
      const terms = fieldTerms[i]![f]!;
      const norm = 1 - field.b + (field.b * terms.length) / average[f]!;
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, n] of counts) tf.set(t, (tf.get(t) ?? 0) + (field.weight * n) / norm);
    });
    const label = fieldTerms[i]![0];
    const ancestors = topics.ancestors(topic.qcode);
    const phrase = label.length >= 2 ? { terms: label, idf: 0 } : null;
    return { topic, branch: (ancestors[0] ?? topic).qcode, tf, phrase, labelTerms: [...new Set(label)] };
  });
}

interface LibraryIndex {
  vote(text: string): Map<string, { score: number; like: string[] }>;
}

/** TF-IDF vectors (log tf, unit length) of the tagged stories, with an inverted index. */
function buildLibraryIndex(examples: readonly TaggedExample[], settings: RankerSettings): LibraryIndex {
  const df = new Map<string, number>();
  const bags = examples.map((e) => {
    const bag = termCounts(libraryTerms(`${e.headline} ${e.headline} ${e.text}`));
    for (const t of bag.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return bag;
  });
  const n = examples.length;
  const idf = (t: string) => Math.log(1 + n / (df.get(t) || 1));
  const inverted = new Map<string, { example: number; weight: number }[]>();
  bags.forEach((bag, example) => {
    const vector = unit([...bag].map(([t, c]) => [t, (1 + Math.log(c)) * idf(t)] as const));
    for (const [t, weight] of vector) {
      let list = inverted.get(t);
      if (!list) inverted.set(t, (list = []));
      list.push({ example, weight });
    }
  });

  return {
    vote(text) {
      const query = unit([...termCounts(libraryTerms(text))].filter(([t]) => df.has(t)).map(([t, c]) => [t, (1 + Math.log(c)) * idf(t)] as const));
      const similarity = new Float64Array(n);
      for (const [t, weight] of query) for (const posting of inverted.get(t) ?? []) similarity[posting.example]! += weight * posting.weight;
      const nearest = [...similarity.keys()]
        .filter((i) => similarity[i]! >= settings.minSimilarity)
        .sort((a, b) => similarity[b]! - similarity[a]!)
        .slice(0, settings.neighbours);
      const total = nearest.reduce((sum, i) => sum + similarity[i]!, 0);
      const votes = new Map<string, { score: number; like: string[] }>();
      for (const i of nearest) {
        for (const qcode of examples[i]!.subjects) {
          const vote = votes.get(qcode) ?? { score: 0, like: [] };
          // Share of the neighbours' similarity, scaled by how close the closest one is.
          vote.score += (similarity[i]! / total) * Math.min(1, similarity[nearest[0]!]! * 2);
          if (vote.like.length < 2) vote.like.push(examples[i]!.headline || examples[i]!.text.slice(0, 60));
          votes.set(qcode, vote);
        }
      }
      return votes;
    },
  };
}

function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function unit(entries: readonly (readonly [string, number])[]): [string, number][] {
  const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
  return entries.map(([t, w]) => [t, w / norm]);
}
