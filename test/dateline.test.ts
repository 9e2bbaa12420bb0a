import { describe, expect, it } from 'vitest';
import { datelinePlace, formatByline, formatDateline, formatDatelineDate } from '../src/shared/dateline.ts';
import type { Dateline } from '../src/shared/news-item.ts';

const jerusalem = (name: string, agency?: string): Dateline => ({ place: { name, countryCode: 'IL' }, date: '2023-04-18', ...(agency ? { agency } : {}) });

describe('formatDateline', () => {
  it('writes the English house style with the Latin place upper-cased', () => {
    expect(formatDateline(jerusalem('Jerusalem', 'TPS'), 'en')).toBe('JERUSALEM, April 18, 2023 (TPS) --');
    expect(formatDateline(jerusalem('Tel Aviv', 'TPS'), 'en-GB')).toBe('TEL AVIV, 18 April 2023 (TPS) --');
  });

  it('writes Hebrew with Hebrew month names and the place as written', () => {
    expect(formatDateline(jerusalem('ירושלים', 'TPS'), 'he')).toBe('ירושלים, 18 באפריל 2023 (TPS) --');
  });

  it('writes Arabic with the Arabic comma, Latin digits by default and Arabic-Indic digits by house setting', () => {
    expect(formatDateline(jerusalem('القدس', 'TPS'), 'ar')).toBe('القدس، 18 أبريل 2023 (TPS) --');
    expect(formatDateline(jerusalem('القدس', 'TPS'), 'ar', { arabicDigits: 'arab' })).toBe('القدس، ١٨ أبريل ٢٠٢٣ (TPS) --');
  });

  it("uses the house agency when the dateline names none, and none when neither does", () => {
    expect(formatDateline(jerusalem('Jerusalem'), 'en', { agency: 'TPS' })).toBe('JERUSALEM, April 18, 2023 (TPS) --');
    expect(formatDateline(jerusalem('Jerusalem'), 'en')).toBe('JERUSALEM, April 18, 2023 --');
    expect(formatDateline(jerusalem('Jerusalem', 'AP'), 'en', { agency: 'TPS' })).toBe('JERUSALEM, April 18, 2023 (AP) --');
  });

  it('falls back to English for an unknown or empty language, and keeps the calendar day in every zone', () => {
    expect(formatDateline(jerusalem('Baku', 'TPS'), '')).toBe('BAKU, April 18, 2023 (TPS) --');
    expect(formatDatelineDate('2023-12-31', 'en')).toBe('December 31, 2023');
    expect(formatDatelineDate('2024-01-01', 'he')).toBe('1 בינואר 2024');
  });

  it('upper-cases only Latin letters, in the language of the story', () => {
    expect(datelinePlace('São Paulo', 'pt')).toBe('SÃO PAULO');
    expect(datelinePlace('İzmir istanbul', 'tr')).toBe('İZMİR İSTANBUL');
    expect(datelinePlace('תל אביב-Jaffa', 'he')).toBe('תל אביב-JAFFA');
  });
});

describe('formatByline', () => {
  it('names writers in the language of the story', () => {
    expect(formatByline([{ name: 'Pesach Benson', role: 'writer' }], 'en')).toBe('By Pesach Benson');
    expect(formatByline([{ name: 'פסח בנסון', role: 'writer' }], 'he')).toBe('מאת פסח בנסון');
    expect(formatByline([{ name: 'فصح بنسون', role: 'writer' }], 'ar')).toBe('بقلم فصح بنسون');
  });

  it('joins several writers, shows photographers as Photo: and affiliations after a slash', () => {
    const byline = [
      { name: 'Pesach Benson', role: 'writer' as const },
      { name: 'Dana Levi', role: 'writer' as const },
      { name: 'Yosef Mizrahi', role: 'photographer' as const, affiliation: 'TPS' },
      { name: 'Eli Editor', role: 'editor' as const },
    ];
    expect(formatByline(byline, 'en')).toBe('By Pesach Benson and Dana Levi · Photo: Yosef Mizrahi/TPS');
    expect(formatByline([{ name: 'יוסף מזרחי', role: 'photographer' }], 'he')).toBe('צילום: יוסף מזרחי');
  });

  it('is empty when nobody printable is named', () => {
    expect(formatByline([], 'en')).toBe('');
    expect(formatByline([{ name: 'Eli Editor', role: 'editor' }], 'en')).toBe('');
  });
});
