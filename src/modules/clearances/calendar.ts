import type { Person } from '../../core/actor.ts';
import type { CalendarEvent } from '../../core/module.ts';
import type { Db } from '../../db/connect.ts';
import type { Locale } from '../../db/schema.ts';
import { clearanceRequestsVisibleTo } from '../../policy/scopes.ts';
import { decidesForState, memberState } from './attention.ts';

const WORDS: Record<Locale, (reference: string, state: string, title: string) => string> = {
  en: (reference, state, title) => `Clearance ${reference}: ${state} decision due: ${title}`,
  ru: (reference, state, title) => `Разрешение ${reference}: срок решения ${state}: ${title}`,
};

/**
 * The clearances module's part of a person's calendar feed: the open legs their state must
 * decide (for those who decide for it), each at the instant its window closes. A paused leg
 * has no running window and is left out until the requester answers; an amendment that
 * re-opens a leg makes a new version of the event.
 */
export async function clearancesCalendar(db: Db, person: Person): Promise<CalendarEvent[]> {
  const state = memberState(person);
  if (!state) return [];
  const legs = await db
    .selectFrom('clearance_legs')
    .innerJoin('clearance_requests', 'clearance_requests.id', 'clearance_legs.request_id')
    .select([
      'clearance_legs.id',
      'clearance_legs.request_id',
      'clearance_legs.version',
      'clearance_legs.due_at',
      'clearance_requests.reference',
      'clearance_requests.title',
    ])
    .where(clearanceRequestsVisibleTo(person))
    .where('clearance_requests.status', '=', 'pending')
    .where('clearance_legs.state_code', '=', state)
    .where('clearance_legs.status', '=', 'pending')
    .where('clearance_legs.due_at', 'is not', null)
    .where(decidesForState(person, state))
    .orderBy('clearance_legs.due_at')
    .orderBy('clearance_legs.id')
    .execute();
  return legs.map((leg) => ({
    uid: `clearance-leg-${leg.id}`,
    start: leg.due_at!,
    sequence: leg.version,
    summary: WORDS[person.locale](leg.reference, state, leg.title),
    path: `/clearances/${leg.request_id}`,
  }));
}
