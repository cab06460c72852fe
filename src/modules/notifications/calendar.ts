import ical from 'ical-generator';
import type { CalendarEvent } from '../../core/module.ts';
import type { Locale } from '../../db/schema.ts';
import { formatInZone } from './time.ts';

const WORDS: Record<Locale, { deadline: string; open: string; calendar: string }> = {
  en: { deadline: 'Deadline', open: 'Open in Accord', calendar: 'Accord: open deadlines' },
  ru: { deadline: 'Срок', open: 'Открыть в Accord', calendar: 'Accord: открытые сроки' },
};

export interface CalendarOptions {
  /** Where the server is reached, for links back to each subject ("https://accord.example.org"). */
  origin: string;
  locale: Locale;
  /** The organisation's reference zone, and the reader's state's zone when they have one. */
  zones: string[];
  /** Who runs this server, for PRODID. */
  name?: string;
}

/**
 * An iCalendar document (RFC 5545) of open deadlines, one VEVENT per deadline the modules
 * contribute (`calendar` in each module's index.ts): DTSTART is the deadline as a UTC instant
 * (`…Z`), the UID is stable per subject (a calendar app updates the event when the deadline
 * moves), the summary is the module's line, the description shows the deadline in the
 * reference zones and links back to Accord.
 */
export function buildCalendar(events: CalendarEvent[], opts: CalendarOptions): string {
  const words = WORDS[opts.locale];
  const calendar = ical({
    name: words.calendar,
    prodId: {
      company: 'Accord',
      product: opts.name ?? 'Accord deadlines',
      language: opts.locale.toUpperCase(),
    },
    // Calendar apps that honour it look again every 15 minutes.
    ttl: 15 * 60,
  });
  const zones = [...new Set(opts.zones)];
  for (const e of events) {
    const url = `${opts.origin}${e.path}`;
    calendar.createEvent({
      id: `${e.uid}@accord`,
      sequence: e.sequence,
      start: e.start,
      summary: e.summary,
      description: [
        ...zones.map((zone) => `${words.deadline}: ${formatInZone(e.start, zone, opts.locale)}`),
        `${words.open}: ${url}`,
      ].join('\n'),
      url,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; the library leaves it off.
  return `${calendar.toString()}\r\n`;
}
