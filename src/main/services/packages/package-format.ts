/**
 * The `.copydesk` package: a zip file that moves stories between machines.
 *
 *   manifest.json                  { format, version, exportedAt, exportedBy, device, stories: [{ id, headline, revision }] }
 *   stories/<id>/story.json        the Story (its approval record travels inside)
 *   stories/<id>/revisions.json    every Revision of the story, oldest first, each a full snapshot
 *   stories/<id>/events.json       the story's event log, oldest first
 *   media/<sha256>                 each picture file the stories and their revisions use, once
 *
 * Nothing else may appear in a package.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { storyIdSchema } from '../../../shared/story.ts';

export const PACKAGE_FORMAT = 'copydesk-package';
export const PACKAGE_VERSION = 1;
export const PACKAGE_EXTENSION = '.copydesk';

const MB = 1024 * 1024;
/** A package file larger than this is refused before anything is read. */
export const MAX_PACKAGE_FILE_BYTES = 1024 * MB;
/** The declared unpacked size of one entry, checked before anything is inflated. */
export const MAX_ENTRY_BYTES = 50 * MB;
/** The declared unpacked size of all entries together. */
export const MAX_TOTAL_BYTES = 500 * MB;
export const MAX_STORIES = 5_000;
export const MAX_PICTURE_FILES = 5_000;
/** The manifest, the `stories/` and `media/` folders, per story its folder and three files, and the pictures. */
export const MAX_ENTRIES = 3 + MAX_STORIES * 4 + MAX_PICTURE_FILES;

export const MANIFEST_NAME = 'manifest.json';
export const STORY_FILES = ['story.json', 'revisions.json', 'events.json'] as const;
export type StoryFile = (typeof STORY_FILES)[number];

export function storyEntryName(id: string, file: StoryFile): string {
  return `stories/${id}/${file}`;
}

export const MEDIA_ENTRY = /^media\/([0-9a-f]{64})$/;
export function mediaEntryName(sha256: string): string {
  return `media/${sha256}`;
}

export const manifestStorySchema = z.object({
  id: storyIdSchema,
  headline: z.string(),
  revision: z.number().int().positive(),
});

export const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  version: z.literal(PACKAGE_VERSION),
  exportedAt: z.string(),
  exportedBy: z.string(),
  device: z.string(),
  stories: z.array(manifestStorySchema).min(1, 'A package holds at least one story.').max(MAX_STORIES),
});
export type PackageManifest = z.output<typeof manifestSchema>;

/**
 * The most recently written package in `dir`, or null: what "Import package…" picks where there is
 * no file dialog (the browser bridge, and the app under e2e tests).
 */
export function newestPackage(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(PACKAGE_EXTENSION))
    .map((f) => ({ path: join(dir, f), at: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  return files[0]?.path ?? null;
}
