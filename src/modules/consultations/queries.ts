import { sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { invalid } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { ConsultationStatus } from '../../db/schema-consultations.ts';
import { listAttachments } from '../attachments/index.ts';
import { loadConsultation } from './load.ts';
import { consultationsVisibleTo } from './policy.ts';

/**
 * The consultations the actor takes part in, the most recently active first, with their
 * states and their facilitator (`facilitatorPerson`, as a summary shows it).
 */
export async function listConsultations(db: Db, actor: Actor, query: { status?: ConsultationStatus }) {
  let q = db
    .selectFrom('consultations')
    .innerJoin('users as facilitators', 'facilitators.id', 'consultations.facilitator')
    .selectAll('consultations')
    .select(['facilitators.display_name as facilitator_name', 'facilitators.state_code as facilitator_state'])
    .select((eb) =>
      eb
        .selectFrom('consultation_participants')
        .select(sql<string[]>`array_agg(trim(state_code) order by state_code)`.as('states'))
        .whereRef('consultation_participants.consultation_id', '=', 'consultations.id')
        .as('states'),
    )
    .where(consultationsVisibleTo(actor));
  if (query.status) q = q.where('consultations.status', '=', query.status);
  const rows = await q
    .orderBy('consultations.updated_at', 'desc')
    .orderBy('consultations.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    ...r,
    facilitatorPerson: {
      id: r.facilitator,
      name: r.facilitator_name,
      state: r.facilitator_state?.trim() ?? null,
    },
  }));
}

/** One consultation with its agenda, points, people and documents; 404 unless the actor takes part. */
export async function getConsultation(db: Db, actor: Actor, id: string) {
  const loaded = await loadConsultation(db, actor, id);
  const agenda = await db
    .selectFrom('consultation_agenda_items')
    .selectAll()
    .where('consultation_id', '=', id)
    .orderBy('position')
    .execute();
  const points = await db
    .selectFrom('consultation_points')
    .selectAll()
    .where('consultation_id', '=', id)
    .orderBy('position')
    .execute();
  const ids = [loaded.row.convened_by, loaded.row.facilitator, ...loaded.subject.staff];
  const people = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'state_code'])
    .where('id', 'in', ids)
    .execute();
  const attachments = await listAttachments(db, 'consultation', id);
  return {
    ...loaded,
    agenda,
    points,
    people: new Map(people.map((p) => [p.id, { name: p.display_name, state: p.state_code?.trim() ?? null }])),
    attachments,
  };
}
export type ConsultationDetail = Awaited<ReturnType<typeof getConsultation>>;

const cursorOf = (row: { created_at: Date; id: string }) =>
  Buffer.from(`${new Date(row.created_at).toISOString()}|${row.id}`).toString('base64url');
function parseCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id))
    throw invalid('before', 'is not a cursor this list gave');
  return { at: new Date(at), id };
}

/** A page of a consultation's messages, newest first; `next` is the cursor of the following page. */
export async function listMessages(
  db: Db,
  actor: Actor,
  id: string,
  query: { before?: string; limit: number },
) {
  await loadConsultation(db, actor, id);
  let q = db.selectFrom('consultation_messages').selectAll().where('consultation_id', '=', id);
  if (query.before) {
    const c = parseCursor(query.before);
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', c.at), eb.and([eb('created_at', '=', c.at), eb('id', '<', c.id)])]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return { rows: page, next: rows.length > query.limit ? cursorOf(page.at(-1)!) : null };
}
