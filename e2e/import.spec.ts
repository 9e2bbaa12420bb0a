/**
 * Import of real copy, as a person does it: files dropped on the window (a real `drop` event
 * whose DataTransfer holds Files built from the fixtures' bytes), progress while they go in, the
 * summary of what was recognised, a refused file with its reason; and paste into the body from
 * Word (the clipboard HTML fixture) and as plain text (Ctrl+Shift+V).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CopydeskApi } from '../src/shared/api.ts';
import { ROOT } from './bridge.ts';
import { expect, test } from './fixtures.ts';

interface DroppedFile {
  readonly name: string;
  readonly base64: string;
  readonly type: string;
}

const fixtureFile = (path: string, type: string): DroppedFile => ({
  name: path.split('/').pop()!,
  base64: readFileSync(join(ROOT, 'test/fixtures', path)).toString('base64'),
  type,
});
const TPS = fixtureFile('tps-2023-04-18-azerbaijan-israel.txt', 'text/plain');
const WIRE_HE = fixtureFile('wire/he-2023-04-18-cohen-baku.txt', 'text/plain');
/** Bytes of a PNG header and NULs: what a mistaken drop of a picture or a program looks like. */
const BINARY: DroppedFile = { name: 'photo.txt', base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3]).toString('base64'), type: 'text/plain' };

/** Drag files over the window (dragenter) without dropping them. */
async function dragOver(page: Page, files: readonly DroppedFile[]) {
  await page.evaluate((list) => {
    const w = globalThis as unknown as { __drag: unknown; DataTransfer: new () => unknown; File: new (parts: unknown[], name: string, o: object) => unknown };
    const transfer = new w.DataTransfer() as { items: { add(file: unknown): void } };
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new w.File([bytes], f.name, { type: f.type }));
    }
    w.__drag = transfer;
    const doc = (globalThis as unknown as { document: { body: { dispatchEvent(e: unknown): void } } }).document;
    const Drag = (globalThis as unknown as { DragEvent: new (type: string, init: object) => unknown }).DragEvent;
    doc.body.dispatchEvent(new Drag('dragenter', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    doc.body.dispatchEvent(new Drag('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, files);
}

/** Drop what `dragOver` is holding. */
async function drop(page: Page) {
  await page.evaluate(() => {
    const w = globalThis as unknown as { __drag: unknown; document: { body: { dispatchEvent(e: unknown): void } }; DragEvent: new (type: string, init: object) => unknown };
    w.document.body.dispatchEvent(new w.DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: w.__drag }));
  });
}

async function dropFiles(page: Page, files: readonly DroppedFile[]) {
  await dragOver(page, files);
  await drop(page);
}

/** A story as main has it, through the same API the renderer uses. */
async function storyById(page: Page, id: string) {
  return page.evaluate(async (storyId) => {
    const api = (globalThis as unknown as { copydesk: CopydeskApi }).copydesk;
    const result = await api.stories.get({ id: storyId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }, id);
}

/** Paste into the focused body: a real paste ClipboardEvent carrying `data`. */
async function paste(page: Page, data: Record<string, string>) {
  await page.getByRole('textbox', { name: 'Story body' }).evaluate((el, items) => {
    const w = globalThis as unknown as { DataTransfer: new () => { setData(t: string, v: string): void }; ClipboardEvent: new (type: string, init: object) => unknown };
    const transfer = new w.DataTransfer();
    for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
    (el as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new w.ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer }));
  }, data);
}

async function bodyBlocks(page: Page) {
  return page.getByRole('textbox', { name: 'Story body' }).evaluate((root) => {
    type El = { tagName: string; textContent: string | null; children: ArrayLike<El>; querySelectorAll(s: string): ArrayLike<El>; getAttribute(n: string): string | null };
    return Array.from((root as unknown as El).children).map((block) => ({
      tag: block.tagName.toLowerCase(),
      text: block.textContent ?? '',
      bold: Array.from(block.querySelectorAll('strong, b')).map((b) => b.textContent),
      styled: Array.from(block.querySelectorAll('[style]')).length,
    }));
  });
}

test('a wire story dropped on the window becomes a draft with its byline, dateline and credit', async ({ copydesk }) => {
  const { page } = copydesk;
  await expect(page.getByRole('button', { name: 'New story' })).toBeEnabled();

  await dragOver(page, [TPS]);
  const target = page.getByRole('region', { name: 'Drop files to import' });
  await expect(target).toBeVisible();
  await expect(target).toContainText('Drop to import as new drafts');
  await copydesk.screenshot('import-01-drop-target');
  await drop(page);
  await expect(target).toBeHidden();

  const summary = page.getByRole('dialog', { name: 'Imported 1 story' });
  await expect(summary).toBeVisible();
  const recognised = summary.getByRole('definition');
  const field = (label: string) => summary.locator('.cd-import-summary__field').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) }).getByRole('definition');
  await expect(field('Byline')).toHaveText('Pesach Benson, Yosef Mizrahi (photographer)');
  await expect(field('Dateline')).toHaveText(/^Jerusalem, 2023-04-18 \(TPS\)$/);
  await expect(field('Credit line')).toContainText('TPS');
  await expect(field('Headline')).toHaveText('What Does Azerbaijan Want as It Expands Ties With Israel?');
  expect(await recognised.count()).toBeGreaterThanOrEqual(4);
  await expect(summary.getByRole('list', { name: /^Notes on / })).toContainText('Public');
  await copydesk.screenshot('import-02-summary');
  await page.emulateMedia({ colorScheme: 'dark' });
  await copydesk.screenshot('import-03-summary-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The draft is open behind the summary, and main has the fields.
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(summary).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('What Does Azerbaijan Want as It Expands Ties With Israel?');
  await expect(page.getByRole('textbox', { name: 'Story body' })).toContainText('Following up on the recent opening');
  const id = await page.getByRole('list', { name: 'Stories' }).locator('[aria-current="true"]').getAttribute('data-story-id');
  expect(id).toBeTruthy();
  const story = await storyById(page, id!);
  expect(story.byline).toContainEqual({ name: 'Pesach Benson', role: 'writer' });
  expect(story.dateline).toMatchObject({ place: { name: 'Jerusalem' }, date: '2023-04-18', agency: 'TPS' });
  expect(story.creditLine).toContain('TPS');
  expect(story.status).toBe('draft');
  // No empty paragraph came from the blank lines.
  expect((await bodyBlocks(page)).filter((b) => b.text.trim() === '')).toEqual([]);
});

