import ical from 'ical-generator';
import type { Locale } from '../../db/schema.ts';
import type { FeedEvent } from './queries.ts';
import { formatInZone } from './time.ts';

const KIND_NAMES: Record<Locale, Record<string, string>> = {
  en: {
    meeting_consensus: 'Consensus at a meeting',
    silence: 'Silence procedure',
    written: 'Written procedure',
    unanimity: 'Unanimity vote',
    qualified_majority: 'Qualified majority vote',
  },
  ru: {
    meeting_consensus: 'Консенсус на заседании',
    silence: 'Процедура умолчания',
    written: 'Письменная процедура',
    unanimity: 'Голосование единогласием',
    qualified_majority: 'Голосование квалифицированным большинством',
  },
};

const WORDS: Record<Locale, { ends: string; deadline: string; open: string; calendar: string }> = {
  en: { ends: 'ends', deadline: 'Deadline', open: 'Open in Accord', calendar: 'Accord: open deadlines' },
  ru: { ends: 'завершается', deadline: 'Срок', open: 'Открыть в Accord', calendar: 'Accord: открытые сроки' },
};

export interface CalendarOptions {
  /** Where the server is reached, for links back to each proposal ("https://accord.example.org"). */
  origin: string;
  locale: Locale;
  /** The organisation's reference zone, and the reader's state's zone when they have one. */
  zones: string[];
  /** Who runs this server, for PRODID. */
  name?: string;
}

/**
 * An iCalendar document (RFC 5545) of open deadlines, one VEVENT per procedure: DTSTART is
 * the deadline as a UTC instant (`…Z`), the UID is stable per procedure (a calendar app
 * updates the event when the deadline moves), the summary names the procedure kind and
 * the proposal, the description shows the deadline in the reference zones.
 */
export function buildCalendar(events: FeedEvent[], opts: CalendarOptions): string {
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
    const url = `${opts.origin}/proposals/${e.proposalId}`;
    const kindName = KIND_NAMES[opts.locale][e.kind] ?? e.kind;
    calendar.createEvent({
      id: `procedure-${e.procedureId}@accord`,
      // A deadline moved once (written procedure, extended) supersedes the first one.
      sequence: e.extended ? 1 : 0,
      start: e.deadline,
      summary: `${kindName} ${words.ends}: ${e.title}`,
      description: [
        ...zones.map((zone) => `${words.deadline}: ${formatInZone(e.deadline, zone, opts.locale)}`),
        `${words.open}: ${url}`,
      ].join('\n'),
      url,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; the library leaves it off.
  return `${calendar.toString()}\r\n`;
}
