/**
 * IPTC Genre NewsCodes (the nature of a story: interview, analysis, obituary…), read from the
 * JSON-LD release in resources/vocabularies on first use. Retired genres are known to `get`
 * (old stories may carry them) but never listed for choosing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';

export const GENRES_FILE = 'genre.json';

export interface Genre {
  readonly qcode: string;
  readonly label: string;
  readonly definition: string;
  readonly retired: boolean;
}

const schemeSchema = z.object({
  dateReleased: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  conceptSet: z
    .array(
      z.object({
        qcode: z.string().regex(/^genre:\S+$/),
        prefLabel: z.record(z.string(), z.string()),
        definition: z.record(z.string(), z.string()).optional(),
        retired: z.string().optional(),
      })
    )
    .min(1),
});

export type Genres = ReturnType<typeof genresFromJson>;

export function lazyGenres(vocabulariesDir: string): () => Genres {
  let genres: Genres | null = null;
  return () => (genres ??= loadGenres(join(vocabulariesDir, GENRES_FILE)));
}

export function loadGenres(file: string): Genres {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('internal', `The Genre vocabulary could not be read (${file}): ${(error as Error).message}`);
  }
  return genresFromJson(json);
}

/** The label in British English (IPTC's language for this scheme), else any language given. */
function pick(texts: Record<string, string> | undefined): string {
  if (!texts) return '';
  return texts['en-GB'] ?? texts['en-US'] ?? texts['en'] ?? Object.values(texts)[0] ?? '';
}

export function genresFromJson(json: unknown) {
  const parsed = schemeSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('internal', `The Genre vocabulary is not an IPTC JSON-LD release: ${parsed.error.issues[0]?.message}`);
  }
  const byCode = new Map<string, Genre>();
  for (const c of parsed.data.conceptSet) {
    byCode.set(c.qcode, { qcode: c.qcode, label: pick(c.prefLabel) || c.qcode, definition: pick(c.definition), retired: c.retired !== undefined });
  }
  const current = [...byCode.values()].filter((g) => !g.retired).sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return {
    version: parsed.data.dateReleased.slice(0, 10),
    get(qcode: string): Genre | undefined {
      return byCode.get(qcode);
    },
    /** Current genres, by label, for a picker. */
    list(): { qcode: string; label: string; definition: string }[] {
      return current.map(({ qcode, label, definition }) => ({ qcode, label, definition }));
    },
  };
}
