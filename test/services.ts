import { join } from 'node:path';
import Conf from 'conf';
import { createHandlers } from '../src/main/services/handlers.ts';
import { createServices, type Platform } from '../src/main/services/services.ts';

export const SCHEMAS_DIR = join(import.meta.dirname, '..', 'resources', 'schemas');

/** The real services on a temp data folder, as the bridge and the app build them. */
export function makeServices(dataDir: string, platform: Partial<Platform> = {}) {
  const services = createServices({
    dataDir,
    settingsBacking: new Conf({ cwd: dataDir, configName: 'settings', projectName: 'copydesk' }),
    schemasDir: SCHEMAS_DIR,
    platform: {
      shell: 'web',
      version: 'test',
      chooseExportFolder: async () => join(dataDir, 'exports'),
      readyToClose: () => {},
      ...platform,
    },
  });
  return { services, handlers: createHandlers(services) };
}
