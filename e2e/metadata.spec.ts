/**
 * The news item's metadata through the UI: the panel filled by keyboard alone and stored (seen
 * again after a reload), a slugline refused with its reason and not saved, pictures with caption
 * and credit (by the file picker and by dropping), an embargo whose zone changes without moving
 * its instant, the list's new marks and filters, the list following `library.changed`, and keys
 * typed right after Ctrl/Cmd+N. Screenshots: light, dark, a Hebrew story, 900 and 1600 px wide,
 * panel open and closed. Selectors: the panel is region "Story details" (its toggle is the button
 * of the same name); fields are named by their labels.
 */
import type { Locator, Page } from '@playwright/test';
import type { CopydeskApi } from '../src/shared/api.ts';
import { jpeg } from '../test/pictures/jpeg.ts';
import { expect, test } from './fixtures.ts';

type PageWindow = { copydesk: CopydeskApi };

const saveStatus = (page: Page) => page.getByRole('status', { name: 'Save status' });
const headline = (page: Page) => page.getByRole('textbox', { name: 'Headline', exact: true });
const storyBody = (page: Page) => page.getByRole('textbox', { name: 'Story body' });
const stories = (page: Page) => page.getByRole('list', { name: 'Stories' });
const storyRow = (page: Page, text: string) => stories(page).getByRole('listitem').filter({ hasText: text });
const panel = (page: Page) => page.getByRole('region', { name: 'Story details' });
const toggle = (page: Page) => page.getByRole('button', { name: 'Story details' });

/** Press Tab (or Shift+Tab) and check where the focus went: the panel is walked by keyboard only. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  await page.keyboard.press(key);
  await expect(target).toBeFocused();
}

/**
 * Leave a date or date-and-time field by Tab: Chromium's native field has a stop for each part
 * (month, day, year, hour…) and its picker button before the next control.
 */
async function tabOutTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)) return;
  }
  await expect(target).toBeFocused();
}

async function newStory(page: Page, title: string, body?: string) {
  // The desk is ready for its shortcuts once New story can be pressed.
  await expect(page.getByRole('button', { name: 'New story' })).toBeEnabled();
  await page.keyboard.press('ControlOrMeta+n');
  await expect(headline(page)).toBeFocused();
  await page.keyboard.type(title);
  if (body) {
    await page.keyboard.press('Enter');
    await expect(storyBody(page)).toBeFocused();
    await page.keyboard.insertText(body);
  }
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(storyRow(page, title)).toBeVisible();
}

async function openPanel(page: Page) {
  if ((await toggle(page).getAttribute('aria-expanded')) !== 'true') await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
}

