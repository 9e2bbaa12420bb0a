/**
 * Child process for main-bundle.test.ts: runs the BUILT main bundle (out/main/index.js) in Node 24
 * with `electron` replaced by fake-electron.ts, drives it like Electron and a renderer would, and
 * prints one line `REPORT <json>` describing what the bundle did.
 *
 * Usage: node run-main-bundle.ts <bundle path> <scenario>; scenario is `run` (start, exercise IPC,
 * security handlers and menu, then close the window and quit) or `startup` (start and report
 * only: for the refused-database and second-instance cases).
 */
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const FAKE_ELECTRON_URL = new URL('./fake-electron.ts', import.meta.url).href;

// Node 24's synchronous in-thread hooks: every `import 'electron'` (the bundle's and
// electron-store's) gets the fake. Everything else resolves normally, from node_modules.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: FAKE_ELECTRON_URL, format: 'module-typescript', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

const fake = await import('./fake-electron.ts');
const { app, calls, fakeEvent, FakeBrowserWindow, FakeWebContents } = fake;

const [bundlePath, scenario = 'run'] = process.argv.slice(2);
if (!bundlePath) throw new Error('usage: run-main-bundle.ts <out/main/index.js> [run|startup]');

const report: Record<string, unknown> = {};
let quitEvents = 0;
app.on('quit', () => (quitEvents += 1));
const quitEvent = new Promise<void>((resolve) => app.once('quit', () => resolve()));

/**
 * How long any one step may take before the harness gives up and says which. Generous for a busy
 * 2-core machine, and well above the app's own limits (quitting waits up to 5 s for background
 * work): the harness must never be the one whose clock decides a test. The test's own limit on the
 * whole child process is longer still.
 */
const STEP_LIMIT_MS = 40_000;

await import(pathToFileURL(bundlePath).href);
await settle(() => FakeBrowserWindow.created.length > 0 || calls.quit > 0);

report.startup = {
  windows: FakeBrowserWindow.created.length,
  handles: calls.handles,
  ipcOn: calls.ons,
  quit: calls.quit,
  errorBoxes: calls.errorBoxes,
  enableSandbox: calls.enableSandbox,
};

if (scenario === 'run') await exercise();

process.stdout.write(`REPORT ${JSON.stringify(report)}\n`, () => process.exit(0));

