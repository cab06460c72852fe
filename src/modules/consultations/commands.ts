import { sql } from 'kysely';
import {
  type Actor,
  accessLevelName,
  actorLabel,
  classificationOf,
  type Person,
  personFromRow,
} from '../../core/actor.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { ConsultationRow } from '../../db/schema-consultations.ts';
import { authorize } from '../../policy/index.ts';
import { getPresidency } from '../directory/index.ts';
import { appendEntry, sha256Hex } from '../ledger/index.ts';
import { audienceOf, consultationSubject, type LoadedConsultation, loadConsultation } from './load.ts';
import { notifyConcluded, notifyMessage, notifyPoint } from './notify.ts';
import { convenes } from './policy.ts';
import type { MessageInput, OpenConsultationInput } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The next reference of the year: "CN-2026-0001". */
async function nextReference(trx: Db, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const result = await sql<{ last_number: number }>`
    insert into consultation_numbers (year, last_number) values (${year}, 1)
    on conflict (year) do update set last_number = consultation_numbers.last_number + 1
    returning last_number`.execute(trx);
  return `CN-${year}-${String(result.rows[0].last_number).padStart(4, '0')}`;
}

/** A person named by id or username, enabled; 400 naming the field otherwise. */
async function findPerson(trx: Db, ref: string, field: string): Promise<Person> {
  const row = await trx
    .selectFrom('users')
    .selectAll()
    .where((eb) => (UUID.test(ref) ? eb('id', '=', ref) : eb('username', '=', ref)))
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw invalid(field, `${ref} is not an active person`);
  return personFromRow(row);
}

/** A person's access level must reach the consultation's classification, or they could not read it. */
function checkLevel(person: Person, classification: number, field: string) {
  if (person.accessLevel < classification)
    throw invalid(
      field,
      `${person.username}'s access level (${accessLevelName(person.accessLevel)}) is below the classification (${accessLevelName(classification)})`,
    );
}

const speaksFor = (actor: Actor) =>
  actor.kind === 'person' && actor.affiliation === 'delegation' ? actor.stateCode : null;

/** The person acting: the console may convene and chair, but writes no words of its own. */
function author(actor: Actor, field: string): Person {
  if (actor.kind !== 'person') throw invalid(field, 'is written by a person (name one with --as)');
  return actor;
}

/** Writes the consultation's record entry: sealed to its participants, at its classification. */
const record = (
  trx: Db,
  actor: Actor,
  loaded: LoadedConsultation,
  entry: Pick<Parameters<typeof appendEntry>[2], 'action' | 'payload'>,
  at: Date,
) =>
  appendEntry(trx, actor, {
    ...entry,
    subjectType: 'consultation',
    subjectId: loaded.row.id,
    classification: loaded.row.classification,
    audience: audienceOf(loaded.subject),
    at,
  } as Parameters<typeof appendEntry>[2]);

async function touch(trx: Db, id: string, now: Date) {
  await trx.updateTable('consultations').set({ updated_at: now }).where('id', '=', id).execute();
}

/** Once concluded or closed, nothing in a consultation changes: 409 to those who read it (before the 403 of a rule). */
export function checkOpen(row: ConsultationRow) {
  if (row.status !== 'open')
    throw conflict(`the consultation is ${row.status}: it no longer changes`, 'status');
}

/**
 * Convenes a consultation: the secretariat or the presidency's head of delegation brings two
 * or more member states together with a facilitator (a secretariat person or the
 * presidency's head of delegation) and, if wished, more secretariat staff. Everyone named must
 * be able to read it (access level at least its classification).
 */
