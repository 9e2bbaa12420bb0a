import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import type { Profile } from '../../src/shared/settings.ts';
import { storyContentPatchSchema, type StoryContentPatch } from '../../src/shared/story-fields.ts';
import { contentHash } from '../../src/main/services/content-hash.ts';
import { detectLanguage, loadLanguageDetector } from '../../src/main/services/language.ts';
import { openDatabase } from '../../src/main/services/storage/database.ts';
import { MIGRATIONS } from '../../src/main/services/storage/migrations.ts';
import { createStoryService } from '../../src/main/services/story-service.ts';
import { steppingClock, useTempDir } from '../helpers.ts';
import { writeLegacyStory } from './legacy-library.ts';
import { makeServices } from '../services.ts';
import { dispatch } from '../../src/main/services/handlers.ts';

const tempDir = useTempDir();
const reporter: Profile = { name: 'Pesach Benson', role: 'reporter' };
const editor: Profile = { name: 'Desk Editor', role: 'editor' };

const FULL: StoryContentPatch = storyContentPatchSchema.parse({
  headline: 'What Does Azerbaijan Want as It Expands Ties With Israel?',
  body: bodyFromParagraphs(['Following up on the recent opening of Azerbaijan’s embassy in Tel Aviv, Israeli Foreign Minister Eli Cohen departed for a state visit.']),
  keywords: ['Azerbaijan', 'Israel'],
  slugline: 'AZERBAIJAN-ISRAEL',
  summary: 'Israel’s foreign minister visits Baku.',
  byline: [
    { name: 'Pesach Benson', role: 'writer', affiliation: 'TPS' },
    { name: 'Yosef Mizrahi', role: 'photographer' },
  ],
  dateline: { place: { name: 'Jerusalem', countryCode: 'IL' }, date: '2023-04-18', agency: 'TPS' },
  located: { name: 'Baku', countryCode: 'AZ' },
  language: 'en',
  languageSetByPerson: true,
  genre: 'genre:Analysis',
  urgency: 4,
  subjects: [
    { qcode: 'medtop:11000000', label: 'politics', vocabularyVersion: '2023-03-31' },
    { qcode: 'medtop:20000621', label: 'diplomacy', vocabularyVersion: '2023-03-31' },
  ],
  entities: [
    { kind: 'person', name: 'Eli Cohen' },
    { kind: 'place', name: 'Baku', id: 'AZ' },
  ],
  creditLine: 'TPS',
  copyrightHolder: 'Tazpit Press Service',
  copyrightNotice: '© 2023 Tazpit Press Service',
  usageTerms: 'For subscribers only.',
  embargo: { at: '2023-04-18T06:00:00+03:00', timeZone: 'Asia/Jerusalem' },
  pictures: [
    {
      sha256: 'a'.repeat(64),
      role: 'lead',
      fileName: 'cohen.jpg',
      mediaType: 'image/jpeg',
      width: 1200,
      height: 800,
      bytes: 123456,
      caption: 'Eli Cohen in Baku.',
      credit: 'Yosef Mizrahi/TPS',
      altText: 'The foreign minister at a podium.',
      usageTerms: '',
    },
  ],
  editorialNote: 'Check the ambassador’s name.',
  desk: 'Foreign',
  targetWords: 700,
});

function setup(path = join(tempDir(), 'library.db')) {
  const db = openDatabase(path);
  const stories = createStoryService({ db, now: steppingClock(), detectLanguage, narrowerTopics: (q) => (q === 'medtop:11000000' ? [q, 'medtop:20000621'] : [q]) });
  return { db, stories };
}

