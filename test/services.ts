import { join } from 'node:path';
import Conf from 'conf';
import { createHandlers } from '../src/main/services/handlers.ts';
import { openLibrary } from '../src/main/services/library.ts';
import type { Platform } from '../src/main/services/services.ts';

export const SCHEMAS_DIR = join(import.meta.dirname, '..', 'resources', 'schemas');

/** The real services on a temp data folder, as the bridge and the app build them. */
export function makeServices(dataDir: string, overrides: Partial<Platform> = {}, options: { onLibraryChanged?: (ids: string[]) => void } = {}) {
  const platform: Platform = {
    shell: 'web',
    version: 'test',
    dataDir,
    chooseExportFolder: async () => join(dataDir, 'exports'),
    choosePackageFile: async (name) => join(dataDir, 'exports', name),
    chooseImportFile: async () => null,
    readyToClose: () => {},
    keepOpen: () => {},
    ...overrides,
  };
  const library = openLibrary({
    dataDir,
    settingsBacking: new Conf({ cwd: dataDir, configName: 'settings', projectName: 'copydesk' }),
    schemasDir: SCHEMAS_DIR,
    platform,
    ...options,
  });
  const services = library.status().damaged ? null! : library.services();
  return { library, services, handlers: createHandlers(library, platform) };
}
