/**
 * Hostile and damaged packages: each is refused with a clear AppError('invalid_input') by both
 * inspect and import, and the receiving database is left exactly as it was.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Zippable } from 'fflate';
import { MAX_ENTRIES } from '../../src/main/services/packages/package-format.ts';
import { editor, entriesOf, json, parse, replaceBytes, reporter, rezip, snapshot, useMachines, withDeclaredSize, withFlags } from './machines.ts';

/**
 * What the package reader does with a file, counted instead of timed (a busy machine makes any
 * time limit a coin toss): the files it opens, the bytes it reads, the bytes it inflates.
 */
const io = vi.hoisted(() => ({
  opened: [] as string[],
  bytesRead: 0,
  bytesInflated: 0,
  reset() {
    this.opened = [];
    this.bytesRead = 0;
    this.bytesInflated = 0;
  },
}));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const openSync = ((...args: Parameters<typeof real.openSync>) => {
    io.opened.push(String(args[0]));
    return real.openSync(...args);
  }) as typeof real.openSync;
  const readSync = ((...args: Parameters<typeof real.readSync>) => {
    const n = real.readSync(...args);
    io.bytesRead += n;
    return n;
  }) as typeof real.readSync;
  return { ...real, openSync, readSync };
});
vi.mock('node:zlib', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:zlib')>();
  const inflateRawSync = ((...args: Parameters<typeof real.inflateRawSync>) => {
    const out = real.inflateRawSync(...args);
    io.bytesInflated += out.length;
    return out;
  }) as typeof real.inflateRawSync;
  return { ...real, inflateRawSync };
});

const { machine } = useMachines();
const MB = 1024 * 1024;
const OTHER_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

let ctx: ReturnType<typeof setup>;
beforeEach(() => {
  ctx = setup();
});

/** A valid package from A (as entries, to tamper with), and B with stories of its own, one of them also in the package. */
function setup() {
  const a = machine('laptop-a');
  const story = a.write('שר החוץ נחת בבאקו', ['שר החוץ אלי כהן נפגש עם נשיא אזרבייג׳ן.'], ['ישראל']);
  a.approve(story.id);
  const valid = a.file('valid.copydesk');
  a.packages.exportStories([story.id], valid, reporter.name);
  const b = machine('desktop-b');
  b.write('B only', ['Local text.'], ['Local']);
  b.packages.importPackage(valid, 'ask', editor.name);
  b.write('B after import', ['More.']);
  const id = story.id;
  const entries = (): Record<string, Uint8Array> => entriesOf(readFileSync(valid));
  let n = 0;
  /** Write `bytes` as a package file in B's folder. */
  const save = (bytes: Uint8Array | string) => {
    const file = b.file(`bad-${++n}.copydesk`);
    writeFileSync(file, bytes);
    return file;
  };
  /** Valid entries with some replaced, added (value) or removed (null), zipped again. */
  const tampered = (changes: Record<string, Uint8Array | null>, level: 0 | 6 = 6) => {
    const all: Zippable = entries();
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) delete all[name];
      else all[name] = value;
    }
    return save(rezip(all, level));
  };
  const storyJson = () => parse(entries()[`stories/${id}/story.json`]) as Record<string, unknown>;
  return { a, b, id, valid, entries, save, tampered, storyJson };
}

/** Both inspect and import (in every conflict mode) refuse the file, and B's database is unchanged. */
function expectRefused(file: string, message: RegExp, code = 'invalid_input') {
  const { b } = ctx;
  const before = snapshot(b.db);
  const attempts = [
    () => b.packages.inspect(file),
    () => b.packages.importPackage(file, 'copy', editor.name),
    () => b.packages.importPackage(file, 'revision', editor.name),
  ];
  for (const attempt of attempts) {
    let error: unknown;
    try {
      attempt();
    } catch (e) {
      error = e;
    }
    expect(error, 'should have been refused').toMatchObject({ name: 'AppError', code });
    expect((error as Error).message).toMatch(message);
  }
  expect(snapshot(b.db)).toEqual(before);
}

