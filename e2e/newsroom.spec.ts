/**
 * The newsroom loop, through the UI only: a reporter writes the TPS story with formatting and
 * keywords; it survives a restart of the app on the same data folder; an editor approves it;
 * Markdown and NewsML-G2 exports are written and the XML is schema-valid; an edit voids the
 * approval. Plus the keyword filter and autocomplete, delete with confirmation, and a story sent
 * back with a note. Selectors are documented at the top of src/renderer/src/App.tsx.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { validateNewsML } from '../src/main/services/export/validate.ts';
import { ROOT } from './bridge.ts';
import { expect, test } from './fixtures.ts';

const SOURCE = readFileSync(join(ROOT, 'test/fixtures/tps-2023-04-18-azerbaijan-israel.txt'), 'utf8');
const BLOCKS = SOURCE.split(/\r?\n\s*\r?\n/).map((b) => b.trim()).filter(Boolean);
const HEADLINE = 'What Does Azerbaijan Want as It Expands Ties With Israel?';
const FIRST = BLOCKS.findIndex((b) => b.startsWith('Jerusalem, 18 April, 2023 (TPS)'));
/** The story's first four paragraphs (after the photo credit, headline and byline). */
const PARAGRAPHS = BLOCKS.slice(FIRST, FIRST + 4);
const BOLD = 'Israeli Foreign Minister Eli Cohen';
const QUOTED = 1; // the second paragraph is typed as a quote block
const KEYWORDS = ['Azerbaijan', 'Israel', 'Iran'];
const SCHEMAS = join(ROOT, 'resources/schemas');

// --- Helpers: each one is a thing a person does. -------------------------------------------

const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' });
const storyBody = (page: Page) => page.getByRole('textbox', { name: 'Story body' });
const stories = (page: Page) => page.getByRole('list', { name: 'Stories' });
const storyRow = (page: Page, headline: string) => stories(page).getByRole('listitem').filter({ hasText: headline });
const badge = (page: Page) => page.getByRole('region', { name: 'Story actions' }).locator('.cd-badge');

async function expectSaved(page: Page) {
  await expect(saveStatus(page)).toHaveText('Saved');
}

async function newStory(page: Page, headline: string) {
  await page.getByRole('button', { name: 'New story' }).click();
  const field = page.getByRole('textbox', { name: 'Headline' });
  await expect(field).toBeFocused();
  await field.fill(headline);
}

async function addKeywords(page: Page, keywords: readonly string[]) {
  const input = page.getByRole('combobox', { name: 'Add keyword' });
  for (const keyword of keywords) {
    await input.fill(keyword);
    await input.press('Enter');
    await expect(page.getByRole('button', { name: `Remove keyword ${keyword}` })).toBeVisible();
  }
}

async function setProfile(page: Page, name: string, role: 'reporter' | 'editor') {
  await page.getByRole('button', { name: /^Profile:/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Profile' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption(role);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: new RegExp(`^Profile: ${name}, ${role}`, 'i') })).toBeVisible();
}

/** The little of the DOM the body check reads (the e2e project is type-checked without DOM types). */
interface ElementLike {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly children: ArrayLike<ElementLike>;
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}

/** The body as blocks: tag, text, and which text is bold. What "identical" means below. */
async function bodyBlocks(body: Locator) {
  return body.evaluate((root) =>
    Array.from((root as unknown as ElementLike).children).map((block) => ({
      tag: block.tagName.toLowerCase(),
      text: block.textContent ?? '',
      bold: Array.from(block.querySelectorAll('strong, b')).map((b) => b.textContent),
    }))
  );
}

async function exportAs(page: Page, format: 'Markdown (.md)' | 'NewsML-G2 2.35 (.xml)', label: string): Promise<string> {
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: format }).click();
  const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: `Exported ${label}` });
  await expect(toast).toBeVisible();
  const path = (await toast.locator('.cd-toast__detail').innerText()).trim();
  await toast.getByRole('button', { name: 'Dismiss notification' }).click();
  return path;
}

// --- The loop ----------------------------------------------------------------------------

