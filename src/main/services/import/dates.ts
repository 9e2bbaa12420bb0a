/**
 * Dates as wire copy writes them, in English, Hebrew and Arabic: "18 April, 2023",
 * "April 18, 2023", "18 באפריל 2023", "١٨ نيسان/أبريل ٢٠٢٣", "18.04.2023". The month names are
 * not typed in by hand: they come from the platform's CLDR data (Intl), in every regional form a
 * desk meets (Egyptian/Gulf يناير…, Levantine and Iraqi كانون الثاني…, Maghrebi جانفي…).
 */

/** Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits as ASCII digits. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Arabic letters folded the way people vary them in month names (hamza forms, ta marbuta, alif maqsura). */
function foldArabic(text: string): string {
  return text
    .replace(/[\u064B-\u0652\u0640]/g, '') // harakat, tatweel
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي');
}

const LOCALES = ['en', 'he', 'ar', 'ar-SY', 'ar-DZ', 'ar-MA'] as const;

/** Every spelling of each month (folded, lower case) → 1–12; and weekday names, which a date may carry. */
const { MONTHS, WEEKDAYS } = (() => {
  const months = new Map<string, number>();
  const weekdays = new Set<string>();
  const fold = (name: string) => foldArabic(name.toLowerCase().replace(/\.$/, ''));
  for (const locale of LOCALES) {
    for (const style of ['long', 'short'] as const) {
      const month = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      const weekday = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        const name = fold(month.format(new Date(Date.UTC(2023, m, 15))));
        // Names are words (some locales abbreviate to a number); آب (August) has two letters.
        if (/\p{L}{2,}/u.test(name)) months.set(name, m + 1);
      }
      // Hebrew weekdays are two words ("יום שלישי"): each word may stand in a date.
      for (let d = 1; d <= 7; d++) for (const word of fold(weekday.format(new Date(Date.UTC(2023, 0, d)))).split(/\s+/)) weekdays.add(word);
    }
  }
  // Spellings CLDR does not list but wire copy uses: "Sept." and Hebrew "מרס".
  months.set('sept', 9);
  months.set('מרס', 3);
  return { MONTHS: months, WEEKDAYS: weekdays };
})();

/** A Hebrew word may carry a prefix letter: "באפריל" (in April), "ב-18" (on the 18th). */
const lookupMonth = (word: string): number | undefined =>
  MONTHS.get(word) ?? (/^[בל][\u05D0-\u05EA]/.test(word) ? MONTHS.get(word.slice(1)) : undefined);

interface Word {
  readonly text: string;
}

/** The month named in the text (one word, or two: "كانون الثاني", "تشرين الأول"), with where it stands. */
function findMonth(words: readonly Word[]): { month: number; first: number; last: number } | null {
  for (let i = 0; i < words.length; i++) {
    const pair = i + 1 < words.length ? MONTHS.get(`${words[i]!.text} ${words[i + 1]!.text}`) : undefined;
    if (pair) return { month: pair, first: i, last: i + 1 };
    const single = lookupMonth(words[i]!.text);
    if (single) return { month: single, first: i, last: i };
  }
  return null;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A calendar date (YYYY-MM-DD) from the way a dateline or byline writes it, or null when the
 * text is not a date. Day-month-year and month-day-year both read; numeric dates are day first
 * (as in Israel and the Arab world) unless they are ISO (year first).
 */
export function parseNewsDate(raw: string): string | null {
  const text = toAsciiDigits(raw).replace(/[\u200E\u200F\u061C]/g, '').trim();
  if (text.length === 0 || text.length > 60) return null;

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));

  const words: Word[] = [...text.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => ({ text: foldArabic(m[0].toLowerCase()) }));
  const found = findMonth(words);
  if (!found) return null;
  // Besides the month, a date holds its day and year, separators, a weekday, Hebrew prefix
  // letters ("ב-18"), an English ordinal ("18th") and the month's other spelling ("نيسان/أبريل").
  const otherWords = words.filter((w, i) => (i < found.first || i > found.last) && !WEEKDAYS.has(w.text) && !/^(?:[בל]|st|nd|rd|th)$/.test(w.text));
  if (otherWords.some((w) => lookupMonth(w.text) !== found.month)) return null;
  const numbers = [...text.matchAll(/\d+/g)].map((m) => m[0]);
  if (/[^\p{L}\p{M}\d\s,./،\-–]/u.test(text)) return null;
  const year = numbers.find((n) => n.length === 4);
  const day = numbers.find((n) => n.length <= 2);
  if (!year || !day || numbers.length !== 2) return null;
  return isoDate(Number(year), found.month, Number(day));
}
