import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { storyIdSchema } from '../../src/shared/story.ts';
import { editor, reporter, snapshot, useMachines } from './machines.ts';

const { machine } = useMachines();

/**
 * A writes a story and sends it to B; B approves it. A then rewrites it and exports it again:
 * `second` holds A's new content for a story that already exists on B.
 */
function setup() {
  const a = machine('laptop-a');
  const b = machine('desktop-b', Date.UTC(2026, 10, 28, 9, 0, 0));
  const story = a.write('Coalition talks stall', ['Negotiators left without a deal.'], ['Politics']);
  const first = a.file('first.copydesk');
  a.packages.exportStories([story.id], first, reporter.name);
  b.packages.importPackage(first, 'ask', editor.name);
  const approvedOnB = b.approve(story.id);
  const rewritten = a.stories.save(
    { ...story, baseRevision: story.revision, headline: 'Coalition talks resume', body: bodyFromParagraphs(['Negotiators returned on Monday.']), keywords: ['Politics', 'Knesset'] },
    reporter.name
  );
  const other = a.write('Weather: first rain', ['Rain in the north.']);
  const second = a.file('second.copydesk');
  a.packages.exportStories([other.id, story.id], second, reporter.name);
  return { a, b, story, approvedOnB, rewritten, other, first, second };
}

describe('importing stories that already exist', () => {
  it("'ask' refuses with a conflict naming the stories, and changes nothing (not even the new story)", () => {
    const { b, second, other } = setup();
    const before = snapshot(b.db);
    expect(b.packages.inspect(second).stories.map((s) => s.exists)).toEqual([false, true]);
    expect(() => b.packages.importPackage(second, 'ask', editor.name)).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/already on this computer: “Coalition talks resume”.*Nothing was imported/) })
    );
    expect(snapshot(b.db)).toEqual(before);
    expect(() => b.stories.get(other.id)).toThrow(/no longer exists/);
  });

  it("'revision' keeps the local state, applies the incoming content as a new revision and voids the approval", () => {
    const { b, second, story, approvedOnB, other } = setup();
    const result = b.packages.importPackage(second, 'revision', editor.name);
    expect(result.imported).toEqual([
      { id: other.id, headline: 'Weather: first rain', as: 'new' },
      { id: story.id, headline: 'Coalition talks resume', as: 'revision' },
    ]);
    const now = b.stories.get(story.id);
    expect(now).toMatchObject({
      headline: 'Coalition talks resume',
      plainText: 'Negotiators returned on Monday.',
      keywords: ['Politics', 'Knesset'],
      revision: approvedOnB.revision + 1,
      status: 'in_review',
      approval: null,
      voidedApproval: { ...approvedOnB.approval, voidedBy: editor.name },
      author: approvedOnB.author,
    });
    const [imported, beforeImport] = b.stories.revisions(story.id);
    expect([imported.reason, beforeImport.reason]).toEqual(['imported', 'before-import']);
    expect(b.stories.revision(beforeImport.id).story).toEqual(approvedOnB);
    expect(b.stories.revision(imported.id).story).toEqual(now);
    expect(b.stories.events(story.id).slice(-3).map((e) => e.kind)).toEqual(['edited', 'approval_voided', 'imported']);
    // The search index follows the new content.
    expect(b.stories.list({ query: 'monday' }).map((r) => r.id)).toEqual([story.id]);
    expect(b.stories.list({ query: 'deal' })).toEqual([]);
    expect(b.stories.list({ keyword: 'Knesset' }).map((r) => r.id)).toEqual([story.id]);
  });

  it("'revision' with the same content keeps the approval and adds no revision", () => {
    const { b, first, story, approvedOnB } = setup();
    const revisions = b.stories.revisions(story.id);
    b.packages.importPackage(first, 'revision', editor.name);
    expect(b.stories.get(story.id)).toEqual(approvedOnB);
    expect(b.stories.revisions(story.id)).toEqual(revisions);
    expect(b.stories.events(story.id).at(-1)).toMatchObject({ kind: 'imported', detail: expect.stringMatching(/nothing changed/) });
  });

  it("'copy' inserts the incoming story under a new id with its revisions re-pointed; both exist", () => {
    const { a, b, second, story, approvedOnB, rewritten } = setup();
    const before = b.stories.get(story.id);
    const result = b.packages.importPackage(second, 'copy', editor.name);
    const copy = result.imported.find((i) => i.as === 'copy')!;
    expect(copy.id).not.toBe(story.id);
    expect(storyIdSchema.safeParse(copy.id).success).toBe(true);
    expect(b.stories.get(story.id)).toEqual(before);
    expect(before).toEqual(approvedOnB);
    expect(b.stories.get(copy.id)).toEqual({ ...rewritten, id: copy.id });
    const revisions = b.stories.revisions(copy.id);
    expect(revisions.map((r) => r.reason)).toEqual(a.stories.revisions(story.id).map((r) => r.reason));
    for (const r of revisions) {
      expect(r.storyId).toBe(copy.id);
      expect(b.stories.revision(r.id).story.id).toBe(copy.id);
    }
    expect(b.stories.events(copy.id).at(-1)).toMatchObject({ kind: 'imported', detail: expect.stringContaining(`copy of story ${story.id}`) });
    expect(b.stories.list({ query: 'coalition' }).map((r) => r.id).sort()).toEqual([story.id, copy.id].sort());
  });

  it('is all or nothing: a failure on the last story undoes the stories imported before it', () => {
    const { a, b, story } = setup();
    // A package: a story new to B, then the known story (updated as a revision), then one in B's trash.
    const fresh = a.write('Fresh story', ['New to B.']);
    const trashed = b.write('Trashed on B', ['x']);
    const mixed = a.file('mixed.copydesk');
    // B's story travels to A, so A can build one package holding all three.
    b.packages.exportStories([trashed.id], b.file('t.copydesk'), editor.name);
    a.packages.importPackage(b.file('t.copydesk'), 'ask', reporter.name);
    a.packages.exportStories([fresh.id, story.id, trashed.id], mixed, reporter.name);
    b.stories.delete(trashed.id, editor.name);
    const before = snapshot(b.db);
    expect(() => b.packages.importPackage(mixed, 'revision', editor.name)).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/“Trashed on B” is in the trash/) })
    );
    expect(snapshot(b.db)).toEqual(before);
    // Retried as copies, everything goes in.
    expect(b.packages.importPackage(mixed, 'copy', editor.name).imported.map((i) => i.as)).toEqual(['new', 'copy', 'copy']);
  });

  it('refuses an unknown conflict choice', () => {
    const { b, second } = setup();
    expect(() => b.packages.importPackage(second, 'merge' as 'ask', editor.name)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
