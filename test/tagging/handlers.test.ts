/** The tagging channels end to end through `dispatch`, on the real services, as the app calls them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { findEntities } from '../../src/main/services/tagging/entities.ts';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { suggestionsSchema } from '../../src/shared/tagging.ts';
import { dispatch } from '../../src/main/services/handlers.ts';
import { makeServices } from '../services.ts';
import { useTempDir } from '../helpers.ts';

const tempDir = useTempDir();

async function call(handlers: ReturnType<typeof makeServices>['handlers'], channel: string, input: unknown) {
  const result = await dispatch(handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

describe('tagging channels', () => {
  // Load the English model and the gazetteer's cities once, outside the tests' own time.
  beforeAll(() => {
    findEntities({ text: 'Officials met in London.', language: 'en' });
  }, 120_000);

  it('tagging.topics: type-ahead with breadcrumbs, limited; an empty query gives the 17 top-level topics', async () => {
    const { handlers, services } = makeServices(tempDir());
    const soccer = (await call(handlers, 'tagging.topics', { query: 'soccer', limit: 3 })) as { qcode: string; path: string[] }[];
    expect(soccer[0]).toMatchObject({ qcode: 'medtop:20001065', path: ['sport', 'competition discipline'] });
    expect(soccer.length).toBeLessThanOrEqual(3);
    expect(await call(handlers, 'tagging.topics', { query: '' })).toHaveLength(17);
    services.close();
  });

  it('tagging.vocabulary: the Media Topics release subjects are stored with', async () => {
    const { handlers, services } = makeServices(tempDir());
    expect(await call(handlers, 'tagging.vocabulary', {})).toEqual({ mediaTopicsVersion: '2023-03-31' });
    services.close();
  });

  it('tagging.genres: the current genres', async () => {
    const { handlers, services } = makeServices(tempDir());
    const genres = (await call(handlers, 'tagging.genres', {})) as { qcode: string; label: string }[];
    expect(genres).toContainEqual(expect.objectContaining({ qcode: 'genre:Obituary', label: 'Obituary' }));
    services.close();
  });

  it('tagging.places: countries, then cities, with ISO codes', async () => {
    const { handlers, services } = makeServices(tempDir());
    const places = (await call(handlers, 'tagging.places', { query: 'Jerusalem', limit: 2 })) as { name: string; countryCode: string; type: string }[];
    expect(places[0]).toEqual({ name: 'Jerusalem', countryCode: 'IL', countryName: 'Israel', type: 'city' });
    expect(places).toHaveLength(2);
    services.close();
  });

  it('tagging.suggest: subjects, entities and keywords for a stored story, using the library keywords, not the story’s own', async () => {
    const { handlers, services } = makeServices(tempDir());
    const other = services.stories.create('Reporter', 'Earlier story');
    services.stories.save(
      { id: other.id, baseRevision: other.revision, headline: 'Earlier story', body: bodyFromParagraphs(['Text.']), keywords: ['Bank of Israel', 'inflation'] },
      'Reporter'
    );
    const story = services.stories.create('Reporter', '');
    services.stories.save(
      {
        id: story.id,
        baseRevision: story.revision,
        headline: 'Bank of Israel raises interest rate to fight inflation',
        body: bodyFromParagraphs([
          'JERUSALEM -- The Bank of Israel raised its main interest rate by a quarter point to 4.75 percent on Monday, its tenth increase in a row, as inflation stayed above the target.',
          'Governor Amir Yaron said further increases could not be ruled out. Mortgage rates are expected to rise within days, economists said.',
        ]),
        keywords: ['inflation'],
      },
      'Reporter'
    );
    const value = await call(handlers, 'tagging.suggest', { id: story.id });
    const suggestions = suggestionsSchema.parse(value);
    expect(suggestions.subjects.slice(0, 3).map((s) => s.label)).toContain('interest rate');
    expect(suggestions.subjects[0]!.why.length).toBeGreaterThan(0);
    expect(suggestions.entities).toContainEqual(expect.objectContaining({ kind: 'person', name: 'Amir Yaron' }));
    expect(suggestions.entities).toContainEqual(expect.objectContaining({ kind: 'organisation', name: 'Bank of Israel' }));
    expect(suggestions.entities).toContainEqual(expect.objectContaining({ kind: 'place', name: 'Jerusalem' }));
    expect(suggestions.keywords[0]).toBe('Bank of Israel');
    expect(suggestions.keywords.map((k) => k.toLowerCase())).not.toContain('inflation');
    services.close();
  });

  it('tagging.suggest detects a Hebrew story’s language: no English name-finding on Hebrew text', async () => {
    const { handlers, services } = makeServices(tempDir());
    const story = services.stories.create('Reporter', '');
    services.stories.save(
      {
        id: story.id,
        baseRevision: story.revision,
        headline: 'בנק ישראל העלה את הריבית',
        body: bodyFromParagraphs(['בנק ישראל העלה את הריבית ברבע אחוז, בשל האינפלציה. הנגיד אמר שהריבית תישאר גבוהה. בנק ישראל צפוי להחליט שוב בחודש הבא.']),
        keywords: [],
      },
      'Reporter'
    );
    const suggestions = suggestionsSchema.parse(await call(handlers, 'tagging.suggest', { id: story.id }));
    expect(suggestions.entities).toEqual([]);
    expect(suggestions.keywords).toContain('בנק ישראל');
    services.close();
  });

  it('tagging.suggest answers a missing story with not_found', async () => {
    const { handlers, services } = makeServices(tempDir());
    expect(await dispatch(handlers, 'tagging.suggest', { id: '01JD0000000000000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    services.close();
  });
});

describe('suggestions learn from the library', () => {
  it('a Hebrew story gets the subject its tagged neighbours carry, and entities the library already names', async () => {
    const { makeServices } = await import('../services.ts');
    const { dispatch } = await import('../../src/main/services/handlers.ts');
    const { bodyFromParagraphs } = await import('../../src/shared/body.ts');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { services, handlers } = makeServices(mkdtempSync(join(tmpdir(), 'copydesk-evidence-')));
    const football = { qcode: 'medtop:20001065', label: 'soccer', vocabularyVersion: '2023-03-31' };
    const texts = [
      'מכבי תל אביב ניצחה את הפועל באר שבע 2:1 במשחק הכדורגל של ליגת העל, והשחקנים חגגו באצטדיון.',
      'בית"ר ירושלים הפסידה במשחק הכדורגל לבני סכנין, והמאמן אמר שהשחקנים לא הבקיעו מספיק שערים.',
      'נבחרת ישראל בכדורגל התאמנה לקראת המשחק במוקדמות, והשחקנים התכוננו לשערים רבים באצטדיון.',
    ];
    for (const [i, text] of texts.entries()) {
      const s = services.stories.create('Reporter', `כדורגל ${i}`);
      services.stories.save(
        { id: s.id, baseRevision: 1, body: bodyFromParagraphs([text]), subjects: [football], entities: [{ kind: 'person', name: 'ערן זהבי' }] },
        'Reporter'
      );
    }
    const fresh = services.stories.create('Reporter', 'משחק כדורגל בליגה');
    services.stories.save({ id: fresh.id, baseRevision: 1, body: bodyFromParagraphs(['השחקנים של מכבי חיפה הבקיעו שלושה שערים במשחק הכדורגל באצטדיון, וערן זהבי כבש פעמיים.']) }, 'Reporter');
    const result = await dispatch(handlers, 'tagging.suggest', { id: fresh.id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { subjects: { qcode: string }[]; entities: { name: string }[] };
    expect(value.subjects.slice(0, 3).map((s) => s.qcode)).toContain(football.qcode);
    expect(value.entities.map((e) => e.name)).toContain('ערן זהבי');
    services.close();
  });
});

describe('filtering by subject', () => {
  it('“sport” finds a story tagged “soccer” through the vocabulary’s narrower topics', async () => {
    const { makeServices } = await import('../services.ts');
    const { dispatch } = await import('../../src/main/services/handlers.ts');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { services, handlers } = makeServices(mkdtempSync(join(tmpdir(), 'copydesk-subject-')));
    const s = services.stories.create('Reporter', 'Derby ends in a draw');
    services.stories.save({ id: s.id, baseRevision: 1, subjects: [{ qcode: 'medtop:20001065', label: 'soccer', vocabularyVersion: '2023-03-31' }] }, 'Reporter');
    services.stories.create('Reporter', 'Budget passes');
    const sport = await dispatch(handlers, 'stories.list', { subject: 'medtop:15000000' });
    expect(sport.ok && (sport.value as { rows: { id: string }[]; total: number })).toMatchObject({ total: 1, rows: [{ id: s.id }] });
    const politics = await dispatch(handlers, 'stories.list', { subject: 'medtop:11000000' });
    expect(politics.ok && (politics.value as { total: number }).total).toBe(0);
    services.close();
  });
});
