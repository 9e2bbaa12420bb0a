/**
 * The country of a dateline's place, from gazetteer packages rather than a hand-kept list:
 *
 * 1. IANA time-zone cities (from country-state-city's country table): a zone is named after the
 *    main city of its region, so "Jerusalem" → Asia/Jerusalem → IL, "Cairo" → Africa/Cairo → EG,
 *    "London" → Europe/London → GB, even where smaller towns elsewhere share the name;
 * 2. country names in English, Hebrew and Arabic (i18n-iso-countries): "ישראל", "لبنان";
 * 3. country-state-city's 148,000 cities (read only when 1 and 2 fail): the country most of the
 *    places with that name are in. The package's own table is read as it ships it (rows of
 *    [name, countryCode, …], already loaded with the package); its `getAllCities()` would first
 *    turn every row into an object, half a second a process pays again for every import.
 *
 * A place it cannot place gets no country; the person can add it.
 */
import { createRequire } from 'node:module';
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

/** [name, countryCode] of every city: the package's rows when they have that shape, else its objects. */
let rows: readonly (readonly [string, string])[] | null = null;
function cityRows(): readonly (readonly [string, string])[] {
  if (rows) return rows;
  try {
    const raw = createRequire(import.meta.url)('country-state-city/lib/cjs/assets/city.json') as unknown;
    if (Array.isArray(raw) && raw.length > 1000 && raw.slice(0, 50).every((r) => Array.isArray(r) && typeof r[0] === 'string' && /^[A-Z]{2}$/.test(r[1]))) {
      return (rows = raw as [string, string][]);
    }
  } catch {
    // another layout of the package: read it through its API
  }
  return (rows = City.getAllCities().map((c) => [c.name, c.countryCode] as const));
}

/** The country most cities of this name are in: one pass over the table per name looked up. */
function byCityName(name: string): string | undefined {
  const k = key(name);
  const counts = new Map<string, number>();
  for (const [cityName, countryCode] of cityRows()) {
    if (cityName.length === k.length && key(cityName) === k) counts.set(countryCode, (counts.get(countryCode) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
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
