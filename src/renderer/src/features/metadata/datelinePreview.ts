/**
 * The dateline as the wire prints it, in house style for the story's language:
 * "JERUSALEM, April 18, 2023 (TPS) --", "ירושלים, 18 באפריל 2023 (TPS) --",
 * "القدس، 18 أبريل 2023 (TPS) --". Kept in this one function so a shared house-style renderer
 * (src/shared/dateline.ts) can replace it without touching the panel.
 */
import type { Dateline } from '../../../../shared/news-item.ts';

export function datelinePreview(dateline: Dateline, language: string): string {
  const base = (language.split('-')[0] || 'en').toLowerCase();
  const [y, m, d] = dateline.date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const agency = dateline.agency ? ` (${dateline.agency})` : '';
  const date = (locale: string, numbering?: string) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', numberingSystem: numbering }).format(day);
  if (base === 'he') return `${dateline.place.name}, ${date('he')}${agency} --`;
  if (base === 'ar') return `${dateline.place.name}، ${date('ar', 'latn')}${agency} --`;
  if (base === 'en' || base === '') return `${dateline.place.name.toLocaleUpperCase('en')}, ${date('en-US')}${agency} --`;
  return `${dateline.place.name.toLocaleUpperCase(base)}, ${safeDate(base, day)}${agency} --`;
}

function safeDate(locale: string, day: Date): string {
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
  } catch {
    return day.toISOString().slice(0, 10);
  }
}