describe('a valid package, zipped again by hand', () => {
  it('is accepted (so each refusal below is caused by its tampering), folder entries included', () => {
    const { b, id, tampered } = ctx;
    const file = tampered({ 'stories/': new Uint8Array(), [`stories/${id}/`]: new Uint8Array() });
    expect(b.packages.inspect(file).stories).toMatchObject([{ id, exists: true }]);
    expect(b.packages.importPackage(file, 'copy', editor.name).imported).toMatchObject([{ as: 'copy' }]);
  });
});

describe('files that are not packages', () => {
  it('refuses a file that is not a zip', () => {
    expectRefused(ctx.save('Just some notes, not a package.\n'.repeat(20)), /is not a Copydesk package \(it is not a zip file\)/);
  });

  it('refuses an empty file', () => {
    expectRefused(ctx.save(''), /is not a Copydesk package/);
  });

  it('refuses a truncated package', () => {
    const bytes = readFileSync(ctx.valid);
    expectRefused(ctx.save(bytes.subarray(0, Math.floor(bytes.length / 2))), /damaged or incomplete/);
    expectRefused(ctx.save(bytes.subarray(0, bytes.length - 5)), /damaged or incomplete/);
  });

  it('refuses a package with a corrupted byte', () => {
    const file = ctx.tampered({}, 0);
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('"headline"')) + 3;
    bytes[at] ^= 0x20;
    expectRefused(ctx.save(bytes), /is damaged: .* does not match its checksum/);
  });

  it('refuses a file larger than 1 GB without reading it', () => {
    const file = ctx.save('');
    truncateSync(file, 1024 * MB + 1); // sparse: takes no space
    io.reset();
    expectRefused(file, /is larger than 1 GB, the most Copydesk opens/);
    expect(io.opened).not.toContain(file);
    expect(io.bytesRead).toBe(0);
  });

  it('says when the file does not exist', () => {
    expectRefused(ctx.b.file('missing.copydesk'), /does not exist/, 'not_found');
  });

  it('refuses a zip that is not a Copydesk package', () => {
    expectRefused(ctx.save(rezip({ 'photo.jpg': new Uint8Array([1, 2, 3]) })), /“photo\.jpg”, which does not belong in a Copydesk package/);
  });
});

