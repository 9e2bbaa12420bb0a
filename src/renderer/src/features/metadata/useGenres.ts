/** The IPTC Genre NewsCodes (current ones, by label), listed once from main (`tagging.genres`). */
import { useEffect, useState } from 'react';
import { call } from '../../lib/index.ts';

export type Genre = { readonly qcode: string; readonly label: string };

let listed: Promise<readonly Genre[]> | null = null;

export function useGenres(): readonly Genre[] | undefined {
  const [genres, setGenres] = useState<readonly Genre[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    listed ??= call('tagging.genres', {});
    listed.then(
      (list) => live && setGenres(list),
      () => {
        listed = null; // try again next time; the field stays a checked text field meanwhile
      }
    );
    return () => {
      live = false;
    };
  }, []);
  return genres;
}
