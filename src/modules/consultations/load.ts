import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { ConsultationRow } from '../../db/schema-consultations.ts';
import { authorize } from '../../policy/index.ts';
import { SEALED } from '../../policy/predicates.ts';
import type { ConsultationSubject } from './policy.ts';

export interface LoadedConsultation {
  row: ConsultationRow;
  subject: ConsultationSubject;
}

/** The consultation as the rules see it, from its row and its participants. */
export const consultationSubject = (
  row: ConsultationRow,
  states: string[],
  staff: string[],
): ConsultationSubject => ({
  status: row.status,
  classification: row.classification,
  states,
  convened_by: row.convened_by,
  facilitator: row.facilitator,
  staff,
  proposal_id: row.proposal_id,
});

/**
 * Loads a consultation (FOR UPDATE when writing): 404 when it does not exist or the actor
 * may not read it, so that nobody outside learns it exists.
 */
export async function loadConsultation(
  db: Db,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedConsultation> {
  let query = db.selectFrom('consultations').selectAll().where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('consultation');
  const states = await db
    .selectFrom('consultation_participants')
    .select('state_code')
    .where('consultation_id', '=', id)
    .orderBy('state_code')
    .execute();
  const staff = await db
    .selectFrom('consultation_staff')
    .select('user_id')
    .where('consultation_id', '=', id)
    .orderBy('user_id')
    .execute();
  const subject = consultationSubject(
    row,
    states.map((s) => s.state_code.trim()),
    staff.map((s) => s.user_id),
  );
  authorize(actor, 'read', 'consultation', subject, 'consultation');
  return { row, subject };
}

/**
 * Who reads a consultation's record entries: its states, and by name its convener,
 * facilitator and staff; sealed, so that neither the rest of the secretariat nor observers do.
 */
export const audienceOf = (s: ConsultationSubject): string[] => [
  ...s.states,
  ...[...new Set([s.convened_by, s.facilitator, ...s.staff])].map((id) => `user:${id}`),
  SEALED,
];
