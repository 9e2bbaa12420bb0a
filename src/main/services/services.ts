/**
 * The composition root for the Node-side services. The Electron app, the tests, the browser test
 * bridge and the command line all build their services here; what differs between them (where the
 * data lives, the settings store, native dialogs) is injected.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createExporter } from './export/index.ts';
import { createImporter } from './import/index.ts';
import { createSettingsService, type SettingsBacking } from './settings-service.ts';
import { backupNow } from './storage/backups.ts';
import { IdleCheckpoints, openDatabase, transaction, type Database } from './storage/database.ts';
import { createPackageService } from './packages/package-service.ts';
import { createStoryService } from './story-service.ts';
import { createChangeFeed } from './change-feed.ts';
import { detectLanguage } from './language.ts';
import { createPictureStore } from './pictures.ts';
import { createTaggingService, type TaggingService } from './tagging/index.ts';
import { createLibraryEvidence } from './tagging/library-evidence.ts';

/** What the host (Electron or the browser bridge) provides. */
export interface Platform {
  readonly shell: 'electron' | 'web' | 'cli';
  readonly version: string;
  readonly dataDir: string;
  /** Ask the user for an export folder; null when cancelled. */
  chooseExportFolder(current: string | null): Promise<string | null>;
  /** Ask where to save a `.copydesk` package; null when cancelled. */
  choosePackageFile(suggestedName: string): Promise<string | null>;
  /** Ask which `.copydesk` package to import; null when cancelled. */
  chooseImportFile(): Promise<string | null>;
  /** The renderer has flushed its edits after an `app.flush` event. */
  readyToClose(): void;
  /** The renderer could not flush its edits: cancel the pending close. */
  keepOpen(): void;
}

export interface ServicesOptions {
  readonly dataDir: string;
  readonly settingsBacking: SettingsBacking;
  readonly platform: Platform;
  /** Folder holding resources/schemas (the NewsML-G2 XSD). */
  readonly schemasDir: string;
  /** resources/vocabularies (IPTC Media Topics and Genres); default: beside `schemasDir`. */
  readonly vocabulariesDir?: string;
  readonly now?: () => Date;
  /** This machine's name, recorded on revisions (default: the host name). */
  readonly device?: string;
  /** Told which stories changed, from any source (this process or another): `library.changed`. */
  readonly onLibraryChanged?: (ids: string[]) => void;
  /**
   * A short run (the command line): skip the start-up upkeep the app does (purging the trash;
   * in `openLibrary`, the background integrity check), so a quick command writes nothing it was
   * not asked to and leaves no second connection reading the whole file.
   */
  readonly shortRun?: boolean;
}

export const DATABASE_FILE = 'copydesk.db';

export function createServices(options: ServicesOptions) {
  mkdirSync(options.dataDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const db: Database = openDatabase(join(options.dataDir, DATABASE_FILE), {
    // Before upgrading an existing library, keep a copy of it as it was.
    beforeMigrate: (raw, from) => {
      if (from > 0) backupNow(raw, options.dataDir, 'pre-migration', now());
    },
  });
  const settings = createSettingsService(options.settingsBacking);
  const device = options.device ?? hostname();
  const checkpoints = new IdleCheckpoints(db);
  const pictures = createPictureStore(options.dataDir);
  const library = createLibraryEvidence(db);
  const changes = createChangeFeed(db, (ids) => {
    library.invalidate();
    options.onLibraryChanged?.(ids);
  });
  let tagging: TaggingService | null = null;
  const taggingService = (): TaggingService =>
    (tagging ??= createTaggingService({
      vocabulariesDir: options.vocabulariesDir ?? join(options.schemasDir, '..', 'vocabularies'),
      examples: () => library.examples(),
      knownEntities: () => library.entities(),
      knownKeywords: () => stories.keywords(),
    }));
  const stories = createStoryService({
    db,
    now,
    device,
    afterSave: () => checkpoints.touch(),
    // Our own changes are announced once committed: inside a batch (an import), after its commit.
    afterChange: () => {
      if (!db.isTransaction) changes.check();
    },
    detectLanguage,
    // Filtering by "sport" finds "soccer": a topic and every narrower one.
    narrowerTopics: (qcode) => [qcode, ...taggingService().topics().narrowerClosure(qcode)],
  });
  if (!options.shortRun) stories.purgeExpired(settings.get().trashRetentionDays);
  return {
    dataDir: options.dataDir,
    db,
    settings,
    stories,
    pictures,
    packages: createPackageService({ db, stories, now, device, pictures }),
    /** Bytes the library takes on disk: the database with its WAL, and the backups. */
    librarySize(): number {
      return folderSize(options.dataDir, (name) => name.startsWith(DATABASE_FILE) || name === 'backups' || name === 'media');
    },
    exporter: createExporter({ schemasDir: options.schemasDir, house: () => settings.get().house, now }),
    importer: createImporter({
      stories,
      batch: (work) => {
        try {
          return transaction(db, work);
        } finally {
          changes.check();
        }
      },
    }),
    platform: options.platform,
    changes,
    /** Vocabularies, gazetteer and suggestions; built on first use. */
    get tagging(): TaggingService {
      return taggingService();
    },
    close(): void {
      changes.stop();
      checkpoints.stop();
      if (db.isOpen) db.close();
    },
  };
}

export type Services = ReturnType<typeof createServices>;

function folderSize(dir: string, include: (name: string) => boolean = () => true): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!include(entry.name)) continue;
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(path) : statSync(path).size;
  }
  return total;
}
