/**
 * The file side of exporting: the file name, checking the folder, and writing atomically
 * (a temporary file in the same folder, then a rename), so a reader never sees half a file.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import type { ExportFormat } from '../../../shared/contract.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Story } from '../../../shared/story.ts';

const EXTENSIONS: Readonly<Record<ExportFormat, string>> = { markdown: '.md', 'newsml-g2': '.xml' };
const MAX_SLUG_CHARS = 60;

/**
 * `<headline-slug>-<last 8 characters of the id>.<ext>`, e.g. `שלום-עולם-6m7k8j9a.md`. The slug keeps
 * letters and digits of any script; a headline without any falls back to the whole id.
 */
export function exportFileName(story: Pick<Story, 'id' | 'headline'>, format: ExportFormat): string {
  const id = story.id.toLowerCase();
  const slug = slugify(story.headline);
  return `${slug ? `${slug}-${id.slice(-8)}` : id}${EXTENSIONS[format]}`;
}

export function slugify(text: string): string {
  // A word starts with a letter or digit; marks (accents, niqqud, emoji variation selectors) only
  // count after one.
  const words = text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  const slug = words.join('-');
  const chars = Array.from(slug); // whole code points, so an emoji or surrogate pair is never cut
  if (chars.length <= MAX_SLUG_CHARS) return slug;
  const cut = chars.slice(0, MAX_SLUG_CHARS).join('');
  // Prefer ending at a word boundary when one is reasonably close.
  const dash = cut.lastIndexOf('-');
  return dash > MAX_SLUG_CHARS / 2 ? cut.slice(0, dash) : cut;
}

/** The folder must exist, be a folder and be writable; the messages name it in plain words. */
export async function checkFolder(folder: string): Promise<void> {
  if (!isAbsolute(folder)) {
    throw new AppError('invalid_input', `The export folder must be a full path, not "${folder}".`);
  }
  let isFolder: boolean;
  try {
    isFolder = (await stat(folder)).isDirectory();
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AppError('invalid_input', `The export folder "${folder}" does not exist. Choose another folder.`);
    }
    throw new AppError('storage', `Copydesk cannot open the export folder "${folder}" (${code ?? 'unknown error'}).`);
  }
  if (!isFolder) throw new AppError('invalid_input', `"${folder}" is a file, not a folder. Choose a folder to export to.`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new AppError('storage', `Copydesk cannot write to the export folder "${folder}". Check its permissions or choose another folder.`);
  }
}

/**
 * Where to write. The story's own earlier export (a file with this name that mentions the story id)
 * is replaced; any other file with this name is left alone and the export gets a numbered name.
 */
export async function chooseTarget(folder: string, fileName: string, storyId: string): Promise<string> {
  const ext = extname(fileName);
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let n = 1; n <= 99; n++) {
    const path = join(folder, n === 1 ? fileName : `${stem}-${n}${ext}`);
    if (await isFreeOrOurs(path, storyId)) return path;
  }
  throw new AppError('storage', `The export folder "${folder}" already holds too many other files named like "${fileName}".`);
}

async function isFreeOrOurs(path: string, storyId: string): Promise<boolean> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return true;
    throw storageError(error, dirname(path));
  }
  if (!info.isFile()) return false; // a folder or link with this name is never replaced
  // Both formats name the story id in their first lines (front matter `id:`, newsItem `guid`).
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('utf8').includes(storyId);
  } finally {
    await handle.close();
  }
}

/** Writes `content` to a temporary file next to `path`, flushes it to disk, then renames it over `path`. */
export async function writeAtomically(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw storageError(error, dirname(path));
  }
}

function storageError(error: unknown, folder: string): AppError {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('storage', `Copydesk cannot write to the export folder "${folder}". Check its permissions or choose another folder.`);
  }
  if (code === 'ENOSPC') return new AppError('storage', `The disk holding "${folder}" is full.`);
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('storage', `Writing the export to "${folder}" failed: ${reason}`);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
