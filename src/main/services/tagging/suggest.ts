/**
 * Suggestions for one story, offline: subjects (IPTC Media Topics), people, organisations and
 * places, and keywords, each list best first. The library's own tags come in through providers,
 * read at each call, so suggestions follow the library as it grows. Nothing is applied: the
 * person accepts each suggestion with one click.
 *
 * Cost: the vocabulary index, the English tagger and the gazetteer's city list are built on the
 * first call (about a second of CPU; two to six seconds on our busy 2-core build machine); after
 * that a 1,000-word story takes about 10 ms of CPU at the median: the library comparison and
 * BM25F scoring, wink-nlp's tagging, names and keywords, a few milliseconds each
 * (bench/suggestions.ts measures it).
 */
import type { Suggestions } from '../../../shared/tagging.ts';
import { englishTokens, findEntities, type KnownEntity } from './entities.ts';
import { suggestKeywords, type KnownKeyword } from './keywords.ts';
import type { MediaTopics } from './media-topics.ts';
import { createSubjectRanker, type SubjectRanker, type TaggedExample } from './subject-ranker.ts';
import { fold } from './text.ts';

export interface SuggesterOptions {
  /** The Media Topics (a getter, so the vocabulary loads on first use). */
  readonly topics: () => MediaTopics;
  /** The library's tagged stories. Return the same array while nothing changed: its index is kept. */
  readonly examples?: () => readonly TaggedExample[];
  readonly knownEntities?: () => readonly KnownEntity[];
  readonly knownKeywords?: () => readonly KnownKeyword[];
  readonly limits?: { readonly subjects?: number; readonly entities?: number; readonly keywords?: number };
}

export interface SuggestInput {
  readonly headline: string;
  readonly text: string;
  /** BCP 47; English NER and noun filtering run for English (or when unknown). */
  readonly language?: string | null;
  /** What the story already carries, not suggested again. */
  readonly existing?: { readonly subjects?: readonly string[]; readonly keywords?: readonly string[]; readonly entities?: readonly { kind: string; name: string }[] };
}

export type Suggester = ReturnType<typeof createSuggester>;

export function createSuggester(options: SuggesterOptions) {
  let ranker: SubjectRanker | null = null;
  const limits = { subjects: 8, entities: 15, keywords: 10, ...options.limits };
  return {
    suggest(input: SuggestInput): Suggestions {
      ranker ??= createSubjectRanker(options.topics());
      const language = input.language?.toLowerCase() ?? null;
      const isEnglish = language === null || language.startsWith('en');
      const fullText = `${input.headline}\n${input.text}`;
      const tokens = isEnglish ? englishTokens(fullText) : undefined;

      const hasSubject = new Set(input.existing?.subjects ?? []);
      const subjects = ranker
        .rank({ headline: input.headline, text: input.text }, options.examples?.() ?? [], limits.subjects + hasSubject.size)
        .filter((s) => !hasSubject.has(s.qcode))
        .slice(0, limits.subjects);

      const hasEntity = new Set((input.existing?.entities ?? []).map((e) => `${e.kind}\u0000${fold(e.name)}`));
      const entities = findEntities({ text: fullText, language, tokens, known: options.knownEntities?.() ?? [] })
        .filter((e) => !hasEntity.has(`${e.kind}\u0000${fold(e.name)}`))
        .slice(0, limits.entities);

      const nouns = tokens ? new Set(tokens.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN').map((t) => fold(t.text))) : undefined;
      const keywords = suggestKeywords({
        headline: input.headline,
        text: input.text,
        known: options.knownKeywords?.() ?? [],
        exclude: input.existing?.keywords ?? [],
        nouns,
        limit: limits.keywords,
      });
      return { subjects, entities, keywords };
    },
  };
}
