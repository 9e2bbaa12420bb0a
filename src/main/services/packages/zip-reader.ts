/**
 * A strict, bounded zip reader for packages that may come from anywhere.
 *
 * Why not fflate's `unzipSync` (fflate writes our packages): it trusts the archive. It does not
 * check CRCs or header signatures, and when an entry inflates to more than it declares it keeps
 * decompressing (into a buffer it then ignores), so a lying entry costs unbounded time. Here:
 *
 * 1. the file size is checked before anything is read;
 * 2. the central directory is read and EVERY entry is checked (name, method, declared sizes, count,
 *    position) before a single byte is inflated, so a zip bomb is refused without being inflated;
 * 3. each entry is inflated with a hard output limit equal to its declared size, and its length
 *    and CRC-32 must match what the directory declares.
 *
 * Only what Copydesk writes (and Word saves) is accepted: no encryption, no ZIP64, no multi-disk
 * archives, stored or deflated entries, no overlapping entries. All failures are
 * AppError('invalid_input'). Packages are read from a path (`readZip`); imported Word documents,
 * which arrive as bytes, with `readZipBytes`.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors.ts';

export interface ZipLimits {
  readonly maxFileBytes: number;
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
  /** Refuse an entry over 1 MB that declares it inflates more than this many times its packed size. */
  readonly maxRatio?: number;
}

/** What the archive is, for messages: "is not a Copydesk package (it is not a zip file)". */
export interface ZipKind {
  /** "a Copydesk package", "a Word document" */
  readonly singular: string;
  /** "Copydesk packages", "Word documents" */
  readonly plural: string;
}
const PACKAGE: ZipKind = { singular: 'a Copydesk package', plural: 'Copydesk packages' };
const RATIO_FLOOR = 1024 * 1024;

/** Random access to the archive's bytes. */
interface ZipSource {
  readonly size: number;
  read(offset: number, length: number): Buffer;
}

interface CentralEntry {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly headerOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_BYTES = 22;
const CENTRAL_BYTES = 46;
const LOCAL_BYTES = 30;
const MAX_COMMENT = 0xffff;
/** Deflate can grow incompressible data slightly; allow that much beyond the declared size. */
const deflateSlack = (size: number) => Math.ceil(size / 1000) + 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A short, printable rendering of an untrusted name for an error message. */
export function showName(name: string): string {
  const short = name.length > 80 ? `${name.slice(0, 80)}…` : name;
  return `“${short.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')}”`;
}

/** 512 bytes, 12 KB, 50 MB, 1 GB: for messages. */
export function formatSize(bytes: number): string {
  const units = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ] as const;
  for (const [unit, name] of units) if (bytes >= unit) return `${Math.round((bytes / unit) * 10) / 10} ${name}`;
  return `${bytes} bytes`;
}

/**
 * Read the zip at `path`. `checkName` is called for every entry name before anything is inflated
 * and throws to refuse the package. Returns the entries by name (directories are left out).
 */
