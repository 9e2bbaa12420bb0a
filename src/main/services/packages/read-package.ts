/**
 * Reading a `.copydesk` package: unzip it within the limits (zip-reader.ts), then check the
 * layout, parse every JSON file and validate every story, revision and event against the shared
 * schemas. Nothing here touches the database; a package that fails any check is refused as a
 * whole with AppError('invalid_input') naming the first problem found.
 */
import { basename } from 'node:path';
import type { z } from 'zod';
import { FIELD_NAMES, STORY_FIELDS } from '../../../shared/story-fields.ts';
import { AppError } from '../../../shared/errors.ts';
import {
  revisionSchema,
  storyEventSchema,
  storyIdSchema,
  storySchema,
  type Revision,
  type Story,
  type StoryEvent,
} from '../../../shared/story.ts';
import {
  MANIFEST_NAME,
  MAX_ENTRIES,
  MAX_ENTRY_BYTES,
  MAX_PACKAGE_FILE_BYTES,
  MAX_TOTAL_BYTES,
  MEDIA_ENTRY,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  STORY_FILES,
  manifestSchema,
  storyEntryName,
  type PackageManifest,
  type StoryFile,
} from './package-format.ts';
import { readZip, showName } from './zip-reader.ts';

export interface PackageStory {
  readonly story: Story;
  /** Oldest first. */
  readonly revisions: readonly Revision[];
  /** Oldest first. */
  readonly events: readonly StoryEvent[];
}

export interface PackageContents {
  readonly manifest: PackageManifest;
  /** In manifest order. */
  readonly stories: readonly PackageStory[];
  /** Picture files by SHA-256 (checked against their names when they are kept). */
  readonly media: ReadonlyMap<string, Uint8Array>;
}

