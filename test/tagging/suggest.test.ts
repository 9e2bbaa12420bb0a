import { beforeAll, describe, expect, it } from 'vitest';
import { findEntities } from '../../src/main/services/tagging/entities.ts';
import { suggestionsSchema } from '../../src/shared/tagging.ts';
import { createSuggester } from '../../src/main/services/tagging/suggest.ts';
import type { TaggedExample } from '../../src/main/services/tagging/subject-ranker.ts';
import { mediaTopics } from './vocabularies.ts';

const STORY = {
  headline: 'Central bank raises interest rate to 4.5 percent to fight inflation',
  text: 'The central bank raised its main interest rate by a quarter of a percentage point on Wednesday. Governor Dana Levi said inflation was still far above the target. Mortgage lenders in London are expected to pass the rise on to borrowers.',
};

describe('suggester', () => {
  // Load the English model and the gazetteer's cities once, outside the tests' own time.
  beforeAll(() => {
    findEntities({ text: 'Officials met in London.', language: 'en' });
  }, 120_000);

  it('returns subjects, entities and keywords in the shared shape, best first', () => {
    const suggester = createSuggester({ topics: mediaTopics });
    const result = suggester.suggest({ ...STORY, language: 'en' });
    expect(suggestionsSchema.parse(result)).toEqual(result);
    expect(result.subjects.slice(0, 3).map((s) => s.label)).toContain('interest rate');
    expect(result.entities).toContainEqual(expect.objectContaining({ kind: 'person', name: 'Dana Levi' }));
    expect(result.entities).toContainEqual(expect.objectContaining({ kind: 'place', name: 'London' }));
    expect(result.keywords.length).toBeGreaterThan(0);
  });

  it('leaves out what the story already carries and honours the limits', () => {
    const suggester = createSuggester({ topics: mediaTopics, limits: { subjects: 2, entities: 1, keywords: 1 } });
    const first = suggester.suggest({ ...STORY, language: 'en' });
    const again = suggester.suggest({
      ...STORY,
      language: 'en',
      existing: { subjects: [first.subjects[0]!.qcode], keywords: first.keywords, entities: first.entities },
    });
    expect(first.subjects).toHaveLength(2);
    expect(first.entities).toHaveLength(1);
    expect(first.keywords).toHaveLength(1);
    expect(again.subjects.map((s) => s.qcode)).not.toContain(first.subjects[0]!.qcode);
    expect(again.keywords).not.toContain(first.keywords[0]);
    expect(again.entities.map((e) => e.name)).not.toContain(first.entities[0]!.name);
  });

  it('reads the library at each call, so a newly tagged story counts at once', () => {
    let examples: TaggedExample[] = [];
    const suggester = createSuggester({ topics: mediaTopics, examples: () => examples, knownKeywords: () => [{ keyword: 'ריבית', count: 2 }] });
    const hebrew = { headline: 'הבנק המרכזי העלה את הריבית', text: 'הבנק המרכזי העלה את הריבית בשל האינפלציה.', language: 'he' };
    expect(suggester.suggest(hebrew).subjects).toEqual([]);
    examples = [{ headline: 'בנק ישראל העלה את הריבית', text: 'בנק ישראל העלה את הריבית בשל האינפלציה הגבוהה.', subjects: ['medtop:20000371'] }];
    const result = suggester.suggest(hebrew);
    expect(result.subjects[0]).toMatchObject({ qcode: 'medtop:20000371', why: ['like: בנק ישראל העלה את הריבית'] });
    expect(result.keywords[0]).toBe('ריבית');
    expect(result.entities).toEqual([]);
  });
});
