/**
 * A damaged library: the app starts on a damaged library file (as a failing disk might leave it)
 * and shows the recovery screen — not a crash, not a blank window. From there a person can save
 * the stories that are still readable (their text lands in Markdown files), restore a backup (the
 * stories in it come back), or start a new, empty library; the damaged file is kept aside, and
 * the app then opens normally. Selectors: src/renderer/src/App.tsx.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { damageHeader, damageTrashIndex } from '../test/damage.ts';
import { expect, test, type Copydesk } from './fixtures.ts';

const DATABASE_FILE = 'copydesk.db';

/** Overwrite the start of the library file (its header and first pages) with garbage: nothing is readable. */
function damage(dataDir: string) {
  const path = join(dataDir, DATABASE_FILE);
  damageHeader(path);
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
}

/** Damage only the index read at start: the library cannot open, but its stories are still readable. */
function damageAnIndex(dataDir: string) {
  damageTrashIndex(join(dataDir, DATABASE_FILE));
}

async function writeStory(page: Page, headline: string, text: string) {
  await page.getByRole('button', { name: 'New story' }).click();
  // The new story's headline takes the focus when it opens (until then the field is the last story's).
  const field = page.getByRole('textbox', { name: 'Headline' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
  await field.fill(headline);
  await field.press('Enter');
  await page.keyboard.insertText(text);
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
}

/** Restart on a damaged library file and check the recovery screen is what opens. */
async function startDamaged(copydesk: Copydesk, damageFile: (dataDir: string) => void = damage) {
  await copydesk.restart(() => damageFile(copydesk.dataDir));
  const { page } = copydesk;
  await expect(page.getByRole('heading', { name: "Copydesk couldn't open your library" })).toBeVisible();
  await expect(page.getByRole('note', { name: 'What happened' })).not.toBeEmpty();
  // Not the app: no story list, no New story.
  await expect(page.getByRole('button', { name: 'New story' })).toHaveCount(0);
  return page;
}

/** The Markdown files in `folder`, by name. */
function markdownFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(join(folder, name), 'utf8'));
}

