/**
 * The Copydesk fixture for every e2e spec. In the `chromium` project it starts the browser test
 * bridge on a fresh data folder and opens the app in Debian's Chromium; in the `electron` project
 * (only where an Electron binary exists) it launches the real app on a fresh profile folder.
 * Specs use `copydesk.page`, `copydesk.restart()` (same data folder, as after quitting and
 * reopening), `copydesk.dataDir` and `copydesk.exportDir`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, _electron, type ElectronApplication, type Page } from '@playwright/test';
import { ROOT, startBridgeProcess, type RunningBridge } from './bridge.ts';

export interface Copydesk {
  page: Page;
  readonly dataDir: string;
  readonly exportDir: string;
  readonly shell: 'web' | 'electron';
  /**
   * Stop and start the app on the same data folder, then open it again. `whileStopped` runs
   * between the two (e.g. to damage the library file, as a failing disk might).
   */
  restart(whileStopped?: () => void | Promise<void>): Promise<void>;
  /** Save a screenshot to test-results/screens/<name>.png. */
  screenshot(name: string): Promise<void>;
}

export const test = base.extend<{ copydesk: Copydesk }, { shell: 'web' | 'electron' }>({
  shell: ['web', { option: true, scope: 'worker' }],
  copydesk: async ({ browser, shell }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-'));
    const exportDir = join(dataDir, 'exports');
    mkdirSync(exportDir, { recursive: true });
    const screenshot = async (name: string) => {
      await fixture.page.screenshot({ path: join(ROOT, 'test-results', 'screens', `${testInfo.project.name}-${name}.png`) });
    };
    let fixture: Copydesk;

    if (shell === 'web') {
      let bridge: RunningBridge = await startBridgeProcess({ dataDir, exportDir });
      const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
      await page.goto(bridge.url);
      fixture = {
        page,
        dataDir,
        exportDir,
        shell,
        screenshot,
        async restart(whileStopped) {
          const port = Number(new URL(bridge.origin).port);
          // As when the app quits: the window goes first (its last save and open requests meet a
          // live bridge), then the process.
          await page.goto('about:blank');
          await bridge.stop();
          await whileStopped?.();
          bridge = await startBridgeProcess({ dataDir, exportDir, port });
          await page.goto(bridge.url);
        },
      };
      await use(fixture);
      await context.close();
      await bridge.stop();
    } else {
      const { electronAvailability } = await import('../scripts/electron-binary.ts');
      const electron = electronAvailability();
      let app: ElectronApplication;
      const launch = async () => {
        app = await _electron.launch({
          executablePath: electron.executablePath,
          args: [join(ROOT, 'out/main/index.js')],
          env: { ...process.env, COPYDESK_USER_DATA: dataDir, COPYDESK_EXPORT_DIR: exportDir },
        });
        return app.firstWindow();
      };
      fixture = {
        page: await launch(),
        dataDir,
        exportDir,
        shell,
        screenshot,
        async restart(whileStopped) {
          await app.close();
          await whileStopped?.();
          fixture.page = await launch();
        },
      };
      await use(fixture);
      await app!.close();
    }
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
