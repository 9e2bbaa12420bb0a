/**
 * Moving stories between machines as `.copydesk` packages (format: package-format.ts).
 *
 * Export writes the package atomically. Import reads and validates the whole package first
 * (read-package.ts), then applies it in ONE transaction: a story that is new here is inserted with
 * its revisions and events; a story that exists here is refused ('ask'), updated through the story
 * service's content path ('revision'), or inserted under a new id ('copy').
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { monotonicFactory } from 'ulid';
import { countWords, parseBody, plainText } from '../../../shared/body.ts';
import { AppError } from '../../../shared/errors.ts';
import { contentOf, type Revision, type Story } from '../../../shared/story.ts';
import { contentHash } from '../content-hash.ts';
import { transaction, type Database } from '../storage/database.ts';
import { RevisionRepository } from '../storage/revision-repository.ts';
import { StoryRepository } from '../storage/story-repository.ts';
import type { StoryService } from '../story-service.ts';
import { changedFields } from '../../../shared/story-fields.ts';
import {
  MANIFEST_NAME,
  MAX_ENTRY_BYTES,
  MAX_STORIES,
  MAX_TOTAL_BYTES,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  mediaEntryName,
  storyEntryName,
  type PackageManifest,
} from './package-format.ts';
import type { PictureStore } from '../pictures.ts';
import { readPackage, type PackageContents, type PackageStory } from './read-package.ts';
import { showName } from './zip-reader.ts';

export const CONFLICT_CHOICES = ['ask', 'revision', 'copy'] as const;
/** What to do with a story whose id already exists here. */
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

export interface PackageServiceDeps {
  readonly db: Database;
  readonly stories: StoryService;
  readonly now?: () => Date;
  /** The name of this machine, written into the manifest and onto revisions. */
  readonly device?: string;
  /** New story ids for 'copy' (default: monotonic ULIDs). */
  readonly newId?: () => string;
  /** Where picture files live; packages carry the files of their stories' pictures. */
  readonly pictures?: PictureStore;
}

export interface PackageStoryInfo {
  readonly id: string;
  readonly headline: string;
  readonly revision: number;
  /** A story with this id is already here (live or in the trash). */
  readonly exists: boolean;
  readonly localRevision: number | null;
}

export interface PackageInspection {
  readonly exportedAt: string;
  readonly exportedBy: string;
  readonly device: string;
  readonly stories: PackageStoryInfo[];
}

export interface ImportedStory {
  /** The id the story has here (a new one for a copy). */
  readonly id: string;
  readonly headline: string;
  readonly as: 'new' | 'revision' | 'copy';
}

export type PackageService = ReturnType<typeof createPackageService>;

const MB = 1024 * 1024;

