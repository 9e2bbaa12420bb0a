import { describe, expect, it } from 'vitest';
import { citiesLoaded, countryName, placesNamed, searchPlaces } from '../../src/main/services/tagging/gazetteer.ts';

describe('gazetteer', () => {
  it('names countries by ISO code in English, Hebrew and Arabic, falling back to English', () => {
    expect(countryName('IL')).toBe('Israel');
    expect(countryName('il', 'he')).toBe('ישראל');
    expect(countryName('IL', 'ar')).toBe('إسرائيل');
    expect(countryName('FR', 'he-IL')).toBe('צרפת');
    expect(countryName('FR', 'xx')).toBe('France');
    expect(countryName('QQ')).toBeNull();
  });

  it('does not read the city list until a search needs cities', () => {
    // This file's first city search is below; country names alone never load it.
    countryName('DE');
    expect(citiesLoaded()).toBe(false);
  });

  // The first city search reads the city list: seconds on a busy machine.
  it('finds countries first (any of their names, in three languages), then cities', { timeout: 120_000 }, () => {
    const places = searchPlaces('isr', 5);
    expect(places[0]).toEqual({ name: 'Israel', countryCode: 'IL', countryName: 'Israel', type: 'country' });
    expect(places.slice(1).every((p) => p.type === 'city')).toBe(true);
    expect(citiesLoaded()).toBe(true);
    expect(searchPlaces('USA', 1)[0]).toMatchObject({ countryCode: 'US', type: 'country' });
    expect(searchPlaces('ישראל', 1, { lang: 'he' })[0]).toEqual({ name: 'ישראל', countryCode: 'IL', countryName: 'ישראל', type: 'country' });
    expect(searchPlaces('مصر', 1)[0]).toMatchObject({ countryCode: 'EG', name: 'Egypt' });
  });

  it('orders cities: exact name, then names beginning with the query, then later words; preferred countries first among equals', () => {
    const jerusalem = searchPlaces('jerusalem', 5);
    expect(jerusalem[0]).toMatchObject({ name: 'Jerusalem', type: 'city' });
    expect(jerusalem.findIndex((p) => p.name === 'West Jerusalem')).toBeGreaterThan(jerusalem.findIndex((p) => p.name === 'Jerusalem'));
    expect(searchPlaces('paris', 3, { preferCountries: ['FR'] })[0]).toEqual({ name: 'Paris', countryCode: 'FR', countryName: 'France', type: 'city' });
    expect(searchPlaces('paris', 3, { preferCountries: ['US'] })[0]).toMatchObject({ countryCode: 'US' });
    expect(searchPlaces('aviv', 3)).toContainEqual({ name: 'Tel Aviv', countryCode: 'IL', countryName: 'Israel', type: 'city' });
    expect(searchPlaces('sao paulo', 2)[0]).toMatchObject({ name: 'São Paulo', countryCode: 'BR' });
  });

  it('lists a town once per country even when several provinces have one', () => {
    const springfields = searchPlaces('springfield', 50).filter((p) => p.name === 'Springfield');
    const codes = springfields.map((p) => p.countryCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('US');
  });

  it('answers empty queries and limits plainly', () => {
    expect(searchPlaces('   ', 5)).toEqual([]);
    expect(searchPlaces('a', 0)).toEqual([]);
    expect(searchPlaces('a', 4)).toHaveLength(4);
    // One letter: countries only.
    expect(searchPlaces('z', 50).map((p) => p.type)).toEqual(['country', 'country']);
  });

  it('resolves exact names for entity recognition', () => {
    expect(placesNamed('U.S.')).toEqual([{ name: 'United States of America', countryCode: 'US', countryName: 'United States of America', type: 'country' }]);
    expect(placesNamed('Tel Aviv')).toEqual([{ name: 'Tel Aviv', countryCode: 'IL', countryName: 'Israel', type: 'city' }]);
    expect(placesNamed('Paris').map((p) => p.countryCode)).toEqual(expect.arrayContaining(['FR', 'US']));
    expect(placesNamed('Aviv')).toEqual([]);
  });
});
