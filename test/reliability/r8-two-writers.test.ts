// R8: two writers on one story (two windows, or the app and the command line: two connections to
// one library file). The stale save is refused; "keep mine as a copy" keeps both versions.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { dispatch } from '../../src/main/services/handlers.ts';
import { makeServices } from '../services.ts';
import { useTempDir } from '../helpers.ts';

const tempDir = useTempDir();

describe('R8: two writers on one story', () => {
  it('refuses the stale save and keeps both versions', async () => {
    const dataDir = join(tempDir(), 'library');
    const windowA = makeServices(dataDir);
    const windowB = makeServices(dataDir); // a second process on the same file
    const created = windowA.services.stories.create('Reporter', 'Shared story');

    const a = await dispatch(windowA.handlers, 'stories.save', { id: created.id, baseRevision: 1, headline: 'Version A', body: bodyFromParagraphs(['Written in window A.']), keywords: [] });
    expect(a).toMatchObject({ ok: true, value: { revision: 2 } });

    const mine = { headline: 'Version B', body: bodyFromParagraphs(['Written in window B.']), keywords: ['B'] };
    const stale = await dispatch(windowB.handlers, 'stories.save', { id: created.id, baseRevision: 1, ...mine });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!stale.ok) expect(stale.error.message).toMatch(/changed elsewhere.*revision 2.*not saved over it/s);

    // Window B keeps its text as a copy; window A's version is untouched.
    const copy = await dispatch(windowB.handlers, 'stories.createCopy', { ...mine, sourceId: created.id });
    expect(copy).toMatchObject({ ok: true, value: { headline: 'Version B', plainText: 'Written in window B.', keywords: ['B'] } });
    const list = await dispatch(windowA.handlers, 'stories.list', { sort: 'headline' });
    expect(list.ok && (list.value as { rows: { headline: string }[] }).rows.map((s) => s.headline)).toEqual(['Version A', 'Version B']);
    expect(windowA.services.stories.get(created.id).plainText).toBe('Written in window A.');
    windowA.services.close();
    windowB.services.close();
  });
});
