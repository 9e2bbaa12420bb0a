import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOUSE, DEFAULT_SETTINGS, settingsPatchSchema } from '../src/shared/settings.ts';
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

describe('house settings', () => {
  it('gives a settings file written before house rules existed the defaults, keeping the rest', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 'dark', trashRetentionDays: 12 }));
    const settings = createSettingsService(conf(dir)).get();
    expect(settings.house).toEqual(DEFAULT_HOUSE);
    expect(settings.house.providerName).toBe('Copydesk');
    expect(settings.house.sluglineMaxLength).toBe(40);
    expect(settings.house.headlineMaxLength).toBe(100);
    expect(settings.house.desks).toEqual(['Home', 'Foreign', 'Business', 'Sport', 'Culture']);
    expect(settings.theme).toBe('dark');
    expect(settings.trashRetentionDays).toBe(12);
  });

  it('keeps the valid house rules of a file in which one is damaged or missing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ house: { providerName: 'Tazpit Press Service', headlineMaxLength: 'long' } }));
    const house = createSettingsService(conf(dir)).get().house;
    expect(house.providerName).toBe('Tazpit Press Service');
    expect(house.headlineMaxLength).toBe(100);
    expect(house.desks).toEqual(DEFAULT_HOUSE.desks);
  });

  it('changes one house rule and keeps the others, in the file', () => {
    const dir = tempDir();
    const service = createSettingsService(conf(dir));
    service.update({ house: { providerName: 'Tazpit Press Service', copyrightHolder: 'TPS' } });
    service.update({ house: { desks: ['News', 'Sport'] } });
    const again = createSettingsService(conf(dir)).get().house;
    expect(again).toEqual({ ...DEFAULT_HOUSE, providerName: 'Tazpit Press Service', copyrightHolder: 'TPS', desks: ['News', 'Sport'] });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).house.providerName).toBe('Tazpit Press Service');
  });

  it('refuses a headline limit above the schema ceiling and an empty provider, writing nothing', () => {
    const dir = tempDir();
    const service = createSettingsService(conf(dir));
    expect(() => service.update({ house: { headlineMaxLength: 501 } })).toThrow(/at most 500/);
    expect(() => service.update({ house: { providerName: '  ' } })).toThrow(/provider needs a name/);
    expect(() => settingsPatchSchema.parse({ house: { unknownRule: 1 } })).toThrow();
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
  });
});
