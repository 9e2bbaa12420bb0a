/** Gazetteer matches for a place name as it is typed (debounced; older answers dropped). */
import { useEffect, useRef, useState } from 'react';
import type { GazetteerPlace } from '../../../../shared/tagging.ts';
import { call } from '../../lib/index.ts';

export const PLACE_RESULTS = 8;

export function usePlaceSearch(query: string, enabled: boolean): readonly GazetteerPlace[] {
  const [places, setPlaces] = useState<readonly GazetteerPlace[]>([]);
  const latest = useRef(0);
  const trimmed = query.trim();
  useEffect(() => {
    const ticket = ++latest.current;
    if (!enabled || !trimmed) return;
    const timer = setTimeout(() => {
      call('tagging.places', { query: trimmed.slice(0, 200), limit: PLACE_RESULTS }).then(
        (found) => {
          if (ticket === latest.current) setPlaces(found);
        },
        // Without the gazetteer a place is still added by its name alone.
        () => {
          if (ticket === latest.current) setPlaces([]);
        }
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [trimmed, enabled]);
  return enabled && trimmed ? places : [];
}

/** "Jerusalem, Israel (IL)" or "Israel (IL)". */
export function placeLabel(place: GazetteerPlace): string {
  return place.type === 'city' ? `${place.name}, ${place.countryName} (${place.countryCode})` : `${place.name} (${place.countryCode})`;
}
