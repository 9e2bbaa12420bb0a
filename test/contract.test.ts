import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../src/shared/body.ts';
import { CHANNELS, type Channel } from '../src/shared/contract.ts';
import { dispatch } from '../src/main/services/handlers.ts';
import { makeServices } from './services.ts';
import { useTempDir } from './helpers.ts';

const tempDir = useTempDir();
const GOOD_ID = '01JD0000000000000000000000';

// For every channel: inputs that must be refused. `{ nope: 1 }` tests unknown keys (the contract is strict).
const malformed: Record<Channel, unknown[]> = {
  'app.info': [{ nope: 1 }, 'text', 42],
  'app.readyToClose': [{ nope: 1 }, [1]],
  'app.keepOpen': [{ nope: 1 }],
  'settings.get': [{ nope: 1 }],
  'settings.update': [
    { profile: { name: '', role: 'editor' } },
    { profile: { name: 'A', role: 'publisher' } },
    { theme: 'neon' },
    { exportFolder: 7 },
    { nope: 1 },
  ],
  'stories.list': [
    { keyword: '' },
    { keyword: 'a'.repeat(81) },
    { status: 'published' },
    { sort: 'random' },
    { from: '27/11/2026' },
    { query: 'x'.repeat(501) },
    { nope: 1 },
  ],
  'stories.get': [{}, { id: 'not-an-id' }, { id: 5 }, { id: GOOD_ID, extra: true }],
  'stories.create': [{ headline: 5 }, { headline: 'x'.repeat(501) }, { nope: 1 }],
  'stories.save': [
    {},
    { id: 'bad', baseRevision: 1, headline: 'h', body: bodyFromParagraphs(['x']), keywords: [] },
    { id: GOOD_ID, baseRevision: 0, headline: 'h', body: bodyFromParagraphs(['x']), keywords: [] },
    { id: GOOD_ID, baseRevision: 1, headline: 'h', body: 'not json', keywords: [] },
    { id: GOOD_ID, baseRevision: 1, headline: 'h', body: '{"root":{"type":"paragraph","children":[]}}', keywords: [] },
    { id: GOOD_ID, baseRevision: 1, headline: 'h', body: bodyFromParagraphs(['x']), keywords: ['ok', 'bad,comma'] },
    { id: GOOD_ID, baseRevision: 1, headline: 'h', body: bodyFromParagraphs(['x']), keywords: [''] },
    { id: GOOD_ID, baseRevision: 1, headline: 'h', body: bodyFromParagraphs(['x']), keywords: 'Iran' },
  ],
  'stories.createCopy': [
    { headline: 'h', body: 'nope', keywords: [] },
    { headline: 'h', body: bodyFromParagraphs(['x']), keywords: [], sourceId: 'x' },
    { headline: 'h', body: bodyFromParagraphs(['x']) },
  ],
  'stories.delete': [{}, { id: '../../etc/passwd' }],
  'trash.list': [{ nope: 1 }],
  'trash.restore': [{}, { id: 'x' }],
  'trash.empty': [{ all: true }],
  'revisions.list': [{}, { id: 1 }],
  'revisions.get': [{}, { revisionId: 0 }, { revisionId: 'one' }],
  'revisions.restore': [{ id: GOOD_ID, revisionId: 1 }, { id: GOOD_ID, revisionId: -1, baseRevision: 1 }],
  'library.stats': [{ nope: 1 }],
  'recovery.status': [{ nope: 1 }],
  'packages.export': [{ ids: [] }, { ids: ['nope'] }, {}],
  'packages.inspect': [{ file: '/etc/passwd' }],
  'packages.import': [{ file: '', onConflict: 'ask' }, { file: '/tmp/x.copydesk', onConflict: 'overwrite' }],
  'recovery.restoreBackup': [{}, { name: '../copydesk.db' }, { name: '/etc/passwd' }],
  'recovery.startFresh': [{ force: true }],
  'recovery.salvage': [{ folder: '/tmp' }],
  'stories.events': [{}, { id: null }],
  'keywords.list': [{ nope: 1 }],
  'workflow.transition': [
    { id: GOOD_ID, action: 'publish' },
    { id: GOOD_ID },
    { id: GOOD_ID, action: 'return', note: 'x'.repeat(5001) },
  ],
  'import.files': [
    {},
    { files: [] },
    { files: [{ name: 'a.txt' }] },
    { files: [{ name: '', data: 'QQ==' }] },
    { files: [{ name: 'x'.repeat(256), data: 'QQ==' }] },
    { files: [{ name: 'a.txt', data: 'not base64!' }] },
    { files: Array.from({ length: 51 }, (_, i) => ({ name: `${i}.txt`, data: 'QQ==' })) },
    { files: [{ name: 'a.txt', data: 'QQ==', path: '/etc/passwd' }] },
  ],
  'export.chooseFolder': [{ nope: 1 }],
  'export.story': [
    { id: GOOD_ID, format: 'docx', folder: '/tmp' },
    { id: GOOD_ID, format: 'markdown', folder: '' },
    { id: GOOD_ID, format: 'markdown' },
  ],
};

