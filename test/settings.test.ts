import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/shared/settings.ts';
import { createSettingsService } from '../src/main/services/settings-service.ts';
import { useTempDir } from './helpers.ts';

const tempDir = useTempDir();
const conf = (dir: string) => new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', projectName: 'copydesk' });

describe('settings', () => {
  it('starts from the defaults', () => {
    expect(createSettingsService(conf(tempDir())).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('persists an update in the settings file', () => {
    const dir = tempDir();
    createSettingsService(conf(dir)).update({ profile: { name: 'Dana Editor', role: 'editor' }, exportFolder: '/srv/out' });
    const again = createSettingsService(conf(dir)).get();
    expect(again).toEqual({ ...DEFAULT_SETTINGS, profile: { name: 'Dana Editor', role: 'editor' }, exportFolder: '/srv/out' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).profile.role).toBe('editor');
  });

  it('falls back to the default for one damaged value and keeps the rest', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 'neon', profile: { name: 'Kept', role: 'editor' } }));
    const settings = createSettingsService(conf(dir)).get();
    expect(settings.theme).toBe('system');
    expect(settings.profile).toEqual({ name: 'Kept', role: 'editor' });
  });

  it('refuses an invalid update and writes nothing', () => {
    const dir = tempDir();
    const service = createSettingsService(conf(dir));
    expect(() => service.update({ profile: { name: '', role: 'editor' } })).toThrow();
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
  });
});
