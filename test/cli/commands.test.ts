// Each command of `copydesk`, run in-process on a real library in a temp folder: output for
// people, --json parsed and checked against the library, exit statuses, nothing changed on bad input.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import type { Story, StoryListRow } from '../../src/shared/story.ts';
import { suggestionsSchema } from '../../src/shared/tagging.ts';
import { EXPORT_FORMATS } from '../../src/shared/contract.ts';
import { createServices } from '../../src/main/services/services.ts';
import Conf from 'conf';
import { makeServices, SCHEMAS_DIR } from '../services.ts';
import { useTempDir } from '../helpers.ts';
import { SUGGESTIONS, doubleWiring } from './doubles.ts';
import { cli, lines } from './run-helpers.ts';

const tempDir = useTempDir('copydesk-cli-');
const SPORT = { qcode: 'medtop:15000000', label: 'sport', vocabularyVersion: '2025-10-01' };
const MISSING_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

/** A library with three stories: an approved one about sport, a draft, and one in review. */
function seeded() {
  const dataDir = join(tempDir(), 'library');
  const { services } = makeServices(dataDir);
  const stories = services.stories;
  const match = stories.create('Pesach Benson', {
    headline: 'Maccabi Haifa win the league',
    body: bodyFromParagraphs(['Maccabi Haifa won the league on Saturday.', 'The coach thanked the fans.']),
    keywords: ['football'],
    slugline: 'haifa-league',
    subjects: [SPORT],
    entities: [{ kind: 'organisation', name: 'Maccabi Haifa' }],
    dateline: { place: { name: 'Haifa', countryCode: 'IL' }, date: '2023-04-18', agency: 'TPS' },
    byline: [{ name: 'Pesach Benson', role: 'writer' }],
    urgency: 3,
  });
  const editor = { name: 'Desk Editor', role: 'editor' as const };
  stories.transition(match.id, 'submit', { name: 'Pesach Benson', role: 'reporter' });
  stories.transition(match.id, 'approve', editor);
  const draft = stories.create('Reporter', { headline: 'Budget talks stall', body: bodyFromParagraphs(['The budget talks stalled again.']) });
  const review = stories.create('Reporter', { headline: 'Port strike ends', body: bodyFromParagraphs(['Dock workers returned to work.']) });
  stories.transition(review.id, 'submit', { name: 'Reporter', role: 'reporter' });
  services.close();
  return { dataDir, match: match.id, draft: draft.id, review: review.id };
}

/** The library as the app sees it, opened for one look and closed again. */
function look<T>(dataDir: string, read: (services: ReturnType<typeof createServices>) => T): T {
  const { services } = makeServices(dataDir);
  try {
    return read(services);
  } finally {
    services.close();
  }
}

describe('copydesk import', () => {
  it('makes one draft per file, prints ID<TAB>headline, names a bad file on stderr and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.txt'), 'Storm closes the coast road\n\nThe road was closed at noon.\n');
    writeFileSync(join(dir, 'two.txt'), 'Ferry back in service\nThe ferry sailed again.\n');
    const data = join(dir, 'new-library');

    const ran = await cli(['import', 'one.txt', 'missing.txt', 'two.txt', '--data', data], { cwd: dir });
    expect(ran.code).toBe(1);
    expect(lines(ran.stderr)).toEqual([`copydesk: ${join(dir, 'missing.txt')}: missing.txt could not be read.`]);
    const printed = lines(ran.stdout).map((line) => line.split('\t'));
    expect(printed.map(([, headline]) => headline)).toEqual(['Storm closes the coast road', 'Ferry back in service']);

    const stored = look(data, (s) => printed.map(([id]) => s.stories.get(id!)));
    expect(stored.map((s) => [s.headline, s.plainText, s.status, s.author])).toEqual([
      ['Storm closes the coast road', 'The road was closed at noon.', 'draft', 'Reporter'],
      ['Ferry back in service', 'The ferry sailed again.', 'draft', 'Reporter'],
    ]);
  });

  it('--json prints the new stories as an array, exactly as the library holds them', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'wire.txt'), 'Heatwave warning issued\nTemperatures will pass 40 degrees.\n');
    const data = join(dir, 'lib');
    const ran = await cli(['import', join(dir, 'wire.txt'), '--json'], { env: { COPYDESK_DATA: data } });
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    const stories = JSON.parse(ran.stdout) as Story[];
    expect(stories).toHaveLength(1);
    expect(stories[0]).toEqual(look(data, (s) => s.stories.get(stories[0]!.id)));
  });
});

