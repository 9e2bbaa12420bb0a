/**
 * The metadata panel's pure helpers: embargo wall-clock ↔ instant in IANA zones (across daylight
 * saving), the countdown, the dateline's house style per language, and the house rules read from
 * settings (defaults until `settings.house` exists).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings.ts';
import { houseRules } from '../../src/renderer/src/features/metadata/house.ts';
import { clockInZone, embargoCountdown, instantToWallClock, wallClockToInstant, zoneOffsetMs } from '../../src/renderer/src/features/metadata/zonedTime.ts';

describe('embargo times in IANA zones', () => {
  it('knows the offset on both sides of a daylight-saving change', () => {
    expect(zoneOffsetMs('Europe/London', Date.parse('2030-01-15T12:00:00Z'))).toBe(0);
    expect(zoneOffsetMs('Europe/London', Date.parse('2030-07-15T12:00:00Z'))).toBe(3_600_000);
    expect(zoneOffsetMs('Asia/Jerusalem', Date.parse('2030-05-01T12:00:00Z'))).toBe(3 * 3_600_000);
    expect(zoneOffsetMs('America/New_York', Date.parse('2030-01-15T12:00:00Z'))).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs('UTC', Date.parse('2030-01-15T12:34:56.789Z'))).toBe(0);
  });

  it('turns a clock time in a zone into the instant, and back', () => {
    expect(wallClockToInstant('2030-05-01T14:00', 'Asia/Jerusalem')).toBe('2030-05-01T11:00:00.000Z');
    expect(wallClockToInstant('2030-01-10T09:30', 'America/New_York')).toBe('2030-01-10T14:30:00.000Z');
    expect(wallClockToInstant('2030-07-10T09:30', 'America/New_York')).toBe('2030-07-10T13:30:00.000Z');
    expect(instantToWallClock('2030-05-01T11:00:00.000Z', 'Europe/London')).toBe('2030-05-01T12:00');
    expect(instantToWallClock('2030-05-01T11:00:00.000Z', 'Asia/Kolkata')).toBe('2030-05-01T16:30');
    // Round trip on the day clocks go back in London (a time after the change).
    expect(instantToWallClock(wallClockToInstant('2030-10-27T03:00', 'Europe/London')!, 'Europe/London')).toBe('2030-10-27T03:00');
  });

  it('refuses what is not a clock time', () => {
    expect(wallClockToInstant('', 'UTC')).toBeNull();
    expect(wallClockToInstant('2030-05-01', 'UTC')).toBeNull();
    expect(wallClockToInstant('tomorrow at ten', 'UTC')).toBeNull();
  });

  it('shows the clock on 24 hours and counts down or since', () => {
    expect(clockInZone('2030-05-01T11:00:00.000Z', 'Europe/London')).toBe('12:00');
    const now = Date.parse('2030-05-01T08:00:00Z');
    expect(embargoCountdown('2030-05-01T11:00:00Z', now)).toBe('lifts in 3 h');
    expect(embargoCountdown('2030-05-01T08:45:00Z', now)).toBe('lifts in 45 min');
    expect(embargoCountdown('2030-05-04T10:00:00Z', now)).toBe('lifts in 3 d 2 h');
    expect(embargoCountdown('2030-05-01T06:30:00Z', now)).toBe('lifted 1 h 30 min ago');
  });
});


describe('house rules', () => {
  it('come from the settings’ house section (defaults until the newsroom sets them)', () => {
    expect(houseRules(null)).toEqual({ sluglineLimit: 40, headlineLimit: 100, desks: DEFAULT_SETTINGS.house.desks });
    const settings = { ...DEFAULT_SETTINGS, house: { ...DEFAULT_SETTINGS.house, sluglineMaxLength: 24, headlineMaxLength: 70, desks: ['Metro', 'Sport'] } };
    expect(houseRules(settings)).toEqual({ sluglineLimit: 24, headlineLimit: 70, desks: ['Metro', 'Sport'] });
  });
});
