/**
 * The importer: files people were sent (wire copy, HTML, Word documents, and the formats
 * registered beside them) become new drafts, one per file. Every file is checked before anything
 * is written: a file that is too big, binary where text is expected, not UTF-8, broken UTF-16, a
 * zip bomb, or whose content does not validate, gets one clear message and creates nothing, and
 * one bad file never stops the others. Used by the app (drop, File → Import…) and the command line.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseBody, plainText } from '../../../shared/body.ts';
import { AppError } from '../../../shared/errors.ts';
import { MAX_IMPORT_BYTES } from '../../../shared/import.ts';
import { hasForbiddenCharacters, stripForbiddenCharacters } from '../../../shared/news-item.ts';
import { STORY_FIELDS, storyContentPatchSchema, type FieldName, type StoryContentPatch } from '../../../shared/story-fields.ts';
import { formatSize, showName } from '../packages/zip-reader.ts';
import type { StoryService } from '../story-service.ts';
import { storageError } from '../storage/sqlite-errors.ts';
import { docxFormat } from './formats/docx.ts';
import { htmlFormat } from './formats/html.ts';
import { markdownFormat } from './formats/markdown.ts';
import { newsmlFormat } from './formats/newsml.ts';
import { wireTextFormat } from './formats/wire-text.ts';
import { loadLanguageDetector } from '../language.ts';
import { decodeText } from './text.ts';
import type { ImportedDraft, ImportFile, ImportFormat, ImportResult } from './types.ts';

export type { ImportFile, ImportFormat, ImportResult } from './types.ts';

export { MAX_IMPORT_BYTES, MAX_IMPORT_FILES } from '../../../shared/import.ts';

/** A format that reads the file's bytes itself (a zip), rather than checked text. */
export type RegisteredFormat = ImportFormat & { readonly binary?: boolean };

/** Every import format, in the order sniffing tries them. New formats join this one list. */
export const IMPORT_FORMATS: readonly RegisteredFormat[] = [newsmlFormat, markdownFormat, htmlFormat, docxFormat, wireTextFormat];

export type ImportOutcome = { readonly ok: true; readonly result: ImportResult } | { readonly ok: false; readonly file: string; readonly message: string };

export interface ImporterDeps {
  readonly stories: Pick<StoryService, 'create'>;
  /**
   * Runs several creates in one transaction (each create is then a savepoint of it, so one that
   * fails takes nothing else with it). One commit per batch instead of per story: an fsync each
   * would cap an import at a few hundred stories a second. Without it, each create commits alone.
   */
  readonly batch?: <T>(work: () => T) => T;
  readonly formats?: readonly RegisteredFormat[];
  readonly maxFileBytes?: number;
}

/** Files checked and parsed (outside any transaction), then created together. */
const BATCH_FILES = 100;

export type ImportProgress = (done: number, total: number, outcome: ImportOutcome) => void;

export function createImporter(deps: ImporterDeps) {
  const formats = deps.formats ?? IMPORT_FORMATS;
  const maxBytes = deps.maxFileBytes ?? MAX_IMPORT_BYTES;

  /** Read and check one file, changing nothing: its format and the draft it makes. */
  async function prepare(file: ImportFile): Promise<{ format: RegisteredFormat; draft: ImportedDraft }> {
    const label = showName(file.name);
    const refuse = (why: string) => new AppError('invalid_input', `${label} ${why}`);
    if (file.bytes.length > maxBytes) {
      throw refuse(`is ${formatSize(file.bytes.length)}; Copydesk imports files up to ${formatSize(maxBytes)}. Nothing was imported.`);
    }
    if (file.bytes.length === 0) throw refuse('is empty. Nothing was imported.');
    const format = chooseFormat(file, formats, label);
    let input = file;
    const notes: string[] = [];
    if (!format.binary) {
      const decoded = decodeText(file.bytes, label);
      notes.push(...decoded.notes);
      input = { name: file.name, bytes: new TextEncoder().encode(decoded.text) };
    }
    let draft: ImportedDraft;
    try {
      draft = await format.parse(input);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw refuse(`could not be read as ${format.label}: ${error instanceof Error ? error.message : String(error)}. Nothing was imported.`);
    }
    const cleaned = withoutForbiddenCharacters(draft.content);
    if (cleaned.removed) notes.push('Control characters that no export format can carry were removed.');
    const checked = storyContentPatchSchema.safeParse(cleaned.content);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = issue?.path[0] as FieldName | undefined;
      const what = field && field in STORY_FIELDS ? `its ${STORY_FIELDS[field].label.toLowerCase()} is not valid: ` : '';
      throw refuse(`could not be imported: ${what}${issue?.message ?? 'its content is not valid.'} Nothing was imported.`);
    }
    if (!hasText(checked.data)) throw refuse('holds no text to import. Nothing was imported.');
    return { format, draft: { content: checked.data, recognised: draft.recognised, notes: [...notes, ...draft.notes] } };
  }

  const batch = deps.batch ?? (<T>(work: () => T): T => work());

  /**
   * Read, check and parse each file (a failure is that file's outcome), then create the drafts a
   * batch at a time. Progress is told once a file's draft is committed (or the file refused).
   */
  async function run(sources: readonly (() => Promise<ImportFile>)[], names: readonly string[], actor: string, onProgress?: ImportProgress): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (let start = 0; start < sources.length; start += BATCH_FILES) {
      const prepared: ({ file: ImportFile; format: RegisteredFormat; draft: ImportedDraft } | ImportOutcome)[] = [];
      for (let i = start; i < Math.min(sources.length, start + BATCH_FILES); i++) {
        try {
          const file = await sources[i]!();
          prepared.push({ file, ...(await prepare(file)) });
        } catch (error) {
          prepared.push({ ok: false, file: names[i]!, message: messageOf(error) });
        }
      }
      const made = batch(() =>
        prepared.map((p): ImportOutcome => {
          if ('ok' in p) return p;
          try {
            const story = deps.stories.create(actor, p.draft.content);
            return { ok: true, result: { file: p.file.name, format: p.format.id, story, recognised: p.draft.recognised, notes: p.draft.notes } };
          } catch (error) {
            return { ok: false, file: p.file.name, message: messageOf(error) };
          }
        })
      );
      for (const outcome of made) {
        outcomes.push(outcome);
        onProgress?.(outcomes.length, sources.length, outcome);
      }
    }
    return outcomes;
  }

  return {
    formats,
    prepare,
    /** Each file becomes a new draft, in order; the results say, per file, what was made or why not. */
    async importFiles(files: readonly ImportFile[], actor: string, onProgress?: ImportProgress): Promise<ImportOutcome[]> {
      // Each draft gets its language from its text as it is created.
      await loadLanguageDetector();
      return run(
        files.map((f) => async () => f),
        files.map((f) => f.name),
        actor,
        onProgress
      );
    },
    /** The command line: files named by path, with the same limits (a file too big is not even read). */
    async importPaths(paths: readonly string[], actor: string, onProgress?: ImportProgress): Promise<ImportOutcome[]> {
      await loadLanguageDetector();
      return run(
        paths.map((path) => () => readImportFile(path, maxBytes)),
        paths.map((path) => basename(path)),
        actor,
        onProgress
      );
    },
  };
}

