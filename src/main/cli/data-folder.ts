/**
 * Which data folder the command line works on. By default the app's own: Electron's
 * `app.getPath('userData')`, which is the platform's application-data folder plus the product name
 * (package.json `productName`, "Copydesk"). Worked out here without Electron, the same way.
 */
import { homedir } from 'node:os';
import { join, resolve, win32, posix } from 'node:path';

export const PRODUCT_NAME = 'Copydesk';

export interface DataFolderInput {
  /** `--data DIR`, if given. */
  readonly flag?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
}

/** `--data`, else `COPYDESK_DATA`, else the app's user-data folder; relative paths from `cwd`. */
export function chooseDataFolder(input: DataFolderInput): string {
  const chosen = input.flag ?? (input.env.COPYDESK_DATA || undefined);
  if (chosen !== undefined) return resolve(input.cwd, chosen);
  return appDataFolder(input.platform ?? process.platform, input.env, input.home ?? homedir());
}

/** Electron's userData for productName Copydesk: appData (per platform) + the product name. */
export function appDataFolder(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, home: string): string {
  switch (platform) {
    case 'win32':
      return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME);
  }
}