test('several files at once: progress, the last one opens, a binary file is refused with its reason', async ({ copydesk }) => {
  const { page } = copydesk;
  await page.setViewportSize({ width: 900, height: 760 });
  await expect(page.getByRole('button', { name: 'New story' })).toBeEnabled();

  // Hold the import call until the progress has been seen (no race with a fast import).
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/call/import.files', async (route) => {
    await released;
    await route.continue();
  });
  await dropFiles(page, [TPS, WIRE_HE, BINARY]);
  await expect(page.getByRole('status', { name: 'Import progress' })).toHaveText('Importing 1 of 3…');
  await copydesk.screenshot('import-04-progress-900');
  release();
  await expect(page.getByRole('status', { name: 'Import progress' })).toBeHidden();

  const summary = page.getByRole('dialog', { name: 'Imported 2 stories, 1 refused' });
  await expect(summary).toBeVisible();
  const items = summary.getByRole('list', { name: 'Imported files' }).getByRole('listitem').filter({ has: page.locator('.cd-import-summary__file') });
  await expect(items).toHaveCount(3);
  const refused = items.filter({ hasText: 'photo.txt' });
  await expect(refused.getByRole('alert')).toContainText('binary file');
  await expect(items.filter({ hasText: WIRE_HE.name }).getByText(/Recognised|Byline|Dateline/).first()).toBeVisible();
  await copydesk.screenshot('import-05-summary-900');
  await page.emulateMedia({ colorScheme: 'dark' });
  await copydesk.screenshot('import-06-summary-900-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await summary.getByRole('button', { name: 'Close' }).click();

  // Two drafts, the last one (the Hebrew wire) open; the binary file made nothing.
  await expect(page.getByRole('status', { name: 'List summary' })).toHaveText('2 stories');
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue(/[\u0590-\u05ff]/);
});

