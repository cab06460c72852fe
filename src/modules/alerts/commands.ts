import { sql } from 'kysely';
import { type Actor, actorLabel, systemActor } from '../../core/actor.ts';
import { AppError, invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { AlertEventKind, AlertOrigin, AlertRow } from '../../db/schema.ts';
import { authorize, can } from '../../policy/index.ts';
import { isPerson } from '../../policy/predicates.ts';
import { getMonitoringSettings } from '../directory/index.ts';
import { appendEntry } from '../ledger/index.ts';
import { type AlertEventName, publishAlertEvent } from './events.ts';
import { type AlertStep, transition } from './machine.ts';
import type { RaiseAlertInput } from './schema.ts';

/** Who the record names for what the figures decide (a level, an automatic alert). */
export const EARLY_WARNING = systemActor('early warning');

const personId = (actor: Actor) => (isPerson(actor) ? actor.id : null);
const statesOf = (row: Pick<AlertRow, 'states'>) => row.states.map((s) => s.trim());

/** The next reference of the year: AL-2026-0001, AL-2026-0002... */
async function nextReference(trx: Db, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const { rows } = await sql<{ last_number: number }>`
    insert into alert_numbers (year, last_number) values (${year}, 1)
    on conflict (year) do update set last_number = alert_numbers.last_number + 1
    returning last_number`.execute(trx);
  return `AL-${year}-${String(rows[0]!.last_number).padStart(4, '0')}`;
}

async function addStep(
  trx: Db,
  actor: Actor,
  alertId: string,
  kind: AlertEventKind,
  from: AlertRow['status'] | null,
  to: AlertRow['status'],
  note: string | null,
  now: Date,
) {
  await trx
    .insertInto('alert_events')
    .values({
      alert_id: alertId,
      kind,
      from_status: from === 'closed' ? null : from,
      to_status: to,
      at: now,
      actor_id: personId(actor),
      actor_label: actorLabel(actor),
      note,
    })
    .execute();
}

const eventOf = (row: AlertRow, actor: Actor, note: string | null, now: Date) => ({
  alertId: row.id,
  reference: row.reference,
  region: row.region_code,
  states: statesOf(row),
  level: row.level,
  origin: row.origin,
  title: row.title,
  classification: row.classification,
  status: row.status,
  note,
  at: now,
  actorId: personId(actor),
});

export interface NewAlert {
  region: string;
  states: string[];
  level: number;
  origin: AlertOrigin;
  title: string;
  description: string;
  classification: number;
  now: Date;
}

/**
 * Opens an alert (no policy: `raiseAlert` checks the monitor's rights; a rise of level opens
 * its own): its row, its first step, an `alert.opened` entry and the `alerts.alert_opened` event.
 */
export async function openAlert(trx: Db, actor: Actor, a: NewAlert): Promise<AlertRow> {
  const row = await trx
    .insertInto('alerts')
    .values({
      reference: await nextReference(trx, a.now),
      region_code: a.region,
      states: a.states,
      level: a.level,
      origin: a.origin,
      title: a.title,
      description: a.description,
      classification: a.classification,
      raised_by: personId(actor),
      raised_by_label: actorLabel(actor),
      raised_at: a.now,
      updated_at: a.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await addStep(trx, actor, row.id, 'opened', null, 'open', null, a.now);
  await appendEntry(trx, actor, {
    action: 'alert.opened',
    subjectType: 'alert',
    subjectId: row.id,
    classification: row.classification,
    audience: a.states,
    at: a.now,
    payload: {
      reference: row.reference,
      region: a.region,
      level: a.level,
      origin: a.origin,
      title: a.title,
      description: a.description,
    },
  });
  await publishAlertEvent(trx, 'alerts.alert_opened', eventOf(row, actor, null, a.now));
  return row;
}

/**
 * A monitor raises an alert for a region: the region must be in the organisation file, the
 * level on its scale, the classification within the monitor's access level.
 */
export async function raiseAlert(trx: Db, actor: Actor, input: RaiseAlertInput, now = new Date()) {
  const settings = await getMonitoringSettings(trx);
  const region = settings.regions.find((r) => r.code === input.region);
  if (!region) throw invalid('region', 'is not a monitoring region of the organisation file');
  const subject = { states: region.states, classification: 0 };
  if (!can(actor, 'raise', 'alerts', subject)) {
    if (can(actor, 'read', 'alerts', subject))
      throw new AppError('forbidden', 'you may not raise alerts for this region');
    throw notFound('region');
  }
  if (!settings.alertScale.some((l) => l.level === input.level))
    throw invalid(
      'level',
      `is not a level of the alert scale (${settings.alertScale.map((l) => l.level).join(', ')})`,
    );
  if (isPerson(actor) && input.classification > actor.accessLevel)
    throw invalid('classification', 'is above your access level');
  authorize(
    actor,
    'raise',
    'alerts',
    { states: region.states, classification: input.classification },
    'region',
  );
  return openAlert(trx, actor, {
    region: region.code,
    states: region.states,
    level: input.level,
    origin: 'raised',
    title: input.title,
    description: input.description,
    classification: input.classification,
    now,
  });
}

const STEP_EVENTS: Record<AlertStep, { kind: AlertEventKind; event: AlertEventName }> = {
  acknowledge: { kind: 'acknowledged', event: 'alerts.alert_acknowledged' },
  escalate: { kind: 'escalated', event: 'alerts.alert_escalated' },
  close: { kind: 'closed', event: 'alerts.alert_closed' },
};

/**
 * Takes a step on an alert: acknowledge (an optional note), escalate (an optional note),
 * close (a reason, required). Loaded FOR UPDATE; 404 when the caller may not read it, 403 when
 * they may read but not take the step, 409 when its status does not allow it. The first step
 * anyone takes sets its `first_response_at`. Its step, its entry, its event.
 */
export async function stepAlert(
  trx: Db,
  actor: Actor,
  id: string,
  step: AlertStep,
  input: { note?: string; reason?: string },
  now = new Date(),
): Promise<AlertRow> {
  const row = await trx.selectFrom('alerts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('alert');
  const subject = { states: statesOf(row), classification: row.classification };
  authorize(actor, 'read', 'alert', subject);
  authorize(actor, step, 'alert', subject);
  const reason = input.reason?.trim();
  if (step === 'close' && !reason) throw invalid('reason', 'is required to close an alert');
  const next = transition(row.status, step);
  if (!next.ok)
    throw new AppError('conflict', `${row.reference}: ${next.reason}`, [
      { field: 'status', reason: next.reason },
    ]);
  const note = step === 'close' ? reason! : input.note?.trim() || null;
  const by = personId(actor);
  const updated = await trx
    .updateTable('alerts')
    .set({
      status: next.to,
      updated_at: now,
      first_response_at: row.first_response_at ?? now,
      ...(step === 'acknowledge' ? { acknowledged_at: now, acknowledged_by: by } : {}),
      ...(step === 'escalate' ? { escalated_at: now, escalated_by: by, escalation_note: note } : {}),
      ...(step === 'close' ? { closed_at: now, closed_by: by, close_reason: reason } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const { kind, event } = STEP_EVENTS[step];
  await addStep(trx, actor, id, kind, row.status, next.to, note, now);
  const from = row.status as 'open' | 'acknowledged' | 'escalated';
  const common = { classification: row.classification, audience: statesOf(row), at: now };
  if (step === 'close')
    await appendEntry(trx, actor, {
      action: 'alert.closed',
      subjectType: 'alert',
      subjectId: id,
      ...common,
      payload: { reference: row.reference, from, reason: reason! },
    });
  else
    await appendEntry(trx, actor, {
      action: step === 'acknowledge' ? 'alert.acknowledged' : 'alert.escalated',
      subjectType: 'alert',
      subjectId: id,
      ...common,
      payload: { reference: row.reference, from, note },
    });
  await publishAlertEvent(trx, event, eventOf(updated, actor, note, now));
  return updated;
}