async function storedStory(page: Page, id: string) {
  return page.evaluate(async (storyId) => {
    const result = await (globalThis as unknown as PageWindow).copydesk.stories.get({ id: storyId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }, id);
}

async function openStoryId(page: Page): Promise<string> {
  const id = await stories(page).locator('[aria-current="true"]').getAttribute('data-story-id');
  expect(id).toBeTruthy();
  return id!;
}

test('the metadata panel is filled by keyboard alone, and every value is stored', async ({ copydesk }) => {
  test.setTimeout(120_000);
  const { page } = copydesk;
  const p = panel(page);
  await newStory(page, 'What Does Azerbaijan Want as It Expands Ties With Israel?', 'Foreign Minister Eli Cohen landed in Baku on Tuesday.');
  await headline(page).focus();

  // From the headline, Shift+Tab reaches the panel's toggle; Enter opens it.
  await tabTo(page, toggle(page), 'Shift+Tab');
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');

  await tabTo(page, p.getByRole('textbox', { name: 'Slugline' }));
  await page.keyboard.type('AZERBAIJAN-ISRAEL');
  await expect(p.getByText('17 / 40')).toBeVisible();
  await tabTo(page, p.getByRole('textbox', { name: 'Summary' }));
  await page.keyboard.type('Ties deepen as Cohen visits Baku.');

  // Byline: two contributors; Enter and Space press the button, the new row's name takes the focus.
  await tabTo(page, p.getByRole('button', { name: 'Add contributor' }));
  await expect(p.getByText('export names')).toContainText('Reporter');
  await page.keyboard.press('Enter');
  await expect(p.getByRole('textbox', { name: 'Contributor 1 name' })).toBeFocused();
  await page.keyboard.type('Pesach Benson');
  await tabTo(page, p.getByRole('combobox', { name: 'Contributor 1 role' }));
  await tabTo(page, p.getByRole('textbox', { name: 'Contributor 1 affiliation' }));
  await page.keyboard.type('TPS');
  await tabTo(page, p.getByRole('button', { name: 'Remove contributor 1' }));
  await tabTo(page, p.getByRole('button', { name: 'Add contributor' }));
  await page.keyboard.press('Space');
  await expect(p.getByRole('textbox', { name: 'Contributor 2 name' })).toBeFocused();
  await page.keyboard.type('Yosef Mizrahi');
  await tabTo(page, p.getByRole('combobox', { name: 'Contributor 2 role' }));
  await page.keyboard.type('Ph');
  await expect(p.getByRole('combobox', { name: 'Contributor 2 role' })).toHaveValue('photographer');
  await tabTo(page, p.getByRole('textbox', { name: 'Contributor 2 affiliation' }));
  await tabTo(page, p.getByRole('button', { name: 'Remove contributor 2' }));
  await tabTo(page, p.getByRole('button', { name: 'Add contributor' }));

  // Dateline, with its house-style preview; the located place.
  await tabTo(page, p.getByRole('textbox', { name: 'Dateline place' }));
  await page.keyboard.type('Jerusalem');
  await tabTo(page, p.getByRole('textbox', { name: 'Dateline country code' }));
  await page.keyboard.type('il');
  await tabTo(page, p.getByLabel('Dateline date'));
  await page.keyboard.type('04182023');
  await expect(p.getByLabel('Dateline date')).toHaveValue('2023-04-18');
  await tabOutTo(page, p.getByRole('textbox', { name: 'Dateline agency' }));
  await page.keyboard.type('TPS');
  await expect(p.getByLabel('Dateline preview')).toHaveText('JERUSALEM, April 18, 2023 (TPS) --');
  await tabTo(page, p.getByRole('textbox', { name: 'Located place' }));
  await page.keyboard.type('Baku');
  await tabTo(page, p.getByRole('textbox', { name: 'Located country code' }));
  await page.keyboard.type('AZ');

  // Classification: language chosen by hand, genre, urgency with its meaning, desk.
  await tabTo(page, p.getByRole('combobox', { name: 'Language' }));
  await expect(p.getByLabel('Language source')).toHaveText('detected');
  await page.keyboard.type('English');
  await expect(p.getByLabel('Language source')).toHaveText('chosen');
  // Genres come from IPTC's Genre NewsCodes: typing a label picks it in the list.
  await tabTo(page, p.getByRole('combobox', { name: 'Genre' }));
  await page.keyboard.type('Analysis');
  await expect(p.getByRole('combobox', { name: 'Genre' })).toHaveValue('genre:Analysis');
  await tabTo(page, p.getByRole('combobox', { name: 'Urgency' }));
  await page.keyboard.type('2');
  await expect(p.getByRole('combobox', { name: 'Urgency' }).locator('option:checked')).toHaveText('2 — Very urgent');
  await tabTo(page, p.getByRole('combobox', { name: 'Desk' }));
  await page.keyboard.type('For');
  await expect(p.getByRole('combobox', { name: 'Desk' })).toHaveValue('Foreign');

  // Embargo: the zone first, then the time as a clock there shows it.
  const until = p.getByLabel('Embargo until');
  const zone = p.getByRole('combobox', { name: 'Embargo time zone' });
  await tabTo(page, until);
  await tabOutTo(page, zone);
  await page.keyboard.type('Asia/Jerusalem');
  await expect(zone).toHaveValue('Asia/Jerusalem');
  // Shift+Tab comes back into the field's last part: back out to the desk, then Tab into its first part (the month).
  await tabOutTo(page, p.getByRole('combobox', { name: 'Desk' }), 'Shift+Tab');
  await tabTo(page, until);
  // The year part takes up to six digits, so Tab moves on to the hour.
  await page.keyboard.type('05012030');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0200P');
  await expect(until).toHaveValue('2030-05-01T14:00');
  await expect(p.getByLabel('Embargo countdown')).toContainText('lifts in');

  // Changing the zone keeps the instant and says what the clock shows there.
  await tabOutTo(page, zone);
  await page.keyboard.type('Europe/London');
  await expect(zone).toHaveValue('Europe/London');
  await expect(until).toHaveValue('2030-05-01T12:00');
  await expect(p.getByRole('status', { name: 'Time zone change' })).toContainText('Same moment kept: 14:00 in Asia/Jerusalem is 12:00 in Europe/London.');
  await tabTo(page, p.getByRole('button', { name: /^Keep 14:00 in Europe\/London instead/ }));
  await tabTo(page, p.getByRole('button', { name: 'Remove embargo' }));

  // Rights.
  await tabTo(page, p.getByRole('textbox', { name: 'Credit line' }));
  await page.keyboard.type('Photo by Yosef Mizrahi/TPS');
  await tabTo(page, p.getByRole('textbox', { name: 'Copyright holder' }));
  await page.keyboard.type('Tazpit Press Service');
  await tabTo(page, p.getByRole('textbox', { name: 'Copyright notice' }));
  await page.keyboard.type('© 2023 TPS');
  await tabTo(page, p.getByRole('textbox', { name: 'Usage terms' }).first());
  await page.keyboard.type('Editorial use only');

  // Target length with the live count; the editorial note, never published.
  await tabTo(page, p.getByRole('button', { name: 'Add pictures…' }));
  await tabTo(page, p.getByRole('textbox', { name: 'Target length (words)' }));
  await page.keyboard.type('600');
  await expect(p.getByLabel('Length now')).toContainText('words ·');
  await expect(p.getByLabel('Length now')).toContainText('min read');
  await expect(p.getByLabel('Length now')).toContainText('target 600: ');
  await tabTo(page, p.getByRole('textbox', { name: 'Editorial note — never published' }));
  await page.keyboard.type('Check the minister’s title with the desk.');
  // Leaving the panel saves at once, like leaving the headline.
  await tabTo(page, headline(page));
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(page.locator('.cd-byline')).toContainText('By Pesach Benson, Yosef Mizrahi');

  const id = await openStoryId(page);
  const stored = await storedStory(page, id);
  expect(stored.slugline).toBe('AZERBAIJAN-ISRAEL');
  expect(stored.summary).toBe('Ties deepen as Cohen visits Baku.');
  expect(stored.byline).toEqual([
    { name: 'Pesach Benson', role: 'writer', affiliation: 'TPS' },
    { name: 'Yosef Mizrahi', role: 'photographer' },
  ]);
  expect(stored.dateline).toEqual({ place: { name: 'Jerusalem', countryCode: 'IL' }, date: '2023-04-18', agency: 'TPS' });
  expect(stored.located).toEqual({ name: 'Baku', countryCode: 'AZ' });
  expect(stored.language).toBe('en');
  expect(stored.languageSetByPerson).toBe(true);
  expect(stored.genre).toBe('genre:Analysis');
  expect(stored.urgency).toBe(2);
  expect(stored.desk).toBe('Foreign');
  // 14:00 in Jerusalem (UTC+3 in May) is 11:00 UTC, and stays so after the zone changed.
  expect(stored.embargo).toEqual({ at: '2030-05-01T11:00:00.000Z', timeZone: 'Europe/London' });
  expect(stored.creditLine).toBe('Photo by Yosef Mizrahi/TPS');
  expect(stored.copyrightHolder).toBe('Tazpit Press Service');
  expect(stored.copyrightNotice).toBe('© 2023 TPS');
  expect(stored.usageTerms).toBe('Editorial use only');
  expect(stored.targetWords).toBe(600);
  expect(stored.editorialNote).toBe('Check the minister’s title with the desk.');
  await copydesk.screenshot('metadata-01-panel-filled');

  // After a reload the panel is still open (remembered) and shows the stored values.
  await page.reload();
  await storyRow(page, 'What Does Azerbaijan Want').getByRole('button').click();
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(p.getByRole('textbox', { name: 'Slugline' })).toHaveValue('AZERBAIJAN-ISRAEL');
  await expect(p.getByRole('textbox', { name: 'Contributor 2 name' })).toHaveValue('Yosef Mizrahi');
  await expect(p.getByLabel('Dateline preview')).toHaveText('JERUSALEM, April 18, 2023 (TPS) --');
  await expect(p.getByRole('combobox', { name: 'Urgency' })).toHaveValue('2');
  await expect(p.getByRole('combobox', { name: 'Desk' })).toHaveValue('Foreign');
  await expect(p.getByLabel('Embargo until')).toHaveValue('2030-05-01T12:00');
  await expect(p.getByRole('combobox', { name: 'Embargo time zone' })).toHaveValue('Europe/London');
  await expect(p.getByRole('textbox', { name: 'Editorial note — never published' })).toHaveValue('Check the minister’s title with the desk.');

  // Closed, the panel sums up in one line.
  await toggle(page).press('Enter');
  await expect(p.getByLabel('Details summary')).toContainText('AZERBAIJAN-ISRAEL');
  await expect(p.getByLabel('Details summary')).toContainText('Urgency 2');

  // The list: slugline, language label, embargo mark, urgency (≤ 3).
  const row = storyRow(page, 'What Does Azerbaijan Want');
  await expect(row.locator('.cd-row__slug')).toHaveText('AZERBAIJAN-ISRAEL');
  await expect(row.locator('abbr.cd-row__language')).toHaveText('EN');
  await expect(row.locator('abbr.cd-row__language')).toHaveAttribute('title', 'English');
  await expect(row.locator('.cd-row__embargo')).toContainText('Embargo until');
  await expect(row.locator('.cd-row__urgency')).toHaveText('Urgency 2');
});

test('a slugline against the house rule shows why and is not saved', async ({ copydesk }) => {
  const { page } = copydesk;
  const p = panel(page);
  await newStory(page, 'Cabinet meets on the budget');
  await openPanel(page);
  const slug = p.getByRole('textbox', { name: 'Slugline' });
  await slug.focus();
  await page.keyboard.type('BUDGET-VOTE');
  await headline(page).focus();
  await expect(saveStatus(page)).toHaveText('Saved');
  const id = await openStoryId(page);
  expect((await storedStory(page, id)).slugline).toBe('BUDGET-VOTE');

  await slug.focus();
  // Whole values at once (as a paste): typed letter by letter, the valid start would be saved first.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('BUDGET VOTE!');
  await expect(p.getByRole('alert')).toHaveText('A slugline has only letters, digits and single hyphens (for example AZERBAIJAN-ISRAEL).');
  await expect(slug).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('BUDGET-VOTE-IN-THE-KNESSET-TONIGHT-AFTER-TALKS');
  await expect(p.getByRole('alert')).toHaveText('A slugline is at most 40 characters here (house rule).');
  await expect(p.locator('.cd-meta__count--over')).toBeVisible();
  await headline(page).focus();
  await page.keyboard.press('ControlOrMeta+s');
  await expect(saveStatus(page)).toHaveText('Saved');
  expect((await storedStory(page, id)).slugline).toBe('BUDGET-VOTE');
  await copydesk.screenshot('metadata-02-slugline-refused');
});

test('pictures: added by the file picker and by dropping, caption and credit prefilled and edited, one lead', async ({ copydesk }) => {
  test.setTimeout(90_000);
  const { page } = copydesk;
  const p = panel(page);
  await newStory(page, 'Cohen lands in Baku', 'The minister was met at the airport.');
  await openPanel(page);

  const chooser = page.waitForEvent('filechooser');
  await p.getByRole('button', { name: 'Add pictures…' }).press('Enter');
  await (await chooser).setFiles({
    name: 'cohen-baku.jpg',
    mimeType: 'image/jpeg',
    buffer: jpeg({ iptc: { caption: 'Eli Cohen at Heydar Aliyev airport', credit: 'Yosef Mizrahi/TPS' } }),
  });
  const first = p.getByRole('listitem', { name: /^Picture 1: cohen-baku\.jpg/ });
  await expect(first.getByRole('textbox', { name: 'Caption for cohen-baku.jpg' })).toHaveValue('Eli Cohen at Heydar Aliyev airport');
  await expect(first.getByRole('textbox', { name: 'Credit for cohen-baku.jpg' })).toHaveValue('Yosef Mizrahi/TPS');
  await expect(first.getByRole('radio', { name: 'Lead picture: cohen-baku.jpg' })).toBeChecked();
  await expect(first.locator('img.cd-picture__thumb')).toHaveAttribute('src', /^data:image\//);
  await first.getByRole('textbox', { name: 'Caption for cohen-baku.jpg' }).fill('Foreign Minister Eli Cohen arrives in Baku');
  await first.getByRole('textbox', { name: 'Alt text for cohen-baku.jpg' }).fill('A man in a suit walks down aircraft steps');

  // Dropping an image file on the panel adds it as an inline picture.
  const bytes = [...jpeg({ xmp: { description: 'The old city of Baku', credit: 'TPS' } })];
  const transfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'baku.jpg', { type: 'image/jpeg' }));
    return dt;
  }, bytes);
  await p.dispatchEvent('dragover', { dataTransfer: transfer });
  await p.dispatchEvent('drop', { dataTransfer: transfer });
  const second = p.getByRole('listitem', { name: /^Picture 2: baku\.jpg/ });
  await expect(second.getByRole('textbox', { name: 'Caption for baku.jpg' })).toHaveValue('The old city of Baku');
  await expect(second.getByRole('radio', { name: 'Lead picture: baku.jpg' })).not.toBeChecked();

  // Something that is not a picture is refused with main's message.
  const refused = page.waitForEvent('filechooser');
  await p.getByRole('button', { name: 'Add pictures…' }).click();
  await (await refused).setFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture at all') });
  await expect(p.locator('.cd-meta__pictures [role="alert"]')).toContainText('“notes.jpg” is not a picture');

  await headline(page).focus();
  await expect(saveStatus(page)).toHaveText('Saved');
  const stored = await storedStory(page, await openStoryId(page));
  expect(stored.pictures.map((x) => [x.fileName, x.role, x.caption, x.credit])).toEqual([
    ['cohen-baku.jpg', 'lead', 'Foreign Minister Eli Cohen arrives in Baku', 'Yosef Mizrahi/TPS'],
    ['baku.jpg', 'inline', 'The old city of Baku', 'TPS'],
  ]);
  expect(stored.pictures[0]!.altText).toBe('A man in a suit walks down aircraft steps');
  // The list shows the lead picture's thumbnail.
  await expect(storyRow(page, 'Cohen lands in Baku').locator('img.cd-row__picture')).toHaveAttribute('src', /^data:image\//);
  await copydesk.screenshot('metadata-03-pictures');
});

