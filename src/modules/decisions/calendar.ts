import type { Person } from '../../core/actor.ts';
import type { CalendarEvent } from '../../core/module.ts';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../db/schema.ts';
import { proposalsVisibleTo } from '../../policy/index.ts';

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

const ENDS: Record<Locale, string> = { en: 'ends', ru: 'завершается' };

/**
 * The decisions module's part of a person's calendar feed: every open procedure with a
 * deadline on a proposal the person may read (which includes every one they may answer).
 * The UID is stable per procedure; a deadline moved once (a written procedure extended)
 * supersedes the first event.
 */
export async function decisionsCalendar(db: Db, person: Person): Promise<CalendarEvent[]> {
  const procedures = await db
    .selectFrom('procedures')
    .innerJoin('proposals', 'proposals.id', 'procedures.proposal_id')
    .select([
      'procedures.id',
      'procedures.proposal_id',
      'procedures.kind',
      'procedures.deadline',
      'procedures.extended',
      'proposals.title',
    ])
    .where('procedures.status', '=', 'open')
    .where('procedures.deadline', 'is not', null)
    .where(proposalsVisibleTo(person))
    .orderBy('procedures.deadline')
    .orderBy('procedures.id')
    .execute();
  return procedures.map((p) => ({
    uid: `procedure-${p.id}`,
    start: p.deadline!,
    sequence: p.extended ? 1 : 0,
    summary: `${KIND_NAMES[person.locale][p.kind] ?? p.kind} ${ENDS[person.locale]}: ${p.title}`,
    path: `/proposals/${p.proposal_id}`,
  }));
}
