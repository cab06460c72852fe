import { sql } from 'kysely';
import type { Person } from '../../core/actor.ts';
import type { AttentionItem } from '../../core/module.ts';
import type { Db } from '../../db/connect.ts';
import { hotlineMessagesVisibleTo } from './policy.ts';
import { hotlinePath } from './record-subjects.ts';

/** At most this many lines: the home page is a summary, the hotline lists the rest. */
const LIMIT = 100;

/**
 * The hotline's part of the home page: messages the other side sent that the person's side has
 * not acknowledged, for whoever speaks for that side (its designated contacts and its head),
 * soonest due first (overdue and escalated ones included: they still wait). Scoped by
 * `hotlineMessagesVisibleTo`, one query.
 */
export async function hotlineAttention(db: Db, person: Person): Promise<AttentionItem[]> {
  const state = person.affiliation === 'delegation' && person.role !== 'observer' ? person.stateCode : null;
  if (!state) return [];
  const rows = await db
    .selectFrom('hotline_messages')
    .innerJoin('hotlines', 'hotlines.id', 'hotline_messages.hotline_id')
    .select([
      'hotline_messages.id',
      'hotline_messages.from_state',
      'hotline_messages.urgency',
      'hotline_messages.due_at',
      'hotline_messages.escalated_at',
      'hotlines.code',
      sql<string>`left(hotline_messages.body, 80)`.as('opening'),
    ])
    .where(hotlineMessagesVisibleTo(person))
    .where('hotline_messages.acknowledged_at', 'is', null)
    .where('hotline_messages.from_state', '<>', state)
    .where((eb) => eb.or([eb('hotlines.state_a', '=', state), eb('hotlines.state_b', '=', state)]))
    .orderBy('hotline_messages.due_at')
    .limit(LIMIT)
    .execute();
  return rows.map((r) => ({
    kind: 'hotline.to_acknowledge',
    subjectType: 'hotline_message',
    subjectId: r.id,
    title: `${r.code}: ${r.opening}`,
    path: hotlinePath(r.code),
    dueAt: new Date(r.due_at).toISOString(),
    details: {
      state: r.from_state.trim(),
      hotline: r.code,
      urgent: r.urgency === 'urgent',
      escalated: r.escalated_at !== null,
    },
  }));
}