export async function openConsultation(
  trx: Db,
  actor: Actor,
  input: OpenConsultationInput,
  now = new Date(),
): Promise<LoadedConsultation> {
  const presidency = (await getPresidency(trx))?.state.code ?? null;
  authorize(actor, 'open', 'consultations', { presidency }, 'consultation');
  const classification = classificationOf(input.classification);
  if (actor.kind === 'person' && actor.accessLevel < classification)
    throw invalid('classification', 'is above your own access level');
  const states = await trx
    .selectFrom('member_states')
    .select('code')
    .where('code', 'in', input.participants)
    .execute();
  const known = new Set(states.map((s) => s.code.trim()));
  input.participants.forEach((code, i) => {
    if (!known.has(code)) throw invalid(`participants.${i}`, `${code} is not a member state`);
  });
  const facilitator = await findPerson(trx, input.facilitator, 'facilitator');
  if (facilitator.role === 'observer' || !convenes(facilitator, { presidency }))
    throw invalid('facilitator', "must be a secretariat person or the presidency's head of delegation");
  checkLevel(facilitator, classification, 'facilitator');
  const staff: Person[] = [];
  for (const [i, ref] of input.staff.entries()) {
    const person = await findPerson(trx, ref, `staff.${i}`);
    if (person.affiliation !== 'secretariat' || person.role === 'observer')
      throw invalid(`staff.${i}`, `${person.username} is not of the secretariat`);
    checkLevel(person, classification, `staff.${i}`);
    if (!staff.some((s) => s.id === person.id)) staff.push(person);
  }
  const convener = actor.kind === 'person' ? actor : facilitator;
  const row = await trx
    .insertInto('consultations')
    .values({
      reference: await nextReference(trx, now),
      title: input.title,
      purpose: input.purpose,
      classification,
      convened_by: convener.id,
      facilitator: facilitator.id,
      alert_ref: input.alert,
      region_code: input.region,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const codes = [...input.participants].sort();
  await trx
    .insertInto('consultation_participants')
    .values(codes.map((state_code) => ({ consultation_id: row.id, state_code })))
    .execute();
  const staffIds = staff.map((s) => s.id).filter((id) => id !== convener.id && id !== facilitator.id);
  if (staffIds.length)
    await trx
      .insertInto('consultation_staff')
      .values(staffIds.map((user_id) => ({ consultation_id: row.id, user_id })))
      .execute();
  if (input.agenda.length)
    await trx
      .insertInto('consultation_agenda_items')
      .values(
        input.agenda.map((text, i) => ({
          consultation_id: row.id,
          position: i + 1,
          text,
          added_by_label: actorLabel(actor),
          created_at: now,
        })),
      )
      .execute();
  const loaded = { row, subject: consultationSubject(row, codes, [...staffIds].sort()) };
  await record(
    trx,
    actor,
    loaded,
    {
      action: 'consultation.opened',
      payload: {
        reference: row.reference,
        title: row.title,
        states: codes,
        facilitator: facilitator.id,
        staff: loaded.subject.staff,
        agenda: input.agenda,
        alert: input.alert,
        region: input.region,
      },
    },
    now,
  );
  return loaded;
}

/** Loads an open consultation FOR UPDATE for one of its changes: 404 unread, 409 ended, 403 not allowed. */
async function openFor(trx: Db, actor: Actor, id: string, action: string) {
  const loaded = await loadConsultation(trx, actor, id, { forUpdate: true });
  checkOpen(loaded.row);
  authorize(actor, action, 'consultation', loaded.subject, 'consultation');
  return loaded;
}

/** A participant writes in an open consultation. Never edited: a correction is a new message. */
export async function postMessage(trx: Db, actor: Actor, id: string, input: MessageInput, now = new Date()) {
  const loaded = await openFor(trx, actor, id, 'message');
  const person = author(actor, 'body');
  const message = await trx
    .insertInto('consultation_messages')
    .values({
      consultation_id: id,
      author_id: person.id,
      author_label: person.displayName,
      author_state: speaksFor(person),
      body: input.body,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await touch(trx, id, now);
  await record(
    trx,
    actor,
    loaded,
    {
      action: 'consultation.message_posted',
      payload: {
        reference: loaded.row.reference,
        messageId: message.id,
        state: speaksFor(person),
        bodySha256: sha256Hex(input.body),
        length: input.body.length,
      },
    },
    now,
  );
  await notifyMessage(trx, actor, loaded, message, now);
  return message;
}

/** The place after the last agenda item or point of a consultation. */
async function nextPosition(trx: Db, table: 'consultation_agenda_items' | 'consultation_points', id: string) {
  const last = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('position'))
    .where('consultation_id', '=', id)
    .executeTakeFirst();
  return Number(last?.position ?? 0) + 1;
}

/** The convener or facilitator adds an item at the end of the agenda. */
export async function addAgendaItem(trx: Db, actor: Actor, id: string, text: string, now = new Date()) {
  const loaded = await openFor(trx, actor, id, 'manageAgenda');
  const position = await nextPosition(trx, 'consultation_agenda_items', id);
  const item = await trx
    .insertInto('consultation_agenda_items')
    .values({
      consultation_id: id,
      position,
      text,
      added_by_label: actorLabel(actor),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await touch(trx, id, now);
  await record(
    trx,
    actor,
    loaded,
    {
      action: 'consultation.agenda_item_added',
      payload: { reference: loaded.row.reference, itemId: item.id, position: item.position, text },
    },
    now,
  );
  return item;
}

/** The convener or facilitator marks an agenda item dealt with (409 if it already is). */
export async function completeAgendaItem(
  trx: Db,
  actor: Actor,
  id: string,
  itemId: string,
  now = new Date(),
) {
  const loaded = await openFor(trx, actor, id, 'manageAgenda');
  const item = await trx
    .selectFrom('consultation_agenda_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('consultation_id', '=', id)
    .executeTakeFirst();
  if (!item) throw notFound('agenda item');
  if (item.status === 'done') throw conflict('the agenda item is already done', 'status');
  const done = await trx
    .updateTable('consultation_agenda_items')
    .set({ status: 'done', done_at: now })
    .where('id', '=', itemId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await touch(trx, id, now);
  await record(
    trx,
    actor,
    loaded,
    {
      action: 'consultation.agenda_item_done',
      payload: { reference: loaded.row.reference, itemId, position: item.position },
    },
    now,
  );
  return done;
}

/** A participant puts a point to the states for their agreement. */
export async function proposePoint(trx: Db, actor: Actor, id: string, text: string, now = new Date()) {
  const loaded = await openFor(trx, actor, id, 'proposePoint');
  const person = author(actor, 'text');
  const position = await nextPosition(trx, 'consultation_points', id);
  const point = await trx
    .insertInto('consultation_points')
    .values({
      consultation_id: id,
      position,
      text,
      proposed_by_label: person.displayName,
      proposed_by_state: speaksFor(person),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await touch(trx, id, now);
  await record(
    trx,
    actor,
    loaded,
    {
      action: 'consultation.point_proposed',
      payload: {
        reference: loaded.row.reference,
        pointId: point.id,
        position: point.position,
        text,
        state: speaksFor(person),
      },
    },
    now,
  );
  await notifyPoint(trx, actor, loaded, point, now);
  return point;
}

/**
 * The caller's state agrees to a point (its head of delegation or point of contact speaks for
 * it), once: 409 if the state already has. The point is agreed when every participating state
 * has agreed.
 */
export async function agreePoint(trx: Db, actor: Actor, id: string, pointId: string, now = new Date()) {
  const loaded = await openFor(trx, actor, id, 'agreePoint');
  const state = speaksFor(actor)!;
  const point = await trx
    .selectFrom('consultation_points')
    .selectAll()
    .where('id', '=', pointId)
    .where('consultation_id', '=', id)
    .executeTakeFirst();
  if (!point) throw notFound('point');
  if (point.agreed_by.includes(state)) throw conflict(`${state} has already agreed to this point`, 'state');
  const agreedBy = [...point.agreed_by, state].sort();
  const agreed = loaded.subject.states.every((s) => agreedBy.includes(s));
  const updated = await trx
    .updateTable('consultation_points')
    .set({ agreed_by: agreedBy, agreed_at: agreed ? now : null })
    .where('id', '=', pointId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await touch(trx, id, now);
  await record(
    trx,
    actor,
    loaded,
    {
      action: 'consultation.point_agreed',
      payload: { reference: loaded.row.reference, pointId, position: point.position, state, agreed },
    },
    now,
  );
  return updated;
}

/** The points every participating state agreed to, in order. */
export async function agreedPoints(db: Db, loaded: LoadedConsultation) {
  return db
    .selectFrom('consultation_points')
    .selectAll()
    .where('consultation_id', '=', loaded.row.id)
    .where('agreed_at', 'is not', null)
    .orderBy('position')
    .execute();
}

/** The convener or facilitator concludes the talks with an outcome; only agreed points go with it. */
export async function concludeConsultation(
  trx: Db,
  actor: Actor,
  id: string,
  outcome: string,
  now = new Date(),
) {
  const loaded = await openFor(trx, actor, id, 'conclude');
  const points = await agreedPoints(trx, loaded);
  const row = await trx
    .updateTable('consultations')
    .set({ status: 'concluded', outcome, concluded_at: now, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = { row, subject: { ...loaded.subject, status: row.status } };
  await record(
    trx,
    actor,
    after,
    {
      action: 'consultation.concluded',
      payload: {
        reference: row.reference,
        outcome,
        points: points.map((p) => ({ position: p.position, text: p.text })),
      },
    },
    now,
  );
  await notifyConcluded(trx, actor, after, now);
  return after;
}

/** The convener or facilitator ends the talks without an outcome, saying why. */
export async function closeConsultation(trx: Db, actor: Actor, id: string, reason: string, now = new Date()) {
  const loaded = await openFor(trx, actor, id, 'close');
  const row = await trx
    .updateTable('consultations')
    .set({ status: 'closed', close_reason: reason, concluded_at: now, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = { row, subject: { ...loaded.subject, status: row.status } };
  await record(
    trx,
    actor,
    after,
    { action: 'consultation.closed', payload: { reference: row.reference, reason } },
    now,
  );
  return after;
}
