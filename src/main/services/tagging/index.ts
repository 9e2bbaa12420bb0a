/**
 * The tagging service the app's handlers use: the Media Topics picker, the Genre list, the
 * gazetteer, and suggestions for a story. Everything loads on first use (the vocabularies from
 * `vocabulariesDir`, the English tagger, the gazetteer's cities), so building it costs nothing.
 */
import type { GazetteerPlace, Suggestions, TopicChoice } from '../../../shared/tagging.ts';
import type { KnownEntity } from './entities.ts';
import { searchPlaces } from './gazetteer.ts';
import { lazyGenres } from './genres.ts';
import type { KnownKeyword } from './keywords.ts';
import { detectLanguage, loadLanguageDetector } from '../language.ts';
import { lazyMediaTopics } from './media-topics.ts';
import type { TaggedExample } from './subject-ranker.ts';
import { createSuggester, type Suggester } from './suggest.ts';

export interface TaggingDeps {
  /** resources/vocabularies (the Media Topics and Genre files). */
  readonly vocabulariesDir: string;
  /** The library's tagged stories; the same array while nothing changed (its index is kept). */
  readonly examples: () => readonly TaggedExample[];
  readonly knownEntities: () => readonly KnownEntity[];
  readonly knownKeywords: () => readonly KnownKeyword[];
}

/** What suggestions need of a story; the story's language, when it has one, saves detecting it. */
export interface StoryForTagging {
  readonly headline: string;
  readonly plainText: string;
  readonly keywords: readonly string[];
  readonly language?: string | null;
  readonly subjects?: readonly { readonly qcode: string }[];
  readonly entities?: readonly { readonly kind: string; readonly name: string }[];
}

export type TaggingService = ReturnType<typeof createTaggingService>;

export function createTaggingService(deps: TaggingDeps) {
  const topics = lazyMediaTopics(deps.vocabulariesDir);
  const genres = lazyGenres(deps.vocabulariesDir);
  let suggester: Suggester | null = null;
  return {
    topics,
    genres,
    searchTopics(query: string, limit = 20): TopicChoice[] {
      return topics().search(query, limit);
    },
    listGenres() {
      return genres().list();
    },
    searchPlaces(query: string, limit = 10): GazetteerPlace[] {
      return searchPlaces(query, limit);
    },
    async suggestForStory(story: StoryForTagging): Promise<Suggestions> {
      suggester ??= createSuggester({ topics, examples: deps.examples, knownEntities: deps.knownEntities, knownKeywords: deps.knownKeywords });
      await loadLanguageDetector();
      const language = story.language || detectLanguage(`${story.headline}\n${story.plainText}`) || null;
      return suggester.suggest({
        headline: story.headline,
        text: story.plainText,
        language,
        existing: { keywords: story.keywords, subjects: story.subjects?.map((s) => s.qcode), entities: story.entities },
      });
    },
  };
}
