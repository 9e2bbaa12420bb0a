/**
 * What the library itself teaches the suggester: its tagged stories (subjects by example, in any
 * language) and the people, organisations and places it already names. Read once and kept until
 * stories change (`invalidate`, called from the change feed): the ranker keeps its index for as long
 * as it is given the same array.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { EntityKind } from '../../../shared/tagging.ts';
import type { KnownEntity } from './entities.ts';
import type { TaggedExample } from './subject-ranker.ts';

/** The newest tagged stories are evidence enough, and bound the work at 100,000 stories. */
export const MAX_EXAMPLES = 2_000;
/** A story's opening says what it is about; the rest adds cost, not evidence. */
const EXAMPLE_CHARS = 3_000;

export function createLibraryEvidence(db: DatabaseSync) {
  let examples: readonly TaggedExample[] | null = null;
  let entities: readonly KnownEntity[] | null = null;
  return {
    examples(): readonly TaggedExample[] {
      examples ??= (
        db
          .prepare(
            `SELECT s.headline, substr(s.plain_text, 1, ${EXAMPLE_CHARS}) AS text,
               (SELECT group_concat(qcode, ' ') FROM story_subjects WHERE story_id = s.id) AS subjects
             FROM stories s
             WHERE s.deleted_at IS NULL AND EXISTS (SELECT 1 FROM story_subjects WHERE story_id = s.id)
             ORDER BY s.updated_at DESC LIMIT ?`
          )
          .all(MAX_EXAMPLES) as { headline: string; text: string; subjects: string }[]
      ).map((r) => ({ headline: r.headline, text: r.text, subjects: r.subjects.split(' ') }));
      return examples;
    },
    entities(): readonly KnownEntity[] {
      entities ??= (
        db
          .prepare(
            `SELECT e.kind, e.name, e.ref, COUNT(DISTINCT e.story_id) AS stories
             FROM story_entities e JOIN stories s ON s.id = e.story_id
             WHERE s.deleted_at IS NULL
             GROUP BY e.kind, e.name COLLATE NOCASE
             ORDER BY stories DESC LIMIT 5000`
          )
          .all() as { kind: EntityKind; name: string; ref: string | null; stories: number }[]
      ).map((r) => (r.ref ? { kind: r.kind, name: r.name, id: r.ref, stories: r.stories } : { kind: r.kind, name: r.name, stories: r.stories }));
      return entities;
    },
    invalidate(): void {
      examples = null;
      entities = null;
    },
  };
}
