/**
 * The library, through the UI: revisions (Ctrl+S keeps one, compare two, restore an older one),
 * search with highlighted snippets in English and Hebrew, sort and filters that are remembered,
 * the trash, a conflicting save kept as a copy, and a package export/import round trip.
 * Selectors are documented at the top of src/renderer/src/App.tsx.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CopydeskApi } from '../src/shared/api.ts';
import { ROOT } from './bridge.ts';
import { expect, test } from './fixtures.ts';

const SOURCE = readFileSync(join(ROOT, 'test/fixtures/tps-2023-04-18-azerbaijan-israel.txt'), 'utf8');
const BLOCKS = SOURCE.split(/\r?\n\s*\r?\n/).map((b) => b.trim()).filter(Boolean);
const TPS_HEADLINE = 'What Does Azerbaijan Want as It Expands Ties With Israel?';
const FIRST = BLOCKS.findIndex((b) => b.startsWith('Jerusalem, 18 April, 2023 (TPS)'));
/** Paragraphs 1–3; the third begins "In Baku, Cohen is expected to meet…". */
const TPS_PARAGRAPHS = BLOCKS.slice(FIRST, FIRST + 3);
const HEBREW_HEADLINE = 'שר החוץ נחת בבאקו';
const HEBREW_BODY = 'שר החוץ אלי כהן נפגש עם נשיא אזרבייג׳ן';

// --- Helpers: each one is a thing a person does. -------------------------------------------

const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' });
const storyBody = (page: Page) => page.getByRole('textbox', { name: 'Story body' });
const stories = (page: Page) => page.getByRole('list', { name: 'Stories' });
const storyRow = (page: Page, headline: string) => stories(page).getByRole('listitem').filter({ hasText: headline });
const rowHeadlines = (page: Page) => stories(page).locator('.cd-row__headline').allInnerTexts();
const toasts = (page: Page) => page.getByRole('region', { name: 'Notifications' });

async function expectSaved(page: Page) {
  await expect(saveStatus(page)).toHaveText('Saved');
}

/** A new story with a headline and paragraphs, saved. */
async function writeStory(page: Page, headline: string, paragraphs: readonly string[] = []) {
  await page.getByRole('button', { name: 'New story' }).click();
  const field = page.getByRole('textbox', { name: 'Headline' });
  await expect(field).toBeFocused();
  await field.fill(headline);
  if (paragraphs.length > 0) {
    await field.press('Enter');
    await expect(storyBody(page)).toBeFocused();
    for (const [index, paragraph] of paragraphs.entries()) {
      if (index > 0) await page.keyboard.press('Enter');
      await page.keyboard.insertText(paragraph);
    }
  }
  await expectSaved(page);
  await expect(storyRow(page, headline)).toBeVisible();
}

/** Replace the whole body text. */
async function replaceBody(page: Page, text: string) {
  await storyBody(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
  await expectSaved(page);
}

async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Search stories' }).fill(text);
}

/** The preload's API as the page sees it (the e2e project has no DOM types). */
type PageWindow = { copydesk: CopydeskApi };

/**
 * Hold the page's timers (Playwright's clock): the autosave's pause in typing and the gathering
 * of `library.changed` wait until the test moves the clock on. With the clock held, an edit typed
 * here is still unsaved when the story is saved elsewhere, whatever the machine's speed, so the
 * open story is not reloaded quietly and the save that follows conflicts.
 */
async function holdTimers(page: Page) {
  await page.clock.install();
  await page.clock.pauseAt(new Date(Date.now() + 1000));
}

/** Move the held clock on until `banner` shows (the change elsewhere has been heard), then let time run. */
async function runUntilConflict(page: Page) {
  const banner = page.getByRole('alert', { name: 'Changed elsewhere' });
  await expect(async () => {
    await page.clock.runFor(200);
    await expect(banner).toBeVisible({ timeout: 250 });
  }).toPass();
  await expect(banner).toContainText('This story was changed elsewhere');
  await page.clock.resume();
}

// --- Revisions -----------------------------------------------------------------------------

