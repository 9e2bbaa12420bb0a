/**
 * The renderer's tagging rules without a browser: entities are kept once per kind and name and
 * refused with a reason when invalid; a change to subjects or entities alone is saved by the
 * story's autosave (and only once), like a change to the text.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/contract.ts';
import type { Story } from '../../src/shared/story.ts';
import type { Entity } from '../../src/shared/tagging.ts';
import { StorySaver, type StoryContentDraft } from '../../src/renderer/src/features/story/saver.ts';
import { byKind, withEntity } from '../../src/renderer/src/features/tagging/entities.ts';

describe('withEntity', () => {
  const cohen: Entity = { kind: 'person', name: 'Eli Cohen' };

  it('adds a new name at the end, trimmed', () => {
    const { list, error } = withEntity([cohen], { kind: 'place', name: '  Baku ', id: 'AZ' });
    expect(error).toBeNull();
    expect(list).toEqual([cohen, { kind: 'place', name: 'Baku', id: 'AZ' }]);
  });

  it('keeps one per kind and name, ignoring case; the same name of another kind is another entity', () => {
    const before = [cohen];
    expect(withEntity(before, { kind: 'person', name: 'eli cohen' }).list).toBe(before);
    expect(withEntity(before, { kind: 'organisation', name: 'Eli Cohen' }).list).toHaveLength(2);
  });

  it('refuses an empty or overlong name with the reason and leaves the list as it was', () => {
    const before = [cohen];
    const empty = withEntity(before, { kind: 'person', name: '   ' });
    expect(empty.list).toBe(before);
    expect(empty.error).toBe('An entity needs a name.');
    expect(withEntity(before, { kind: 'place', name: 'x'.repeat(201) }).error).toBe('A name is at most 200 characters.');
  });

  it('groups by kind in a fixed order: people, organisations, places; empty kinds left out', () => {
    const list: Entity[] = [{ kind: 'place', name: 'Baku' }, cohen, { kind: 'place', name: 'Jerusalem' }];
    expect(byKind(list)).toEqual([
      ['person', [cohen]],
      ['place', [list[0], list[2]]],
    ]);
  });
});

describe('StorySaver with subjects and entities', () => {
  function setup() {
    let content: StoryContentDraft = { headline: 'Derby', body: '{}', keywords: [], subjects: [], entities: [] };
    const sent: ChannelInput<'stories.save'>[] = [];
    const saver = new StorySaver({
      id: 'S1',
      revision: 1,
      read: () => content,
      save: async (input) => {
        sent.push(input);
        return { revision: sent.length + 1 } as Story;
      },
      onSaved: () => {},
      onState: () => {},
      delayMs: 60_000, // never fires during the test: saves happen on flush
    });
    saver.markLoaded();
    return { saver, sent, set: (patch: Partial<StoryContentDraft>) => (content = { ...content, ...patch }) };
  }

  it('saves a subject added on its own, with the vocabulary version, then nothing more until something changes', async () => {
    const { saver, sent, set } = setup();
    set({ subjects: [{ qcode: 'medtop:20001065', label: 'soccer', vocabularyVersion: '2023-03-31' }] });
    saver.changed();
    expect(await saver.flush()).toBe(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id: 'S1', baseRevision: 1, subjects: [{ qcode: 'medtop:20001065' }] });
    expect(await saver.flush()).toBe(true);
    expect(sent).toHaveLength(1);
    saver.dispose();
  });

  it('saves an entity change on its own', async () => {
    const { saver, sent, set } = setup();
    set({ entities: [{ kind: 'place', name: 'Baku', id: 'AZ' }] });
    saver.changed();
    await saver.flush();
    expect(sent).toEqual([expect.objectContaining({ entities: [{ kind: 'place', name: 'Baku', id: 'AZ' }], baseRevision: 1 })]);
    saver.dispose();
  });
});
