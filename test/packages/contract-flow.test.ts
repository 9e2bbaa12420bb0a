// The package channels as the UI uses them: export through the save "dialog", inspect through the
// open "dialog", then import only the file that was inspected.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../src/shared/body.ts';
import { dispatch } from '../../src/main/services/handlers.ts';
import { makeServices } from '../services.ts';
import { useTempDir } from '../helpers.ts';

const tempDir = useTempDir();

describe('package channels', () => {
  it('exports on one machine and imports on another, refusing files that were not inspected', async () => {
    const shared = tempDir();
    const a = makeServices(join(tempDir(), 'a'), { choosePackageFile: async (name) => join(shared, name) });
    const s = a.services.stories.create('Reporter A', 'Cohen in Baku');
    a.services.stories.save({ id: s.id, baseRevision: 1, headline: 'Cohen in Baku', body: bodyFromParagraphs(['In Baku, Cohen met Aliyev.']), keywords: ['Azerbaijan'] }, 'Reporter A');
    const exported = await dispatch(a.handlers, 'packages.export', { ids: [s.id] });
    expect(exported).toEqual({ ok: true, value: { path: join(shared, 'Cohen-in-Baku.copydesk'), count: 1 } });

    const file = join(shared, 'Cohen-in-Baku.copydesk');
    const b = makeServices(join(tempDir(), 'b'), { chooseImportFile: async () => file });
    expect(await dispatch(b.handlers, 'packages.import', { file, onConflict: 'ask' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Choose the package to import first.' },
    });
    const inspected = await dispatch(b.handlers, 'packages.inspect', {});
    expect(inspected).toMatchObject({ ok: true, value: { file, stories: [{ id: s.id, headline: 'Cohen in Baku', exists: false }] } });
    expect(await dispatch(b.handlers, 'packages.import', { file, onConflict: 'ask' })).toMatchObject({
      ok: true,
      value: { imported: [{ id: s.id, as: 'new' }] },
    });
    expect(await dispatch(b.handlers, 'stories.list', { query: 'aliyev' })).toMatchObject({ ok: true, value: { rows: [{ id: s.id }], total: 1 } });
  });

  it('does nothing when the dialogs are cancelled', async () => {
    const a = makeServices(tempDir(), { choosePackageFile: async () => null });
    const s = a.services.stories.create('R', 'X');
    expect(await dispatch(a.handlers, 'packages.export', { ids: [s.id] })).toEqual({ ok: true, value: { path: null, count: 0 } });
    expect(await dispatch(a.handlers, 'packages.inspect', {})).toMatchObject({ ok: true, value: { file: null, stories: [] } });
  });
});
