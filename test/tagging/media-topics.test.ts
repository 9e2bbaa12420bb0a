import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyMediaTopics, loadMediaTopics, mediaTopicsFromJson, MEDIA_TOPICS_FILE } from '../../src/main/services/tagging/media-topics.ts';
import { lazyGenres } from '../../src/main/services/tagging/genres.ts';
import { useTempDir } from '../helpers.ts';
import { mediaTopics, VOCABULARIES_DIR } from './vocabularies.ts';

const tempDir = useTempDir();
const SPORT = 'medtop:15000000';
const SOCCER = 'medtop:20001065';
const COMPETITION_DISCIPLINE = 'medtop:20000822';
const RETIRED_MUSIC_THEATER = 'medtop:20000030';

describe('Media Topics', () => {
  it('reads the shipped release: its date, the 17 top-level topics, labels and definitions', () => {
    const topics = mediaTopics();
    expect(topics.version).toBe('2023-03-31');
    expect(topics.topLevel().map((t) => t.qcode)).toHaveLength(17);
    expect(topics.get(SPORT)).toMatchObject({ label: 'sport', broader: null, level: 1, retired: false });
    expect(topics.get(SOCCER)).toMatchObject({ label: 'soccer', broader: COMPETITION_DISCIPLINE, level: 3 });
    expect(topics.get(SOCCER)!.definition.length).toBeGreaterThan(10);
  });

  it('finds narrower topics at any depth: filtering by sport finds soccer', () => {
    const closure = mediaTopics().narrowerClosure(SPORT);
    expect(closure).toContain(COMPETITION_DISCIPLINE);
    expect(closure).toContain(SOCCER);
    expect(closure).not.toContain(SPORT);
    expect(mediaTopics().narrowerClosure(SOCCER).every((q) => mediaTopics().ancestors(q).some((a) => a.qcode === SOCCER))).toBe(true);
    expect(mediaTopics().narrowerClosure('medtop:99999999')).toEqual([]);
  });

  it('keeps retired topics known (old stories carry them) but out of every picker list', () => {
    const topics = mediaTopics();
    expect(topics.get(RETIRED_MUSIC_THEATER)).toMatchObject({ label: 'music theater', retired: true });
    expect(topics.narrowerClosure(topics.get(RETIRED_MUSIC_THEATER)!.broader!)).toContain(RETIRED_MUSIC_THEATER);
    expect(topics.current().some((t) => t.retired)).toBe(false);
    expect(topics.search('music theater', 50).map((c) => c.qcode)).not.toContain(RETIRED_MUSIC_THEATER);
    expect(() => topics.toSubject(RETIRED_MUSIC_THEATER)).toThrow(/retired/);
  });

  it('finds one current topic by its qcode (a picker showing a stored subject), never a retired or unknown one', () => {
    const topics = mediaTopics();
    expect(topics.search(' medtop:20001065 ', 5)).toEqual([
      expect.objectContaining({ qcode: 'medtop:20001065', label: 'soccer', path: ['sport', 'competition discipline'] }),
    ]);
    expect(topics.search(RETIRED_MUSIC_THEATER, 5)).toEqual([]);
    expect(topics.search('medtop:99999999', 5)).toEqual([]);
  });

  it('searches labels by word prefix, diacritics folded, label hits before definition hits, with the path', () => {
    const topics = mediaTopics();
    const soccer = topics.search('socc', 10);
    expect(soccer[0]).toEqual({
      qcode: SOCCER,
      label: 'soccer',
      definition: topics.get(SOCCER)!.definition,
      path: ['sport', 'competition discipline'],
    });
    // "Coup d'état" typed with its accent still finds "coup d'etat".
    expect(topics.search('coup d’état', 5)[0]).toMatchObject({ qcode: 'medtop:20000070' });
    expect(topics.search('COUP', 5)[0]).toMatchObject({ qcode: 'medtop:20000070' });
    // "football" is in no label of this release except American/Australian football, but soccer's
    // definition has it: label hits first, then the definition hit.
    const football = topics.search('football', 20);
    const labelHits = football.filter((c) => /football/i.test(c.label));
    expect(labelHits.length).toBeGreaterThan(0);
    const firstDefinitionHit = football.findIndex((c) => !/football/i.test(c.label));
    expect(firstDefinitionHit).toBe(labelHits.length);
    // Every query word must match.
    expect(topics.search('interest rate', 5)[0]).toMatchObject({ label: 'interest rate' });
    expect(topics.search('zzzz', 5)).toEqual([]);
  });

  it('ranks an exact label first and honours the limit; an empty query lists the top level', () => {
    const topics = mediaTopics();
    expect(topics.search('election', 3)[0]).toMatchObject({ qcode: 'medtop:20000574', label: 'election', path: ['politics'] });
    expect(topics.search('e', 7)).toHaveLength(7);
    expect(topics.search('', 50).map((c) => c.path)).toEqual(Array(17).fill([]));
  });

  it('makes a subject with the vocabulary version, and refuses an unknown code', () => {
    expect(mediaTopics().toSubject(SOCCER)).toEqual({ qcode: SOCCER, label: 'soccer', vocabularyVersion: '2023-03-31' });
    expect(() => mediaTopics().toSubject('medtop:00000001')).toThrow(/not an IPTC Media Topic/);
  });

  it('loads lazily from a folder, once', () => {
    const dir = tempDir();
    writeFileSync(join(dir, MEDIA_TOPICS_FILE), readFileSync(join(VOCABULARIES_DIR, MEDIA_TOPICS_FILE)));
    const get = lazyMediaTopics(dir);
    const first = get();
    expect(get()).toBe(first);
    expect(first.get(SPORT)?.label).toBe('sport');
  });

  it('refuses a file that is not a Media Topics release with a clear error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{"conceptSet": "nope"}');
    expect(() => loadMediaTopics(join(dir, 'bad.json'))).toThrow(/not an IPTC JSON-LD release/);
    expect(() => loadMediaTopics(join(dir, 'missing.json'))).toThrow(/could not be read/);
    expect(() => mediaTopicsFromJson({ dateReleased: '2023-01-01', conceptSet: [] })).toThrow(/not an IPTC JSON-LD release/);
  });
});

describe('Genre NewsCodes', () => {
  it('lists current genres by label, hides retired ones, and still knows them by code', () => {
    const genres = lazyGenres(VOCABULARIES_DIR)();
    expect(genres.version).toBe('2024-02-13');
    const list = genres.list();
    expect(list.length).toBeGreaterThan(40);
    expect(list.find((g) => g.qcode === 'genre:Interview')).toMatchObject({ label: 'Interview' });
    expect(list.map((g) => g.label)).toEqual([...list.map((g) => g.label)].sort((a, b) => a.localeCompare(b, 'en')));
    const retired = JSON.parse(readFileSync(join(VOCABULARIES_DIR, 'genre.json'), 'utf8')).conceptSet.filter((c: { retired?: string }) => c.retired);
    expect(retired.length).toBeGreaterThan(0);
    for (const concept of retired) {
      expect(list.some((g) => g.qcode === concept.qcode)).toBe(false);
      expect(genres.get(concept.qcode)).toMatchObject({ retired: true });
    }
  });
});