export function createPackageService(deps: PackageServiceDeps) {
  const { db, stories } = deps;
  const now = deps.now ?? (() => new Date());
  const device = deps.device ?? 'this computer';
  const newId = deps.newId ?? monotonicFactory();
  const storyRepo = new StoryRepository(db);
  const revisionRepo = new RevisionRepository(db);
  // `transaction()` nests as a savepoint, so the story service's own rules run inside the import.
  const storiesInImport = stories;

  function source(manifest: PackageManifest): string {
    return `package from ${manifest.device}, exported by ${manifest.exportedBy} at ${manifest.exportedAt}`;
  }

  /** Plain text and word count are derived here, never taken from the package. */
  function derived(story: Story): Story {
    const text = plainText(parseBody(story.body));
    return { ...story, plainText: text, wordCount: countWords(`${story.headline}\n${text}`) };
  }

  /** Insert a story that does not exist here, under `id`, with its revisions and event log. */
  function insertStory(item: PackageStory, id: string, actor: string, at: string, detail: string): Story {
    const story = derived({ ...item.story, id });
    storyRepo.insert(story); // also fills the keywords table and the search index
    for (const revision of item.revisions) {
      const snapshot: Story = { ...revision.story, id };
      revisionRepo.add({
        story: snapshot,
        at: revision.at,
        author: revision.author,
        device: revision.device,
        reason: revision.reason,
        contentHash: contentHash(snapshot),
      });
    }
    // A story purged here and imported again already has part of its log (tombstones stay).
    const known = new Set(storyRepo.events(id).map(eventKey));
    for (const event of item.events) {
      const incoming = { ...event, storyId: id };
      if (!known.has(eventKey(incoming))) storyRepo.appendEvent(withoutId(incoming));
    }
    storyRepo.appendEvent({ storyId: id, at, actor, kind: 'imported', fromStatus: null, toStatus: story.status, revision: story.revision, detail });
    return story;
  }

  /** The incoming content becomes a new revision of the local story; the local state is kept first. */
  function importAsRevision(item: PackageStory, actor: string, at: string, from: string): Story {
    const local = storyRepo.get(item.story.id);
    if (!local) {
      throw new AppError(
        'conflict',
        `${showName(item.story.headline || item.story.id)} is in the trash on this computer. Restore it before importing over it, or import the package as copies.`
      );
    }
    const incoming = item.story;
    const same = changedFields(contentOf(local), contentOf(incoming)).length === 0;
    if (same) {
      storyRepo.appendEvent({ storyId: local.id, at, actor, kind: 'imported', fromStatus: local.status, toStatus: local.status, revision: local.revision, detail: `Same content as here; nothing changed (${from}, their revision ${incoming.revision}).` });
      return local;
    }
    revisionRepo.add({ story: local, at, author: actor, device, reason: 'before-import', contentHash: contentHash(local) });
    // The story service's content path: revision bump, 'edited' event, approval voided if content changed.
    const next = storiesInImport.save(
      { id: local.id, baseRevision: local.revision, ...contentOf(incoming) },
      actor
    );
    storyRepo.appendEvent({ storyId: next.id, at: next.updatedAt, actor, kind: 'imported', fromStatus: local.status, toStatus: next.status, revision: next.revision, detail: `Content imported as a new revision (${from}, their revision ${incoming.revision}).` });
    revisionRepo.add({ story: next, at: next.updatedAt, author: actor, device, reason: 'imported', contentHash: contentHash(next) });
    return next;
  }

  /**
   * The picture files to keep from a package: every picture its stories and revisions use must be
   * in the package or already here, and each file must be what its name says (checked now, before
   * anything is written).
   */
  function picturesToKeep(contents: PackageContents, file: string): Map<string, Uint8Array> {
    const keep = new Map<string, Uint8Array>();
    for (const item of contents.stories) {
      for (const picture of [item.story, ...item.revisions.map((r) => r.story)].flatMap((s) => s.pictures)) {
        const bytes = contents.media.get(picture.sha256);
        if (bytes) {
          if (createHash('sha256').update(bytes).digest('hex') !== picture.sha256) {
            throw new AppError('invalid_input', `The package ${showName(basename(file))} is damaged: the picture ${showName(picture.fileName)} does not match its contents.`);
          }
          keep.set(picture.sha256, bytes);
        } else if (!deps.pictures?.has(picture.sha256)) {
          throw new AppError('invalid_input', `The package ${showName(basename(file))} is incomplete: the picture ${showName(picture.fileName)} is missing from it.`);
        }
      }
    }
    return keep;
  }

  function inspectContents(contents: PackageContents): PackageInspection {
    return {
      exportedAt: contents.manifest.exportedAt,
      exportedBy: contents.manifest.exportedBy,
      device: contents.manifest.device,
      stories: contents.stories.map(({ story }) => {
        const local = storyRepo.get(story.id) ?? storyRepo.getTrashed(story.id);
        return { id: story.id, headline: story.headline, revision: story.revision, exists: storyRepo.exists(story.id), localRevision: local?.revision ?? null };
      }),
    };
  }

  return {
    /** Write the stories, with their revisions and event logs, into a package at `file`. */
    exportStories(ids: readonly string[], file: string, actor: string): { path: string; count: number } {
      const unique = [...new Set(ids)];
      if (unique.length === 0) throw new AppError('invalid_input', 'Choose at least one story to export.');
      if (unique.length > MAX_STORIES) throw new AppError('invalid_input', `A package holds at most ${MAX_STORIES} stories; ${unique.length} were chosen.`);
      if (!isAbsolute(file)) throw new AppError('invalid_input', `The package must be saved to a full path, not "${file}".`);

      const exportedAt = now().toISOString();
      // One read transaction: each story, its revisions and its events are a consistent set.
      const { manifest, entries, exported } = transaction(db, () => {
        const entries: Zippable = {};
        const exported: Story[] = [];
        let total = 0;
        const add = (name: string, value: unknown, story: Story) => {
          const bytes = Buffer.from(JSON.stringify(value), 'utf8');
          if (bytes.length > MAX_ENTRY_BYTES) {
            throw new AppError('invalid_input', `${showName(story.headline || story.id)} is too large for a package (${name} would be ${Math.ceil(bytes.length / MB)} MB; the limit is ${MAX_ENTRY_BYTES / MB} MB).`);
          }
          total += bytes.length;
          if (total > MAX_TOTAL_BYTES) throw new AppError('invalid_input', `These stories are too large for one package (more than ${MAX_TOTAL_BYTES / MB} MB). Export fewer at a time.`);
          entries[name] = bytes;
        };
        for (const id of unique) {
          const story = stories.get(id); // not_found (also for a story in the trash)
          const revisions: Revision[] = revisionRepo
            .list(id)
            .reverse()
            .map((summary) => revisionRepo.get(summary.id)!);
          add(storyEntryName(id, 'story.json'), story, story);
          add(storyEntryName(id, 'revisions.json'), revisions, story);
          add(storyEntryName(id, 'events.json'), storyRepo.events(id), story);
          for (const picture of [story, ...revisions.map((r) => r.story)].flatMap((s) => s.pictures)) {
            const name = mediaEntryName(picture.sha256);
            if (name in entries || !deps.pictures?.has(picture.sha256)) continue;
            const bytes = deps.pictures.read(picture.sha256);
            total += bytes.length;
            if (total > MAX_TOTAL_BYTES) throw new AppError('invalid_input', `These stories are too large for one package (more than ${MAX_TOTAL_BYTES / MB} MB). Export fewer at a time.`);
            entries[name] = bytes;
          }
          exported.push(story);
        }
        const manifest: PackageManifest = {
          format: PACKAGE_FORMAT,
          version: PACKAGE_VERSION,
          exportedAt,
          exportedBy: actor,
          device,
          stories: exported.map((s) => ({ id: s.id, headline: s.headline, revision: s.revision })),
        };
        return { manifest, entries, exported };
      });
      entries[MANIFEST_NAME] = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
      writeAtomically(file, zipSync(entries, { level: 6, mtime: exportedAt }));
      transaction(db, () => {
        for (const story of exported) stories.recordExport(story, actor, `Copydesk package: ${file}`);
      });
      return { path: file, count: exported.length };
    },

    /** Read and validate a package, and say which of its stories already exist here. Changes nothing. */
    inspect(file: string): PackageInspection {
      return inspectContents(readPackage(file));
    },

    /**
     * Import every story of a package, all or nothing. Stories new here are inserted as they are;
     * for stories that exist here `onConflict` decides (see ConflictChoice).
     */
    importPackage(file: string, onConflict: ConflictChoice, actor: string): { imported: ImportedStory[] } {
      if (!(CONFLICT_CHOICES as readonly string[]).includes(onConflict)) {
        throw new AppError('invalid_input', `Unknown choice for stories that already exist: "${String(onConflict)}".`);
      }
      const contents = readPackage(file);
      const from = source(contents.manifest);
      const media = picturesToKeep(contents, file);
      return transaction(db, () => {
        const existing = contents.stories.filter((item) => storyRepo.exists(item.story.id));
        if (existing.length > 0 && onConflict === 'ask') {
          const names = existing.map((item) => showName(item.story.headline || item.story.id)).join(', ');
          throw new AppError(
            'conflict',
            `${existing.length === 1 ? 'This story is' : `These ${existing.length} stories are`} already on this computer: ${names}. ` +
              'Choose whether to import them as new revisions of the stories here or as separate copies. Nothing was imported.'
          );
        }
        const at = now().toISOString();
        const imported: ImportedStory[] = [];
        for (const [sha, bytes] of media) deps.pictures!.keep(sha, bytes);
        for (const item of contents.stories) {
          const { id, headline } = item.story;
          if (!storyRepo.exists(id)) {
            insertStory(item, id, actor, at, `Imported (${from}).`);
            imported.push({ id, headline, as: 'new' });
          } else if (onConflict === 'copy') {
            const copyId = newId();
            insertStory(item, copyId, actor, at, `Imported as a copy of story ${id} (${from}).`);
            imported.push({ id: copyId, headline, as: 'copy' });
          } else {
            importAsRevision(item, actor, at, from);
            imported.push({ id, headline, as: 'revision' });
          }
        }
        return { imported };
      });
    },
  };
}

function eventKey(e: { at: string; actor: string; kind: string; fromStatus: string | null; toStatus: string | null; revision: number; detail: string | null }): string {
  return JSON.stringify([e.at, e.actor, e.kind, e.fromStatus, e.toStatus, e.revision, e.detail]);
}

function withoutId<T extends { id: number }>(event: T): Omit<T, 'id'> {
  const { id: _id, ...rest } = event;
  return rest;
}

/** A temporary file in the same folder, flushed to disk, then renamed over `path`. */
function writeAtomically(path: string, data: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    writeFileSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AppError('invalid_input', `The folder "${dirname(path)}" does not exist. Choose another place for the package.`);
    }
    if (code === 'EISDIR') throw new AppError('invalid_input', `"${path}" is a folder. Choose a file name for the package.`);
    throw new AppError('storage', `Copydesk could not write the package "${path}" (${code ?? 'unknown error'}).`);
  }
}
