/**
 * Smoke test of the BUILT main bundle (out/main/index.js), where no Electron binary can run: the
 * bundle runs in a Node 24 child process with `electron` swapped for a recording fake
 * (fake-electron.ts, injected by a resolve hook in run-main-bundle.ts). It checks what only the
 * built app can show: the IPC surface is exactly the contract, senders are checked, the window is
 * hardened, and start-up and shut-down do the right things with the database.
 *
 * Needs `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, IPC_PREFIX, MENU_COMMANDS } from '../../src/shared/contract.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.ts';
import { HARDENED_WEB_PREFERENCES } from '../../src/main/electron/security.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN_BUNDLE = join(ROOT, 'out/main/index.js');
const PRELOAD_BUNDLE = join(ROOT, 'out/preload/index.cjs');
const HARNESS = fileURLToPath(new URL('./run-main-bundle.ts', import.meta.url));
const EXPECTED_HANDLES = CHANNELS.map((channel) => IPC_PREFIX + channel).sort();

/** Generous for a busy 2-core machine; above the harness's own step limit (40 s), so it reports first. */
const CHILD_LIMIT_MS = 90_000;
const TEST_LIMIT_MS = CHILD_LIMIT_MS + 30_000;

type Report = Record<string, Record<string, unknown>>;
type Failure = { ok: false; error: { code: string; message: string } };

const homes: string[] = [];
function freshHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'copydesk-bundle-'));
  homes.push(home);
  return home;
}

function runBundle(scenario: 'run' | 'startup', home: string, extraEnv: Record<string, string> = {}): Promise<Report> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The test hooks and dev server of the real app must not leak in from the developer's shell.
  for (const name of ['COPYDESK_USER_DATA', 'COPYDESK_EXPORT_DIR', 'ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE']) delete env[name];
  Object.assign(env, { FAKE_ELECTRON_HOME: home, FAKE_ELECTRON_APP_PATH: ROOT }, extraEnv);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', HARNESS, MAIN_BUNDLE, scenario],
      { cwd: ROOT, env, timeout: CHILD_LIMIT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith('REPORT '));
        if (error || !line) {
          reject(new Error(`The bundle harness failed (${error?.message ?? 'no report'}).\nstdout:\n${stdout}\nstderr:\n${stderr}`));
          return;
        }
        resolve(JSON.parse(line.slice('REPORT '.length)) as Report);
      }
    );
  });
}

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

beforeAll(() => {
  if (Number(process.versions.node.split('.')[0]) < 24) {
    throw new Error(`The bundle tests need Node 24 (module.registerHooks, node:sqlite); this is Node ${process.versions.node}. Run them through npx/npm.`);
  }
  if (!existsSync(MAIN_BUNDLE) || !existsSync(PRELOAD_BUNDLE)) {
    throw new Error(`${existsSync(MAIN_BUNDLE) ? PRELOAD_BUNDLE : MAIN_BUNDLE} is missing: run \`npm run build\` before the bundle tests.`);
  }
});

afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

