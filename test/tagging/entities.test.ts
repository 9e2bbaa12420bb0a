import { beforeAll, describe, expect, it } from 'vitest';
import { findEntities } from '../../src/main/services/tagging/entities.ts';

// Written for this test in the style of the TPS wire copy the app imports.
const WIRE =
  'JERUSALEM, April 18, 2023 (TPS) -- Prime Minister Benjamin Netanyahu met U.S. Secretary of State Antony Blinken at the Ministry of Defense on Tuesday. ' +
  'The Israel Defense Forces said rockets were fired from the north. Apple Inc. shares rose on the Nasdaq, Tim Cook said. ' +
  'The Court of Arbitration for Sport will rule in May. Officials from NATO met in Tel Aviv. Netanyahu later left for Paris.';

const byName = (list: ReturnType<typeof findEntities>, name: string) => list.find((e) => e.name === name);

describe('entity suggestions', () => {
  let found: ReturnType<typeof findEntities> = [];
  // The first call loads the English model and the gazetteer's cities: seconds on a busy machine.
  beforeAll(() => {
    found = findEntities({ text: WIRE, language: 'en' });
  }, 120_000);

  it('finds people by a title before the name or a reporting verb after it, and joins a lone surname to the full name', () => {
    expect(byName(found, 'Benjamin Netanyahu')).toMatchObject({ kind: 'person', why: ['title: Prime Minister', 'mentioned 2 times'] });
    expect(byName(found, 'Antony Blinken')).toMatchObject({ kind: 'person' });
    expect(byName(found, 'Tim Cook')).toMatchObject({ kind: 'person', why: expect.arrayContaining(['followed by "said"']) });
    expect(found.some((e) => e.name === 'Netanyahu')).toBe(false);
  });

  it('finds organisations by their last or first word, keeping "of" and "for" inside the name, and acronyms', () => {
    for (const name of ['Ministry of Defense', 'Israel Defense Forces', 'Apple Inc.', 'Court of Arbitration for Sport', 'TPS', 'NATO']) {
      expect(byName(found, name), name).toMatchObject({ kind: 'organisation' });
    }
  });

  it('finds places in the gazetteer, named as the gazetteer spells them, countries with their ISO code', () => {
    expect(byName(found, 'Jerusalem')).toMatchObject({ kind: 'place', why: expect.arrayContaining([expect.stringMatching(/^city in the gazetteer \(Israel/)]) });
    expect(byName(found, 'Tel Aviv')).toMatchObject({ kind: 'place' });
    expect(byName(found, 'Paris')).toMatchObject({ kind: 'place' });
    expect(byName(found, 'United States of America')).toMatchObject({ kind: 'place', id: 'US' });
  });

  it('does not take dates, months or sentence-initial words for names', () => {
    const names = found.map((e) => e.name);
    for (const notAName of ['April', 'Tuesday', 'May', 'The', 'Officials']) expect(names).not.toContain(notAName);
  });

  it('ranks by score, best first, each with its reasons', () => {
    expect(found.map((e) => e.score)).toEqual([...found.map((e) => e.score)].sort((a, b) => b - a));
    for (const e of found) expect(e.why.length).toBeGreaterThan(0);
  });

  it('finds the library’s entities in any language, behind Hebrew prefixes, above everything else', () => {
    const known = [
      { kind: 'person' as const, name: 'בנימין נתניהו', stories: 4 },
      { kind: 'place' as const, name: 'איראן', id: 'IR' },
      { kind: 'organisation' as const, name: 'Hamas', stories: 1 },
    ];
    const hebrew = findEntities({ text: 'ראש הממשלה בנימין נתניהו אמר כי ובאיראן ממשיכים. נתניהו הוסיף.', language: 'he', known });
    expect(hebrew).toEqual([
      { kind: 'place', name: 'איראן', id: 'IR', score: 1.1, why: ['used in the library', 'mentioned once'] },
      { kind: 'person', name: 'בנימין נתניהו', score: 1.1, why: ['used in 4 stories', 'mentioned once'] },
    ]);
    const english = findEntities({ text: 'Hamas said on Monday that talks had stalled.', language: 'en', known });
    expect(english[0]).toMatchObject({ kind: 'organisation', name: 'Hamas', why: ['used in 1 story', 'mentioned once'] });
  });

  it('runs no English name-finding on other languages', () => {
    expect(findEntities({ text: 'Le Président Emmanuel Macron a parlé à Paris.', language: 'fr' })).toEqual([]);
  });
});