test('the list follows library.changed: a story made elsewhere appears, the open one reloads, our own saves do not', async ({ copydesk }) => {
  const { page } = copydesk;
  await newStory(page, 'Open story', 'First line.');
  const id = await openStoryId(page);

  // A story created through the API (as another window or the command line would) appears by itself.
  await page.evaluate(async () => {
    const made = await (globalThis as unknown as PageWindow).copydesk.stories.create({ headline: 'Filed from elsewhere' });
    if (!made.ok) throw new Error(made.error.message);
  });
  await expect(storyRow(page, 'Filed from elsewhere')).toBeVisible();
  await expect(page.getByRole('status', { name: 'List summary' })).toHaveText('2 stories');

  // Our own saves never reload the editor: the caret stays and typing goes on.
  await storyBody(page).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText(' Second.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.keyboard.insertText(' Third.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await expect(storyBody(page)).toBeFocused();
  await expect(storyBody(page)).toHaveText('First line. Second. Third.');

  // The open story changed elsewhere while nothing here was unsaved: it reloads quietly.
  await page.evaluate(async (storyId) => {
    const api = (globalThis as unknown as PageWindow).copydesk;
    const current = await api.stories.get({ id: storyId });
    if (!current.ok) throw new Error(current.error.message);
    const saved = await api.stories.save({ id: storyId, baseRevision: current.value.revision, headline: 'Open story, edited elsewhere' });
    if (!saved.ok) throw new Error(saved.error.message);
  }, id);
  await expect(headline(page)).toHaveValue('Open story, edited elsewhere');
  await expect(storyRow(page, 'Open story, edited elsewhere')).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'This story was changed elsewhere' })).toHaveCount(0);
});

