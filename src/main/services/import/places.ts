/**
 * The country of a dateline's place, from gazetteer packages rather than a hand-kept list:
 *
 * 1. IANA time-zone cities (from country-state-city's country table): a zone is named after the
 *    main city of its region, so "Jerusalem" → Asia/Jerusalem → IL, "Cairo" → Africa/Cairo → EG,
 *    "London" → Europe/London → GB, even where smaller towns elsewhere share the name;
 * 2. country names in English, Hebrew and Arabic (i18n-iso-countries): "ישראל", "لبنان";
 * 3. country-state-city's 148,000 cities (loaded only when 1 and 2 fail: it costs about a second):
 *    the country most of the places with that name are in.
 *
 * A place it cannot place gets no country; the person can add it.
 */
import { City, Country } from 'country-state-city';
import countries from 'i18n-iso-countries';

const key = (name: string) => name.normalize('NFC').trim().toLowerCase().replace(/[\s_]+/g, ' ');

let zoneCities: Map<string, string> | null = null;
function byTimeZoneCity(name: string): string | undefined {
  if (!zoneCities) {
    zoneCities = new Map();
    for (const country of Country.getAllCountries()) {
      for (const zone of country.timezones ?? []) {
        const city = zone.zoneName.split('/').at(-1);
        if (city && !zoneCities.has(key(city))) zoneCities.set(key(city), country.isoCode);
      }
    }
  }
  return zoneCities.get(key(name));
}

function byCountryName(name: string): string | undefined {
  for (const language of ['en', 'he', 'ar']) {
    const code = countries.getAlpha2Code(name.trim(), language) ?? countries.getSimpleAlpha2Code(name.trim(), language);
    if (code) return code;
  }
  return undefined;
}

let cities: Map<string, Map<string, number>> | null = null;
function byCityName(name: string): string | undefined {
  if (!cities) {
    cities = new Map();
    for (const city of City.getAllCities()) {
      const k = key(city.name);
      let counts = cities.get(k);
      if (!counts) cities.set(k, (counts = new Map()));
      counts.set(city.countryCode, (counts.get(city.countryCode) ?? 0) + 1);
    }
  }
  const counts = cities.get(key(name));
  if (!counts) return undefined;
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

const known = new Map<string, string | null>();

/** The ISO 3166-1 alpha-2 code of the country a place is in, or undefined when it cannot tell. */
export function countryOfPlace(name: string): string | undefined {
  const k = key(name);
  if (!k) return undefined;
  let code = known.get(k);
  if (code === undefined) {
    // The big city table has English names only: do not load it for Hebrew or Arabic names.
    const latin = /^[\p{Script=Latin}\s'’.-]+$/u.test(k);
    code = byTimeZoneCity(name) ?? byCountryName(name) ?? (latin ? byCityName(name) : undefined) ?? null;
    known.set(k, code);
  }
  return code ?? undefined;
}