const STORY_FOLDER = /^stories\/([^/]+)\/(.*)$/;
/** The list sorts and filters on these as text, so they must be what `toISOString()` writes. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readPackage(path: string): PackageContents {
  const label = `The package ${showName(basename(path))}`;
  const invalid = (why: string) => new AppError('invalid_input', `${label} ${why}`);

  const files = readZip(
    path,
    label,
    { maxFileBytes: MAX_PACKAGE_FILE_BYTES, maxEntries: MAX_ENTRIES, maxEntryBytes: MAX_ENTRY_BYTES, maxTotalBytes: MAX_TOTAL_BYTES },
    (name) => checkEntryName(name, invalid)
  );

  const json = (name: string): unknown => {
    const bytes = files.get(name);
    if (!bytes) throw invalid(`is incomplete: ${showName(name)} is missing.`);
    try {
      return JSON.parse(utf8.decode(bytes));
    } catch {
      throw invalid(`is damaged: ${showName(name)} is not valid JSON.`);
    }
  };
  const parse = <T extends z.ZodType>(schema: T, value: unknown, name: string, what: string): z.output<T> => {
    const result = schema.safeParse(value);
    if (!result.success) throw invalid(`is damaged: ${showName(name)} is not ${what} (${describeIssue(result.error)}).`);
    return result.data;
  };

  // --- The manifest.
  if (!files.has(MANIFEST_NAME)) throw invalid(`is not a Copydesk package: it has no ${MANIFEST_NAME}.`);
  const rawManifest = json(MANIFEST_NAME);
  const head = typeof rawManifest === 'object' && rawManifest !== null ? (rawManifest as Record<string, unknown>) : {};
  if (head.format !== PACKAGE_FORMAT) throw invalid(`is not a Copydesk package: its ${MANIFEST_NAME} is not a Copydesk manifest.`);
  if (typeof head.version === 'number' && head.version > PACKAGE_VERSION) {
    throw invalid(`was made by a newer version of Copydesk (package version ${head.version}; this Copydesk reads version ${PACKAGE_VERSION}). Update Copydesk to import it.`);
  }
  const manifest = parse(manifestSchema, rawManifest, MANIFEST_NAME, 'a valid manifest');

  // --- The layout: exactly the listed stories, each with its three files.
  const listed = new Set<string>();
  for (const entry of manifest.stories) {
    if (listed.has(entry.id)) throw invalid(`is damaged: its manifest lists story ${entry.id} twice.`);
    listed.add(entry.id);
  }
  for (const name of files.keys()) {
    const folder = STORY_FOLDER.exec(name)?.[1];
    if (folder !== undefined && !listed.has(folder)) {
      throw invalid(`is damaged: it contains ${showName(name)}, but its manifest does not list story ${folder}.`);
    }
  }

  // --- Every story, revision and event, validated.
  const stories = manifest.stories.map((entry): PackageStory => {
    const { id } = entry;
    const name = (file: StoryFile) => storyEntryName(id, file);

    const story = parse(storySchema, json(name('story.json')), name('story.json'), 'a valid story');
    if (story.id !== id) throw invalid(`is damaged or crafted: ${showName(name('story.json'))} holds story ${story.id}, not ${id}.`);
    checkContent(story, name('story.json'), invalid);
    if (!ISO_TIME.test(story.createdAt) || !ISO_TIME.test(story.updatedAt)) {
      throw invalid(`is damaged: ${showName(name('story.json'))} has a creation or update time that is not a valid time.`);
    }
    if (story.headline !== entry.headline || story.revision !== entry.revision) {
      throw invalid(`is damaged: its manifest does not match ${showName(name('story.json'))}.`);
    }

    const revisions = parse(revisionSchema.array(), json(name('revisions.json')), name('revisions.json'), 'a valid list of revisions');
    revisions.forEach((revision, i) => {
      if (revision.storyId !== id || revision.story.id !== id) {
        throw invalid(`is damaged or crafted: revision ${i + 1} in ${showName(name('revisions.json'))} belongs to another story.`);
      }
      checkContent(revision.story, `${name('revisions.json')} (revision ${i + 1})`, invalid);
    });

    const events = parse(storyEventSchema.array(), json(name('events.json')), name('events.json'), 'a valid event log');
    events.forEach((event, i) => {
      if (event.storyId !== id) throw invalid(`is damaged or crafted: event ${i + 1} in ${showName(name('events.json'))} belongs to another story.`);
    });

    return { story, revisions: byId(revisions), events: byId(events) };
  });

  const media = new Map<string, Uint8Array>();
  for (const [name, bytes] of files) {
    const sha = MEDIA_ENTRY.exec(name)?.[1];
    if (sha) media.set(sha, bytes);
  }
  return { manifest, stories, media };
}

/** Only the layout of package-format.ts; anything else (traversal, absolute paths, strays) is refused. */
function checkEntryName(name: string, invalid: (why: string) => AppError): void {
  if (name.includes('\\')) throw invalid(`contains ${showName(name)}: file names with backslashes are not allowed in a package.`);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw invalid(`contains ${showName(name)}, an absolute path. Nothing was unpacked.`);
  const parts = name.split('/');
  if (parts.includes('..') || parts.includes('.')) throw invalid(`contains ${showName(name)}, a path that points outside the package. Nothing was unpacked.`);
  if (/[\u0000-\u001f\u007f]/.test(name)) throw invalid('contains a file name with control characters. Nothing was unpacked.');
  if (name === MANIFEST_NAME || name === 'stories/' || name === 'media/' || MEDIA_ENTRY.test(name)) return;
  const match = STORY_FOLDER.exec(name);
  if (match) {
    if (!storyIdSchema.safeParse(match[1]).success) {
      throw invalid(`contains the folder ${showName(`stories/${match[1]}/`)}, which is not named after a story id.`);
    }
    if (match[2] === '' || (STORY_FILES as readonly string[]).includes(match[2])) return;
  }
  throw invalid(`contains ${showName(name)}, which does not belong in a Copydesk package. Nothing was unpacked.`);
}

/** What the editor would refuse to save, an import refuses too. */
function checkContent(story: Story, where: string, invalid: (why: string) => AppError): void {
  for (const name of FIELD_NAMES) {
    const result = (STORY_FIELDS[name].schema as z.ZodType).safeParse(story[name]);
    if (!result.success) {
      throw invalid(`is damaged: the ${STORY_FIELDS[name].label.toLowerCase()} in ${showName(where)} is not valid (${describeIssue(result.error)}).`);
    }
  }
}

function byId<T extends { readonly id: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.id - b.id);
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`.slice(0, 300);
}
