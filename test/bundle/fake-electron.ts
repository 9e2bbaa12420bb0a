/**
 * A recording stand-in for the `electron` module, enough for the built main bundle
 * (out/main/index.js) and electron-store to run in plain Node. Loaded by run-main-bundle.ts through
 * a module resolve hook; never imported by the app. Runs under Node's type stripping, so: erasable
 * TypeScript only.
 *
 * Environment: FAKE_ELECTRON_HOME (folder for app.getPath), FAKE_ELECTRON_APP_PATH,
 * FAKE_ELECTRON_LOCK=denied (another instance holds the single-instance lock).
 */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Listener = (...args: never[]) => unknown;

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  readonly [key: string]: unknown;
}

export function fakeEvent(fields: Record<string, unknown> = {}): FakeEvent {
  return {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** Everything the app did to Electron, for the harness to read. */
export const calls = {
  handles: [] as string[],
  handlers: new Map<string, Listener>(),
  removedHandles: [] as string[],
  ons: [] as string[],
  errorBoxes: [] as { title: string; content: string }[],
  openDialogs: [] as { parentIsWindow: boolean; options: unknown }[],
  openExternal: [] as string[],
  openPath: [] as string[],
  menus: [] as unknown[],
  quit: 0,
  exit: [] as number[],
  enableSandbox: 0,
  aboutPanel: [] as unknown[],
  setPath: [] as [string, string][],
  headersReceived: [] as Listener[],
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
};

const home = process.env.FAKE_ELECTRON_HOME ?? join(process.cwd(), '.fake-electron');
const paths = new Map<string, string>();

class FakeApp extends EventEmitter {
  readonly isPackaged = false;
  name = 'Copydesk';
  private quitting = false;
  getVersion(): string {
    return '0.1.0';
  }
  getName(): string {
    return this.name;
  }
  getAppPath(): string {
    return process.env.FAKE_ELECTRON_APP_PATH ?? process.cwd();
  }
  getPath(name: string): string {
    const path = paths.get(name) ?? join(home, name);
    mkdirSync(path, { recursive: true });
    return path;
  }
  setPath(name: string, path: string): void {
    calls.setPath.push([name, path]);
    paths.set(name, path);
  }
  requestSingleInstanceLock(): boolean {
    return process.env.FAKE_ELECTRON_LOCK !== 'denied';
  }
  enableSandbox(): void {
    calls.enableSandbox += 1;
  }
  setAboutPanelOptions(options: unknown): void {
    calls.aboutPanel.push(options);
  }
  whenReady(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }
  focus(): void {}
  /** Like Electron: before-quit, close every window (a prevented close cancels), will-quit, quit. */
  quit(): void {
    calls.quit += 1;
    if (this.quitting) return;
    this.quitting = true;
    this.emit('before-quit', fakeEvent());
    for (const win of FakeBrowserWindow.getAllWindows()) win.close();
    if (FakeBrowserWindow.getAllWindows().length > 0) {
      this.quitting = false;
      return;
    }
    const willQuit = fakeEvent();
    this.emit('will-quit', willQuit);
    this.quitting = false;
    if (willQuit.defaultPrevented) return;
    this.emit('quit', fakeEvent(), 0);
  }
  exit(code = 0): void {
    calls.exit.push(code);
  }
}

export const app = new FakeApp();

class FakeWebRequest {
  onHeadersReceived(...args: unknown[]): void {
    const listener = args[args.length - 1];
    if (typeof listener === 'function') calls.headersReceived.push(listener as Listener);
  }
}

class FakeSession {
  readonly webRequest = new FakeWebRequest();
  setPermissionRequestHandler(handler: Listener | null): void {
    calls.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    calls.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(): void {}
}

export const session = { defaultSession: new FakeSession() };

let nextId = 1;

export interface FakeFrame {
  readonly url: string;
  readonly parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly session = session.defaultSession;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  url = '';
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  get mainFrame(): FakeFrame {
    return { url: this.url, parent: null };
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    return Promise.resolve();
  }
  loadFile(path: string): Promise<void> {
    return this.loadURL(pathToFileURL(path).href);
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isCrashed(): boolean {
    return false;
  }
}

const windows: FakeBrowserWindow[] = [];

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  shown = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    windows.push(this);
    FakeBrowserWindow.created.push(this);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return windows.filter((w) => !w.destroyed);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.getAllWindows()[0] ?? null;
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return windows.find((w) => w.webContents === contents) ?? null;
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url).then(() => {
      setImmediate(() => this.emit('ready-to-show'));
    });
  }
  loadFile(path: string): Promise<void> {
    return this.loadURL(pathToFileURL(path).href);
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Like Electron: `close` can be prevented; otherwise the window goes, then maybe all of them. */
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

export const BrowserWindow = FakeBrowserWindow;

export const ipcMain = {
  handle(channel: string, listener: Listener): void {
    calls.handles.push(channel);
    if (calls.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    calls.handlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    calls.removedHandles.push(channel);
    calls.handlers.delete(channel);
  },
  on(channel: string): void {
    calls.ons.push(channel);
  },
  once(channel: string): void {
    calls.ons.push(channel);
  },
  removeListener(): void {},
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    calls.errorBoxes.push({ title, content });
  },
  showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    const parentIsWindow = args[0] instanceof FakeBrowserWindow;
    calls.openDialogs.push({ parentIsWindow, options: parentIsWindow ? args[1] : args[0] });
    const folder = join(home, 'chosen-export-folder');
    return Promise.resolve({ canceled: false, filePaths: [folder] });
  },
  showMessageBox(): Promise<{ response: number }> {
    return Promise.resolve({ response: 0 });
  },
};

export const shell = {
  openExternal(url: string): Promise<void> {
    calls.openExternal.push(url);
    return Promise.resolve();
  },
  openPath(path: string): Promise<string> {
    calls.openPath.push(path);
    return Promise.resolve('');
  },
};

export const Menu = {
  buildFromTemplate(template: unknown[]): { template: unknown[] } {
    return { template };
  },
  setApplicationMenu(menu: unknown): void {
    calls.menus.push(menu);
  },
};

class FakeNativeTheme extends EventEmitter {
  shouldUseDarkColors = false;
  themeSource = 'system';
}
export const nativeTheme = new FakeNativeTheme();

export const contextBridge = {
  exposeInMainWorld(): void {
    throw new Error('contextBridge is for preloads, not main');
  },
};
export const ipcRenderer = null;

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeTheme,
  session,
  shell,
};