test('a damaged library shows the recovery screen; starting a new, empty library opens the app', async ({ copydesk }) => {
  test.slow(); // two starts of the app, two stories, a salvage and a fresh library: three minutes on a busy machine
  const errors: string[] = [];
  copydesk.page.on('pageerror', (error) => errors.push(error.message));
  await writeStory(copydesk.page, 'Before the disk failed', 'Dockworkers walked out on Monday.');
  await writeStory(copydesk.page, 'Ships wait offshore', 'Twelve container ships are anchored off the port.');
  const page = await startDamaged(copydesk, damageAnIndex);

  // The daily backup taken when the library first opened is offered.
  const backups = page.getByRole('list', { name: 'Backups' });
  await expect(backups.getByRole('listitem')).toHaveCount(1);
  await expect(backups).toContainText('Daily backup');
  await expect(page.getByRole('button', { name: /^Restore this backup/ })).toBeVisible();
  await copydesk.screenshot('recovery-01-screen');

  // Save what can still be read (the bridge saves into the export folder): both stories' text.
  await page.getByRole('button', { name: 'Save readable stories as Markdown…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved 2 stories as Markdown to' })).toBeVisible();
  const salvaged = markdownFiles(copydesk.exportDir);
  expect(salvaged).toHaveLength(2);
  expect(salvaged[0]).toMatch(/^# Before the disk failed\n[\s\S]*\nDockworkers walked out on Monday\.\n$/);
  expect(salvaged[1]).toMatch(/^# Ships wait offshore\n[\s\S]*\nTwelve container ships are anchored off the port\.\n$/);

  // Start over: asks first.
  await page.getByRole('button', { name: 'Start a new, empty library' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new, empty library?' });
  await expect(dialog).toContainText('kept aside');
  await copydesk.screenshot('recovery-02-confirm-fresh');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Start a new, empty library' }).click();
  await page.getByRole('dialog', { name: 'Start a new, empty library?' }).getByRole('button', { name: 'Start a new library' }).click();

  // The empty app, and where the damaged file went.
  await expect(page.getByText('No stories yet — press New story')).toBeVisible();
  const notice = page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: 'Started a new, empty library.' });
  await expect(notice).toContainText('The damaged library file is kept at');
  await copydesk.screenshot('recovery-03-fresh-library');
  expect(readdirSync(copydesk.dataDir).some((f) => f.startsWith(`${DATABASE_FILE}.damaged-`))).toBe(true);

  // The new library works.
  await writeStory(page, 'After the recovery', 'A fresh start.');
  await expect(page.getByRole('list', { name: 'Stories' }).getByRole('listitem')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a damaged library can be restored from a backup', async ({ copydesk }) => {
  // Three starts of the app (one to take the backup): on a busy 2-core machine that alone can
  // approach the default minute, so this test gets three.
  test.slow();
  await writeStory(copydesk.page, 'Written before the backup', 'Dockworkers walked out on Monday.');
  // Without the backup taken when the library first opened (still empty), the next start takes
  // the daily backup of the library as it is now, with the story.
  await copydesk.restart(() => rmSync(join(copydesk.dataDir, 'backups'), { recursive: true, force: true }));
  await expect(copydesk.page.getByRole('list', { name: 'Stories' }).getByRole('listitem')).toHaveCount(1);
  const page = await startDamaged(copydesk);
  await expect(page.getByRole('list', { name: 'Backups' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: /^Restore this backup/ }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('The backup is restored.');
  // The story comes back from the backup, headline and text.
  const stories = page.getByRole('list', { name: 'Stories' });
  await expect(stories.getByRole('listitem')).toHaveCount(1);
  await stories.getByRole('listitem').filter({ hasText: 'Written before the backup' }).click();
  await expect(page.getByRole('textbox', { name: 'Story body' })).toHaveText('Dockworkers walked out on Monday.');
  expect(existsSync(join(copydesk.dataDir, DATABASE_FILE))).toBe(true);
  await writeStory(page, 'Written after the restore', 'Still here.');
});

test.describe('damage found while the app is open', () => {
  test.skip(({ shell }) => shell === 'electron', 'page.route sees only HTTP: the Electron app calls main over IPC, which it cannot intercept');

  test('the recovery screen keeps the unsaved text to copy', async ({ copydesk }) => {
    const { page } = copydesk;
    await writeStory(page, 'Written before the damage', 'First paragraph.');
    // The text is typed before the damage shows: any call the desk makes from then on (a save, a
    // refresh) may be the one that meets it, and the text must be in the editor by then.
    await page.getByRole('textbox', { name: 'Story body' }).click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText(' Typed after the damage.');
    // From now on main answers as it does once it finds a damaged page: every story call is
    // refused with database_corrupt, and the recovery status says the library is damaged. (Real
    // damage under an open connection is not deterministic; the renderer's answer to it is.)
    const message = 'The library file is damaged (database disk image is malformed).';
    await page.route('**/api/call/**', async (route) => {
      const channel = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop() ?? '');
      if (channel === 'recovery.status') {
        await route.fulfill({ json: { ok: true, value: { damaged: true, message, backups: [], keptAside: null } } });
      } else if (!channel.startsWith('recovery.')) {
        await route.fulfill({ json: { ok: false, error: { code: 'database_corrupt', message } } });
      } else {
        await route.continue();
      }
    });
    await page.keyboard.press('ControlOrMeta+s');

    await expect(page.getByRole('heading', { name: 'Copydesk can no longer read your library' })).toBeVisible();
    await expect(page.getByRole('note', { name: 'What happened' })).toHaveText(message);
    const unsaved = page.getByRole('textbox', { name: 'Unsaved text' });
    await expect(unsaved).toHaveValue('Written before the damage\n\nFirst paragraph. Typed after the damage.');
    await expect(page.getByText('There are no backups yet.')).toBeVisible();
    await copydesk.screenshot('recovery-04-unsaved-text');
  });
});
