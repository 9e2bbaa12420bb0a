/**
 * The open story tells another window's change from its own save by the revision it holds once
 * no save of its own is in flight (`StorySaver.whenIdle`). A check that starts while a save is on
 * its way must wait for it and see the revision that save returned; metadata changes go in the
 * same save as the text.
 */
import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/shared/story.ts';
import { StorySaver, type StoryContentDraft } from '../../src/renderer/src/features/story/saver.ts';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('StorySaver.whenIdle', () => {
  it('runs after the save in flight, with the revision that save returned', async () => {
    const reply = deferred<Story>();
    const sent: unknown[] = [];
    let content: StoryContentDraft = { headline: 'A', body: '{}', keywords: [] };
    const saver = new StorySaver({
      id: 'S',
      revision: 3,
      read: () => content,
      save: (input) => {
        sent.push(input);
        return reply.promise;
      },
      onSaved: () => {},
      onState: () => {},
      delayMs: 60_000,
    });
    saver.markLoaded();
    content = { headline: 'A', body: '{}', keywords: [], slugline: 'BUDGET-VOTE', urgency: 2 };
    saver.changed();
    const saving = saver.flush();
    const seen: number[] = [];
    const check = saver.whenIdle(async (revision) => {
      seen.push(revision);
      return revision;
    });
    await Promise.resolve();
    expect(seen).toEqual([]); // still waiting for the save
    reply.resolve({ revision: 4 } as Story);
    expect(await saving).toBe(true);
    expect(await check).toBe(4);
    expect(sent).toEqual([{ id: 'S', baseRevision: 3, headline: 'A', body: '{}', keywords: [], slugline: 'BUDGET-VOTE', urgency: 2 }]);
    saver.dispose();
  });

  it('a metadata change alone is a change to save', async () => {
    const sent: unknown[] = [];
    let content: StoryContentDraft = { headline: 'A', body: '{}', keywords: [] };
    const saver = new StorySaver({
      id: 'S',
      revision: 1,
      read: () => content,
      save: async (input) => {
        sent.push(input);
        return { revision: 2 } as Story;
      },
      onSaved: () => {},
      onState: () => {},
      delayMs: 60_000,
    });
    saver.markLoaded();
    expect(await saver.flush()).toBe(true);
    expect(sent).toHaveLength(0); // nothing new
    content = { ...content, desk: 'World' };
    saver.changed();
    expect(await saver.flush()).toBe(true);
    expect(sent).toEqual([{ id: 'S', baseRevision: 1, headline: 'A', body: '{}', keywords: [], desk: 'World' }]);
    saver.dispose();
  });
});