test('keys typed right after Ctrl/Cmd+N go to the new headline, none lost', async ({ copydesk }) => {
  const { page } = copydesk;
  await expect(page.getByRole('button', { name: 'New story' })).toBeEnabled();
  await page.keyboard.press('ControlOrMeta+n');
  await page.keyboard.type('Breaking: ceasefire agreed');
  await expect(headline(page)).toHaveValue('Breaking: ceasefire agreed');
  await expect(headline(page)).toBeFocused();
  await expect(saveStatus(page)).toHaveText('Saved');

  // Also from inside another story's body: its text is untouched.
  await headline(page).press('Enter');
  await page.keyboard.insertText('Talks ended at dawn.');
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.keyboard.press('ControlOrMeta+n');
  await page.keyboard.type('Second story typed at once');
  await expect(headline(page)).toHaveValue('Second story typed at once');
  await expect(storyBody(page)).toHaveText('');
  await expect(saveStatus(page)).toHaveText('Saved');
  await storyRow(page, 'Breaking: ceasefire agreed').getByRole('button').click();
  await expect(storyBody(page)).toHaveText('Talks ended at dawn.');
});

test('list filters: language, desk and embargoed', async ({ copydesk }) => {
  const { page } = copydesk;
  await page.evaluate(async () => {
    const api = (globalThis as unknown as PageWindow).copydesk;
    const one = await api.stories.create({ headline: 'Budget passes first reading' });
    const two = await api.stories.create({ headline: 'שר החוץ נחת בבאקו' });
    if (!one.ok || !two.ok) throw new Error('create failed');
    const body = (text: string) =>
      JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }] } });
    const a = await api.stories.save({ id: one.value.id, baseRevision: one.value.revision, body: body('The Knesset passed the budget in a first reading on Monday night.'), desk: 'Business', embargo: { at: '2099-01-01T09:00:00Z', timeZone: 'Asia/Jerusalem' } });
    const b = await api.stories.save({ id: two.value.id, baseRevision: two.value.revision, body: body('שר החוץ אלי כהן נפגש עם נשיא אזרבייג׳ן בבירה באקו.'), desk: 'Foreign' });
    if (!a.ok || !b.ok) throw new Error('save failed');
  });
  await expect(stories(page).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: /^Filters/ }).click();
  const filters = page.getByRole('group', { name: 'Filters' });
  await filters.getByRole('combobox', { name: 'Filter by language' }).selectOption('he');
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  await expect(storyRow(page, 'שר החוץ')).toBeVisible();
  await expect(storyRow(page, 'שר החוץ').locator('abbr.cd-row__language')).toHaveText('HE');
  await filters.getByRole('combobox', { name: 'Filter by language' }).selectOption('');
  await filters.getByRole('combobox', { name: 'Filter by desk' }).selectOption('Business');
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  await expect(storyRow(page, 'Budget passes')).toBeVisible();
  await filters.getByRole('combobox', { name: 'Filter by desk' }).selectOption('');
  await filters.getByRole('checkbox', { name: 'Embargoed only' }).check();
  await expect(stories(page).getByRole('listitem')).toHaveCount(1);
  await expect(storyRow(page, 'Budget passes').locator('.cd-row__embargo')).toContainText('Embargo until');
  await expect(page.getByRole('button', { name: 'Filters, 1 active' })).toBeVisible();
});