test('revisions: Ctrl+S keeps one, two compare word by word, an older one is restored', async ({ copydesk }) => {
  test.setTimeout(120_000);
  const { page } = copydesk;
  const OLD = 'The cabinet approved the budget on Sunday after a long debate.';
  const NEW = 'The cabinet rejected the budget on Monday after a long debate.';
  await writeStory(page, 'Cabinet votes on the budget', [OLD]);

  // Ctrl+S keeps a revision ("Saved by hand").
  await page.keyboard.press('ControlOrMeta+s');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Revisions', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Revisions', exact: true })).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('complementary', { name: 'Revisions' });
  const history = panel.getByRole('list', { name: 'Revision history' });
  await expect(panel.getByRole('heading', { name: 'Revisions' })).toBeFocused();
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem').first()).toContainText('Saved by hand');
  await expect(history.getByRole('listitem').first()).toContainText('Reporter');

  // Change two words, save by hand again: the new revision is listed first.
  await replaceBody(page, NEW);
  await page.keyboard.press('ControlOrMeta+s');
  await expectSaved(page);
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').nth(0)).toContainText('Saved by hand');
  await expect(history.getByRole('listitem').nth(0)).toContainText('16 words'); // headline and body
  await copydesk.screenshot('library-03-revisions');

  // Compare the two: removed words on the older side, added words on the newer side.
  await expect(panel.getByRole('button', { name: /^Compare/ })).toBeDisabled();
  await history.getByRole('checkbox').nth(0).check();
  await expect(panel.getByRole('button', { name: /^Compare/ })).toHaveText('Compare with current');
  await history.getByRole('checkbox').nth(1).check();
  await panel.getByRole('button', { name: 'Compare the two' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare versions' });
  await expect(compare.getByRole('status', { name: 'Summary of changes' })).toContainText('+2 words, −2 words');
  const older = compare.getByRole('region', { name: 'Older version' });
  const newer = compare.getByRole('region', { name: 'Newer version' });
  await expect(older.locator('del')).toHaveText(['approved', 'Sunday']);
  await expect(newer.locator('ins')).toHaveText(['rejected', 'Monday']);
  await expect(older.locator('ins')).toHaveCount(0);
  await expect(newer.locator('del')).toHaveCount(0);
  // The metadata table: the word count did not change; the revision number did.
  await expect(compare.locator('.cd-fields__row--changed').filter({ hasText: 'Revision' })).toHaveCount(1);
  await expect(compare.locator('.cd-fields__row--changed').filter({ hasText: 'Headline' })).toHaveCount(0);
  await copydesk.screenshot('library-04-compare-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await copydesk.screenshot('library-05-compare-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await compare.getByRole('button', { name: 'Close' }).click();
  await expect(compare).toBeHidden();

  // Keep typing, then restore the older revision: it asks first.
  await storyBody(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(' Ministers meet again next week.');
  await history.getByRole('listitem').last().getByRole('button', { name: /^Restore:/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this version?' });
  await expect(confirm).toContainText('The current text is kept as a revision first.');
  await copydesk.screenshot('library-06-restore-confirm');
  await confirm.getByRole('button', { name: 'Restore this version' }).click();
  await expect(confirm).toBeHidden();

  // The editor shows the old text; the history says what happened.
  await expect(storyBody(page)).toHaveText(OLD);
  await expectSaved(page);
  await expect(history.getByRole('listitem').nth(0)).toContainText('Restored from an older revision');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Before restoring an older revision');
  await expect(history.getByRole('listitem')).toHaveCount(4);
  await expect(toasts(page)).toContainText('The older version is restored.');

  // The restored story keeps saving normally (no conflict with itself).
  await storyBody(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(' Updated.');
  await page.keyboard.press('ControlOrMeta+s');
  await expectSaved(page);
  await expect(history.getByRole('listitem')).toHaveCount(5);

  // One revision (the first) against the current text.
  await history.getByRole('checkbox').last().check();
  await panel.getByRole('button', { name: 'Compare with current' }).click();
  await expect(compare.getByRole('region', { name: 'Newer version' })).toContainText('Current version');
  await expect(compare.getByRole('status', { name: 'Summary of changes' })).toContainText('+1 word, −0 words');
  await expect(compare.getByRole('region', { name: 'Newer version' }).locator('ins')).toHaveText(['Updated.']);
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();
  await panel.getByRole('button', { name: 'Close revisions' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByRole('button', { name: 'Revisions', exact: true })).toBeFocused();
});

// --- Search --------------------------------------------------------------------------------

test('search finds the TPS story by "Baku" and a Hebrew story by a Hebrew word, hits highlighted', async ({ copydesk }) => {
  test.setTimeout(120_000);
  const { page } = copydesk;
  expect(TPS_PARAGRAPHS[2]).toMatch(/^In Baku, Cohen/);
  await writeStory(page, TPS_HEADLINE, TPS_PARAGRAPHS);
  await writeStory(page, HEBREW_HEADLINE, [HEBREW_BODY]);
  await writeStory(page, 'Municipal elections set for October', ['Voters in Haifa will choose a new council.']);
  await expect(stories(page).getByRole('listitem')).toHaveCount(3);

  // Typing in the search box does not move focus, and the list follows.
  await search(page, 'Baku');
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  const tps = storyRow(page, TPS_HEADLINE);
  await expect(tps.locator('.cd-row__snippet mark')).toHaveText(['Baku']);
  await expect(tps.locator('.cd-row__snippet')).toContainText('In Baku, Cohen is expected to meet');
  await expect(page.getByRole('status', { name: 'List summary' })).toHaveText('1 of 3 stories matches');
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('relevance');
  await expect(page.getByRole('searchbox', { name: 'Search stories' })).toBeFocused();
  await copydesk.screenshot('library-01-search');

  // A prefix finds the whole word; the headline hit is marked too.
  await search(page, 'azerb');
  await expect(tps.locator('.cd-row__headline mark')).toHaveText(['Azerbaijan']);

  // Hebrew: found by a word of the body, shown right to left.
  await search(page, 'כהן');
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  const hebrew = storyRow(page, HEBREW_HEADLINE);
  await expect(hebrew.locator('.cd-row__snippet mark')).toHaveText(['כהן']);
  await expect(hebrew.locator('.cd-row__snippet')).toHaveAttribute('dir', 'auto');
  await copydesk.screenshot('library-02-search-hebrew');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await copydesk.screenshot('library-02b-search-hebrew-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Nothing found: says so, and clears in one click.
  await search(page, 'zzzzqx');
  await expect(page.getByText('No stories match “zzzzqx”.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search stories' })).toHaveValue('');
  await expect(stories(page).getByRole('listitem')).toHaveCount(3);
  await expect(stories(page).locator('mark')).toHaveCount(0);

  // Opening a result from a search and editing does not disturb the search.
  await search(page, 'Baku');
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  await tps.getByRole('button').click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(TPS_HEADLINE);
  await page.getByRole('searchbox', { name: 'Search stories' }).press('Escape');
  await expect(stories(page).getByRole('listitem')).toHaveCount(3);
});

// --- Sort and filters ------------------------------------------------------------------------

test('sort and a status filter combine, and are remembered', async ({ copydesk }) => {
  test.setTimeout(120_000);
  const { page } = copydesk;
  for (const headline of ['Bravo story', 'Alpha story', 'Charlie story']) await writeStory(page, headline, [`Text of ${headline}.`]);
  // Alpha goes to review.
  await storyRow(page, 'Alpha story').getByRole('button').click();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('region', { name: 'Story actions' }).locator('.cd-badge')).toHaveText('In review');

  const sort = page.getByRole('combobox', { name: 'Sort by' });
  await expect(sort).toHaveValue('updated');
  await sort.selectOption('headline');
  await expect.poll(() => rowHeadlines(page)).toEqual(['Alpha story', 'Bravo story', 'Charlie story']);
  await sort.selectOption('created');
  await expect.poll(() => rowHeadlines(page)).toEqual(['Charlie story', 'Alpha story', 'Bravo story']);
  await sort.selectOption('status');
  await expect.poll(() => rowHeadlines(page)).toEqual(['Alpha story', 'Charlie story', 'Bravo story']);
  await sort.selectOption('headline');

  // Filters: status "In review".
  const filters = page.getByRole('button', { name: /^Filters/ });
  await filters.click();
  await expect(filters).toHaveAttribute('aria-expanded', 'true');
  const group = page.getByRole('group', { name: 'Filters' });
  await group.getByRole('combobox', { name: 'Filter by status' }).selectOption('in_review');
  await expect.poll(() => rowHeadlines(page)).toEqual(['Alpha story']);
  await expect(filters).toHaveAccessibleName('Filters, 1 active');
  await group.getByRole('combobox', { name: 'Filter by status' }).selectOption('draft');
  await expect.poll(() => rowHeadlines(page)).toEqual(['Bravo story', 'Charlie story']);
  // Combined with the author and a date range that includes today.
  await expect(group.getByRole('combobox', { name: 'Filter by author' }).getByRole('option', { name: 'Reporter' })).toBeAttached();
  await group.getByRole('combobox', { name: 'Filter by author' }).selectOption('Reporter');
  const today = new Date().toISOString().slice(0, 10);
  await group.getByLabel('Updated from').fill(today);
  await expect(filters).toHaveAccessibleName('Filters, 3 active');
  await expect.poll(() => rowHeadlines(page)).toEqual(['Bravo story', 'Charlie story']);
  await copydesk.screenshot('library-07-filters');
  // A range in the past: nothing matches.
  await group.getByLabel('Updated from').fill('2001-01-01');
  await group.getByLabel('Updated to').fill('2001-12-31');
  await expect(page.getByText('No stories match these filters.')).toBeVisible();
  await group.getByLabel('Updated to').fill('');
  await group.getByLabel('Updated from').fill('');
  await group.getByRole('combobox', { name: 'Filter by status' }).selectOption('in_review');
  await expect.poll(() => rowHeadlines(page)).toEqual(['Alpha story']);

  // Remembered across a reload.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('headline');
  await expect(page.getByRole('button', { name: /^Filters/ })).toHaveAccessibleName('Filters, 2 active');
  await expect.poll(() => rowHeadlines(page)).toEqual(['Alpha story']);

  // Clear: every story again, in headline order.
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: 'Clear' }).click();
  await expect.poll(() => rowHeadlines(page)).toEqual(['Alpha story', 'Bravo story', 'Charlie story']);
  await expect(page.getByRole('button', { name: /^Filters/ })).toHaveAccessibleName('Filters');
});

// --- Trash ---------------------------------------------------------------------------------

test('trash: a deleted story can be restored with its text; emptying asks first', async ({ copydesk }) => {
  test.setTimeout(120_000);
  const { page } = copydesk;
  await writeStory(page, 'Harbour fire contained', ['Firefighters worked through the night.']);
  await writeStory(page, 'Second story to delete', ['Short.']);
  await writeStory(page, 'A story that stays', ['Stays.']);

  await storyRow(page, 'Harbour fire contained').getByRole('button').click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this story?' });
  await expect(dialog).toContainText('“Harbour fire contained” will be moved to the trash.');
  await expect(dialog).toContainText('restore it from the Trash for 30 days');
  await dialog.getByRole('button', { name: 'Delete story' }).click();
  await expect(storyRow(page, 'Harbour fire contained')).toHaveCount(0);
  const trashButton = page.getByRole('button', { name: /^Trash/ });
  await expect(trashButton).toHaveAccessibleName('Trash, 1 story');

  // In the trash, with who deleted it and when.
  await trashButton.click();
  const trash = page.getByRole('region', { name: 'Trash' });
  const deleted = trash.getByRole('list', { name: 'Deleted stories' }).getByRole('listitem');
  await expect(deleted).toHaveCount(1);
  await expect(deleted.first()).toContainText('Harbour fire contained');
  await expect(deleted.first()).toContainText('Deleted just now by Reporter');
  await copydesk.screenshot('library-08-trash');

  // Restore: back in the list, open, with its text.
  await deleted.first().getByRole('button', { name: 'Restore' }).click();
  await expect(trash).toBeHidden();
  await expect(storyRow(page, 'Harbour fire contained')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Harbour fire contained');
  await expect(storyBody(page)).toHaveText('Firefighters worked through the night.');
  await expect(trashButton).toHaveAccessibleName('Trash, empty');

  // Delete two, then empty the trash: it says how many go for good, and Cancel keeps them.
  for (const headline of ['Harbour fire contained', 'Second story to delete']) {
    await storyRow(page, headline).getByRole('button').click();
    await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(headline);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete this story?' }).getByRole('button', { name: 'Delete story' }).click();
    await expect(storyRow(page, headline)).toHaveCount(0);
  }
  await trashButton.click();
  await expect(deleted).toHaveCount(2);
  await trash.getByRole('button', { name: 'Empty trash…' }).click();
  const empty = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(empty).toContainText('2 stories will be deleted for good');
  await copydesk.screenshot('library-09-empty-trash-confirm');
  await empty.getByRole('button', { name: 'Cancel' }).click();
  await expect(deleted).toHaveCount(2);
  await trash.getByRole('button', { name: 'Empty trash…' }).click();
  await page.getByRole('dialog', { name: 'Empty the trash?' }).getByRole('button', { name: 'Delete 2 stories for good' }).click();
  await expect(trash.getByText('The trash is empty.')).toBeVisible();
  await expect(toasts(page)).toContainText('Deleted 2 stories for good.');
  await trash.getByRole('button', { name: 'Back to stories' }).click();
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('note', { name: 'Library size' })).toContainText('1 story');
});

// --- Conflict ------------------------------------------------------------------------------

test('a save that conflicts with a change made elsewhere: "Keep mine as a copy" loses nothing', async ({ copydesk }) => {
  test.setTimeout(120_000);
  const { page } = copydesk;
  await writeStory(page, 'Port strike enters second week', ['Dockworkers walked out on Monday.']);
  const id = await storyRow(page, 'Port strike enters second week').getByRole('button').getAttribute('data-story-id');
  expect(id).toBeTruthy();

  // Here, the reporter keeps typing (the page's timers are held, so this edit is not saved yet)…
  await holdTimers(page);
  await storyBody(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(' Ships are waiting offshore.');
  // …while somewhere else (another window) the same story is saved first.
  const elsewhere = await page.evaluate(async (storyId) => {
    const api = (globalThis as unknown as PageWindow).copydesk;
    const current = await api.stories.get({ id: storyId });
    if (!current.ok) throw new Error(current.error.message);
    const saved = await api.stories.save({
      id: storyId,
      baseRevision: current.value.revision,
      headline: 'Port strike: talks resume',
      body: current.value.body,
      keywords: ['Labour'],
    });
    if (!saved.ok) throw new Error(saved.error.message);
    return saved.value.revision;
  }, id!);
  expect(elsewhere).toBeGreaterThan(1);

  // The desk hears of the change: with an unsaved edit here, a banner says so (no quiet reload);
  // then the edit's save is refused, and a dialog asks what to do.
  await runUntilConflict(page);
  const dialog = page.getByRole('dialog', { name: 'This story was changed elsewhere' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Your text is still here');
  await expect(saveStatus(page)).toHaveText('Not saved');
  await copydesk.screenshot('library-10-conflict');

  // "Decide later" keeps the text; Resolve… brings the choice back.
  await dialog.getByRole('button', { name: 'Decide later' }).click();
  await expect(dialog).toBeHidden();
  await expect(storyBody(page)).toContainText('Ships are waiting offshore.');
  await page.getByRole('button', { name: 'Resolve…' }).click();
  await expect(dialog).toBeVisible();

  await dialog.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(dialog).toBeHidden();

  // The copy is open, with the reporter's text; the original shows the version saved elsewhere.
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Port strike enters second week');
  await expect(storyBody(page)).toHaveText('Dockworkers walked out on Monday. Ships are waiting offshore.');
  await expectSaved(page);
  await expect(stories(page).getByRole('listitem')).toHaveCount(2);
  const copyId = await stories(page).locator('[aria-current="true"]').getAttribute('data-story-id');
  expect(copyId).not.toBe(id);
  await expect(storyRow(page, 'Port strike: talks resume')).toContainText('Labour');
  await expect(toasts(page)).toContainText('Your version is saved as a new story.');

  // The copy saves normally.
  await page.keyboard.insertText(' Exports are delayed.');
  await expectSaved(page);

  // The original, reloaded, has the version saved elsewhere and nothing of the local edit.
  await storyRow(page, 'Port strike: talks resume').getByRole('button').click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Port strike: talks resume');
  await expect(storyBody(page)).toHaveText('Dockworkers walked out on Monday.');
});

test('"Reload the newer version" warns before it drops the local edits', async ({ copydesk }) => {
  const { page } = copydesk;
  await writeStory(page, 'Rail line reopens', ['Trains run again from Tuesday.']);
  const id = await storyRow(page, 'Rail line reopens').getByRole('button').getAttribute('data-story-id');
  // The local edit first (held timers keep it unsaved), then the save elsewhere: the order the
  // conflict needs, whatever the machine's speed.
  await holdTimers(page);
  await storyBody(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(' Local edit.');
  await page.evaluate(async (storyId) => {
    const api = (globalThis as unknown as PageWindow).copydesk;
    const current = await api.stories.get({ id: storyId });
    if (!current.ok) throw new Error(current.error.message);
    await api.stories.save({ id: storyId, baseRevision: current.value.revision, headline: 'Rail line reopens early', body: current.value.body, keywords: [] });
  }, id!);
  await runUntilConflict(page);
  const dialog = page.getByRole('dialog', { name: 'This story was changed elsewhere' });
  await dialog.getByRole('button', { name: 'Reload the newer version' }).click();
  const warning = page.getByRole('dialog', { name: 'Discard your changes?' });
  await expect(warning).toContainText('What you typed since your last save will be lost.');
  await warning.getByRole('button', { name: 'Back' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Reload the newer version' }).click();
  await page.getByRole('dialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard my changes and reload' }).click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Rail line reopens early');
  await expect(storyBody(page)).toHaveText('Trains run again from Tuesday.');
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  await expect(storyRow(page, 'Rail line reopens early')).toBeVisible();
});

// --- Packages ------------------------------------------------------------------------------

test('a Copydesk package round trip: export a story, import it back as a separate story', async ({ copydesk }) => {
  const { page } = copydesk;
  await writeStory(page, 'Desalination plant opens', ['The plant supplies water to 300,000 homes.']);

  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Copydesk package (.copydesk)' }).click();
  const toast = toasts(page).getByRole('status').filter({ hasText: 'Exported Copydesk package' });
  await expect(toast).toBeVisible();
  const path = (await toast.locator('.cd-toast__detail').innerText()).trim();
  expect(path.startsWith(copydesk.exportDir)).toBe(true);
  expect(path.endsWith('.copydesk')).toBe(true);

  // The package holds the story, which exists here: import asks how.
  await page.getByRole('button', { name: 'Import package…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import package' });
  const items = dialog.getByRole('list', { name: 'Stories in the package' }).getByRole('listitem');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Desalination plant opens');
  await expect(items.first()).toContainText('Already here');
  await expect(dialog.getByRole('radio', { name: /Add as a new revision of the existing story/ })).toBeChecked();
  await copydesk.screenshot('library-11-import');
  await dialog.getByRole('radio', { name: /Keep both as separate stories/ }).check();
  await dialog.getByRole('button', { name: 'Import 1 story' }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page)).toContainText('Imported 1 story.');
  await expect(storyRow(page, 'Desalination plant opens')).toHaveCount(2);
});

test('how long the trash keeps stories is a setting, and the delete confirmation says so', async ({ copydesk }) => {
  const { page } = copydesk;
  await writeStory(page, 'Retention check', ['Body.']);
  await page.getByRole('button', { name: /^Profile:/ }).click();
  const profile = page.getByRole('dialog', { name: 'Profile' });
  const days = profile.getByRole('spinbutton', { name: 'Keep deleted stories for (days)' });
  await expect(days).toHaveValue('30');
  await days.fill('0');
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile.getByRole('alert')).toContainText('from 1 to 3650');
  await days.fill('7');
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile).toBeHidden();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Delete this story?' })).toContainText('restore it from the Trash for 7 days');
  await copydesk.screenshot('library-12-retention');
});

test('a long library shows a page at a time, with "Show more"', async ({ copydesk }) => {
  const { page } = copydesk;
  // 130 stories (the list shows 100 at a time), made through the same API the preload exposes.
  await page.evaluate(async () => {
    const api = (globalThis as unknown as PageWindow).copydesk;
    for (let i = 1; i <= 130; i++) await api.stories.create({ headline: `Wire item ${String(i).padStart(3, '0')}` });
  });
  await page.reload();
  await expect(page.getByRole('status', { name: 'List summary' })).toHaveText('130 stories');
  await expect(stories(page).getByRole('listitem')).toHaveCount(100);
  await page.getByRole('button', { name: 'Show more (30 not shown)' }).click();
  await expect(stories(page).getByRole('listitem')).toHaveCount(130);
  await expect(page.getByRole('button', { name: /^Show more/ })).toHaveCount(0);
  // A search starts again from its first page and counts all its matches.
  await search(page, 'wire');
  await expect(page.getByRole('status', { name: 'List summary' })).toHaveText('130 of 130 stories match');
  await expect(stories(page).getByRole('listitem')).toHaveCount(50);
  await page.getByRole('button', { name: 'Show more (80 not shown)' }).click();
  await expect(stories(page).getByRole('listitem')).toHaveCount(100);
});