describe('entry names', () => {
  it('refuses path traversal', () => {
    expectRefused(ctx.tampered({ '../evil.json': json({}) }), /“\.\.\/evil\.json”, a path that points outside the package/);
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/../../../evil.json`]: json({}) }), /points outside the package/);
  });

  it('refuses absolute paths', () => {
    expectRefused(ctx.tampered({ '/etc/evil.json': json({}) }), /“\/etc\/evil\.json”, an absolute path/);
    expectRefused(ctx.tampered({ 'C:/Windows/evil.json': json({}) }), /an absolute path/);
  });

  it('refuses backslashes', () => {
    expectRefused(ctx.tampered({ [`stories\\${ctx.id}\\story.json`]: json({}) }), /backslashes are not allowed/);
  });

  it('refuses files outside the expected layout', () => {
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/notes.txt`]: json({}) }), /notes\.txt”, which does not belong/);
    expectRefused(ctx.tampered({ 'run.sh': new TextEncoder().encode('rm -rf ~') }), /“run\.sh”, which does not belong/);
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/images/a.png`]: new Uint8Array(1) }), /which does not belong/);
  });

  it('refuses story folders that are not story ids', () => {
    expectRefused(ctx.tampered({ 'stories/not-an-id/story.json': json({}) }), /folder “stories\/not-an-id\/”, which is not named after a story id/);
    expectRefused(ctx.tampered({ [`stories/${ctx.id.toLowerCase()}/story.json`]: json({}) }), /not named after a story id/);
  });

  it('refuses the same name twice', () => {
    const file = ctx.tampered({ 'manifest.jsoX': json({}) }, 0);
    expectRefused(ctx.save(replaceBytes(readFileSync(file), 'manifest.jsoX', 'manifest.json')), /contains the file “manifest\.json” twice/);
  });

  it('refuses encrypted entries', () => {
    expectRefused(ctx.save(withFlags(readFileSync(ctx.valid), 'manifest.json', 0x0001)), /is encrypted/);
  });
});

describe('the manifest', () => {
  it('refuses a package without one', () => {
    expectRefused(ctx.tampered({ 'manifest.json': null }), /it has no manifest\.json/);
  });

  it('refuses a manifest that is not JSON, not a Copydesk manifest, or malformed', () => {
    expectRefused(ctx.tampered({ 'manifest.json': new TextEncoder().encode('{"format": "copydesk-package",') }), /“manifest\.json” is not valid JSON/);
    expectRefused(ctx.tampered({ 'manifest.json': json({ format: 'zip-of-things' }) }), /its manifest\.json is not a Copydesk manifest/);
    expectRefused(ctx.tampered({ 'manifest.json': json([1, 2, 3]) }), /not a Copydesk manifest/);
    const manifest = parse(ctx.entries()['manifest.json']) as Record<string, unknown>;
    expectRefused(ctx.tampered({ 'manifest.json': json({ ...manifest, stories: 'all of them' }) }), /“manifest\.json” is not a valid manifest \(stories: /);
    expectRefused(ctx.tampered({ 'manifest.json': json({ ...manifest, stories: [] }) }), /at least one story/);
  });

  it('says when a package comes from a newer Copydesk', () => {
    const manifest = parse(ctx.entries()['manifest.json']) as Record<string, unknown>;
    expectRefused(ctx.tampered({ 'manifest.json': json({ ...manifest, version: 2 }) }), /newer version of Copydesk \(package version 2/);
  });

  it('refuses a manifest that does not match the stories', () => {
    const manifest = parse(ctx.entries()['manifest.json']) as { stories: { id: string; headline: string; revision: number }[] };
    const [entry] = manifest.stories;
    expectRefused(ctx.tampered({ 'manifest.json': json({ ...manifest, stories: [{ ...entry, revision: 99 }] }) }), /manifest does not match/);
    expectRefused(ctx.tampered({ 'manifest.json': json({ ...manifest, stories: [entry, entry] }) }), /lists story .* twice/);
    // A listed story whose files are missing, and files of a story the manifest does not list.
    expectRefused(ctx.tampered({ 'manifest.json': json({ ...manifest, stories: [entry, { ...entry, id: OTHER_ID }] }) }), new RegExp(`incomplete: “stories/${OTHER_ID}/story\\.json” is missing`));
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/events.json`]: null }), /“stories\/.*\/events\.json” is missing/);
    expectRefused(ctx.tampered({ [`stories/${OTHER_ID}/story.json`]: json({}) }), new RegExp(`manifest does not list story ${OTHER_ID}`));
  });
});