export type Importer = ReturnType<typeof createImporter>;

async function readImportFile(path: string, maxBytes: number): Promise<ImportFile> {
  const label = showName(basename(path));
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('invalid_input', `${label} is not a file. Nothing was imported.`);
    size = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('not_found', `${label} does not exist.`);
    throw new AppError('storage', `Copydesk cannot read ${label} (${code ?? 'unknown error'}).`);
  }
  if (size > maxBytes) {
    throw new AppError('invalid_input', `${label} is ${formatSize(size)}; Copydesk imports files up to ${formatSize(maxBytes)}. It was not read, and nothing was imported.`);
  }
  return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
}

/**
 * By the file's ending, then by its content: a `.txt` (or a file with no ending) may hold HTML or
 * another registered format that recognises itself (`sniff`); otherwise text is wire copy.
 */
export function chooseFormat(file: ImportFile, formats: readonly RegisteredFormat[], label = showName(file.name)): RegisteredFormat {
  const ending = extname(file.name).toLowerCase();
  const byEnding = formats.find((f) => f.extensions.includes(ending));
  const plain = ending === '' || formats.find((f) => f.id === 'wire-text')?.extensions.includes(ending);
  if (byEnding && !plain) return byEnding;
  if (!byEnding && !plain) {
    const known = [...new Set(formats.flatMap((f) => f.extensions))].join(', ');
    throw new AppError('invalid_input', `${label}: Copydesk does not import ${ending} files. It imports ${known}. Nothing was imported.`);
  }
  if (isZip(file.bytes)) {
    const zip = formats.find((f) => f.binary);
    if (zip) return zip;
  }
  const head = new TextDecoder('utf-8').decode(file.bytes.subarray(0, 4096));
  const sniffed = formats.find((f) => !f.binary && f.sniff?.(head));
  const text = formats.find((f) => f.id === 'wire-text');
  const chosen = sniffed ?? byEnding ?? text;
  if (!chosen) throw new AppError('invalid_input', `${label}: Copydesk cannot tell what kind of file this is. Nothing was imported.`);
  return chosen;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function hasText(content: StoryContentPatch): boolean {
  if (content.headline?.trim()) return true;
  return content.body !== undefined && /[\p{L}\p{N}]/u.test(plainText(parseBody(content.body)));
}

/** Every string in the content, the body's text included, without what XML forbids. */
function withoutForbiddenCharacters(content: StoryContentPatch): { content: StoryContentPatch; removed: boolean } {
  let removed = false;
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (!hasForbiddenCharacters(value)) return value;
      removed = true;
      return stripForbiddenCharacters(value);
    }
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    return value;
  };
  const { body, ...rest } = content;
  const out = clean(rest) as StoryContentPatch;
  // JSON.stringify writes control characters and lone surrogates as \u escapes: without one
  // (nor a raw forbidden character), the body holds none and need not be read.
  if (body === undefined || !(/\\u(?:00[01]|[dD][89a-fA-F]|[fF]{3}[eEfF])/.test(body) || hasForbiddenCharacters(body))) return { content: body === undefined ? out : { ...out, body }, removed };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { content: { ...out, body }, removed }; // the schema says why
  }
  return { content: { ...out, body: JSON.stringify(clean(parsed)) }, removed };
}

function messageOf(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const storage = storageError(error);
  if (storage) return storage.message;
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}
