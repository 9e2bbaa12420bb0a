/**
 * Is there an Electron binary (for `npm start` and the `electron` e2e project)? Answered from the electron
 * package's own files (path.txt, dist/) without `require('electron')`, which downloads the binary
 * on first use — here that download fails, elsewhere it can take minutes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronAvailability {
  readonly available: boolean;
  /** The electron package's folder and version, when it is installed. */
  readonly packageDir?: string;
  readonly version?: string;
  /** Why not (or which binary), in words fit for a log line. */
  readonly reason: string;
  readonly executablePath?: string;
}

export function electronAvailability(): ElectronAvailability {
  let packageDir: string;
  let version: string;
  try {
    const packageJson = createRequire(import.meta.url).resolve('electron/package.json');
    packageDir = dirname(packageJson);
    version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  } catch {
    return { available: false, reason: 'the electron package is not installed (run npm install)' };
  }
  // The same lookup as the package's index.js, minus its download.
  const pathFile = join(packageDir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = recorded ?? platformExecutable();
  const executablePath = override ? join(override, relative ?? 'electron') : relative ? join(packageDir, 'dist', relative) : null;
  if (!executablePath) return { available: false, packageDir, version, reason: `Electron has no build for ${process.platform}` };
  if (!existsSync(executablePath)) {
    const why = recorded || override ? `${executablePath} does not exist` : 'its binary was never downloaded (node_modules/electron has no dist/)';
    return { available: false, packageDir, version, reason: `no Electron ${version} binary: ${why}` };
  }
  return { available: true, packageDir, version, reason: `Electron ${version} at ${executablePath}`, executablePath };
}

export function platformExecutable(): string | null {
  switch (process.platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    default:
      return null;
  }
}
