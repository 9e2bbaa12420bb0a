import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPictureStore, MAX_PICTURE_BYTES } from '../../src/main/services/pictures.ts';
import { useTempDir } from '../helpers.ts';
import { jpeg } from './jpeg.ts';
import type { Result } from '../../src/shared/errors.ts';
import type { Picture } from '../../src/shared/news-item.ts';

const tempDir = useTempDir();
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('pictures', () => {
  it('stores a file once, named by its SHA-256, and describes it', async () => {
    const dir = tempDir();
    const store = createPictureStore(dir);
    const a = await store.add('cohen.jpg', jpeg());
    const b = await store.add('copy-of-cohen.jpg', jpeg());
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.sha256).toBe(a.sha256);
    expect(a).toMatchObject({ mediaType: 'image/jpeg', width: 1, height: 1, fileName: 'cohen.jpg', role: 'inline' });
    expect(existsSync(join(dir, 'media', a.sha256.slice(0, 2), a.sha256))).toBe(true);
    expect(Buffer.from(store.read(a.sha256)).equals(jpeg())).toBe(true);
    const png = await store.add('dot.png', PNG_1x1);
    expect(png).toMatchObject({ mediaType: 'image/png', width: 1, height: 1 });
  });

  it('prefills caption, credit, alt text and usage terms from IPTC and XMP', async () => {
    const store = createPictureStore(tempDir());
    const picture = await store.add(
      'baku.jpg',
      jpeg({
        iptc: { caption: 'Eli Cohen in Baku', credit: 'TPS', byline: 'Yosef Mizrahi', copyright: '© TPS 2023' },
        xmp: { altText: 'The foreign minister at a podium', usageTerms: 'Editorial use only' },
      })
    );
    expect(picture).toMatchObject({
      caption: 'Eli Cohen in Baku',
      credit: 'Yosef Mizrahi/TPS',
      altText: 'The foreign minister at a podium',
      usageTerms: 'Editorial use only',
    });
    const xmpOnly = await store.add('x.jpg', jpeg({ xmp: { description: 'Only XMP here', credit: 'Agency' } }));
    expect(xmpOnly).toMatchObject({ caption: 'Only XMP here', credit: 'Agency', altText: '', usageTerms: '' });
  });

  it('refuses what is not a picture, a damaged picture and an oversized file, keeping nothing', async () => {
    const dir = tempDir();
    const store = createPictureStore(dir);
    await expect(store.add('notes.txt', Buffer.from('Just some text'))).rejects.toThrow(/not a picture Copydesk can use/);
    await expect(store.add('fake.jpg', Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]))).rejects.toThrow(/cannot be read; it may be damaged/);
    await expect(store.add('empty.png', Buffer.alloc(0))).rejects.toThrow(/is empty/);
    await expect(store.add('huge.jpg', Buffer.concat([jpeg(), Buffer.alloc(MAX_PICTURE_BYTES)]))).rejects.toThrow(/at most 30 MB/);
    expect(existsSync(join(dir, 'media'))).toBe(false);
  });

  it('keeps a file from a package only if its bytes match its name', () => {
    const store = createPictureStore(tempDir());
    expect(() => store.keep('0'.repeat(64), jpeg())).toThrow(/does not match its contents/);
  });

  it('serves a thumbnail, or the picture itself when none was made', async () => {
    const store = createPictureStore(tempDir());
    const plain = await store.add('a.jpg', jpeg());
    expect(store.thumbnail(plain.sha256).mediaType).toBe('image/jpeg');
    const withThumb = await store.add('b.jpg', jpeg({ iptc: { caption: 'x' } }), PNG_1x1);
    expect(store.thumbnail(withThumb.sha256)).toMatchObject({ mediaType: 'image/png' });
    await expect(store.add('c.jpg', jpeg(), Buffer.from('not an image'))).rejects.toThrow(/not a picture/);
  });
});

describe('pictures through the contract and in packages', () => {
  it('adds a picture to a story, shows its thumbnail, and carries the file in a .copydesk package', async () => {
    const { makeServices } = await import('../services.ts');
    const { dispatch } = await import('../../src/main/services/handlers.ts');
    const from = makeServices(tempDir());
    const added = (await dispatch(from.handlers, 'pictures.add', {
      name: 'baku.jpg',
      data: jpeg({ iptc: { caption: 'Eli Cohen in Baku', credit: 'TPS' } }).toString('base64'),
    })) as Result<Picture>;
    expect(added).toMatchObject({ ok: true, value: { caption: 'Eli Cohen in Baku', credit: 'TPS', mediaType: 'image/jpeg' } });
    if (!added.ok) return;
    const story = from.services.stories.create('Reporter', 'Cohen in Baku');
    from.services.stories.save({ id: story.id, baseRevision: 1, pictures: [{ ...added.value, role: 'lead' }] }, 'Reporter');
    const thumb = (await dispatch(from.handlers, 'pictures.thumbnail', { sha256: added.value.sha256 })) as Result<{ url: string }>;
    expect(thumb.ok && thumb.value.url.startsWith('data:image/jpeg;base64,')).toBe(true);
    const refused = await dispatch(from.handlers, 'pictures.add', { name: 'notes.txt', data: Buffer.from('hello!').toString('base64') });
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a picture/) } });

    const file = join(tempDir(), 'story.copydesk');
    from.services.packages.exportStories([story.id], file, 'Reporter');
    const to = makeServices(tempDir());
    expect(to.services.pictures.has(added.value.sha256)).toBe(false);
    to.services.packages.importPackage(file, 'ask', 'Editor');
    expect(to.services.pictures.has(added.value.sha256)).toBe(true);
    expect(to.services.stories.get(story.id).pictures[0]).toMatchObject({ role: 'lead', caption: 'Eli Cohen in Baku' });

    // A package whose picture file is missing, or does not match its name, is refused whole.
    const entries = unzipSync(readFileSync(file));
    const media = `media/${added.value.sha256}`;
    const { [media]: _gone, ...withoutMedia } = entries;
    const missing = join(tempDir(), 'missing.copydesk');
    writeFileSync(missing, zipSync(withoutMedia));
    const third = makeServices(tempDir());
    expect(() => third.services.packages.importPackage(missing, 'ask', 'Editor')).toThrow(/incomplete: the picture “baku.jpg” is missing/);
    const swapped = join(tempDir(), 'swapped.copydesk');
    writeFileSync(swapped, zipSync({ ...entries, [media]: new Uint8Array(jpeg({ iptc: { caption: 'another' } })) }));
    expect(() => third.services.packages.importPackage(swapped, 'ask', 'Editor')).toThrow(/does not match its contents/);
    expect(third.services.stories.count({})).toBe(0);
    expect(existsSync(join(third.services.dataDir, 'media'))).toBe(false);
    from.services.close();
    to.services.close();
    third.services.close();
  });
});