async function exercise(): Promise<void> {
  const win = FakeBrowserWindow.created[0];
  const contents = win.webContents;
  await settle(() => win.shown);
  const webPreferences = win.options.webPreferences as Record<string, unknown>;
  report.window = {
    title: win.options.title,
    width: win.options.width,
    height: win.options.height,
    show: win.options.show,
    shownAfterReadyToShow: win.shown,
    backgroundColor: win.options.backgroundColor,
    webPreferences,
    loadedUrl: contents.url,
  };

  // Session: CSP on responses, permissions.
  const headers = await new Promise<unknown>((resolve) =>
    calls.headersReceived[0]?.(
      { url: contents.url, responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['kept'] } } as never,
      resolve as never
    )
  );
  const permissionAnswers: Record<string, unknown> = {};
  for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
    permissionAnswers[permission] = await new Promise((resolve) => calls.permissionRequestHandler?.(contents as never, permission as never, resolve as never, {} as never));
  }
  const permissionChecks: Record<string, unknown> = {};
  for (const permission of ['media', 'notifications', 'clipboard-sanitized-write']) {
    permissionChecks[permission] = calls.permissionCheckHandler?.(contents as never, permission as never, 'file://' as never, {} as never);
  }
  report.session = { headersListeners: calls.headersReceived.length, headers, permissionAnswers, permissionChecks };

  // Window open and navigation.
  const opened: Record<string, unknown> = {};
  for (const url of ['https://example.com', 'http://example.com/a', 'mailto:desk@example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'not a url', 'smb://share/x']) {
    opened[url] = contents.windowOpenHandler?.({ url });
  }
  const navigation: Record<string, boolean> = {};
  const appUrl = contents.url;
  for (const url of [appUrl, `${appUrl}#/story/1`, 'https://evil.example/', 'file:///etc/passwd']) {
    const event = fakeEvent({ url });
    contents.emit('will-navigate', event, url);
    navigation[url] = event.defaultPrevented;
  }
  const redirect = fakeEvent({ url: 'https://evil.example/' });
  contents.emit('will-redirect', redirect);
  const webview = fakeEvent();
  contents.emit('will-attach-webview', webview, {}, { src: 'https://evil.example/' });
  report.navigation = {
    opened,
    openExternal: [...calls.openExternal],
    navigationPrevented: navigation,
    redirectPrevented: redirect.defaultPrevented,
    webviewPrevented: webview.defaultPrevented,
  };

  // IPC: the same handler, called by senders we trust and by ones we do not.
  const ours = { sender: contents, senderFrame: contents.mainFrame };
  const stranger = new FakeWebContents();
  stranger.url = appUrl;
  const call = (event: unknown, channel: string, input?: unknown) => {
    const handler = calls.handlers.get(`copydesk:${channel}`);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return (handler as (event: unknown, input: unknown) => Promise<unknown>)(event, input);
  };
  const ipc: Record<string, unknown> = {};
  ipc.untrustedContents = await call({ sender: stranger, senderFrame: stranger.mainFrame }, 'settings.get', {});
  ipc.foreignUrl = await call({ sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } }, 'settings.get', {});
  ipc.otherLocalFile = await call({ sender: contents, senderFrame: { url: 'file:///tmp/evil.html', parent: null } }, 'settings.get', {});
  ipc.noFrame = await call({ sender: contents, senderFrame: null }, 'settings.get', {});
  ipc.subFrame = await call({ sender: contents, senderFrame: { url: appUrl, parent: contents.mainFrame } }, 'settings.get', {});
  ipc.badHeadline = await call(ours, 'stories.create', { headline: 42 });
  ipc.extraKey = await call(ours, 'settings.get', { sneaky: true });
  ipc.badId = await call(ours, 'stories.get', { id: '../../etc/passwd' });
  ipc.settings = await call(ours, 'settings.get', {});
  ipc.info = await call(ours, 'app.info', {});
  ipc.created = await call(ours, 'stories.create', { headline: 'Council approves the harbour budget' });
  ipc.list = await call(ours, 'stories.list', {});
  ipc.topics = await call(ours, 'tagging.topics', { query: 'soccer', limit: 1 });
  ipc.chooseFolder = await call(ours, 'export.chooseFolder', {});
  ipc.settingsAfterChoose = await call(ours, 'settings.get', {});
  ipc.openDialogs = calls.openDialogs;
  ipc.documentsPath = app.getPath('documents');
  report.ipc = ipc;

  // Menu: story commands go to the focused window as `menu.command` events.
  const menu = calls.menus[0] as { template: MenuItem[] } | undefined;
  const items = (menu?.template ?? []).flatMap((top) => [top, ...(Array.isArray(top.submenu) ? top.submenu : [])]);
  // Click every item that has its own click handler and record what each one did.
  const clicks: { label?: string; sent: unknown[]; openedPaths: string[] }[] = [];
  for (const item of items) {
    if (!item.click) continue;
    const sentBefore = contents.sent.length;
    const openedBefore = calls.openPath.length;
    item.click({}, win, {});
    clicks.push({ label: item.label, sent: contents.sent.slice(sentBefore), openedPaths: calls.openPath.slice(openedBefore) });
  }
  report.menu = {
    top: (menu?.template ?? []).map((item) => item.label ?? item.role),
    items: items.map((item) => ({ label: item.label, role: item.role, accelerator: item.accelerator })),
    clicks,
    userData: app.getPath('userData'),
  };

  // Closing: the first close is held until the renderer confirms its flush.
  const wal = join(app.getPath('userData'), 'copydesk.db-wal');
  const walBeforeClose = existsSync(wal);
  const sentBeforeClose = contents.sent.length;
  win.close();
  const afterFirstClose = { destroyed: win.destroyed, sent: contents.sent.slice(sentBeforeClose) };
  win.close(); // a second click while waiting changes nothing
  const afterSecondClose = { destroyed: win.destroyed, sent: contents.sent.slice(sentBeforeClose) };
  const readyToClose = await call(ours, 'app.readyToClose', {});
  // Quitting waits for the integrity check and the backup first: wait for the event itself.
  await within(quitEvent, 'the app to quit after the window was closed');
  report.close = {
    afterFirstClose,
    afterSecondClose,
    readyToClose,
    destroyedAfterReady: win.destroyed,
    quitCalls: calls.quit,
    quitEvents,
    removedHandles: calls.removedHandles,
    // SQLite removes the WAL file when the last connection closes: the database was closed.
    walBeforeClose,
    walAfterQuit: existsSync(wal),
  };
}

interface MenuItem {
  label?: string;
  role?: string;
  accelerator?: string;
  submenu?: MenuItem[];
  click?: (item: unknown, win: unknown, event: unknown) => void;
}

/** Waits until `done()` holds, checking between event-loop turns; fails after STEP_LIMIT_MS. */
async function settle(done: () => boolean): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > STEP_LIMIT_MS) throw new Error(`timed out after ${STEP_LIMIT_MS} ms waiting for ${done.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** `promise`, or a clear failure naming `what` if it has not settled within STEP_LIMIT_MS. */
async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${STEP_LIMIT_MS} ms waiting for ${what}`)), STEP_LIMIT_MS);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}