describe('stories, revisions and events', () => {
  it('refuses a story file that is not JSON', () => {
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/story.json`]: new TextEncoder().encode('{"id": "') }), /story\.json” is not valid JSON/);
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/events.json`]: new Uint8Array([0xff, 0xfe, 0x00]) }), /events\.json” is not valid JSON/);
  });

  it('refuses wrong types', () => {
    const story = ctx.storyJson();
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/story.json`]: json({ ...story, wordCount: 'ten' }) }), /story\.json” is not a valid story \(wordCount: /);
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/story.json`]: json({ ...story, status: 'published' }) }), /not a valid story \(status: /);
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/story.json`]: json({ ...story, approval: { approver: 'X' } }) }), /not a valid story \(approval/);
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/story.json`]: json({ ...story, updatedAt: 'yesterday' }) }), /story\.json” has a creation or update time that is not a valid time/);
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/revisions.json`]: json({ not: 'a list' }) }), /revisions\.json” is not a valid list of revisions/);
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/events.json`]: json([{ id: 1, kind: 'hacked' }]) }), /events\.json” is not a valid event log/);
  });

  it('refuses a story body that is not an editor document', () => {
    const story = ctx.storyJson();
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/story.json`]: json({ ...story, body: '{"root": 5}' }) }), /the body in “stories\/.*\/story\.json” is not valid \(The story body is not a valid editor document/);
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/story.json`]: json({ ...story, body: 'not json' }) }), /body .* is not valid/);
    const revisions = parse(ctx.entries()[`stories/${ctx.id}/revisions.json`]) as { story: Record<string, unknown> }[];
    revisions[0] = { ...revisions[0], story: { ...revisions[0].story, body: '{}' } };
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/revisions.json`]: json(revisions) }), /the body in “stories\/.*\/revisions\.json \(revision 1\)” is not valid/);
  });

  it('refuses content the editor would refuse', () => {
    const story = ctx.storyJson();
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/story.json`]: json({ ...story, headline: 'x'.repeat(501) }) }), /the headline .* is not valid/);
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/story.json`]: json({ ...story, keywords: ['a,b'] }) }), /the keywords .* is not valid/);
  });

  it('refuses a story whose id does not match its folder', () => {
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/story.json`]: json({ ...ctx.storyJson(), id: OTHER_ID }) }), new RegExp(`holds story ${OTHER_ID}, not ${ctx.id}`));
  });

  it('refuses revisions and events that belong to another story', () => {
    const { b } = ctx;
    const victim = b.write('Victim on B', ['Must not be touched.']);
    const revisions = parse(ctx.entries()[`stories/${ctx.id}/revisions.json`]) as { storyId: string; story: { id: string } }[];
    const pointed = revisions.map((r) => ({ ...r, storyId: victim.id, story: { ...r.story, id: victim.id } }));
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/revisions.json`]: json(pointed) }), /revision 1 in .* belongs to another story/);
    const events = parse(ctx.entries()[`stories/${ctx.id}/events.json`]) as { storyId: string }[];
    expectRefused(ctx.tampered({ [`stories/${ctx.id}/events.json`]: json(events.map((e) => ({ ...e, storyId: victim.id }))) }), /event 1 in .* belongs to another story/);
  });
});

describe('zip bombs and size limits', () => {
  it('refuses an entry whose declared size exceeds 50 MB, without inflating it', () => {
    const file = ctx.save(withDeclaredSize(readFileSync(ctx.tampered({})), `stories/${ctx.id}/events.json`, 60 * MB));
    io.reset();
    expectRefused(file, /events\.json”, which would unpack to 60 MB; the limit is 50 MB per file. It was not unpacked/);
    expect(io.bytesInflated).toBe(0);
  });

  it('refuses a real bomb (51 MB of zeros in a few kilobytes) before inflating it', () => {
    const bomb = ctx.tampered({ [`stories/${ctx.id}/revisions.json`]: new Uint8Array(51 * MB) }, 6);
    expect(readFileSync(bomb).length).toBeLessThan(200 * 1024);
    io.reset();
    expectRefused(bomb, /which would unpack to 51 MB; the limit is 50 MB/);
    expect(io.bytesRead).toBeGreaterThan(0); // it was read (the zip's directory)…
    expect(io.bytesInflated).toBe(0); // …but not one byte was inflated
  });

  it('refuses an entry that inflates to more than it declares', () => {
    const honest = readFileSync(ctx.tampered({ [`stories/${ctx.id}/revisions.json`]: new Uint8Array(10 * MB) }));
    expectRefused(ctx.save(withDeclaredSize(honest, `stories/${ctx.id}/revisions.json`, 100 * 1024)), /unpacks to more than the 100 KB it declares/);
  });

  it('refuses more than 500 MB in all, even when each entry is under 50 MB', () => {
    const manifest = parse(ctx.entries()['manifest.json']) as Record<string, unknown>;
    const ids = Array.from({ length: 4 }, (_, i) => `01ARZ3NDEKTSV4RRFFQ69G5FA${i}`);
    const entries: Zippable = { 'manifest.json': json({ ...manifest, stories: ids.map((id) => ({ id, headline: 'x', revision: 1 })) }) };
    for (const id of ids) for (const f of ['story.json', 'revisions.json', 'events.json']) entries[`stories/${id}/${f}`] = json({});
    const file = ctx.save(withDeclaredSize(rezip(entries), (name) => name.startsWith('stories/'), 45 * MB));
    expectRefused(file, /would unpack to more than 500 MB in all/);
  });

  it('refuses too many entries', () => {
    const entries: Zippable = {};
    for (let i = 0; i <= MAX_ENTRIES; i++) entries[`f${i}`] = new Uint8Array(0);
    expectRefused(ctx.save(rezip(entries, 0)), new RegExp(`holds ${MAX_ENTRIES + 1} files; a Copydesk package holds at most ${MAX_ENTRIES}`));
  });
});
