/**
 * The Electron app: lifecycle, composition of the services with Electron's paths, settings store
 * and dialogs, the main window and the menu. The only folder in main that imports `electron`.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, nativeTheme, session, shell, type OpenDialogOptions } from 'electron';
import Store from 'electron-store';
import type { MenuCommand } from '../../shared/contract.ts';
import { AppError } from '../../shared/errors.ts';
import type { Theme } from '../../shared/settings.ts';
import { createHandlers } from '../services/handlers.ts';
import { openLibrary, type Library } from '../services/library.ts';
import { newestPackage } from '../services/packages/package-format.ts';
import type { Platform } from '../services/services.ts';
import { guardClose, type CloseGuard } from './close-guard.ts';
import { emit, registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { appLocation } from './security.ts';
import { isTrustedSender, isTrustedWindow } from './trusted-sender.ts';
import { createMainWindow, hardenSession, RENDERER_INDEX_FILE } from './window.ts';

const isMac = process.platform === 'darwin';
const location = appLocation({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  rendererIndexFile: RENDERER_INDEX_FILE,
});

// Test hooks, honoured only in an unpackaged app (the e2e fixture, Joplin-style): a fresh profile
// folder per test, and an export folder instead of the native folder dialog Playwright cannot drive.
const testUserData = app.isPackaged ? undefined : process.env.COPYDESK_USER_DATA;
const testExportDir = app.isPackaged ? undefined : process.env.COPYDESK_EXPORT_DIR;
// Before the single-instance lock, which is per userData folder.
if (testUserData) app.setPath('userData', resolve(testUserData));

let library: Library | null = null;
let mainWindow: BrowserWindow | null = null;
let closeGuard: CloseGuard | null = null;
let unregisterIpc: (() => void) | null = null;
/** The daily backup, while it runs: quitting waits for it (briefly) so the database closes cleanly. */
let backupRunning: Promise<unknown> | null = null;
/** Quitting waits once for the backup and the integrity check. */
let waitedForBackgroundWork = false;
const BACKUP_GRACE_MS = 5000;
/** Set by `before-quit`: once the flushed window closes, finish quitting (also on macOS). */
let quitting = false;

// Every renderer sandboxed, whatever a window's own preferences say.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Copydesk owns the library; it is brought to the front by `second-instance`.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (!isMac || quitting) app.quit();
  });
  app.on('activate', () => {
    if (library && BrowserWindow.getAllWindows().length === 0) openMainWindow(library);
  });
  app.on('will-quit', (event) => {
    if (library && !waitedForBackgroundWork) {
      // Closing mid-backup would leave the connection open until the process dies (and a partial
      // copy behind, which the next backup removes); closing while the integrity check still reads
      // would leave the WAL file behind. Give both a moment, then quit again.
      event.preventDefault();
      waitedForBackgroundWork = true;
      const waiting = Promise.all([backupRunning, library.idle()]);
      backupRunning = null;
      void Promise.race([waiting, new Promise((done) => setTimeout(done, BACKUP_GRACE_MS))]).then(() => app.quit());
      return;
    }
    // No call may reach a closed database: remove the handlers first.
    unregisterIpc?.();
    unregisterIpc = null;
    library?.close();
    library = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[copydesk] start-up failed:', error);
      dialog.showErrorBox('Copydesk could not start', describe(error));
      app.quit();
    });
}

