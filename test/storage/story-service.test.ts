import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs, bodyJson, paragraphNode, textNode } from '../../src/shared/body.ts';
import { AppError } from '../../src/shared/errors.ts';
import type { Profile } from '../../src/shared/settings.ts';
import { openDatabase } from '../../src/main/services/storage/database.ts';
import { createStoryService } from '../../src/main/services/story-service.ts';
import { steppingClock, useTempDir } from '../helpers.ts';

const tempDir = useTempDir();
const reporter: Profile = { name: 'Pesach Benson', role: 'reporter' };
const editor: Profile = { name: 'Desk Editor', role: 'editor' };

function setup() {
  const path = join(tempDir(), 'stories.db');
  const db = openDatabase(path);
  return { path, db, stories: createStoryService({ db, now: steppingClock() }) };
}

function expectAppError(fn: () => unknown, code: string, message?: RegExp) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    if (message) expect((error as AppError).message).toMatch(message);
    return;
  }
  throw new Error(`expected an AppError ${code}`);
}

describe('story service', () => {
  it('creates a draft with a time-sortable id and records the creation', () => {
    const { stories } = setup();
    const a = stories.create(reporter.name, 'First');
    const b = stories.create(reporter.name, 'Second');
    expect(a.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(a.id < b.id).toBe(true);
    expect(a).toMatchObject({ status: 'draft', revision: 1, author: 'Pesach Benson', headline: 'First', approval: null });
    expect(stories.events(a.id).map((e) => e.kind)).toEqual(['created']);
  });

  it('saves content, derives plain text and word count, and bumps the revision each save', () => {
    const { stories, db, path } = setup();
    const s = stories.create(reporter.name);
    const body = bodyFromParagraphs(['Jerusalem, 18 April, 2023 (TPS) -- Cohen departed.', 'Second paragraph.']);
    const saved = stories.save({ id: s.id, baseRevision: 1, headline: 'Azerbaijan', body, keywords: ['Israel', 'Iran'] }, reporter.name);
    expect(saved.revision).toBe(2);
    expect(saved.plainText).toBe('Jerusalem, 18 April, 2023 (TPS) -- Cohen departed.\nSecond paragraph.');
    expect(saved.wordCount).toBe(1 + 9);
    const again = stories.save({ ...saved, baseRevision: 2, headline: 'Azerbaijan and Israel', body, keywords: ['Israel', 'Iran'] }, reporter.name);
    expect(again.revision).toBe(3);
    db.close();
    // Reopen the file: everything is there.
    const reopened = createStoryService({ db: openDatabase(path) });
    expect(reopened.get(s.id)).toEqual(again);
    expect(reopened.list().map((r) => r.headline)).toEqual(['Azerbaijan and Israel']);
  });

  it('does not count an unchanged save as a revision', () => {
    const { stories } = setup();
    const s = stories.create(reporter.name, 'Same');
    const same = stories.save({ id: s.id, baseRevision: 1, headline: 'Same', body: s.body, keywords: [] }, reporter.name);
    expect(same.revision).toBe(1);
  });

  it('refuses a save based on an older revision and keeps the newer text', () => {
    const { stories } = setup();
    const s = stories.create(reporter.name);
    stories.save({ id: s.id, baseRevision: 1, headline: 'Window one', body: s.body, keywords: [] }, reporter.name);
    expectAppError(
      () => stories.save({ id: s.id, baseRevision: 1, headline: 'Window two', body: s.body, keywords: [] }, reporter.name),
      'conflict',
      /changed elsewhere/
    );
    expect(stories.get(s.id).headline).toBe('Window one');
  });

  it('lists newest first, filters by keyword (any case) and status, and counts keywords', () => {
    const { stories } = setup();
    const a = stories.create(reporter.name, 'A');
    stories.save({ id: a.id, baseRevision: 1, headline: 'A', body: a.body, keywords: ['Israel', 'Iran'] }, reporter.name);
    const b = stories.create(reporter.name, 'B');
    stories.save({ id: b.id, baseRevision: 1, headline: 'B', body: b.body, keywords: ['Israel'] }, reporter.name);
    stories.transition(b.id, 'submit', reporter);
    expect(stories.list().map((s) => s.headline)).toEqual(['B', 'A']);
    expect(stories.list({ keyword: 'israel' }).map((s) => s.headline)).toEqual(['B', 'A']);
    expect(stories.list({ keyword: 'Iran' }).map((s) => s.headline)).toEqual(['A']);
    expect(stories.list({ status: 'in_review' }).map((s) => s.headline)).toEqual(['B']);
    expect(stories.keywords()).toEqual([
      { keyword: 'Israel', count: 2 },
      { keyword: 'Iran', count: 1 },
    ]);
  });

  it('walks a story through review: submit, approve with a content hash, void on edit', () => {
    const { stories } = setup();
    const s = stories.create(reporter.name);
    const body = bodyJson([paragraphNode([textNode('Baku blames '), textNode('Iran', 1), textNode(' for the attack.')])]);
    const saved = stories.save({ id: s.id, baseRevision: 1, headline: 'Attack', body, keywords: ['Iran'] }, reporter.name);
    expectAppError(() => stories.transition(s.id, 'approve', editor), 'illegal_transition', /Only a story in review/);
    stories.transition(s.id, 'submit', reporter);
    expectAppError(() => stories.transition(s.id, 'approve', reporter), 'illegal_transition', /Only an editor/);
    const approved = stories.transition(s.id, 'approve', editor);
    expect(approved.status).toBe('approved');
    expect(approved.approval).toMatchObject({ approver: 'Desk Editor' });
    expect(approved.approval!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stories.approvalValid(approved)).toBe(true);

    const edited = stories.save({ id: s.id, baseRevision: saved.revision, headline: 'Attack in Tehran', body, keywords: ['Iran'] }, reporter.name);
    expect(edited.status).toBe('in_review');
    expect(edited.approval).toBeNull();
    expect(edited.voidedApproval).toMatchObject({ approver: 'Desk Editor', voidedBy: 'Pesach Benson' });
    expect(stories.approvalValid(edited)).toBe(false);
    expect(stories.events(s.id).map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
      ['created', null, 'draft'],
      ['edited', 'draft', 'draft'],
      ['submitted', 'draft', 'in_review'],
      ['approved', 'in_review', 'approved'],
      ['edited', 'approved', 'in_review'],
      ['approval_voided', 'approved', 'in_review'],
    ]);
  });

  it('keeps an approval when a save changes nothing a reader sees', () => {
    const { stories } = setup();
    const s = stories.create(reporter.name);
    const body = bodyFromParagraphs(['Text.']);
    const saved = stories.save({ id: s.id, baseRevision: 1, headline: 'H', body, keywords: ['a', 'b'] }, reporter.name);
    stories.transition(s.id, 'submit', reporter);
    stories.transition(s.id, 'approve', editor);
    // Same content, serialized differently (text direction, keyword order).
    const reshaped = JSON.parse(body);
    reshaped.root.children[0].direction = 'ltr';
    const after = stories.save({ id: s.id, baseRevision: saved.revision, headline: 'H', body: JSON.stringify(reshaped), keywords: ['b', 'a'] }, reporter.name);
    expect(after.status).toBe('approved');
    expect(stories.approvalValid(after)).toBe(true);
  });

  it('sends a story back only with a note, and shows the note', () => {
    const { stories } = setup();
    const s = stories.create(reporter.name, 'Thin');
    stories.transition(s.id, 'submit', reporter);
    expectAppError(() => stories.transition(s.id, 'return', editor, '   '), 'invalid_input', /needs a note/);
    expect(stories.get(s.id).status).toBe('in_review');
    const returned = stories.transition(s.id, 'return', editor, 'Needs a second source.');
    expect(returned.status).toBe('returned');
    expect(returned.reviewNote).toMatchObject({ by: 'Desk Editor', note: 'Needs a second source.' });
    expect(stories.events(s.id).at(-1)).toMatchObject({ kind: 'returned', detail: 'Needs a second source.' });
  });

  it('deletes a story and keeps a tombstone in the event log', () => {
    const { db, stories } = setup();
    const s = stories.create(reporter.name, 'Gone');
    stories.delete(s.id, reporter.name);
    expectAppError(() => stories.get(s.id), 'not_found');
    expect(stories.list()).toEqual([]);
    expectAppError(() => stories.delete(s.id, reporter.name), 'not_found');
    // Emptied from the trash, the story row is gone; its event log stays, ending in the tombstones.
    expect(stories.emptyTrash(editor.name)).toBe(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM stories WHERE id = ?').get(s.id)).toEqual({ n: 0 });
    const log = db.prepare('SELECT kind, actor, from_status, to_status, revision, detail FROM story_events WHERE story_id = ? ORDER BY id').all(s.id);
    expect(log).toEqual([
      { kind: 'created', actor: reporter.name, from_status: null, to_status: 'draft', revision: 1, detail: null },
      { kind: 'deleted', actor: reporter.name, from_status: 'draft', to_status: null, revision: 1, detail: 'Gone' },
      { kind: 'purged', actor: editor.name, from_status: null, to_status: null, revision: 1, detail: 'Trash emptied' },
    ]);
  });
});
