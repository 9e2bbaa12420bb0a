import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bodyFromParagraphs } from '../src/shared/body.ts';
import { createChangeFeed } from '../src/main/services/change-feed.ts';
import { openDatabase } from '../src/main/services/storage/database.ts';
import { createStoryService } from '../src/main/services/story-service.ts';
import { makeServices } from './services.ts';
import { useTempDir } from './helpers.ts';

const tempDir = useTempDir();

describe('library.changed', () => {
  it('names the stories this process changed, once each change committed', () => {
    const changed: string[][] = [];
    const { services: live } = makeServices(tempDir(), {}, { onLibraryChanged: (ids) => changed.push(ids) });
    const a = live.stories.create('Reporter', 'One');
    expect(changed).toEqual([[a.id]]);
    live.stories.save({ id: a.id, baseRevision: 1, body: bodyFromParagraphs(['Text.']) }, 'Reporter');
    live.stories.delete(a.id, 'Reporter');
    expect(changed).toEqual([[a.id], [a.id], [a.id]]);
    live.close();
  });

  it('sees another connection’s commits through data_version', () => {
    const path = join(tempDir(), 'copydesk.db');
    const mine = openDatabase(path);
    const other = openDatabase(path);
    const heard: string[][] = [];
    const feed = createChangeFeed(mine, (ids) => heard.push(ids), 60_000);
    feed.poll();
    expect(heard).toEqual([]);
    const elsewhere = createStoryService({ db: other });
    const s = elsewhere.create('Command line', 'Filed from the terminal');
    const t = elsewhere.create('Command line', 'Another');
    feed.poll();
    expect(heard).toEqual([[s.id, t.id]]);
    feed.poll(); // nothing new: nothing heard
    expect(heard).toHaveLength(1);
    feed.stop();
    mine.close();
    other.close();
  });

  it('polls by itself', async () => {
    const path = join(tempDir(), 'copydesk.db');
    const mine = openDatabase(path);
    const other = openDatabase(path);
    const listener = vi.fn();
    const feed = createChangeFeed(mine, listener, 20);
    const s = createStoryService({ db: other }).create('Elsewhere', 'X');
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith([s.id]), { timeout: 30_000, interval: 20 });
    feed.stop();
    mine.close();
    other.close();
  });
});

