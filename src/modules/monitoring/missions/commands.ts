import { sql } from 'kysely';
import { type Actor, actorLabel, classificationOf } from '../../../core/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { ObservationMissionRow } from '../../../db/schema-reports.ts';
import { authorize } from '../../../policy/index.ts';
import { getDecision } from '../../decisions/index.ts';
import { appendEntry, canonicalJson, sha256Hex } from '../../ledger/index.ts';
import type { MissionSubject } from '../policy.ts';
import { compileDay, today } from './daily.ts';
import { type ChangeMissionInput, type CreateMissionInput, missionProblems } from './schema.ts';

/**
 * Observation missions: set up by the secretariat's administrators on a mandate (the decision
 * that created them), led by a head of mission with members who file reports for it, over an
 * area and a period; each day's report compiled from its members' reports and approved by the
 * head of mission.
 */

/** A mission as the rules see it, with its members. */
export async function missionSubject(db: Db, row: ObservationMissionRow): Promise<MissionSubject> {
  const members = await db
    .selectFrom('observation_mission_members')
    .select('user_id')
    .where('mission_id', '=', row.id)
    .execute();
  return { head_id: row.head_id, members: members.map((m) => m.user_id), classification: row.classification };
}

/** Loads a mission (FOR UPDATE when writing): 404 unless the actor may read it. */
export async function loadMission(db: Db, actor: Actor, id: string, forUpdate = false) {
  let q = db
    .selectFrom('observation_missions')
    .selectAll()
    .select([sql<string>`starts_on::text`.as('from'), sql<string>`ends_on::text`.as('to')])
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('mission');
  const subject = await missionSubject(db, row);
  authorize(actor, 'read', 'mission', subject, 'mission');
  return { row, subject };
}

/** Enabled accounts with these ids; 400 naming the first unknown one. */
async function checkPeople(trx: Db, ids: string[], field: string) {
  if (!ids.length) return;
  const found = await trx
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where('disabled_at', 'is', null)
    .execute();
  const known = new Set(found.map((u) => u.id));
  const i = ids.findIndex((id) => !known.has(id));
  if (i >= 0)
    throw invalid(
      ids.length === 1 && !field.includes('.') ? field : `${field}.${i}`,
      'is not an enabled account',
    );
}

/** The mandate's decision, when named, must be one the actor may read (400 otherwise). */
async function checkMandate(trx: Db, actor: Actor, decision: string | null | undefined) {
  if (!decision) return;
  await getDecision(trx, actor, decision).catch((e) => {
    throw e instanceof AppError && e.code === 'not_found'
      ? invalid('mandateDecision', 'is not a decision you may read')
      : e;
  });
}

/** Regions of the organisation file; 400 naming the first unknown one. */
async function checkRegions(trx: Db, regions: string[]) {
  if (!regions.length) return;
  const known = await trx
    .selectFrom('monitoring_regions')
    .select('code')
    .where('code', 'in', regions)
    .execute();
  const codes = new Set(known.map((k) => k.code));
  const i = regions.findIndex((r) => !codes.has(r));
  if (i >= 0) throw invalid(`regions.${i}`, 'is not a monitoring region of the organisation file');
}

async function nextReference(trx: Db, year: number) {
  const count = await trx
    .selectFrom('observation_missions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reference', 'like', `OM-${year}-%`)
    .executeTakeFirstOrThrow();
  return `OM-${year}-${String(Number(count.n) + 1).padStart(2, '0')}`;
}