export function readZip(path: string, label: string, limits: ZipLimits, checkName: (name: string) => void): Map<string, Uint8Array> {
  const invalid = (why: string) => new AppError('invalid_input', `${label} ${why}`);
  let size: number;
  try {
    const info = statSync(path);
    if (!info.isFile()) throw invalid('is not a file.');
    size = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('not_found', `${label} does not exist.`);
    throw new AppError('storage', `Copydesk cannot read ${label} (${code ?? 'unknown error'}).`);
  }
  if (size > limits.maxFileBytes) {
    throw invalid(`is larger than ${formatSize(limits.maxFileBytes)}, the most Copydesk opens. It was not read.`);
  }

  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new AppError('storage', `Copydesk cannot open ${label} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
  try {
    const read = (offset: number, length: number): Buffer => {
      const buffer = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, offset + done);
        if (n === 0) throw invalid('is damaged or incomplete (it ends too early).');
        done += n;
      }
      return buffer;
    };
    return readArchive({ size, read }, label, limits, checkName, PACKAGE);
  } finally {
    closeSync(fd);
  }
}

/** Read a zip held in memory (an imported file), with the same checks as `readZip`. */
export function readZipBytes(bytes: Uint8Array, label: string, limits: ZipLimits, checkName: (name: string) => void, kind: ZipKind): Map<string, Uint8Array> {
  const invalid = (why: string) => new AppError('invalid_input', `${label} ${why}`);
  if (bytes.length > limits.maxFileBytes) {
    throw invalid(`is larger than ${formatSize(limits.maxFileBytes)}, the most Copydesk opens. It was not read.`);
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const read = (offset: number, length: number): Buffer => {
    if (offset < 0 || offset + length > buffer.length) throw invalid('is damaged or incomplete (it ends too early).');
    return buffer.subarray(offset, offset + length);
  };
  return readArchive({ size: buffer.length, read }, label, limits, checkName, kind);
}

function readArchive(source: ZipSource, label: string, limits: ZipLimits, checkName: (name: string) => void, kind: ZipKind): Map<string, Uint8Array> {
  const invalid = (why: string) => new AppError('invalid_input', `${label} ${why}`);
  const { size, read } = source;
  const notAZip = () => {
    const start = size >= 4 ? read(0, 4).readUInt32LE(0) : 0;
    return start === LOCAL_SIGNATURE
      ? invalid('is damaged or incomplete: it looks like a zip file that was cut short (for example by an interrupted copy).')
      : invalid(`is not ${kind.singular} (it is not a zip file).`);
  };
  if (size < EOCD_BYTES) throw notAZip();

  // --- End of central directory: the last record, whose comment runs exactly to the end of the file.
  const tailLength = Math.min(size, EOCD_BYTES + MAX_COMMENT);
  const tailStart = size - tailLength;
  const tail = read(tailStart, tailLength);
  let eocd = -1;
  for (let i = tailLength - EOCD_BYTES; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + EOCD_BYTES + tail.readUInt16LE(i + 20) === tailLength) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notAZip();
  const disk = tail.readUInt16LE(eocd + 4);
  const directoryDisk = tail.readUInt16LE(eocd + 6);
  const entriesHere = tail.readUInt16LE(eocd + 8);
  const entryCount = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  const eocdOffset = tailStart + eocd;
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entryCount) throw invalid('is split over several files, which Copydesk does not read.');
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw invalid(`uses ZIP64 extensions; ${kind.singular} never does.`);
  }
  if (entryCount > limits.maxEntries) {
    throw invalid(`holds ${entryCount} files; ${kind.singular} holds at most ${limits.maxEntries}.`);
  }
  if (directoryOffset + directorySize !== eocdOffset || directorySize > entryCount * (CENTRAL_BYTES + 3 * 0xffff)) {
    throw invalid('is damaged: its table of contents is not where it says.');
  }

  // --- Central directory: check everything before inflating anything.
  const directory = read(directoryOffset, directorySize);
  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = 0;
  for (let i = 0; i < entryCount; i++) {
    if (p + CENTRAL_BYTES > directorySize || directory.readUInt32LE(p) !== CENTRAL_SIGNATURE) {
      throw invalid('is damaged: its table of contents cannot be read.');
    }
    const flags = directory.readUInt16LE(p + 8);
    const method = directory.readUInt16LE(p + 10);
    const crc = directory.readUInt32LE(p + 16);
    const compressedSize = directory.readUInt32LE(p + 20);
    const entrySize = directory.readUInt32LE(p + 24);
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    const headerOffset = directory.readUInt32LE(p + 42);
    const end = p + CENTRAL_BYTES + nameLength + extraLength + commentLength;
    if (end > directorySize) throw invalid('is damaged: its table of contents cannot be read.');
    const nameBytes = directory.subarray(p + CENTRAL_BYTES, p + CENTRAL_BYTES + nameLength);
    p = end;

    let name: string;
    try {
      name = utf8.decode(nameBytes);
    } catch {
      throw invalid('contains a file whose name is not valid text.');
    }
    if (names.has(name)) throw invalid(`contains the file ${showName(name)} twice.`);
    names.add(name);
    checkName(name);
    if (flags & 0x0001) throw invalid(`is encrypted (${showName(name)}); Copydesk does not read encrypted ${kind.plural}.`);
    if (method !== 0 && method !== 8) throw invalid(`uses a compression method Copydesk does not read (${showName(name)}).`);
    if (compressedSize === 0xffffffff || entrySize === 0xffffffff || headerOffset === 0xffffffff) {
      throw invalid(`uses ZIP64 extensions; ${kind.singular} never does.`);
    }
    if (limits.maxRatio && entrySize > RATIO_FLOOR && entrySize > compressedSize * limits.maxRatio) {
      throw invalid(`contains ${showName(name)}, which would unpack to ${formatSize(entrySize)} from ${formatSize(compressedSize)}, as zip bombs do. It was not unpacked.`);
    }
    if (entrySize > limits.maxEntryBytes) {
      throw invalid(`contains ${showName(name)}, which would unpack to ${formatSize(entrySize)}; the limit is ${formatSize(limits.maxEntryBytes)} per file. It was not unpacked.`);
    }
    total += entrySize;
    if (total > limits.maxTotalBytes) {
      throw invalid(`would unpack to more than ${formatSize(limits.maxTotalBytes)} in all; that is more than Copydesk accepts. Nothing was unpacked.`);
    }
    if (name.endsWith('/') && entrySize !== 0) throw invalid(`is damaged: the folder ${showName(name)} has content.`);
    if (method === 0 ? compressedSize !== entrySize : compressedSize > entrySize + deflateSlack(entrySize)) {
      throw invalid(`is damaged: the sizes recorded for ${showName(name)} do not agree.`);
    }
    entries.push({ name, nameBytes, method, crc, compressedSize, size: entrySize, headerOffset });
  }
  if (p !== directorySize) throw invalid('is damaged: its table of contents has trailing bytes.');

  // --- Local headers: each entry's data lies before the directory and no two entries overlap.
  const located = entries
    .map((entry) => {
      if (entry.headerOffset + LOCAL_BYTES > directoryOffset) throw invalid(`is damaged: ${showName(entry.name)} lies outside the archive.`);
      const header = read(entry.headerOffset, LOCAL_BYTES);
      if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw invalid(`is damaged: ${showName(entry.name)} cannot be found.`);
      const nameLength = header.readUInt16LE(26);
      const extraLength = header.readUInt16LE(28);
      const dataOffset = entry.headerOffset + LOCAL_BYTES + nameLength + extraLength;
      if (dataOffset + entry.compressedSize > directoryOffset) throw invalid(`is damaged: ${showName(entry.name)} runs past the end of the archive.`);
      if (!read(entry.headerOffset + LOCAL_BYTES, nameLength).equals(entry.nameBytes)) {
        throw invalid(`is damaged: the two names recorded for ${showName(entry.name)} differ.`);
      }
      return { entry, dataOffset };
    })
    .sort((a, b) => a.entry.headerOffset - b.entry.headerOffset);
  let previousEnd = 0;
  for (const { entry, dataOffset } of located) {
    if (entry.headerOffset < previousEnd) throw invalid(`is damaged or crafted: ${showName(entry.name)} overlaps another file.`);
    previousEnd = dataOffset + entry.compressedSize;
  }

  // --- Inflate, never beyond the declared size, and verify.
  const files = new Map<string, Uint8Array>();
  for (const { entry, dataOffset } of located) {
    const raw = read(dataOffset, entry.compressedSize);
    let data: Buffer;
    if (entry.method === 0) {
      data = raw;
    } else {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw invalid(`is damaged or crafted: ${showName(entry.name)} unpacks to more than the ${formatSize(entry.size)} it declares. It was not unpacked further.`);
        }
        throw invalid(`is damaged: ${showName(entry.name)} cannot be unpacked.`);
      }
    }
    if (data.length !== entry.size || crc32(data) !== entry.crc) {
      throw invalid(`is damaged: ${showName(entry.name)} does not match its checksum.`);
    }
    if (!entry.name.endsWith('/')) files.set(entry.name, data);
  }
  return files;
}