test('screenshots: the desk with the panel open and closed, light and dark, a Hebrew story, 900 and 1600 px', async ({ copydesk }) => {
  test.setTimeout(120_000);
  const { page } = copydesk;
  await newStory(page, 'שר החוץ נחת בבאקו', 'שר החוץ אלי כהן נחת ביום שלישי בבאקו, בירת אזרבייג׳ן, לביקור בן יומיים.');
  await expect(page.locator('article.cd-story__column')).toHaveAttribute('lang', 'he');
  await expect(headline(page)).toHaveAttribute('dir', 'rtl');
  await openPanel(page);
  const p = panel(page);
  await p.getByRole('textbox', { name: 'Slugline' }).fill('AZERBAIJAN-ISRAEL');
  await p.getByRole('button', { name: 'Add contributor' }).click();
  await p.getByRole('textbox', { name: 'Contributor 1 name' }).fill('פסח בנסון');
  await p.getByRole('textbox', { name: 'Dateline place' }).fill('ירושלים');
  await p.getByLabel('Dateline date').fill('2023-04-18');
  await p.getByRole('textbox', { name: 'Dateline agency' }).fill('TPS');
  await expect(p.getByLabel('Dateline preview')).toHaveText('ירושלים, 18 באפריל 2023 (TPS) --');
  await p.getByRole('combobox', { name: 'Urgency' }).selectOption('3');
  await headline(page).focus();
  await expect(saveStatus(page)).toHaveText('Saved');
  // The byline line keeps its order with a Hebrew name: "By פסח בנסון · 18 words", never
  // "By 18 · פסח בנסון words" — the words count sits to the right of the name.
  const byline = page.locator('.cd-byline');
  await expect(byline).toContainText('By פסח בנסון');
  const name = await byline.locator(':scope > :not([aria-hidden])').nth(0).boundingBox();
  const words = await byline.locator(':scope > :not([aria-hidden])').nth(1).boundingBox();
  expect(await byline.locator(':scope > :not([aria-hidden])').nth(1).innerText()).toMatch(/^\d+ words$/);
  expect(words!.x).toBeGreaterThan(name!.x + name!.width - 1);

  for (const width of [1600, 900]) {
    await page.setViewportSize({ width, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await openPanel(page);
      await copydesk.screenshot(`metadata-desk-${width}-${scheme}-open-rtl`);
      await toggle(page).click();
      await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
      await copydesk.screenshot(`metadata-desk-${width}-${scheme}-closed-rtl`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
});
