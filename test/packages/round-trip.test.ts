import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import type { RevisionSummary, StoryEvent } from '../../src/shared/story.ts';
import { PACKAGE_FORMAT } from '../../src/main/services/packages/package-format.ts';
import { editor, entriesOf, parse, reporter, useMachines } from './machines.ts';

const { machine } = useMachines();

const withoutId = ({ id: _id, ...rest }: RevisionSummary | StoryEvent) => rest;

/** Machine A with two stories: an approved Hebrew one and an English draft, both with history. */
function machineA() {
  const a = machine('laptop-a');
  const hebrew = a.write('שר החוץ נחת בבאקו', ['שר החוץ אלי כהן נפגש עם נשיא אזרבייג׳ן. שָׁלוֹם לכולם.'], ['ישראל', 'Azerbaijan']);
  const approved = a.approve(hebrew.id);
  let draft = a.write('Cabinet meets on budget', ['The cabinet met on Sunday.'], ['Budget']);
  draft = a.stories.save({ ...draft, baseRevision: draft.revision, body: bodyFromParagraphs(['The cabinet met on Sunday.', 'A second paragraph.']), checkpoint: true }, reporter.name);
  return { a, approved, draft };
}

describe('export and import between two machines', () => {
  it('moves two stories with their revisions, events, approval and Hebrew text from A to B', () => {
    const { a, approved, draft } = machineA();
    const eventsAtExport = [approved.id, draft.id].map((id) => a.stories.events(id));
    const file = a.file('two.copydesk');
    expect(a.packages.exportStories([approved.id, draft.id], file, reporter.name)).toEqual({ path: file, count: 2 });

    const b = machine('desktop-b', Date.UTC(2026, 10, 28, 9, 0, 0));
    const mine = b.write('A story of B', ['Only here.']);
    expect(b.packages.inspect(file)).toEqual({
      exportedAt: expect.any(String),
      exportedBy: reporter.name,
      device: 'laptop-a',
      stories: [
        { id: approved.id, headline: 'שר החוץ נחת בבאקו', revision: approved.revision, exists: false, localRevision: null },
        { id: draft.id, headline: 'Cabinet meets on budget', revision: draft.revision, exists: false, localRevision: null },
      ],
    });
    const result = b.packages.importPackage(file, 'ask', editor.name);
    expect(result.imported).toEqual([
      { id: approved.id, headline: 'שר החוץ נחת בבאקו', as: 'new' },
      { id: draft.id, headline: 'Cabinet meets on budget', as: 'new' },
    ]);

    for (const [i, id] of [approved.id, draft.id].entries()) {
      expect(b.stories.get(id)).toEqual(a.stories.get(id));
      // Revisions: the same snapshots, in the same order, with author, device, time and reason.
      expect(b.stories.revisions(id).map(withoutId)).toEqual(a.stories.revisions(id).map(withoutId));
      const newest = b.stories.revisions(id)[0];
      expect(b.stories.revision(newest.id).story).toEqual(a.stories.revision(a.stories.revisions(id)[0].id).story);
      // The event log as it was at export, then the import.
      const events = b.stories.events(id);
      expect(events.slice(0, -1).map(withoutId)).toEqual(eventsAtExport[i].map(withoutId));
      expect(events.at(-1)).toMatchObject({ kind: 'imported', actor: editor.name, detail: expect.stringContaining('laptop-a') });
    }
    // The approval travelled and still matches the content.
    const onB = b.stories.get(approved.id);
    expect(onB.status).toBe('approved');
    expect(onB.approval).toEqual(approved.approval);
    expect(b.stories.approvalValid(onB)).toBe(true);
    expect(b.stories.revisions(approved.id).map((r) => r.reason)).toEqual(['after-approve', 'after-submit', 'manual']);

    // Search, keywords and the story list on B know the new stories.
    expect(b.stories.list({ query: 'כהן' }).map((r) => r.id)).toEqual([approved.id]);
    expect(b.stories.list({ query: 'שלום' }).map((r) => r.id)).toEqual([approved.id]);
    expect(b.stories.list({ query: 'paragraph' }).map((r) => r.id)).toEqual([draft.id]);
    expect(b.stories.list({ keyword: 'ישראל' }).map((r) => r.id)).toEqual([approved.id]);
    expect(b.stories.keywords().map((k) => k.keyword).sort()).toEqual(['Azerbaijan', 'Budget', 'ישראל'].sort());
    expect(b.stories.list().map((r) => r.id).sort()).toEqual([approved.id, draft.id, mine.id].sort());

    // Inspecting again now reports them as present.
    expect(b.packages.inspect(file).stories.map((s) => [s.exists, s.localRevision])).toEqual([
      [true, approved.revision],
      [true, draft.revision],
    ]);
  });

  it('writes a zip with the manifest and one folder per story, records the export, and leaves no temporary file', () => {
    const { a, approved, draft } = machineA();
    const file = a.file('out.copydesk');
    writeFileSync(file, 'an older package'); // replaced, not appended to
    a.packages.exportStories([draft.id, approved.id, draft.id], file, editor.name);
    const entries = entriesOf(readFileSync(file));
    expect(Object.keys(entries).sort()).toEqual(
      ['manifest.json', ...[draft.id, approved.id].flatMap((id) => ['story.json', 'revisions.json', 'events.json'].map((f) => `stories/${id}/${f}`))].sort()
    );
    expect(parse(entries['manifest.json'])).toEqual({
      format: PACKAGE_FORMAT,
      version: 1,
      exportedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      exportedBy: editor.name,
      device: 'laptop-a',
      stories: [
        { id: draft.id, headline: draft.headline, revision: draft.revision },
        { id: approved.id, headline: approved.headline, revision: approved.revision },
      ],
    });
    expect(parse(entries[`stories/${approved.id}/story.json`])).toEqual(approved);
    expect((parse(entries[`stories/${draft.id}/revisions.json`]) as unknown[]).length).toBe(2);
    expect(readdirSync(a.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(a.stories.events(draft.id).at(-1)).toMatchObject({ kind: 'exported', actor: editor.name, detail: `Copydesk package: ${file}` });
  });

  it('refuses unknown and trashed stories, and writes nothing', () => {
    const { a, draft } = machineA();
    const file = a.file('none.copydesk');
    expect(() => a.packages.exportStories([draft.id, '01ARZ3NDEKTSV4RRFFQ69G5FAV'], file, reporter.name)).toThrow(
      expect.objectContaining({ code: 'not_found' })
    );
    a.stories.delete(draft.id, reporter.name);
    expect(() => a.packages.exportStories([draft.id], file, reporter.name)).toThrow(expect.objectContaining({ code: 'not_found', message: expect.stringMatching(/trash/) }));
    expect(() => a.packages.exportStories([], file, reporter.name)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(existsSync(file)).toBe(false);
    expect(a.db.prepare("SELECT COUNT(*) AS n FROM story_events WHERE kind = 'exported'").get()).toEqual({ n: 0 });
  });

  it('reports a missing folder plainly', () => {
    const { a, draft } = machineA();
    expect(() => a.packages.exportStories([draft.id], a.file('no/such/folder/x.copydesk'), reporter.name)).toThrow(
      expect.objectContaining({ code: 'invalid_input', message: expect.stringMatching(/does not exist/) })
    );
  });

  it('does not duplicate history when a story purged here comes back in a package', () => {
    const { a, draft } = machineA();
    const file = a.file('one.copydesk');
    a.packages.exportStories([draft.id], file, reporter.name);
    const b = machine('desktop-b');
    b.packages.importPackage(file, 'ask', editor.name);
    b.stories.delete(draft.id, editor.name);
    b.stories.emptyTrash(editor.name);
    b.packages.importPackage(file, 'ask', editor.name);
    const kinds = b.stories.events(draft.id).map((e) => e.kind);
    expect(kinds).toEqual(['created', 'edited', 'edited', 'imported', 'deleted', 'purged', 'imported']);
    expect(b.stories.get(draft.id)).toEqual(a.stories.get(draft.id));
    expect(b.stories.revisions(draft.id)).toHaveLength(2);
  });
});