test('the newsroom loop: write, restart, submit, approve, export, edit voids the approval', async ({ copydesk }) => {
  test.setTimeout(180_000);
  expect(PARAGRAPHS).toHaveLength(4);
  let { page } = copydesk;

  // A reporter starts with an empty desk.
  await expect(page.getByText('No stories yet — press New story')).toBeVisible();
  await copydesk.screenshot('loop-01-empty');

  await newStory(page, HEADLINE);
  await page.getByRole('textbox', { name: 'Headline' }).press('Enter');
  await expect(storyBody(page)).toBeFocused();

  // Four paragraphs: a bold phrase in the first, the second as a quote block.
  for (const [index, paragraph] of PARAGRAPHS.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    if (index === 0) {
      const at = paragraph.indexOf(BOLD);
      expect(at).toBeGreaterThan(0);
      await page.keyboard.insertText(paragraph.slice(0, at));
      await page.keyboard.press('ControlOrMeta+b');
      await page.keyboard.insertText(BOLD);
      await page.keyboard.press('ControlOrMeta+b');
      await page.keyboard.insertText(paragraph.slice(at + BOLD.length));
    } else {
      await page.keyboard.insertText(paragraph);
    }
    if (index === QUOTED) {
      await page.getByRole('button', { name: 'Quote' }).click();
      await expect(page.getByRole('button', { name: 'Quote' })).toHaveAttribute('aria-pressed', 'true');
    }
  }
  await addKeywords(page, KEYWORDS);
  await expectSaved(page);

  const written = await bodyBlocks(storyBody(page));
  expect(written.map((b) => b.text)).toEqual(PARAGRAPHS);
  expect(written.map((b) => b.tag)).toEqual(['p', 'blockquote', 'p', 'p']);
  expect(written[0].bold).toEqual([BOLD]);
  await expect(storyRow(page, HEADLINE)).toContainText('Draft');
  await copydesk.screenshot('loop-02-written');

  // Quit and reopen on the same data folder: the story is there, text and formatting identical.
  await copydesk.restart();
  page = copydesk.page;
  await expect(storyRow(page, HEADLINE)).toBeVisible();
  for (const keyword of KEYWORDS) await expect(storyRow(page, HEADLINE)).toContainText(keyword);
  await storyRow(page, HEADLINE).getByRole('button').click();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(HEADLINE);
  await expect.poll(() => bodyBlocks(storyBody(page))).toEqual(written);
  for (const keyword of KEYWORDS) await expect(page.getByRole('button', { name: `Remove keyword ${keyword}` })).toBeVisible();
  await copydesk.screenshot('loop-03-after-restart');

  // Submit for review.
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(badge(page)).toHaveText('In review');
  await copydesk.screenshot('loop-04-submitted');

  // The editor approves.
  await setProfile(page, 'Miriam Editor', 'editor');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(badge(page)).toHaveText('Approved');
  await expect(page.getByRole('note', { name: 'Approval', exact: true })).toContainText('Approved by Miriam Editor at');
  await copydesk.screenshot('loop-05-approved');

  // Export both formats: the files exist and carry the text and the keywords.
  const markdownPath = await exportAs(page, 'Markdown (.md)', 'Markdown');
  expect(existsSync(markdownPath)).toBe(true);
  const markdown = readFileSync(markdownPath, 'utf8');
  expect(markdown).toContain(`# ${HEADLINE}`);
  expect(markdown).toContain(`**${BOLD}**`);
  for (const paragraph of PARAGRAPHS) expect(markdown).toContain(paragraph.replace(BOLD, `**${BOLD}**`));
  for (const keyword of KEYWORDS) expect(markdown).toContain(`  - "${keyword}"`);

  const xmlPath = await exportAs(page, 'NewsML-G2 2.35 (.xml)', 'NewsML-G2');
  expect(existsSync(xmlPath)).toBe(true);
  const xml = readFileSync(xmlPath, 'utf8');
  expect(await validateNewsML(xml, SCHEMAS)).toEqual({ valid: true, errors: [] });
  expect(xml).toContain('stat:usable');
  for (const paragraph of PARAGRAPHS) {
    for (const part of paragraph.split(BOLD)) expect(xml).toContain(part);
  }
  for (const keyword of KEYWORDS) expect(xml).toContain(`<keyword>${keyword}</keyword>`);
  await copydesk.screenshot('loop-06-exported');

  // One word changed after approval: the approval is void and the story is back in review.
  const last = PARAGRAPHS[3];
  const lastWord = last.slice(last.lastIndexOf(' ') + 1);
  expect(lastWord).toBe('Azerbaijan.');
  await storyBody(page).locator('p').last().click();
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+ArrowDown' : 'Control+End');
  for (let i = 0; i < lastWord.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.insertText('Baku.');
  await expectSaved(page);
  await expect(badge(page)).toHaveText('In review');
  const voided = page.getByRole('note', { name: 'Approval void' });
  await expect(voided).toContainText('Approval void: content changed after approval by Miriam Editor at');
  await expect(voided).toContainText('back in review');
  await expect(page.getByRole('note', { name: 'Approval', exact: true })).toHaveCount(0);
  await expect(storyRow(page, HEADLINE)).toContainText('In review');
  await copydesk.screenshot('loop-07-approval-void');
});

test('keyword autocomplete, and the keyword filter is remembered', async ({ copydesk }) => {
  const { page } = copydesk;
  await newStory(page, 'Gas pipeline talks resume in Baku');
  await addKeywords(page, ['Energy', 'Baku']);
  await expectSaved(page);

  await newStory(page, 'Water technology delegation lands');
  const input = page.getByRole('combobox', { name: 'Add keyword' });
  await input.fill('en');
  const suggestions = page.getByRole('listbox', { name: 'Keyword suggestions' });
  await expect(suggestions.getByRole('option', { name: 'Energy' })).toBeVisible();
  await expect(input).toHaveAttribute('aria-expanded', 'true');
  await copydesk.screenshot('keywords-01-autocomplete');
  await input.press('ArrowDown');
  await expect(suggestions.getByRole('option', { name: 'Energy' })).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove keyword Energy' })).toBeVisible();
  await expect(input).toHaveValue('');
  // A comma adds too; a keyword already on the story is not added twice.
  await input.pressSequentially('Water,');
  await input.pressSequentially('energy,');
  await expect(page.getByRole('button', { name: /^Remove keyword/ })).toHaveCount(2);
  await expectSaved(page);

  const filter = page.getByRole('combobox', { name: 'Filter by keyword' });
  await expect(filter.getByRole('option', { name: 'Energy (2)' })).toBeAttached();
  await filter.selectOption('Baku');
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  await expect(storyRow(page, 'Gas pipeline talks resume in Baku')).toBeVisible();
  await copydesk.screenshot('keywords-02-filtered');

  // Remembered across a reload.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Filter by keyword' })).toHaveValue('Baku');
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Filter by keyword' }).selectOption('');
  await expect(stories(page).getByRole('listitem')).toHaveCount(2);
});

test('delete asks first, and Cancel keeps the story', async ({ copydesk }) => {
  const { page } = copydesk;
  await newStory(page, 'Draft to throw away');
  await expectSaved(page);
  await expect(storyRow(page, 'Draft to throw away')).toBeVisible();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this story?' });
  await expect(dialog).toContainText('“Draft to throw away” will be moved to the trash.');
  await copydesk.screenshot('delete-01-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(storyRow(page, 'Draft to throw away')).toBeVisible();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete this story?' }).getByRole('button', { name: 'Delete story' }).click();
  await expect(storyRow(page, 'Draft to throw away')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Story deleted.');
  await expect(page.getByText('No stories yet — press New story')).toBeVisible();
  await copydesk.screenshot('delete-02-deleted');
});

test('an editor sends a story back with a note; the reporter sees it', async ({ copydesk }) => {
  const { page } = copydesk;
  await setProfile(page, 'Yosef Reporter', 'reporter');
  await newStory(page, 'Embassy opening draws protest');
  await storyBody(page).click();
  await page.keyboard.insertText('Dozens gathered outside the new embassy on Tuesday.');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(badge(page)).toHaveText('In review');
  // A reporter cannot approve or send back.
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send back' })).toHaveCount(0);

  await setProfile(page, 'Miriam Editor', 'editor');
  await page.getByRole('button', { name: 'Send back' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send back to the reporter' });
  // The note is required.
  await dialog.getByRole('button', { name: 'Send to reporter' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Write a note so the reporter knows what to change.');
  await expect(badge(page)).toHaveText('In review');
  const note = 'Who organised the protest? Add a police estimate of the crowd.';
  await dialog.getByRole('textbox', { name: 'Note to the reporter' }).fill(note);
  await copydesk.screenshot('returned-01-note');
  await dialog.getByRole('button', { name: 'Send to reporter' }).click();
  await expect(dialog).toBeHidden();
  await expect(badge(page)).toHaveText('Returned');

  // Back at the reporter's desk (after a reload): the note is on the story.
  await setProfile(page, 'Yosef Reporter', 'reporter');
  await page.reload();
  await storyRow(page, 'Embassy opening draws protest').getByRole('button').click();
  const shown = page.getByRole('note', { name: 'Review note' });
  await expect(shown).toContainText('Sent back by Miriam Editor at');
  await expect(shown).toContainText(note);
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeVisible();
  await copydesk.screenshot('returned-02-reporter');
});
