/**
 * One command's hold on the library: opened with the same `openLibrary` the app and the bridge
 * use, on the same data folder and settings file, and closed before the command returns.
 *
 * Safe beside a running app: SQLite in WAL mode lets the app read while we write, the 5 s busy
 * timeout waits for the app's write transactions, and the app's change feed (PRAGMA data_version)
 * notices our commits and refreshes its windows. A short run skips the app's start-up upkeep (trash
 * purge, background integrity check), and nothing here takes backups. Closing the last connection
 * folds the WAL back into the database, so a run with the app closed leaves no `-wal` behind.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { contract, type Channel, type ChannelOutput } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import { createHandlers, dispatch, type Handlers } from '../services/handlers.ts';
import { openLibrary } from '../services/library.ts';
import { DATABASE_FILE, type Platform, type Services } from '../services/services.ts';
import { UsageError } from './args.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const SCHEMAS_DIR = join(ROOT, 'resources', 'schemas');

export interface Session {
  readonly services: Services;
  readonly handlers: Handlers;
  /** Who the library records as doing what the command does: the profile name in settings. */
  readonly actor: string;
  /**
   * Validate `input` (built from what the person typed, so `unknown` until checked) against the
   * channel's contract schema — a bad argument is a usage error — then run it through `dispatch`,
   * as the app's IPC does; a refusal throws an AppError.
   */
  call<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>>;
  close(): void;
}

export interface SessionOptions {
  readonly dataDir: string;
  /** Make a new library if the folder has none (import); otherwise a missing library is an error. */
  readonly create: boolean;
}

export function openSession(options: SessionOptions): Session {
  const { dataDir } = options;
  if (!options.create && !existsSync(join(dataDir, DATABASE_FILE))) {
    throw new AppError('not_found', `There is no Copydesk library in ${dataDir}. Choose the data folder with --data or COPYDESK_DATA.`);
  }
  const platform = commandLinePlatform(dataDir);
  const library = openLibrary({
    dataDir,
    settingsBacking: new Conf({ cwd: dataDir, configName: 'settings', projectName: 'copydesk' }),
    schemasDir: SCHEMAS_DIR,
    platform,
    shortRun: true,
  });
  let services: Services;
  try {
    services = library.services(); // a damaged library refuses here, with the reason
  } catch (error) {
    library.close();
    throw error;
  }
  const handlers = createHandlers(library, platform);
  return {
    services,
    handlers,
    actor: services.settings.get().profile.name,
    async call(channel, input) {
      const parsed = contract[channel].input.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
        throw new UsageError(`${issue?.message ?? 'That argument is not valid.'}${where}`);
      }
      const result = await dispatch(handlers, channel, input, (error) => library.reportCorruption(error));
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      return result.value as ChannelOutput<typeof channel>;
    },
    close: () => library.close(),
  };
}

/** The command line has no dialogs: whatever would ask the person is simply not available. */
function commandLinePlatform(dataDir: string): Platform {
  return {
    shell: 'cli',
    version: packageVersion(),
    dataDir,
    chooseExportFolder: async () => null,
    choosePackageFile: async () => null,
    chooseImportFile: async () => null,
    readyToClose: () => {},
    keepOpen: () => {},
  };
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
