/**
 * Tagging, through the UI: the Media Topic picker by keyboard (the subject is saved and still
 * there after a reload), suggestions for the TPS wire story accepted one click each, the library
 * filtered by a broad topic finding a story tagged with a narrower one, and screenshots of the
 * tagging section (light, dark, a Hebrew story, narrow and wide windows).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { bodyFromParagraphs } from '../src/shared/body.ts';
import type { CopydeskApi } from '../src/shared/api.ts';
import type { Subject } from '../src/shared/tagging.ts';
import { ROOT } from './bridge.ts';
import { expect, test } from './fixtures.ts';

const SOURCE = readFileSync(join(ROOT, 'test/fixtures/tps-2023-04-18-azerbaijan-israel.txt'), 'utf8');
const BLOCKS = SOURCE.split(/\r?\n\s*\r?\n/).map((b) => b.trim()).filter(Boolean);
const TPS_HEADLINE = 'What Does Azerbaijan Want as It Expands Ties With Israel?';
const TPS_PARAGRAPHS = BLOCKS.slice(BLOCKS.findIndex((b) => b.startsWith('Jerusalem, 18 April, 2023 (TPS)')));
const VERSION = '2023-03-31';
const SOCCER: Subject = { qcode: 'medtop:20001065', label: 'soccer', vocabularyVersion: VERSION };
const ELECTION: Subject = { qcode: 'medtop:20000574', label: 'election', vocabularyVersion: VERSION };

type PageWindow = { copydesk: CopydeskApi };

const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' });
const stories = (page: Page) => page.getByRole('list', { name: 'Stories' });
const storyRow = (page: Page, headline: string) => stories(page).getByRole('listitem').filter({ hasText: headline });
const subjectChips = (page: Page) => page.getByRole('list', { name: 'Subjects', exact: true }).getByRole('listitem');

/** A story made through the same API the preload exposes: headline, paragraphs and tags. */
async function makeStory(page: Page, story: { headline: string; paragraphs: readonly string[]; subjects?: Subject[] }): Promise<string> {
  const body = bodyFromParagraphs(story.paragraphs);
  return page.evaluate(
    async ({ headline, body, subjects }) => {
      const api = (globalThis as unknown as PageWindow).copydesk;
      const created = await api.stories.create({ headline });
      if (!created.ok) throw new Error(created.error.message);
      const saved = await api.stories.save({ id: created.value.id, baseRevision: created.value.revision, headline, body, subjects });
      if (!saved.ok) throw new Error(saved.error.message);
      return saved.value.id;
    },
    { headline: story.headline, body, subjects: story.subjects ?? [] }
  );
}

async function storyById(page: Page, id: string) {
  return page.evaluate(async (storyId) => {
    const got = await (globalThis as unknown as PageWindow).copydesk.stories.get({ id: storyId });
    if (!got.ok) throw new Error(got.error.message);
    return got.value;
  }, id);
}

async function openStory(page: Page, headline: string) {
  await storyRow(page, headline).getByRole('button').first().click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(headline);
}

