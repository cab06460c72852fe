import type { Locale } from '../../db/schema.ts';

// Deadlines are instants (UTC). People read them as wall time in a zone: their own, their
// state's, the organisation's reference zone. These helpers turn an instant into that wall
// time with the IANA rules of the zone (Intl, the same API the web UI formats with), so a
// daylight-saving change moves the wall time, never the instant.

const numericParts = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = numericParts.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    numericParts.set(zone, format);
  }
  return format;
}

/** An instant as a clock on the wall of a zone shows it. */
export interface WallTime {
  /** "2026-03-29" */
  date: string;
  /** "04:30" */
  time: string;
  /** Minutes east of UTC at that instant: 180 for UTC+03:00. */
  offsetMinutes: number;
  /** "+03:00" */
  offset: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The wall time of an instant in an IANA zone, with the zone's offset at that instant.
 *
 * @example wallTime(new Date('2026-03-29T01:00:00Z'), 'Europe/Vilnius') // { date: '2026-03-29', time: '04:00', offset: '+03:00', … }
 */
export function wallTime(at: Date, zone: string): WallTime {
  const parts = Object.fromEntries(
    partsFormat(zone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const [year, month, day, hour, minute, second] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map(
    (k) => Number(parts[k]),
  );
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offsetMinutes = Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return {
    date: `${year}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
    offsetMinutes,
    offset: `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
  };
}

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU' };

/**
 * An instant for people, in a zone: "29 Mar 2026, 04:30 (Europe/Vilnius, UTC+03:00)". The
 * date and time are formatted as the web UI formats them (day, short month, year, 24-hour time).
 */
export function formatInZone(at: Date, zone: string, locale: Locale = 'en'): string {
  const text = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${text} (${zone}, UTC${wallTime(at, zone).offset})`;
}