describe('copydesk list', () => {
  it('lists every story, newest first, one line each with the id first', async () => {
    const { dataDir, match, draft, review } = seeded();
    const ran = await cli(['list', '--data', dataDir]);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    const rows = lines(ran.stdout);
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual([review, draft, match]);
    expect(rows[2]).toMatch(/approved .* Maccabi Haifa win the league$/);
  });

  it('filters by status, subject and full-text query; --json gives the rows', async () => {
    const { dataDir, match, review } = seeded();
    const byStatus = await cli(['list', '--status', 'in_review', '--json', '--data', dataDir]);
    expect((JSON.parse(byStatus.stdout) as StoryListRow[]).map((r) => r.id)).toEqual([review]);
    const bySubject = await cli(['list', '--subject', SPORT.qcode, '--json', '--data', dataDir]);
    expect((JSON.parse(bySubject.stdout) as StoryListRow[]).map((r) => r.id)).toEqual([match]);
    const byQuery = await cli(['list', '--query', 'coach', '--json', '--data', dataDir]);
    const found = JSON.parse(byQuery.stdout) as StoryListRow[];
    expect(found.map((r) => r.id)).toEqual([match]);
    expect(found[0]!.snippet).toContain('\u0002coach\u0003');
    const human = await cli(['list', '--query', 'coach', '--data', dataDir]);
    expect(lines(human.stdout)[1]).toContain('[coach]');
  });

  it('says on stderr when --limit leaves stories out', async () => {
    const { dataDir, review } = seeded();
    const ran = await cli(['list', '--limit', '1', '--data', dataDir]);
    expect(ran.code).toBe(0);
    expect(lines(ran.stdout).map((r) => r.split(/\s+/)[0])).toEqual([review]);
    expect(lines(ran.stderr)).toEqual(['copydesk: showing 1 of 3 stories; --limit N shows more.']);
  });

  it('refuses a status or subject the contract does not know as wrong usage (exit 2)', async () => {
    const { dataDir } = seeded();
    const status = await cli(['list', '--status', 'published', '--data', dataDir]);
    expect(status.code).toBe(2);
    expect(lines(status.stderr)[0]).toMatch(/^copydesk: .*"approved".* \(status\)$/);
    expect(lines(status.stderr)[1]).toMatch(/^Usage: copydesk list/);
    const subject = await cli(['list', '--subject', 'sport', '--data', dataDir]);
    expect(subject.code).toBe(2);
    expect(subject.stderr).toContain('A subject is an IPTC Media Topic code');
    const limit = await cli(['list', '--limit', 'ten', '--data', dataDir]);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain('--limit takes a whole number, not "ten".');
  });

  it('fails with one line when the folder holds no library, and makes none', async () => {
    const empty = join(tempDir(), 'nothing-here');
    const ran = await cli(['list', '--data', empty]);
    expect(ran.code).toBe(1);
    expect(lines(ran.stderr)).toEqual([`copydesk: There is no Copydesk library in ${empty}. Choose the data folder with --data or COPYDESK_DATA.`]);
    expect(existsSync(empty)).toBe(false);
  });
});