test('a subject picked by keyboard becomes a chip, is saved, and is still there after a reload', async ({ copydesk }) => {
  const { page } = copydesk;
  const id = await makeStory(page, { headline: 'Cup final goes to penalties', paragraphs: ['The final ended level after extra time.'] });
  await page.reload();
  await openStory(page, 'Cup final goes to penalties');

  const picker = page.getByRole('combobox', { name: 'Add subject' });
  await picker.click();
  await picker.pressSequentially('footb');
  const listbox = page.getByRole('listbox', { name: 'Add subject: Media Topics' });
  await expect(listbox).toBeVisible();
  await expect(picker).toHaveAttribute('aria-expanded', 'true');
  // Each option shows its path as a breadcrumb.
  await expect(listbox.getByRole('option').first()).toContainText('sport › competition discipline ›');
  await picker.press('ArrowDown');
  const first = listbox.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(picker).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  const label = (await first.locator('.cd-topic-option__label').innerText()).trim();
  expect(label).toMatch(/football/i);
  await picker.press('Enter');

  await expect(listbox).toBeHidden();
  await expect(subjectChips(page)).toHaveText([label]);
  await expect(subjectChips(page).first()).toHaveAttribute('title', /^medtop:\d{8} · sport › competition discipline › /);
  await expect(saveStatus(page)).toHaveText('Saved');

  // The chosen topic is not offered twice; Escape closes the list.
  await picker.pressSequentially('footb');
  await expect(listbox).toBeVisible();
  await expect(listbox.getByRole('option').filter({ hasText: label })).toHaveCount(0);
  await picker.press('Escape');
  await expect(listbox).toBeHidden();
  await expect(picker).toHaveAttribute('aria-expanded', 'false');

  const saved = await storyById(page, id);
  expect(saved.subjects).toEqual([expect.objectContaining({ label, vocabularyVersion: VERSION })]);

  await page.reload();
  await openStory(page, 'Cup final goes to penalties');
  await expect(subjectChips(page)).toHaveText([label]);

  // Removing the chip saves too.
  await page.getByRole('button', { name: `Remove subject ${label}` }).click();
  await expect(subjectChips(page)).toHaveCount(0);
  await expect(saveStatus(page)).toHaveText('Saved');
  expect((await storyById(page, id)).subjects).toEqual([]);
});

test('names by kind: a person typed in, a place from the gazetteer with its country code', async ({ copydesk }) => {
  const { page } = copydesk;
  const id = await makeStory(page, { headline: 'Minister visits Baku', paragraphs: ['The minister landed on Tuesday.'] });
  await page.reload();
  await openStory(page, 'Minister visits Baku');

  await page.getByRole('combobox', { name: 'Add person' }).fill('Eli Cohen');
  await page.getByRole('combobox', { name: 'Add person' }).press('Enter');
  await page.getByRole('combobox', { name: 'Kind of name' }).selectOption('place');
  const place = page.getByRole('combobox', { name: 'Add place' });
  await place.pressSequentially('Baku');
  const matches = page.getByRole('listbox', { name: 'Places in the gazetteer' });
  await expect(matches.getByRole('option').first()).toContainText('Baku, Azerbaijan (AZ)');
  await place.press('ArrowDown');
  await place.press('Enter');

  await expect(page.getByRole('list', { name: 'People', exact: true })).toHaveText('Eli Cohen');
  await expect(page.getByRole('list', { name: 'Places', exact: true })).toContainText('Baku');
  await expect(saveStatus(page)).toHaveText('Saved');
  expect((await storyById(page, id)).entities).toEqual([
    { kind: 'person', name: 'Eli Cohen' },
    { kind: 'place', name: 'Baku', id: 'AZ' },
  ]);
});

