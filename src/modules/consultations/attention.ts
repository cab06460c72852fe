import type { Person } from '../../core/actor.ts';
import type { AttentionItem } from '../../core/module.ts';
import type { Db } from '../../db/connect.ts';
import { consultationsVisibleTo } from './policy.ts';

/** At most this many lines: the home page is a summary. */
const LIMIT = 100;

/**
 * What waits on a person in consultations (home page): the points of open consultations their
 * state has not agreed to yet, for those who agree for it (its head of delegation or point of
 * contact). Scoped by `consultationsVisibleTo`, so nobody outside sees a line of it.
 */
export async function consultationsAttention(db: Db, person: Person): Promise<AttentionItem[]> {
  const state = person.affiliation === 'delegation' && person.role !== 'observer' ? person.stateCode : null;
  if (!state || (person.role !== 'head_of_delegation' && person.role !== 'point_of_contact')) return [];
  const rows = await db
    .selectFrom('consultation_points')
    .innerJoin('consultations', 'consultations.id', 'consultation_points.consultation_id')
    .select([
      'consultations.id',
      'consultations.reference',
      'consultations.title',
      'consultation_points.position',
      'consultation_points.created_at',
    ])
    .where(consultationsVisibleTo(person))
    .where('consultations.status', '=', 'open')
    .where('consultation_points.agreed_at', 'is', null)
    .where((eb) => eb.not(eb(eb.val(state), '=', eb.fn.any('consultation_points.agreed_by'))))
    .orderBy('consultation_points.created_at')
    .limit(LIMIT)
    .execute();
  return rows.map((r) => ({
    kind: 'consultations.point_to_agree',
    subjectType: 'consultation',
    subjectId: r.id,
    title: `${r.reference} ${r.title}`,
    path: `/consultations/${r.id}`,
    at: new Date(r.created_at).toISOString(),
    details: { state, reference: r.reference, number: r.position },
  }));
}
