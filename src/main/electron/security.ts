/**
 * The security policy of the Electron shell as plain data and pure functions: which URLs are the
 * app's own, which may leave the app, the web preferences every window gets and the CSP. Kept free
 * of runtime `electron` imports so the policy can be read (and tested) without Electron.
 */
import { pathToFileURL } from 'node:url';
import type { WebPreferences } from 'electron';

/** Where the renderer comes from: the electron-vite dev server, or the built index.html. */
export interface AppLocation {
  /** `ELECTRON_RENDERER_URL` in `electron-vite dev`; null in a built or packaged app. */
  readonly devServerUrl: string | null;
  /** Absolute path of the built renderer's index.html. */
  readonly rendererIndexFile: string;
}

/**
 * The dev server is honoured only in an unpackaged app and only as an http(s) URL: a packaged
 * Copydesk always loads its own files, whatever the environment says.
 */
export function appLocation(options: { isPackaged: boolean; devServerUrl: string | undefined; rendererIndexFile: string }): AppLocation {
  let devServerUrl: string | null = null;
  if (!options.isPackaged && options.devServerUrl) {
    const parsed = parseUrl(options.devServerUrl);
    if (parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) devServerUrl = parsed.href;
  }
  return { devServerUrl, rendererIndexFile: options.rendererIndexFile };
}

/**
 * Is `url` the app's own page? In dev: any URL on the dev server's origin. Built: exactly the
 * renderer's index.html as a file:// URL (query and hash ignored) — not any other local file.
 */
export function isAppUrl(location: AppLocation, url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (location.devServerUrl) return parsed.origin === new URL(location.devServerUrl).origin;
  const index = pathToFileURL(location.rendererIndexFile);
  return parsed.protocol === 'file:' && parsed.host === index.host && parsed.pathname === index.pathname;
}

const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** May this URL be handed to the operating system (`shell.openExternal`)? */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && EXTERNAL_PROTOCOLS.has(parsed.protocol);
}

/**
 * The web preferences of every Copydesk window (the preload path is added by the window factory).
 * Spelled out even where they equal Electron's defaults, so a changed default cannot weaken them.
 */
export const HARDENED_WEB_PREFERENCES = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: true,
} as const satisfies WebPreferences);

/**
 * The Content-Security-Policy sent with every response. In dev the page comes from the Vite dev
 * server, which needs an inline module script (React Fast Refresh preamble) and a WebSocket (HMR).
 */
export function contentSecurityPolicy(location: AppLocation): string {
  const dev = location.devServerUrl ? new URL(location.devServerUrl) : null;
  const devSocket = dev ? `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}` : '';
  const directives: [string, string][] = [
    ['default-src', "'self'"],
    ['script-src', dev ? `'self' 'unsafe-inline' ${dev.origin}` : "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data:"],
    ['connect-src', dev ? `'self' ${dev.origin} ${devSocket}` : "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
