/**
 * The one window factory. Every Copydesk window is sandboxed and context-isolated, has no Node,
 * cannot navigate away from the app, cannot open windows, gets no permissions, and is registered
 * as a trusted IPC sender. `hardenSession` sets the session-wide parts (CSP, permissions) once.
 */
import { fileURLToPath } from 'node:url';
import { BrowserWindow, shell, type Session } from 'electron';
import { contentSecurityPolicy, HARDENED_WEB_PREFERENCES, isAppUrl, isSafeExternalUrl, type AppLocation } from './security.ts';
import { trustWindow } from './trusted-sender.ts';

export { HARDENED_WEB_PREFERENCES } from './security.ts';

// Main is built as ESM (out/main/index.js): paths are resolved from import.meta.url, not __dirname.
export const PRELOAD_FILE = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
export const RENDERER_INDEX_FILE = fileURLToPath(new URL('../renderer/index.html', import.meta.url));

const LIGHT_BACKGROUND = '#ffffff';
const DARK_BACKGROUND = '#1e1e1e';

/** Session-wide hardening: the CSP on every response and no permission for anything. */
export function hardenSession(session: Session, location: AppLocation): void {
  const csp = contentSecurityPolicy(location);
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Ours replaces any policy the response brought (header names are case-insensitive).
      if (name.toLowerCase() !== 'content-security-policy') responseHeaders[name] = value;
    }
    responseHeaders['Content-Security-Policy'] = [csp];
    callback({ responseHeaders });
  });
  // Copydesk needs no camera, notifications, geolocation, clipboard-read …: deny every request.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export interface MainWindowOptions {
  readonly location: AppLocation;
  /** Paint the window dark before the renderer draws (no white flash in a dark theme). */
  readonly dark: boolean;
}

export function createMainWindow({ location, dark }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Copydesk',
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: dark ? DARK_BACKGROUND : LIGHT_BACKGROUND,
    webPreferences: { ...HARDENED_WEB_PREFERENCES, preload: PRELOAD_FILE },
  });
  trustWindow(win);

  const contents = win.webContents;
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(location, event.url)) {
      console.warn(`[copydesk] blocked navigation to ${event.url}`);
      event.preventDefault();
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(location, event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // No new windows, ever. Web and mail links go to the user's browser / mail program.
    if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => console.warn(`[copydesk] could not open ${url}:`, error));
    } else {
      console.warn(`[copydesk] refused to open ${url}`);
    }
    return { action: 'deny' };
  });

  win.once('ready-to-show', () => win.show());

  const loading = location.devServerUrl ? win.loadURL(location.devServerUrl) : win.loadFile(location.rendererIndexFile);
  loading.catch((error: unknown) => console.error('[copydesk] could not load the renderer:', error));
  return win;
}
