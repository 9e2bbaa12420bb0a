/**
 * The newsroom's house rules the panel applies — slugline and headline limits and the list of
 * desks — from the settings' `house` section (declared once in `src/shared/settings.ts`).
 */
import { DEFAULT_HOUSE, type Settings } from '../../../../shared/settings.ts';

export interface HouseRules {
  readonly sluglineLimit: number;
  readonly headlineLimit: number;
  readonly desks: readonly string[];
}

export function houseRules(settings: Settings | null): HouseRules {
  const house = settings?.house ?? DEFAULT_HOUSE;
  return { sluglineLimit: house.sluglineMaxLength, headlineLimit: house.headlineMaxLength, desks: house.desks };
}