function snapshot(db: ReturnType<typeof makeServices>['services']['db']) {
  return ['stories', 'story_keywords', 'story_events', 'revisions'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all());
}

describe('the contract', () => {
  it('has malformed-input cases for every channel', () => {
    expect(Object.keys(malformed).sort()).toEqual([...CHANNELS].sort());
  });

  for (const channel of CHANNELS) {
    it(`${channel} rejects malformed input with a clear error and changes nothing`, async () => {
      const { services, handlers } = makeServices(tempDir());
      const story = services.stories.create('Reporter', 'Existing');
      const before = snapshot(services.db);
      const settingsBefore = services.settings.get();
      for (const input of malformed[channel]) {
        const result = await dispatch(handlers, channel, input);
        expect(result.ok, `${channel} accepted ${JSON.stringify(input).slice(0, 80)}`).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid_input');
          expect(result.error.message.length).toBeGreaterThan(5);
        }
      }
      expect(snapshot(services.db)).toEqual(before);
      expect(services.settings.get()).toEqual(settingsBefore);
      expect(services.stories.get(story.id).headline).toBe('Existing');
      services.close();
    });
  }

  it('refuses an unknown channel', async () => {
    const { handlers, services } = makeServices(tempDir());
    expect(await dispatch(handlers, 'fs.readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown channel: fs.readFile' },
    });
    services.close();
  });

  it('answers a missing story with not_found, not a crash', async () => {
    const { handlers, services } = makeServices(tempDir());
    const result = await dispatch(handlers, 'stories.get', { id: GOOD_ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    services.close();
  });

  it('runs a valid call end to end: create, save, list, keywords, settings', async () => {
    const { handlers, services } = makeServices(tempDir());
    const created = await dispatch(handlers, 'stories.create', {});
    if (!created.ok) throw new Error(created.error.message);
    const story = created.value as { id: string; revision: number; body: string };
    const saved = await dispatch(handlers, 'stories.save', {
      id: story.id,
      baseRevision: 1,
      headline: '  Cohen in Baku\n',
      body: bodyFromParagraphs(['In Baku, Cohen is expected to meet Aliyev.']),
      keywords: [' Azerbaijan ', 'azerbaijan', 'Israel'],
    });
    expect(saved).toMatchObject({ ok: true, value: { headline: '  Cohen in Baku ', keywords: ['Azerbaijan', 'Israel'], revision: 2 } });
    expect(await dispatch(handlers, 'keywords.list', {})).toEqual({
      ok: true,
      value: [
        { keyword: 'Azerbaijan', count: 1 },
        { keyword: 'Israel', count: 1 },
      ],
    });
    const updated = await dispatch(handlers, 'settings.update', { profile: { name: 'Dana', role: 'editor' } });
    expect(updated).toMatchObject({ ok: true, value: { profile: { name: 'Dana', role: 'editor' }, theme: 'system' } });
    services.close();
  });
});