test('File → Import… button opens the file picker and imports the same way', async ({ copydesk }) => {
  const { page } = copydesk;
  await expect(page.getByRole('button', { name: 'New story' })).toBeEnabled();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files…' }).click();
  const picker = await chooser;
  expect(picker.isMultiple()).toBe(true);
  await picker.setFiles([{ name: TPS.name, mimeType: TPS.type, buffer: Buffer.from(TPS.base64, 'base64') }]);
  const summary = page.getByRole('dialog', { name: 'Imported 1 story' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Pesach Benson');
});

test('paste from Word keeps the list and bold, drops Word’s styles; Ctrl+Shift+V pastes plain paragraphs', async ({ copydesk }) => {
  const { page } = copydesk;
  await page.getByRole('button', { name: 'New story' }).click();
  const headline = page.getByRole('textbox', { name: 'Headline' });
  await expect(headline).toBeFocused();
  const body = page.getByRole('textbox', { name: 'Story body' });
  await body.click();

  const word = readFileSync(join(ROOT, 'test/fixtures/paste/word-365-windows.html'), 'utf8');
  await paste(page, { 'text/html': word, 'text/plain': 'plain fallback' });
  // The Title became the headline of this story that had none, and is not repeated in the body.
  await expect(headline).toHaveValue('Cohen lands in Baku for talks on trade and security');
  await expect(body.locator('ul').first()).toBeVisible();
  const blocks = await bodyBlocks(page);
  expect(blocks.map((b) => b.tag)).toEqual(expect.arrayContaining(['ul', 'ol', 'h2', 'p']));
  expect(blocks.find((b) => b.tag === 'ul')?.text).toContain('Trade and energy');
  expect(blocks.flatMap((b) => b.bold)).toEqual(expect.arrayContaining(['Eli Cohen', 'Trade']));
  expect(blocks.some((b) => b.text.includes('Cohen lands in Baku for talks'))).toBe(false);
  expect(blocks.filter((b) => b.text.trim() === '')).toEqual([]);
  const html = await body.innerHTML();
  expect(html).not.toMatch(/mso|MsoNormal|Times New Roman|o:p|font-family/i);
  expect(blocks.reduce((n, b) => n + b.styled, 0)).toBe(0);
  await expect(body.getByRole('link', { name: /Tel Aviv/ })).toHaveAttribute('href', 'https://en.wikipedia.org/wiki/Tel_Aviv');
  await copydesk.screenshot('paste-01-word');

  // Paste as plain text: the same clipboard, but only its text, in paragraphs at blank lines.
  await page.keyboard.press('Control+End');
  const before = blocks.length;
  await page.keyboard.down('Control');
  await page.keyboard.down('Shift');
  await page.keyboard.down('V');
  await paste(page, { 'text/html': '<p><b>Bold</b> that must not stay bold</p>', 'text/plain': 'First line\nstill first.\n\n\n\nSecond paragraph.\n\n' });
  await page.keyboard.up('V');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Control');
  await expect(body).toContainText('Second paragraph.');
  const after = await bodyBlocks(page);
  const added = after.slice(before - 1);
  expect(after.filter((b) => b.text.trim() === '')).toEqual([]);
  expect(added.map((b) => b.text).join('|')).toContain('First line still first.|Second paragraph.');
  expect(after.flatMap((b) => b.bold)).not.toContain('Bold');
  expect(await body.innerHTML()).not.toContain('that must not stay bold');

  // An ordinary paste of the same clipboard keeps its bold.
  await paste(page, { 'text/html': '<p><b>Bold</b> that stays bold</p>', 'text/plain': 'Bold that stays bold' });
  await expect(body).toContainText('that stays bold');
  expect((await bodyBlocks(page)).flatMap((b) => b.bold)).toContain('Bold');
});
