/**
 * Settings: one typed schema with defaults (src/shared/settings.ts) over a key-value store that is
 * injected — electron-store in the app, `conf` (electron-store's engine) in Node. Both expose the
 * whole document as `.store`.
 *
 * A settings file written before a section or a house rule existed reads it as its default, and
 * one damaged value falls back to its default without losing the rest: no migration step is needed.
 */
import { DEFAULT_HOUSE, DEFAULT_SETTINGS, houseSchema, settingsSchema, type HouseSettings, type Settings, type SettingsPatch } from '../../shared/settings.ts';

export interface SettingsBacking {
  store: Record<string, unknown>;
}

export type SettingsService = ReturnType<typeof createSettingsService>;

/** Each key of `stored` that its schema accepts on top of the defaults; the others stay default. */
function keepValid<T extends object>(defaults: T, stored: unknown, accepts: (candidate: T) => boolean): T {
  const source = stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const key of Object.keys(defaults)) {
    if (key in source && accepts({ ...defaults, [key]: source[key] })) merged[key] = source[key];
  }
  return merged as T;
}

export function createSettingsService(backing: SettingsBacking) {
  function get(): Settings {
    const stored = backing.store ?? {};
    const merged = keepValid(DEFAULT_SETTINGS, stored, (c) => settingsSchema.safeParse(c).success);
    merged.house = keepValid<HouseSettings>(DEFAULT_HOUSE, stored.house, (c) => houseSchema.safeParse(c).success);
    return settingsSchema.parse(merged);
  }

  return {
    get,
    update(patch: SettingsPatch): Settings {
      const current = get();
      const next = settingsSchema.parse({ ...current, ...patch, house: { ...current.house, ...patch.house } });
      backing.store = { ...backing.store, ...next };
      return next;
    },
  };
}