describe('the news item', () => {
  beforeAll(() => loadLanguageDetector());

  it('keeps every field through save and read, and in revisions', () => {
    const { stories } = setup();
    const s = stories.create(reporter.name);
    const saved = stories.save({ id: s.id, baseRevision: 1, ...FULL, checkpoint: true }, reporter.name);
    const read = stories.get(s.id);
    for (const [key, value] of Object.entries(FULL)) expect(read[key as keyof typeof read], key).toEqual(value);
    expect(read.embargo).toEqual({ at: '2023-04-18T03:00:00.000Z', timeZone: 'Asia/Jerusalem' });
    const [revision] = stories.revisions(s.id);
    expect(stories.revision(revision!.id).story.byline).toEqual(FULL.byline);
    expect(saved.revision).toBe(2);
  });

  it('a save that leaves a field out keeps it', () => {
    const { stories } = setup();
    const s = stories.create(reporter.name);
    const full = stories.save({ id: s.id, baseRevision: 1, ...FULL }, reporter.name);
    const next = stories.save({ id: s.id, baseRevision: full.revision, headline: 'A new headline' }, reporter.name);
    expect(next.byline).toEqual(FULL.byline);
    expect(next.slugline).toBe('AZERBAIJAN-ISRAEL');
    expect(stories.get(s.id).subjects).toHaveLength(2);
  });

  it('lists slugline, language, urgency, embargo, desk and the lead picture', () => {
    const { stories } = setup();
    const s = stories.create(reporter.name);
    stories.save({ id: s.id, baseRevision: 1, ...FULL }, reporter.name);
    const [row] = stories.list({});
    expect(row).toMatchObject({ slugline: 'AZERBAIJAN-ISRAEL', language: 'en', urgency: 4, desk: 'Foreign', leadPicture: 'a'.repeat(64) });
    expect(row!.embargo?.timeZone).toBe('Asia/Jerusalem');
  });

  it('filters by subject (with narrower topics), language, desk and embargo', () => {
    const { stories } = setup();
    const a = stories.create(reporter.name);
    stories.save({ id: a.id, baseRevision: 1, ...FULL, subjects: [FULL.subjects![1]!], embargo: { at: '2999-01-01T00:00:00Z', timeZone: 'UTC' } }, reporter.name);
    const b = stories.create(reporter.name);
    stories.save({ id: b.id, baseRevision: 1, headline: 'שר החוץ נחת בבאקו', language: 'he', languageSetByPerson: true, desk: 'Home' }, reporter.name);
    expect(stories.list({ subject: 'medtop:11000000' }).map((r) => r.id)).toEqual([a.id]);
    expect(stories.count({ subject: 'medtop:20000621' })).toBe(1);
    expect(stories.list({ language: 'he' }).map((r) => r.id)).toEqual([b.id]);
    expect(stories.list({ desk: 'Foreign' }).map((r) => r.id)).toEqual([a.id]);
    expect(stories.list({ embargoed: true }).map((r) => r.id)).toEqual([a.id]);
    expect(stories.count({ embargoed: true, desk: 'Home' })).toBe(0);
  });

  it('detects the language from the text unless a person chose it', () => {
    const { stories } = setup();
    const s = stories.create(reporter.name);
    const he = stories.save({ id: s.id, baseRevision: 1, headline: 'שר החוץ אלי כהן יצא לביקור ממלכתי באזרבייג׳ן', body: bodyFromParagraphs(['השגרירות נפתחה בתל אביב בחודש מרץ.']) }, reporter.name);
    expect(he.language).toBe('he');
    const chosen = stories.save({ id: s.id, baseRevision: he.revision, language: 'ar', languageSetByPerson: true }, reporter.name);
    const after = stories.save({ id: s.id, baseRevision: chosen.revision, body: bodyFromParagraphs(['עוד פסקה בעברית על הביקור הממלכתי.']) }, reporter.name);
    expect(after.language).toBe('ar');
  });

  it('a change to published metadata voids an approval; the editorial note, desk and target length do not', () => {
    const { stories } = setup();
    const s = stories.create(reporter.name);
    const full = stories.save({ id: s.id, baseRevision: 1, ...FULL }, reporter.name);
    stories.transition(s.id, 'submit', reporter);
    const approved = stories.transition(s.id, 'approve', editor);
    const internal = stories.save({ id: s.id, baseRevision: approved.revision, editorialNote: 'Checked.', desk: 'World', targetWords: 500 }, editor.name);
    expect(internal.status).toBe('approved');
    expect(stories.approvalValid(internal)).toBe(true);
    const byline = stories.save({ id: s.id, baseRevision: internal.revision, byline: [{ name: 'Someone Else', role: 'writer' }] }, editor.name);
    expect(byline.status).toBe('in_review');
    expect(byline.voidedApproval?.approver).toBe(editor.name);
    expect(full.revision).toBeLessThan(byline.revision);
  });

  it('the fingerprint of a story without metadata is what it was before the fields existed', () => {
    // The hash approvals were made with before the news item: headline, body and keywords only.
    const content = { headline: 'Budget passes', body: bodyFromParagraphs(['The council voted.']), keywords: ['budget'] };
    expect(contentHash(content)).toBe(contentHash({ ...content, slugline: '', byline: [], dateline: null }));
    expect(contentHash(content)).not.toBe(contentHash({ ...content, slugline: 'BUDGET' }));
    expect(contentHash({ ...content, subjects: [FULL.subjects![0]!, FULL.subjects![1]!] })).toBe(contentHash({ ...content, subjects: [FULL.subjects![1]!, FULL.subjects![0]!] }));
  });

  it('a save with a bad value is refused through the contract, in plain words, and changes nothing', async () => {
    const { services, handlers } = makeServices(tempDir());
    const s = services.stories.create('Reporter', 'Existing');
    const result = await dispatch(handlers, 'stories.save', { id: s.id, baseRevision: 1, headline: 'Changed', slugline: 'two words' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toMatch(/slugline has only letters, digits and single hyphens/);
    expect(services.stories.get(s.id)).toMatchObject({ headline: 'Existing', slugline: '', revision: 1 });
    services.close();
  });

  it('refuses bad values with the reason in plain words', () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ slugline: 'two words' }, /letters, digits and single hyphens/],
      [{ urgency: 10 }, /1 to 9/],
      [{ dateline: { place: { name: 'Jerusalem' }, date: '2023-04-31' } }, /does not exist/],
      [{ dateline: { place: { name: 'Jerusalem', countryCode: 'ISR' }, date: '2023-04-18' } }, /two-letter ISO 3166/],
      [{ language: 'english please' }, /not a language tag/],
      [{ embargo: { at: '2023-04-18 06:00', timeZone: 'Asia/Jerusalem' } }, /date and time with its offset/],
      [{ embargo: { at: '2023-04-18T06:00:00Z', timeZone: 'Mars/Olympus' } }, /not a time zone/],
      [{ byline: [{ name: '', role: 'writer' }] }, /needs a name/],
      [{ byline: [{ name: 'A', role: 'astronaut' }] }, /A role is one of/],
      [{ genre: 'Interview' }, /IPTC Genre code/],
      [{ subjects: [{ qcode: 'sport', label: 'sport', vocabularyVersion: '2023-03-31' }] }, /IPTC Media Topic code/],
      [{ pictures: [{ ...FULL.pictures![0]!, role: 'lead' }, { ...FULL.pictures![0]!, role: 'lead' }] }, /one lead picture/],
    ];
    for (const [patch, reason] of cases) {
      const result = storyContentPatchSchema.safeParse(patch);
      expect(result.success, JSON.stringify(patch)).toBe(false);
      expect(result.error!.issues.map((i) => i.message).join(' ')).toMatch(reason);
    }
  });

  it('removes characters XML forbids and keeps no-break spaces', () => {
    const parsed = storyContentPatchSchema.parse({ summary: 'A\u0000B\u0007C\u00a0D\ud800', creditLine: 'TPS\u001b' });
    expect(parsed.summary).toBe('ABC\u00a0D');
    expect(parsed.creditLine).toBe('TPS');
  });
});

