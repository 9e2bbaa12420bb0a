/**
 * Tagging: the shapes of subjects (IPTC Media Topics), named entities and suggestions. Pure data;
 * the vocabularies themselves and the ranker live in main (`services/tagging`).
 */
import { z } from 'zod';

/** A Media Topic qcode: `medtop:` and eight digits. */
export const mediaTopicQcodeSchema = z
  .string()
  .regex(/^medtop:\d{8}$/, 'A subject is an IPTC Media Topic code such as medtop:15054000.');

/** A subject as stored on a story: the code, its label when tagged, and the vocabulary release. */
export const subjectSchema = z
  .object({
    qcode: mediaTopicQcodeSchema,
    label: z.string().trim().min(1).max(200),
    /** The vocabulary's release date (YYYY-MM-DD) the label was taken from. */
    vocabularyVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict();
export type Subject = z.output<typeof subjectSchema>;

export const ENTITY_KINDS = ['person', 'organisation', 'place'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export const ENTITY_KIND_LABELS: Readonly<Record<EntityKind, string>> = {
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
};

/** A person, organisation or place named in a story; `id` is optional (an ISO code, a URI…). */
export const entitySchema = z
  .object({
    kind: z.enum(ENTITY_KINDS),
    name: z.string().trim().min(1, 'An entity needs a name.').max(200, 'A name is at most 200 characters.'),
    id: z.string().trim().min(1).max(300).optional(),
  })
  .strict();
export type Entity = z.output<typeof entitySchema>;

/** One Media Topic as a picker shows it. */
export const topicChoiceSchema = z.object({
  qcode: mediaTopicQcodeSchema,
  label: z.string(),
  definition: z.string(),
  /** Labels from the top-level topic down to this one's parent. */
  path: z.array(z.string()),
});
export type TopicChoice = z.output<typeof topicChoiceSchema>;

/** A place from the gazetteer (countries and cities with ISO 3166-1 alpha-2 codes). */
export const gazetteerPlaceSchema = z.object({
  name: z.string(),
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  countryName: z.string(),
  /** 'country' or 'city' */
  type: z.enum(['country', 'city']),
});
export type GazetteerPlace = z.output<typeof gazetteerPlaceSchema>;

export const subjectSuggestionSchema = z.object({
  qcode: mediaTopicQcodeSchema,
  label: z.string(),
  score: z.number(),
  /** The words (or library stories) that led to the suggestion. */
  why: z.array(z.string()),
});
export type SubjectSuggestion = z.output<typeof subjectSuggestionSchema>;

export const entitySuggestionSchema = z.object({
  kind: z.enum(ENTITY_KINDS),
  name: z.string(),
  id: z.string().optional(),
  score: z.number(),
  why: z.array(z.string()),
});
export type EntitySuggestion = z.output<typeof entitySuggestionSchema>;

/** What `suggest` returns, best first in each list. Nothing is applied without the person. */
export const suggestionsSchema = z.object({
  subjects: z.array(subjectSuggestionSchema),
  entities: z.array(entitySuggestionSchema),
  keywords: z.array(z.string()),
});
export type Suggestions = z.output<typeof suggestionsSchema>;
