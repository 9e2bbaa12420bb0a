/**
 * The composition root for the Node-side services. The Electron app, the tests, the browser test
 * bridge and the command line all build their services here; what differs between them (where the
 * data lives, the settings store, native dialogs) is injected.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createExporter } from './export/index.ts';
import { createSettingsService, type SettingsBacking } from './settings-service.ts';
import { openDatabase, type Database } from './storage/database.ts';
import { createStoryService } from './story-service.ts';

/** What the host (Electron or the browser bridge) provides. */
export interface Platform {
  readonly shell: 'electron' | 'web';
  readonly version: string;
  /** Ask the user for an export folder; null when cancelled. */
  chooseExportFolder(current: string | null): Promise<string | null>;
  /** The renderer has flushed its edits after an `app.flush` event. */
  readyToClose(): void;
}

export interface ServicesOptions {
  readonly dataDir: string;
  readonly settingsBacking: SettingsBacking;
  readonly platform: Platform;
  /** Folder holding resources/schemas (the NewsML-G2 XSD). */
  readonly schemasDir: string;
  readonly now?: () => Date;
}

export const DATABASE_FILE = 'copydesk.db';

export function createServices(options: ServicesOptions) {
  mkdirSync(options.dataDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const db: Database = openDatabase(join(options.dataDir, DATABASE_FILE));
  const settings = createSettingsService(options.settingsBacking);
  return {
    dataDir: options.dataDir,
    db,
    settings,
    stories: createStoryService({ db, now }),
    exporter: createExporter({ schemasDir: options.schemasDir, provider: 'Copydesk', now }),
    platform: options.platform,
    close(): void {
      if (db.isOpen) db.close();
    },
  };
}

export type Services = ReturnType<typeof createServices>;