test('suggestions for the TPS story: a subject and a name accepted with one click each; nothing else applied', async ({ copydesk }) => {
  test.setTimeout(120_000);
  const { page } = copydesk;
  const id = await makeStory(page, { headline: TPS_HEADLINE, paragraphs: TPS_PARAGRAPHS });
  await page.reload();
  await openStory(page, TPS_HEADLINE);

  await page.getByRole('button', { name: 'Suggest tags' }).click();
  const subjects = page.getByRole('list', { name: 'Suggested subjects' });
  const names = page.getByRole('list', { name: 'Suggested names' });
  await expect(subjects.getByRole('button').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Refresh suggestions' })).toBeEnabled();
  // Nothing was applied by asking.
  await expect(subjectChips(page)).toHaveCount(0);
  expect((await storyById(page, id)).subjects).toEqual([]);
  await copydesk.screenshot('tagging-suggestions');

  // Each subject shows the words that led to it.
  const firstSubject = subjects.getByRole('button').first();
  await expect(firstSubject.locator('.cd-suggest__why')).toContainText(/^from \S/);
  const subjectName = (await firstSubject.getAttribute('aria-label'))!.replace(/^Add subject /, '');
  await firstSubject.click();
  await expect(subjectChips(page)).toHaveText([subjectName]);
  await expect(subjects.getByRole('button', { name: `Add subject ${subjectName}`, exact: true })).toHaveCount(0);

  const azerbaijan = names.getByRole('button', { name: /^Add place Azerbaijan$/ });
  await expect(azerbaijan).toBeVisible();
  // Enter on a focused suggestion accepts it, like a click.
  await azerbaijan.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Places', exact: true })).toContainText('Azerbaijan');
  await expect(azerbaijan).toHaveCount(0);

  await expect(saveStatus(page)).toHaveText('Saved');
  const saved = await storyById(page, id);
  expect(saved.subjects).toEqual([expect.objectContaining({ label: subjectName, vocabularyVersion: VERSION })]);
  expect(saved.entities).toEqual([expect.objectContaining({ kind: 'place', name: 'Azerbaijan' })]);
  expect(saved.keywords).toEqual([]);
});

test('filtering the library by "sport" finds a story tagged "soccer", not one tagged "election"', async ({ copydesk }) => {
  const { page } = copydesk;
  await makeStory(page, { headline: 'Derby ends goalless', paragraphs: ['Neither side scored.'], subjects: [SOCCER] });
  await makeStory(page, { headline: 'Polls open at dawn', paragraphs: ['Voters queued early.'], subjects: [ELECTION] });
  await page.reload();
  await expect(stories(page).getByRole('listitem')).toHaveCount(2);

  const filter = page.getByRole('combobox', { name: 'Filter by subject' });
  await filter.pressSequentially('sport');
  const options = page.getByRole('listbox', { name: 'Filter by subject: Media Topics' }).getByRole('option');
  await expect(options.first()).toContainText('sport');
  await filter.press('ArrowDown');
  await filter.press('Enter');

  await expect(page.getByRole('button', { name: 'Clear subject filter sport' })).toBeVisible();
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  await expect(storyRow(page, 'Derby ends goalless')).toBeVisible();
  await copydesk.screenshot('tagging-library-filter');

  // Remembered with the other filters; clearing it shows every story again.
  await page.reload();
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear subject filter sport' }).click();
  await expect(stories(page).getByRole('listitem')).toHaveCount(2);
});

test('screenshots: light and dark, a Hebrew story, 900 and 1600 px wide', async ({ copydesk }) => {
  test.setTimeout(120_000);
  const { page } = copydesk;
  await makeStory(page, { headline: TPS_HEADLINE, paragraphs: TPS_PARAGRAPHS.slice(0, 3), subjects: [ELECTION] });
  await makeStory(page, {
    headline: 'שר החוץ נחת בבאקו',
    paragraphs: ['שר החוץ אלי כהן נפגש עם נשיא אזרבייג׳ן אילהאם אלייב בבאקו.'],
    subjects: [{ qcode: 'medtop:11000000', label: 'politics', vocabularyVersion: VERSION }],
  });
  await page.reload();
  for (const width of [900, 1600]) {
    await page.setViewportSize({ width, height: 1000 });
    await openStory(page, TPS_HEADLINE);
    await page.getByRole('button', { name: /^(Suggest tags|Refresh suggestions)$/ }).click();
    await expect(page.getByRole('list', { name: 'Suggested subjects' }).getByRole('button').first()).toBeVisible({ timeout: 60_000 });
    await page.getByRole('heading', { name: 'Suggestions' }).scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await copydesk.screenshot(`tagging-${width}-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    const picker = page.getByRole('combobox', { name: 'Add subject' });
    await picker.scrollIntoViewIfNeeded();
    await picker.pressSequentially('footb');
    await expect(page.getByRole('listbox', { name: 'Add subject: Media Topics' }).getByRole('option').first()).toBeVisible();
    await copydesk.screenshot(`tagging-${width}-picker`);
    await picker.press('Escape');
    await picker.fill('');

    await openStory(page, 'שר החוץ נחת בבאקו');
    await page.getByRole('button', { name: 'Suggest tags' }).click();
    await expect(page.getByRole('button', { name: 'Refresh suggestions' })).toBeEnabled({ timeout: 60_000 });
    await copydesk.screenshot(`tagging-${width}-hebrew`);
  }
});