describe('the built main bundle, run against a fake Electron', () => {
  let report: Report;
  let home: string;
  beforeAll(async () => {
    home = freshHome();
    report = await runBundle('run', home);
  }, TEST_LIMIT_MS);

  it('registers one handler for every contract channel and nothing else', () => {
    const handles = report.startup.handles as string[];
    expect([...handles].sort()).toEqual(EXPECTED_HANDLES);
    expect(new Set(handles).size).toBe(handles.length);
    // The only other listener is electron-store's own (it answers its renderer-side API).
    expect(report.startup.ipcOn).toEqual(['electron-store-get-data']);
  });

  it('sandboxes every renderer and creates one hardened window', () => {
    expect(report.startup.enableSandbox).toBe(1);
    expect(report.startup.windows).toBe(1);
    const window = report.window;
    const prefs = window.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs).toEqual({ ...HARDENED_WEB_PREFERENCES, preload: prefs.preload });
    expect(String(prefs.preload).replaceAll('\\', '/')).toMatch(/\/out\/preload\/index\.cjs$/);
    expect(existsSync(String(prefs.preload))).toBe(true);
    expect(window).toMatchObject({ title: 'Copydesk', width: 1280, height: 820, show: false, shownAfterReadyToShow: true });
    expect(window.loadedUrl).toBe(pathToFileURL(join(ROOT, 'out/renderer/index.html')).href);
  });

  it('replaces any Content-Security-Policy on responses with its own', () => {
    const session = report.session;
    expect(session.headersListeners).toBe(1);
    const headers = (session.headers as { responseHeaders: Record<string, string[]> }).responseHeaders;
    expect(headers['X-Other']).toEqual(['kept']);
    expect(headers['content-security-policy']).toBeUndefined();
    const csp = headers['Content-Security-Policy'];
    expect(csp).toHaveLength(1);
    for (const directive of ["default-src 'self'", "script-src 'self';", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "connect-src 'self'"]) {
      expect(csp[0]).toContain(directive);
    }
    expect(csp[0]).not.toContain('unsafe-eval');
  });

  it('denies every permission request and check', () => {
    expect(Object.values(report.session.permissionAnswers as object)).toEqual([false, false, false, false, false]);
    expect(Object.values(report.session.permissionChecks as object)).toEqual([false, false, false]);
  });

  it('denies window.open and hands only http(s) and mailto URLs to the system', () => {
    const { opened, openExternal } = report.navigation as { opened: Record<string, unknown>; openExternal: string[] };
    for (const result of Object.values(opened)) expect(result).toEqual({ action: 'deny' });
    expect(opened['javascript:alert(1)']).toEqual({ action: 'deny' });
    expect(openExternal).toEqual(['https://example.com', 'http://example.com/a', 'mailto:desk@example.com']);
  });

  it('blocks navigation, redirects and webviews away from the app', () => {
    const navigation = report.navigation;
    const prevented = navigation.navigationPrevented as Record<string, boolean>;
    const appUrl = String(report.window.loadedUrl);
    expect(prevented[appUrl]).toBe(false);
    expect(prevented[`${appUrl}#/story/1`]).toBe(false);
    expect(prevented['https://evil.example/']).toBe(true);
    expect(prevented['file:///etc/passwd']).toBe(true);
    expect(navigation.redirectPrevented).toBe(true);
    expect(navigation.webviewPrevented).toBe(true);
  });

  it('refuses IPC from anything but the top frame of its own window showing its own page', () => {
    for (const key of ['untrustedContents', 'foreignUrl', 'otherLocalFile', 'noFrame', 'subFrame']) {
      const result = report.ipc[key] as Failure;
      expect(result, key).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    }
  });

  it('validates input from its own window', () => {
    for (const key of ['badHeadline', 'extraKey', 'badId']) {
      expect(report.ipc[key], key).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('answers well-formed calls from its own window', () => {
    const ipc = report.ipc;
    expect(ipc.settings).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(ipc.info).toMatchObject({ ok: true, value: { shell: 'electron', version: '0.1.0', dataDir: join(home, 'userData') } });
    const created = ipc.created as { ok: true; value: { id: string; headline: string; status: string } };
    expect(created).toMatchObject({ ok: true, value: { headline: 'Council approves the harbour budget', status: 'draft' } });
    const list = ipc.list as { ok: true; value: { rows: { id: string }[]; total: number } };
    expect(list.ok).toBe(true);
    expect(list.value.rows.map((story) => story.id)).toEqual([created.value.id]);
    expect(list.value.total).toBe(1);
    // The vocabularies are found beside the schemas (resources/vocabularies).
    expect(ipc.topics).toMatchObject({ ok: true, value: [{ qcode: 'medtop:20001065', label: 'soccer' }] });
    expect(existsSync(join(home, 'userData', 'copydesk.db'))).toBe(true);
    expect(existsSync(join(home, 'userData', 'settings.json'))).toBe(true);
  });

  it('asks for the export folder with a dialog attached to the window, starting in Documents', () => {
    const ipc = report.ipc;
    const folder = join(home, 'chosen-export-folder');
    expect(ipc.chooseFolder).toEqual({ ok: true, value: { folder } });
    expect(ipc.openDialogs).toEqual([
      {
        parentIsWindow: true,
        options: expect.objectContaining({ properties: ['openDirectory', 'createDirectory'], defaultPath: ipc.documentsPath }),
      },
    ]);
    expect(ipc.settingsAfterChoose).toMatchObject({ ok: true, value: { exportFolder: folder } });
  });

  it('has a menu whose story commands reach the renderer as menu.command events', () => {
    type Click = { label?: string; sent: { channel: string; args: { command: string }[] }[]; openedPaths: string[] };
    const menu = report.menu as { top: string[]; items: { label?: string; role?: string; accelerator?: string }[]; clicks: Click[]; userData: string };
    expect(menu.top).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', 'windowMenu', 'help']));
    const accelerator = (label: string) => menu.items.find((item) => item.label === label)?.accelerator;
    expect(accelerator('New Story')).toBe('CmdOrCtrl+N');
    expect(accelerator('Save')).toBe('CmdOrCtrl+S');
    expect(accelerator('Export…')).toBe('CmdOrCtrl+E');
    expect(menu.items.map((item) => item.role)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
    // Not packaged, so the developer items are there.
    expect(menu.items.map((item) => item.role)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    // Every command the renderer understands has exactly one menu item, and no item sends another.
    const sent = menu.clicks.flatMap((click) => click.sent);
    for (const message of sent) expect(message.channel).toBe(`${IPC_PREFIX}menu.command`);
    expect(sent.map((message) => message.args[0].command).sort()).toEqual([...MENU_COMMANDS].sort());
    const commandOf = (label: string) => menu.clicks.find((click) => click.label === label)?.sent.map((message) => message.args[0].command);
    expect(commandOf('New Story')).toEqual(['new-story']);
    expect(commandOf('Import…')).toEqual(['import-files']);
    expect(commandOf('Save')).toEqual(['save']);
    expect(commandOf('Export…')).toEqual(['export']);
    expect(commandOf('Delete Story')).toEqual(['delete']);
    expect(commandOf('Toggle Dark Theme')).toEqual(['toggle-theme']);
    // The one item that is not a story command opens the data folder and sends nothing.
    const others = menu.clicks.filter((click) => click.sent.length === 0);
    expect(others).toEqual([{ label: 'Show Data Folder', sent: [], openedPaths: [menu.userData] }]);
  });

  it('holds the first close until the renderer has flushed, then quits and closes the database', () => {
    const close = report.close;
    const flush = [{ channel: `${IPC_PREFIX}app.flush`, args: [{}] }];
    expect(close.afterFirstClose).toEqual({ destroyed: false, sent: flush });
    expect(close.afterSecondClose).toEqual({ destroyed: false, sent: flush });
    expect(close.readyToClose).toEqual({ ok: true, value: {} });
    expect(close.destroyedAfterReady).toBe(true);
    expect(close.quitEvents).toBe(1);
    expect([...(close.removedHandles as string[])].sort()).toEqual(EXPECTED_HANDLES);
    expect(close.walBeforeClose).toBe(true);
    expect(close.walAfterQuit).toBe(false);
  });
});

describe('start-up', () => {
  it('refuses a database written by a newer Copydesk, says why, quits, and leaves the file alone', { timeout: TEST_LIMIT_MS }, async () => {
    const home = freshHome();
    const userData = join(home, 'userData');
    mkdirSync(userData, { recursive: true });
    const dbFile = join(userData, 'copydesk.db');
    const db = new DatabaseSync(dbFile);
    db.exec('CREATE TABLE from_the_future (x INTEGER); PRAGMA user_version = 9999;');
    db.close();
    const before = fileHash(dbFile);

    const report = await runBundle('startup', home);

    expect(report.startup.windows).toBe(0);
    expect(report.startup.handles).toEqual([]);
    expect(report.startup.quit).toBeGreaterThanOrEqual(1);
    const boxes = report.startup.errorBoxes as { title: string; content: string }[];
    expect(boxes).toHaveLength(1);
    expect(boxes[0].content).toMatch(/newer version of Copydesk/);
    expect(fileHash(dbFile)).toBe(before);
    expect(existsSync(`${dbFile}-wal`)).toBe(false);
  });

  it('keeps its library in COPYDESK_USER_DATA when given one (the e2e fixture\'s fresh profile)', { timeout: TEST_LIMIT_MS }, async () => {
    const home = freshHome();
    const profile = join(home, 'e2e-profile');
    const report = await runBundle('startup', home, { COPYDESK_USER_DATA: profile });
    expect(report.startup.windows).toBe(1);
    expect(existsSync(join(profile, 'copydesk.db'))).toBe(true);
    expect(existsSync(join(home, 'userData', 'copydesk.db'))).toBe(false);
  });

  it('quits at once when another Copydesk holds the single-instance lock', { timeout: TEST_LIMIT_MS }, async () => {
    const home = freshHome();
    const report = await runBundle('startup', home, { FAKE_ELECTRON_LOCK: 'denied' });
    expect(report.startup).toMatchObject({ windows: 0, handles: [], errorBoxes: [] });
    expect(report.startup.quit).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(home, 'userData', 'copydesk.db'))).toBe(false);
  });
});

describe('the built preload bundle', () => {
  it('is one CommonJS file that requires only "electron"', () => {
    const code = readFileSync(PRELOAD_BUNDLE, 'utf8');
    expect(code).not.toMatch(/^\s*import\s*[\w{*'"]/m);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
    const requires = [...code.matchAll(/\brequire\s*\(([^)]*)\)/g)].map((m) => m[1].trim());
    expect(requires.length).toBeGreaterThan(0);
    expect(new Set(requires)).toEqual(new Set(['"electron"']));
  });
});