function start(): void {
  const platform: Platform = {
    shell: 'electron',
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    chooseExportFolder,
    choosePackageFile,
    chooseImportFile,
    readyToClose: () => closeGuard?.proceed(),
    keepOpen: () => closeGuard?.cancel(),
  };
  try {
    // A damaged database still opens (the renderer offers the ways out); a newer one does not.
    library = openLibrary({
      dataDir: platform.dataDir,
      settingsBacking: new Store({ name: 'settings' }),
      schemasDir: schemasDir(),
      platform,
      // The background integrity check found damage: every window shows the recovery screen.
      onDamage: (message) => {
        for (const win of BrowserWindow.getAllWindows()) if (isTrustedWindow(win)) emit(win, 'library.damaged', { message });
      },
      // Stories changed (any window, the command line, an import): every window refreshes what shows them.
      onLibraryChanged: (ids) => {
        for (const win of BrowserWindow.getAllWindows()) if (isTrustedWindow(win)) emit(win, 'library.changed', { ids });
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'database_newer') {
      // The library belongs to a newer Copydesk: say so and leave the file exactly as it is.
      dialog.showErrorBox('Copydesk cannot open your stories', error.message);
    } else {
      console.error('[copydesk] could not open the library:', error);
      dialog.showErrorBox('Copydesk could not open your stories', describe(error));
    }
    app.quit();
    return;
  }

  hardenSession(session.defaultSession, location);
  const opened = library;
  unregisterIpc = registerIpc(
    createHandlers(opened, platform),
    (event) => isTrustedSender(location, event),
    (error) => opened.reportCorruption(error)
  );
  app.setAboutPanelOptions({ applicationName: 'Copydesk', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(
    buildMenu({
      appName: 'Copydesk',
      isMac,
      isDev: !app.isPackaged,
      sendCommand,
      openDataFolder: () => {
        shell.openPath(app.getPath('userData')).catch((error: unknown) => console.warn('[copydesk] could not open the data folder:', error));
      },
    })
  );
  openMainWindow(library);
  takeDailyBackup(library);
  // A newsroom laptop stays open for days: look again every hour (the backup runs once a day).
  setInterval(() => {
    if (library && !backupRunning) takeDailyBackup(library);
  }, BACKUP_CHECK_MS).unref();
}

const BACKUP_CHECK_MS = 60 * 60 * 1000;

function takeDailyBackup(current: Library): void {
  const backup = current
    .dailyBackup()
    .catch((error: unknown) => console.error('[copydesk] daily backup failed:', error))
    .finally(() => {
      if (backupRunning === backup) backupRunning = null;
    });
  backupRunning = backup;
}

function openMainWindow(current: Library): void {
  const win = createMainWindow({ location, dark: isDark(themeOf(current)) });
  mainWindow = win;
  closeGuard = guardClose(win, () => emit(win, 'app.flush', {}));
  win.on('closed', () => {
    if (mainWindow !== win) return;
    mainWindow = null;
    closeGuard = null;
  });
}

/**
 * Packaged: electron-builder's extraResources. Unpackaged: <repo>/resources/schemas, found from
 * this bundle (out/main/index.js) rather than app.getAppPath(), which is out/main when Electron is
 * started on the file (as Playwright does) instead of on the folder.
 */
function schemasDir(): string {
  if (app.isPackaged) return join(process.resourcesPath, 'schemas');
  return fileURLToPath(new URL('../../resources/schemas', import.meta.url));
}

async function chooseExportFolder(current: string | null): Promise<string | null> {
  if (testExportDir) {
    const folder = resolve(testExportDir);
    mkdirSync(folder, { recursive: true });
    return folder;
  }
  const options: OpenDialogOptions = {
    title: 'Choose the export folder',
    properties: ['openDirectory', 'createDirectory'],
    defaultPath: current ?? app.getPath('documents'),
  };
  const win = mainWindow;
  const result = win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (result.canceled) return null;
  return result.filePaths[0] ?? null;
}

const PACKAGE_FILTERS = [{ name: 'Copydesk package', extensions: ['copydesk'] }];

async function choosePackageFile(suggestedName: string): Promise<string | null> {
  if (testExportDir) return join(resolve(testExportDir), suggestedName);
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  const options = { title: 'Export stories as a Copydesk package', defaultPath: join(app.getPath('documents'), suggestedName), filters: PACKAGE_FILTERS };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function chooseImportFile(): Promise<string | null> {
  if (testExportDir) return newestPackage(resolve(testExportDir));
  const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
  const options: OpenDialogOptions = { title: 'Import a Copydesk package', properties: ['openFile'], filters: PACKAGE_FILTERS };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Menu commands go to the focused Copydesk window (or the main window when none has focus). */
function sendCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  if (target && isTrustedWindow(target)) emit(target, 'menu.command', { command });
}

function themeOf(current: Library): Theme {
  try {
    return current.services().settings.get().theme;
  } catch {
    return 'system'; // a damaged library: the recovery screen follows the system theme
  }
}

function isDark(theme: Theme): boolean {
  return theme === 'dark' || (theme === 'system' && nativeTheme.shouldUseDarkColors);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
