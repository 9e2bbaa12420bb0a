/**
 * Pictures: files stored once in `DATA/media`, named by the SHA-256 of their bytes (two stories
 * with the same photo share one file; a package carries it once), with a small thumbnail made by
 * the renderer beside it. Only real JPEG, PNG, WebP and GIF files are taken; the caption, credit,
 * alt text and usage terms are prefilled from the file's IPTC, XMP and EXIF metadata.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import exifr from 'exifr';
import { imageSize } from 'image-size';
import { AppError } from '../../shared/errors.ts';
import { PICTURE_MEDIA_TYPES, pictureSchema, type Picture } from '../../shared/news-item.ts';

const MB = 1024 * 1024;
export const MAX_PICTURE_BYTES = 30 * MB;
export const MAX_THUMBNAIL_BYTES = 300 * 1024;
/** Larger than this on a side and a file is more likely a bomb than a news photo. */
const MAX_SIDE = 30_000;
const MEDIA_TYPE: Readonly<Record<string, (typeof PICTURE_MEDIA_TYPES)[number]>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

export type PictureStore = ReturnType<typeof createPictureStore>;

export function createPictureStore(dataDir: string) {
  const dir = join(dataDir, 'media');
  const file = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);
  const thumbFile = (sha256: string) => `${file(sha256)}.thumb`;

  function write(path: string, bytes: Uint8Array): void {
    mkdirSync(join(path, '..'), { recursive: true });
    const temp = `${path}.${randomUUID()}.tmp`;
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  }

  return {
    dir,
    /**
     * Keep a picture file and describe it: a new picture for a story (role `inline`; the caller
     * makes it the lead). Refuses anything that is not a JPEG, PNG, WebP or GIF, or is too large.
     */
    async add(name: string, bytes: Uint8Array, thumbnail?: Uint8Array): Promise<Picture> {
      const info = describe(name, bytes);
      if (thumbnail && thumbnail.length > MAX_THUMBNAIL_BYTES) throw new AppError('invalid_input', 'The thumbnail is too large.');
      if (thumbnail && thumbnail.length > 0) describe('thumbnail', thumbnail);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (!existsSync(file(sha256))) write(file(sha256), bytes);
      if (thumbnail && thumbnail.length > 0) write(thumbFile(sha256), thumbnail);
      const meta = await readMetadata(bytes);
      return pictureSchema.parse({ sha256, role: 'inline', fileName: name.slice(0, 255), ...info, ...meta });
    },
    has(sha256: string): boolean {
      return /^[0-9a-f]{64}$/.test(sha256) && existsSync(file(sha256));
    },
    read(sha256: string): Uint8Array {
      if (!/^[0-9a-f]{64}$/.test(sha256) || !existsSync(file(sha256))) throw new AppError('not_found', 'That picture is not in the library.');
      return readFileSync(file(sha256));
    },
    /** The thumbnail, or the picture itself when none was made. */
    thumbnail(sha256: string): { bytes: Uint8Array; mediaType: string } {
      const bytes = existsSync(thumbFile(sha256)) ? readFileSync(thumbFile(sha256)) : this.read(sha256);
      return { bytes, mediaType: sniff(bytes) ?? 'application/octet-stream' };
    },
    /** Keep a file that arrived in a package, after checking that its bytes are what its name says. */
    keep(sha256: string, bytes: Uint8Array): void {
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        throw new AppError('invalid_input', `The picture ${sha256.slice(0, 12)}… does not match its contents.`);
      }
      describe(sha256, bytes);
      if (!existsSync(file(sha256))) write(file(sha256), bytes);
    },
    remove(sha256: string): void {
      rmSync(file(sha256), { force: true });
      rmSync(thumbFile(sha256), { force: true });
    },
  };
}

/** The media type of a picture file from its first bytes, or null. */
export function sniff(bytes: Uint8Array): (typeof PICTURE_MEDIA_TYPES)[number] | null {
  const b = bytes;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'image/gif';
  if (b.length >= 12 && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

function describe(name: string, bytes: Uint8Array) {
  if (bytes.length === 0) throw new AppError('invalid_input', `“${name}” is empty.`);
  if (bytes.length > MAX_PICTURE_BYTES) {
    throw new AppError('invalid_input', `“${name}” is ${Math.ceil(bytes.length / MB)} MB; a picture can be at most ${MAX_PICTURE_BYTES / MB} MB.`);
  }
  const mediaType = sniff(bytes);
  if (!mediaType) throw new AppError('invalid_input', `“${name}” is not a picture Copydesk can use (JPEG, PNG, WebP or GIF).`);
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    throw new AppError('invalid_input', `“${name}” looks like a picture but cannot be read; it may be damaged.`);
  }
  if (!size.width || !size.height || MEDIA_TYPE[size.type ?? ''] !== mediaType) {
    throw new AppError('invalid_input', `“${name}” looks like a picture but cannot be read; it may be damaged.`);
  }
  if (size.width > MAX_SIDE || size.height > MAX_SIDE) {
    throw new AppError('invalid_input', `“${name}” is ${size.width} × ${size.height} pixels; a side can be at most ${MAX_SIDE}.`);
  }
  return { mediaType, width: size.width, height: size.height, bytes: bytes.length };
}

/** IPTC-IIM text is often UTF-8 read as Latin-1 ("Â© TPS"): read it again as UTF-8 when that is cleaner. */
function repairLatin1(s: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(s)) return s;
  const again = Buffer.from(s, 'latin1').toString('utf8');
  return again.includes('\ufffd') ? s : again;
}
const text = (value: unknown): string => {
  if (typeof value === 'string') return repairLatin1(value).trim();
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ');
  if (value && typeof value === 'object' && 'value' in value) return text((value as { value: unknown }).value);
  return '';
};
const first = (...values: unknown[]): string => values.map(text).find((v) => v !== '') ?? '';

/** Caption, credit, alt text and usage terms from IPTC-IIM, XMP (IPTC Core, Dublin Core) and EXIF. */
async function readMetadata(bytes: Uint8Array): Promise<{ caption: string; credit: string; altText: string; usageTerms: string }> {
  let m: Record<string, unknown> = {};
  try {
    m = ((await exifr.parse(Buffer.from(bytes), { iptc: true, xmp: true, tiff: true, exif: false, gps: false, mergeOutput: true })) ?? {}) as Record<string, unknown>;
  } catch {
    // No metadata, or metadata we cannot read: the person fills the fields in.
  }
  const byline = first(m.Byline, m['By-line'], m.creator, m.Artist);
  const creditParts = first(m.Credit, m.CreditLine);
  return {
    caption: first(m.Caption, m['Caption-Abstract'], m.description, m.ImageDescription).slice(0, 2000),
    credit: (creditParts && byline && !creditParts.includes(byline) ? `${byline}/${creditParts}` : creditParts || byline).slice(0, 300),
    altText: first(m.AltTextAccessibility, m.Headline, m.title).slice(0, 1000),
    usageTerms: first(m.UsageTerms, m.rights, m.CopyrightNotice, m.Copyright).slice(0, 2000),
  };
}