export async function createMission(trx: Db, actor: Actor, input: CreateMissionInput, now = new Date()) {
  authorize(actor, 'create', 'missions', {}, 'mission');
  await checkMandate(trx, actor, input.mandateDecision);
  await checkPeople(trx, [input.head], 'head');
  await checkPeople(trx, input.members, 'members');
  await checkRegions(trx, input.regions);
  const classification = classificationOf(input.classification);
  if (actor.kind === 'person' && classification > actor.accessLevel)
    throw invalid('classification', 'is above your access level');
  // One reference per year, numbered in order; the advisory lock keeps two creations apart.
  await sql`select pg_advisory_xact_lock(hashtext('observation_missions.reference'))`.execute(trx);
  const row = await trx
    .insertInto('observation_missions')
    .values({
      reference: await nextReference(trx, now.getUTCFullYear()),
      name: input.name,
      mandate: input.mandate,
      mandate_decision_id: input.mandateDecision,
      head_id: input.head,
      regions: input.regions,
      area: input.area ? JSON.stringify(input.area) : null,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      classification,
      created_by_label: actorLabel(actor),
      created_at: now,
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  const members = [...new Set(input.members.filter((m) => m !== input.head))];
  if (members.length)
    await trx
      .insertInto('observation_mission_members')
      .values(members.map((user_id) => ({ mission_id: row.id, user_id, added_at: now })))
      .execute();
  await appendEntry(trx, actor, {
    action: 'mission.created',
    subjectType: 'mission',
    subjectId: row.id,
    classification,
    payload: {
      reference: row.reference,
      name: input.name,
      mandateDecision: input.mandateDecision,
      head: input.head,
      members,
      regions: input.regions,
      from: input.startsOn,
      to: input.endsOn,
    },
    at: now,
  });
  return row.id;
}

/**
 * Changes a mission (an administrator): its name, mandate, head, area or period, checked
 * whole as it is left (a period of at most five years, an area). A new head leaves the
 * members; reports already filed for it stay its own. The record keeps what changed and why.
 */
export async function changeMission(
  trx: Db,
  actor: Actor,
  id: string,
  input: ChangeMissionInput,
  now = new Date(),
) {
  const { row, subject } = await loadMission(trx, actor, id, true);
  authorize(actor, 'manage', 'mission', subject, 'mission');
  const next = {
    startsOn: input.startsOn ?? row.from,
    endsOn: input.endsOn ?? row.to,
    regions: input.regions ?? row.regions,
    area: input.area !== undefined ? input.area : row.area,
  };
  const [problem] = missionProblems(next);
  if (problem) throw invalid(problem[0], problem[1]);
  await checkMandate(trx, actor, input.mandateDecision);
  if (input.head) await checkPeople(trx, [input.head], 'head');
  await checkRegions(trx, input.regions ?? []);
  const changed = (Object.keys(input) as (keyof ChangeMissionInput)[]).filter((k) => k !== 'reason');
  await trx
    .updateTable('observation_missions')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.mandate !== undefined ? { mandate: input.mandate } : {}),
      ...(input.mandateDecision !== undefined ? { mandate_decision_id: input.mandateDecision } : {}),
      ...(input.head ? { head_id: input.head } : {}),
      regions: next.regions,
      area: next.area ? JSON.stringify(next.area) : null,
      starts_on: next.startsOn,
      ends_on: next.endsOn,
    })
    .where('id', '=', id)
    .execute();
  if (input.head)
    await trx
      .deleteFrom('observation_mission_members')
      .where('mission_id', '=', id)
      .where('user_id', '=', input.head)
      .execute();
  await appendEntry(trx, actor, {
    action: 'mission.changed',
    subjectType: 'mission',
    subjectId: id,
    classification: row.classification,
    payload: {
      reference: row.reference,
      changed,
      reason: input.reason,
      head: input.head ?? row.head_id,
      regions: next.regions,
      from: next.startsOn,
      to: next.endsOn,
    },
    at: now,
  });
}

export async function changeMembers(
  trx: Db,
  actor: Actor,
  id: string,
  input: { add: string[]; remove: string[] },
  now = new Date(),
) {
  const { row, subject } = await loadMission(trx, actor, id, true);
  authorize(actor, 'manage', 'mission', subject, 'mission');
  if (input.remove.includes(row.head_id)) throw invalid('remove', 'the head of mission stays in it');
  await checkPeople(trx, input.add, 'add');
  const add = input.add.filter((u) => u !== row.head_id);
  if (add.length)
    await trx
      .insertInto('observation_mission_members')
      .values(add.map((user_id) => ({ mission_id: id, user_id, added_at: now })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  if (input.remove.length)
    await trx
      .deleteFrom('observation_mission_members')
      .where('mission_id', '=', id)
      .where('user_id', 'in', input.remove)
      .execute();
  await appendEntry(trx, actor, {
    action: 'mission.members_changed',
    subjectType: 'mission',
    subjectId: id,
    classification: row.classification,
    payload: { reference: row.reference, added: add, removed: input.remove },
    at: now,
  });
}

/**
 * The head of mission approves the day's report: compiled now from the day's reports, with
 * the head's summary, kept as approved (409 when it already is). Only a day of the mission's
 * period that has begun may be approved.
 */
export async function approveDaily(
  trx: Db,
  actor: Actor,
  id: string,
  day: string,
  summary: string,
  now = new Date(),
) {
  const { row, subject } = await loadMission(trx, actor, id, true);
  authorize(actor, 'approveDaily', 'mission', subject, 'mission');
  if (day < row.from || day > row.to)
    throw invalid('day', `is outside the mission's period (${row.from} to ${row.to})`);
  if (day > (await today(trx, now))) throw invalid('day', 'has not begun');
  const existing = await trx
    .selectFrom('mission_daily_reports')
    .select('status')
    .where('mission_id', '=', id)
    .where(sql<boolean>`day = ${day}::date`)
    .executeTakeFirst();
  if (existing?.status === 'approved')
    throw conflict(`the daily report of ${day} is approved already`, 'day');
  const compiled = await compileDay(trx, id, day);
  const text = canonicalJson(compiled);
  await trx
    .insertInto('mission_daily_reports')
    .values({
      mission_id: id,
      day,
      compiled: text,
      summary,
      status: 'approved',
      compiled_at: now,
      approved_at: now,
      approved_by_label: actorLabel(actor),
    })
    .onConflict((oc) =>
      oc.columns(['mission_id', 'day']).doUpdateSet({
        compiled: text,
        summary,
        status: 'approved',
        compiled_at: now,
        approved_at: now,
        approved_by_label: actorLabel(actor),
      }),
    )
    .execute();
  await appendEntry(trx, actor, {
    action: 'mission.daily_approved',
    subjectType: 'mission',
    subjectId: id,
    classification: row.classification,
    payload: { reference: row.reference, day, reports: compiled.reports, compiledHash: sha256Hex(text) },
    at: now,
  });
  return compiled;
}