describe('migrations 5 and 6 (compressed bodies, the news item) on a library written by version 4', () => {
  it('keeps stories, approvals and revisions; new fields read empty', () => {
    const path = join(tempDir(), 'v4.db');
    const v4 = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    const content = { headline: 'Budget passes', body: bodyFromParagraphs(['The council voted.']), keywords: ['budget'] };
    const approval = { approver: 'Desk Editor', approvedAt: '2026-11-20T10:00:00.000Z', contentHash: contentHash(content) };
    writeLegacyStory(v4, { id: '01JD0000000000000000000001', headline: content.headline, paragraphs: ['The council voted.'], keywords: ['budget'], revision: true, status: 'approved', approval });
    v4.close();

    const { db, stories } = setup(path);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    const story = stories.get('01JD0000000000000000000001');
    expect(story).toMatchObject({ slugline: '', byline: [], subjects: [], dateline: null, embargo: null, status: 'approved' });
    expect(stories.approvalValid(story)).toBe(true);
    expect(stories.list({ query: 'council' }).map((r) => r.id)).toEqual([story.id]);
    const [revision] = stories.revisions(story.id);
    expect(stories.revision(revision!.id).story.pictures).toEqual([]);
  });
});

describe('language detection', () => {
  it('loads eld only when first asked, answering unknown until then', async () => {
    vi.resetModules();
    const fresh = await import('../../src/main/services/language.ts');
    expect(fresh.detectLanguage('Israeli Foreign Minister Eli Cohen departed for a state visit to Baku.')).toBe('');
    await fresh.loadLanguageDetector();
    expect(fresh.detectLanguage('Israeli Foreign Minister Eli Cohen departed for a state visit to Baku.')).toBe('en');
    expect(fresh.detectLanguage('غادر وزير الخارجية الإسرائيلي إيلي كوهين في زيارة رسمية إلى باكو')).toBe('ar');
    expect(fresh.detectLanguage('Hi')).toBe('');
  });
});
