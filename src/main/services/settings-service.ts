/**
 * Settings: one typed schema with defaults (src/shared/settings.ts) over a key-value store that is
 * injected — electron-store in the app, `conf` (electron-store's engine) in Node. Both expose the
 * whole document as `.store`.
 */
import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsPatch } from '../../shared/settings.ts';

export interface SettingsBacking {
  store: Record<string, unknown>;
}

export type SettingsService = ReturnType<typeof createSettingsService>;

export function createSettingsService(backing: SettingsBacking) {
  function get(): Settings {
    const stored = backing.store ?? {};
    // Validate field by field, so one damaged value falls back to its default without losing the rest.
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const candidate = { ...DEFAULT_SETTINGS, [key]: stored[key] };
      if (key in stored && settingsSchema.safeParse(candidate).success) merged[key] = stored[key];
    }
    return settingsSchema.parse(merged);
  }

  return {
    get,
    update(patch: SettingsPatch): Settings {
      const next = settingsSchema.parse({ ...get(), ...patch });
      backing.store = { ...backing.store, ...next };
      return next;
    },
  };
}