describe('copydesk show', () => {
  it('--json gives the whole story: every field, the body as Lexical JSON and plainText', async () => {
    const { dataDir, match } = seeded();
    const ran = await cli(['show', match, '--json', '--data', dataDir]);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    const story = JSON.parse(ran.stdout) as Story;
    expect(story).toEqual(look(dataDir, (s) => s.stories.get(match)));
    expect(JSON.parse(story.body)).toHaveProperty('root');
    expect(story).toMatchObject({ plainText: 'Maccabi Haifa won the league on Saturday.\nThe coach thanked the fans.', subjects: [SPORT], urgency: 3 });
  });

  it('for people: a labelled block with each field, then the text', async () => {
    const { dataDir, match } = seeded();
    const ran = await cli(['show', match, '--data', dataDir]);
    expect(ran.code).toBe(0);
    const out = ran.stdout;
    expect(out.startsWith('Maccabi Haifa win the league\n')).toBe(true);
    expect(out).toMatch(/^Status +Approved \(Desk Editor, /m);
    expect(out).toMatch(/^Slugline +haifa-league$/m);
    expect(out).toMatch(/^Byline +Pesach Benson \(Writer\)$/m);
    expect(out).toMatch(/^Dateline +Haifa \(IL\), 2023-04-18 \(TPS\)$/m);
    expect(out).toMatch(/^Urgency +3: Urgent$/m);
    expect(out).toMatch(/^Subjects +sport \(medtop:15000000, vocabulary 2025-10-01\)$/m);
    expect(out).toMatch(/^People, organisations, places +Organisation: Maccabi Haifa$/m);
    expect(out).toMatch(/^Pictures +—$/m);
    expect(out).toMatch(/^Language +English \(en\), detected$/m);
    expect(out.endsWith('\n\nMaccabi Haifa won the league on Saturday.\nThe coach thanked the fans.\n')).toBe(true);
  });

  it('a malformed id is wrong usage (2); an unknown one a failure (1)', async () => {
    const { dataDir } = seeded();
    const malformed = await cli(['show', 'not-an-id', '--data', dataDir]);
    expect(malformed.code).toBe(2);
    expect(lines(malformed.stderr)[0]).toBe('copydesk: A story id is a 26-character ULID.');
    const unknown = await cli(['show', MISSING_ID, '--data', dataDir]);
    expect(unknown.code).toBe(1);
    expect(lines(unknown.stderr)).toHaveLength(1);
    expect(unknown.stderr).toMatch(/no longer exists/);
  });
});

describe('copydesk suggest', () => {
  it('--json prints the suggestions in the contract’s shape, best first', async () => {
    const { dataDir, match } = seeded();
    const asked: string[] = [];
    const ran = await cli(['suggest', match, '--json', '--data', dataDir], { wiring: doubleWiring(SUGGESTIONS, asked) });
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(asked).toEqual([match]);
    expect(suggestionsSchema.parse(JSON.parse(ran.stdout))).toEqual(SUGGESTIONS);
  });

  it('for people: subjects with scores and why, names, keywords', async () => {
    const { dataDir, match } = seeded();
    const ran = await cli(['suggest', match, '--data', dataDir]);
    expect(lines(ran.stdout)).toEqual([
      'Subjects',
      '  0.91  sport (medtop:15000000) — match, league',
      '  0.42  economy, business and finance (medtop:04000000) — transfer fee',
      'People, organisations, places',
      '  0.80  Organisation: Maccabi Haifa — named 3 times',
      'Keywords',
      '  football, Haifa',
    ]);
  });

  it('refuses an answer in the wrong shape (1) and a malformed id before asking (2)', async () => {
    const { dataDir, match } = seeded();
    const wrong = await cli(['suggest', match, '--data', dataDir], { wiring: doubleWiring({ subjects: 'sport' }) });
    expect(wrong.code).toBe(1);
    expect(lines(wrong.stderr)).toHaveLength(1);
    const asked: string[] = [];
    const malformed = await cli(['suggest', 'x', '--data', dataDir], { wiring: doubleWiring(SUGGESTIONS, asked) });
    expect(malformed.code).toBe(2);
    expect(asked).toEqual([]);
  });
});

describe('copydesk export', () => {
  it('writes the named stories, prints each path, and says on stderr which are withheld', async () => {
    const { dataDir, match, draft } = seeded();
    const out = join(tempDir(), 'out');
    mkdirSync(out);
    const ran = await cli(['export', match, draft, '--format', 'newsml-g2', '--out', out, '--data', dataDir]);
    expect(ran.code).toBe(0);
    expect(lines(ran.stderr)).toEqual([`copydesk: ${draft} is not approved (draft): exported marked withheld.`]);
    const paths = lines(ran.stdout);
    expect(paths).toHaveLength(2);
    expect(readFileSync(paths[0]!, 'utf8')).toContain('stat:usable');
    expect(readFileSync(paths[1]!, 'utf8')).toContain('stat:withheld');
    expect(look(dataDir, (s) => s.stories.events(match).map((e) => e.kind))).toContain('exported');
  });

  it('--all and --status choose the stories; --json describes each file', async () => {
    const { dataDir, match, draft, review } = seeded();
    const out = tempDir();
    const all = await cli(['export', '--all', '--format', 'markdown', '--out', out, '--json', '--data', dataDir]);
    expect(all.code).toBe(0);
    const written = JSON.parse(all.stdout) as { id: string; path: string; format: string; withheld: boolean }[];
    expect(written.map((w) => [w.id, w.withheld])).toEqual([[review, true], [draft, true], [match, false]]);
    expect(readdirSync(out).sort()).toEqual(written.map((w) => w.path.slice(out.length + 1)).sort());

    const approvedOnly = tempDir();
    const some = await cli(['export', '--status', 'approved', '--format', 'markdown', '--out', approvedOnly, '--data', dataDir]);
    expect(some).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(approvedOnly)).toHaveLength(1);
  });

  it('writes nothing when one named story does not exist (1), or the usage is wrong (2)', async () => {
    const { dataDir, match } = seeded();
    const out = tempDir();
    const unknown = await cli(['export', match, MISSING_ID, '--format', 'markdown', '--out', out, '--data', dataDir]);
    expect(unknown.code).toBe(1);
    expect(lines(unknown.stderr)).toHaveLength(1);
    for (const argv of [
      ['export', match, '--out', out],
      ['export', match, '--format', 'pdf', '--out', out],
      ['export', '--format', 'markdown', '--out', out],
      ['export', match, '--all', '--format', 'markdown', '--out', out],
      ['export', 'nope', '--format', 'markdown', '--out', out],
    ]) {
      const ran = await cli([...argv, '--data', dataDir]);
      expect(ran.code, argv.join(' ')).toBe(2);
      expect(lines(ran.stderr)[1]).toMatch(/^Usage: copydesk export/);
    }
    expect(readdirSync(out)).toEqual([]);
  });

  it('fails with one line when the folder to write to does not exist', async () => {
    const { dataDir, match } = seeded();
    const ran = await cli(['export', match, '--format', 'markdown', '--out', join(tempDir(), 'no', 'such'), '--data', dataDir]);
    expect(ran.code).toBe(1);
    expect(lines(ran.stderr)).toHaveLength(1);
    expect(ran.stderr).toMatch(/does not exist/);
  });
});

