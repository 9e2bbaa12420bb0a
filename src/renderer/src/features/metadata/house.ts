/**
 * The newsroom's house rules the panel applies: slugline and headline limits and the list of
 * desks. They belong in settings (`house`); until the settings carry them, these defaults apply.
 * This is the one place that reads them: when `settings.house` arrives, its values win.
 */
import { z } from 'zod';
import type { Settings } from '../../../../shared/settings.ts';

export interface HouseRules {
  readonly sluglineLimit: number;
  readonly headlineLimit: number;
  readonly desks: readonly string[];
}

export const HOUSE_DEFAULTS: HouseRules = {
  sluglineLimit: 30,
  headlineLimit: 90,
  desks: ['News', 'Politics', 'World', 'Business', 'Sport', 'Culture', 'Science', 'Opinion'],
};

const limit = z.number().int().positive().max(500);
/** What `settings.house` may hold (other keys are for other features). */
const houseShape = z
  .object({
    sluglineLimit: limit.optional(),
    sluglineMaxLength: limit.optional(),
    headlineLimit: limit.optional(),
    headlineMaxLength: limit.optional(),
    desks: z.array(z.string().min(1)).optional(),
  })
  .partial();

export function houseRules(settings: Settings | null): HouseRules {
  const parsed = houseShape.safeParse((settings as { house?: unknown } | null)?.house ?? {});
  if (!parsed.success) return HOUSE_DEFAULTS;
  const h = parsed.data;
  return {
    sluglineLimit: h.sluglineLimit ?? h.sluglineMaxLength ?? HOUSE_DEFAULTS.sluglineLimit,
    headlineLimit: h.headlineLimit ?? h.headlineMaxLength ?? HOUSE_DEFAULTS.headlineLimit,
    desks: h.desks?.length ? h.desks : HOUSE_DEFAULTS.desks,
  };
}
