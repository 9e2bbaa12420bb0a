/**
 * An embargo is an instant kept with the IANA zone it was set in. People type and read it as a
 * wall-clock time in that zone, so the panel converts both ways with the platform's own time-zone
 * data (Intl), and shows it again in the reader's zone with a countdown.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** How far `zone`'s clocks are ahead of UTC at `instant` (ms). */
export function zoneOffsetMs(zone: string, instant: number): number {
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  const parts = partsFormatter(zone).formatToParts(new Date(whole));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - whole;
}

/** "2026-05-01T14:00" as read on a clock in `zone` → the instant (ISO, UTC). Null when not a time. */
export function wallClockToInstant(wall: string, zone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wall)) return null;
  const asUtc = Date.parse(`${wall}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  // Two passes: the offset at the first guess may differ from the offset at the answer (DST).
  const first = asUtc - zoneOffsetMs(zone, asUtc);
  const second = asUtc - zoneOffsetMs(zone, first);
  return new Date(second).toISOString();
}

/** The instant as a clock in `zone` shows it, in the form a datetime-local field takes. */
export function instantToWallClock(iso: string, zone: string): string {
  const t = Date.parse(iso);
  return new Date(t + zoneOffsetMs(zone, t)).toISOString().slice(0, 16);
}

/** "Tue 18 Apr 2023, 14:00 GMT+3" in the given zone, in the reader's locale. */
export function formatInZone(iso: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Just the clock time in `zone`, on the 24-hour clock the wire uses: "14:00". */
export function clockInZone(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "lifts in 2 d 3 h", "lifts in 45 min", "lifted 3 h ago". */
export function embargoCountdown(iso: string, now: number): string {
  const diff = Date.parse(iso) - now;
  const span = duration(Math.abs(diff));
  return diff > 0 ? `lifts in ${span}` : `lifted ${span} ago`;
}

function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** The zone this computer's clock is set to. */
export function readerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA zone the platform knows, UTC first. */
export function timeZones(): readonly string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((z) => z !== 'UTC')];
}