describe('copydesk formats and help', () => {
  it('lists each export format, its id as the first word', async () => {
    const ran = await cli(['formats']);
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(lines(ran.stdout).map((l) => l.split(/\s+/)[0])).toEqual([...EXPORT_FORMATS]);
    expect(JSON.parse((await cli(['formats', '--json'])).stdout)).toEqual([
      { id: 'markdown', label: 'Markdown (.md)' },
      { id: 'newsml-g2', label: 'NewsML-G2 2.35 (.xml)' },
    ]);
  });

  it('--help names every command; COMMAND --help gives its usage; neither opens a library', async () => {
    const data = join(tempDir(), 'untouched');
    const help = await cli(['--help', '--data', data]);
    expect(help.code).toBe(0);
    for (const name of ['import', 'list', 'show', 'suggest', 'export', 'formats']) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    const one = await cli(['export', '--help', '--data', data]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^Usage: copydesk export ID…\|--all\|--status S --format F \[--out DIR\]/);
    expect(existsSync(data)).toBe(false);
  });
});

describe('a short run', () => {
  it('leaves the trash purge to the app and leaves no WAL behind', async () => {
    const dataDir = join(tempDir(), 'library');
    const longAgo = () => new Date(Date.now() - 90 * 24 * 3600 * 1000);
    const settingsBacking = new Conf({ cwd: dataDir, configName: 'settings', projectName: 'copydesk' });
    const platform = { shell: 'cli', version: 'test', dataDir, chooseExportFolder: async () => null, choosePackageFile: async () => null, chooseImportFile: async () => null, readyToClose: () => {}, keepOpen: () => {} } as const;
    const old = createServices({ dataDir, settingsBacking, platform, schemasDir: SCHEMAS_DIR, now: longAgo, shortRun: true });
    const gone = old.stories.create('Reporter', 'Deleted long ago');
    old.stories.delete(gone.id, 'Reporter');
    old.close();

    const ran = await cli(['list', '--data', dataDir]);
    expect(ran).toMatchObject({ code: 0, stdout: '' });
    expect(existsSync(join(dataDir, 'copydesk.db-wal'))).toBe(false);
    const inTrash = () => {
      const s = createServices({ dataDir, settingsBacking, platform, schemasDir: SCHEMAS_DIR, shortRun: true });
      const ids = s.stories.trash().map((t) => t.id);
      s.close();
      return ids;
    };
    expect(inTrash()).toEqual([gone.id]);
    look(dataDir, () => null); // the app's start: purges stories in the trash longer than 30 days
    expect(inTrash()).toEqual([]);
  });
});
