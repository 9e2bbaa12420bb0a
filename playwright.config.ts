import { defineConfig } from '@playwright/test';
import { electronAvailability } from './scripts/electron-binary.ts';

// The same specs run in two projects: `chromium` against the browser test bridge (everywhere),
// and `electron` against the real app where an Electron binary exists.
const electron = electronAvailability();
if (!electron.available && !process.env.PLAYWRIGHT_QUIET_ELECTRON) {
  console.log(`[e2e] electron project skipped: ${electron.reason}`);
  process.env.PLAYWRIGHT_QUIET_ELECTRON = '1'; // workers re-read this file; say it once
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig<object, { shell: 'web' | 'electron' }>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  // In the JSON report: `npm run test:summary` counts the electron project's tests as skipped.
  metadata: electron.available ? {} : { electronSkipped: electron.reason },
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        shell: 'web',
        browserName: 'chromium',
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
      },
    },
    ...(electron.available ? [{ name: 'electron', use: { shell: 'electron' as const } }] : []),
  ],
});
