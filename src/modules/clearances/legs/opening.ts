import { type Actor, actorLabel } from '../../../core/actor.ts';
import type { Db } from '../../../db/connect.ts';
import type { ClearanceLegRow, ClearanceRequestRow } from '../../../db/schema.ts';
import { appendEntry } from '../../ledger/index.ts';
import { issueCertificate } from '../certificates/certificate.ts';
import { publishClearanceEvent } from '../events.ts';
import { findCoveringPermission, type PermissionInfo } from '../itinerary.ts';
import { addLegEvent, eventBase, legColumns, legOf, trimState, windowFor } from '../load.ts';
import { applyLegEvent, emptyLeg, requestStatusOf } from '../machine.ts';
import type { ClearanceContent, RequestStatus, StandingPermissionPattern } from '../schema.ts';

/** The standing permissions in force that the requesting state holds from any of the states. */
export async function activePermissions(
  trx: Db,
  grantee: string,
  states: string[],
): Promise<(PermissionInfo & { number: string })[]> {
  if (states.length === 0) return [];
  const rows = await trx
    .selectFrom('standing_permissions')
    .selectAll()
    .where('grantee_state', '=', grantee)
    .where('granting_state', 'in', states)
    .where('revoked_at', 'is', null)
    .orderBy('granted_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    grantingState: trimState(r.granting_state),
    granteeState: trimState(r.grantee_state),
    pattern: r.pattern as StandingPermissionPattern,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    revokedAt: r.revoked_at,
  }));
}

/** What opening a leg did: its window, or the standing permission that cleared it at once. */
export interface Opened {
  leg: ClearanceLegRow;
  state: string;
  dueAt: Date | null;
  standingPermission: string | null;
}

/**
 * Opens (or re-opens) a state's leg on a version: a fresh window from `now` as the state
 * sets it for the urgency; a leg a standing permission covers is approved at once with the
 * permission's number. The decision fields of an earlier opening are cleared.
 */
export async function openLeg(
  trx: Db,
  actor: Actor,
  request: ClearanceRequestRow,
  content: ClearanceContent,
  row: ClearanceLegRow,
  version: number,
  permissions: (PermissionInfo & { number: string })[],
  now: Date,
  eventKind: 'opened' | 'reopened' = 'opened',
): Promise<Opened> {
  const state = trimState(row.state_code);
  const legInput = content.legs.find((l) => l.state === state)!;
  const window = await windowFor(trx, state, request.urgency);
  let leg = applyLegEvent(emptyLeg(), {
    kind: 'open',
    at: now,
    windowHours: window.hours,
    onSilence: window.onSilence,
  });
  const movement = {
    requestingState: trimState(request.requesting_state),
    framework: request.framework,
    content,
  };
  const permission = findCoveringPermission(permissions, movement, legInput);
  if (permission) leg = applyLegEvent(leg, { kind: 'standing_permission', at: now });
  const updated = await trx
    .updateTable('clearance_legs')
    .set({
      ...legColumns(leg),
      version,
      decided_by_label: permission ? actorLabel(actor) : null,
      clearance_number: permission?.number ?? null,
      reason: null,
      internal_note: null,
      conditions_accepted_by_label: null,
      standing_permission_id: permission?.id ?? null,
    })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await addLegEvent(trx, row.id, eventKind, actorLabel(actor), now, {
    version,
    dueAt: leg.dueAt?.toISOString() ?? null,
    windowHours: window.hours,
    onSilence: window.onSilence,
  });
  if (permission)
    await addLegEvent(trx, row.id, 'standing_permission', actorLabel(actor), now, {
      permission: permission.number,
      permissionId: permission.id,
    });
  return { leg: updated, state, dueAt: leg.dueAt, standingPermission: permission?.number ?? null };
}

/** Tells every state whose leg opened (for a covered leg: that it needs no decision). */
export async function announceOpened(
  trx: Db,
  request: ClearanceRequestRow,
  legs: ClearanceLegRow[],
  opened: Opened[],
  now: Date,
) {
  for (const o of opened)
    await publishClearanceEvent(trx, {
      kind: 'leg_arrived',
      ...eventBase(request, legs, now),
      state: o.state,
      legId: o.leg.id,
      dueAt: o.standingPermission ? null : o.dueAt,
    });
}

/** The request's status once its legs changed; what changed. */
export interface Settled {
  request: ClearanceRequestRow;
  before: RequestStatus;
  status: RequestStatus;
}

/**
 * Derives the request's status from its legs and stores it (cleared or closed when it
 * is). A request just denied or cleared is announced; `recordSettled` then writes its
 * record entry after the command's own. The caller holds the request's row lock: a
 * request-wide command its FOR UPDATE, a leg command `lockForOutcome` (settling.ts), which
 * already moved `updated_at` (`touched`: nothing more is written when the status stays).
 */
export async function settleRequest(
  trx: Db,
  request: ClearanceRequestRow,
  legs: ClearanceLegRow[],
  now: Date,
  opts: { touched?: boolean } = {},
): Promise<Settled> {
  const before = request.status;
  const status = requestStatusOf(legs.map(legOf));
  if (opts.touched && status === before) return { request, before, status };
  // The instant the last leg settled: silence applied late by the runner is dated at its
  // window's end, which can be before another state's (later, in-window) decision.
  const settledAt = new Date(
    Math.max(
      now.getTime(),
      ...legs.flatMap((l) => [l.decided_at, l.conditions_accepted_at].map((d) => d?.getTime() ?? 0)),
    ),
  );
  const updated = await trx
    .updateTable('clearance_requests')
    .set({
      status,
      updated_at: opts.touched ? request.updated_at : now,
      cleared_at: status === 'cleared' ? (before === 'cleared' ? request.cleared_at : settledAt) : null,
      closed_at: status === 'denied' ? settledAt : null,
    })
    .where('id', '=', request.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (status !== before && status === 'cleared') {
    const certificate = await issueCertificate(trx, updated.id, settledAt);
    await publishClearanceEvent(trx, {
      kind: 'request_cleared',
      ...eventBase(updated, legs, now),
      verificationCode: certificate.code,
    });
    return {
      request: {
        ...updated,
        verification_code: certificate.code,
        certificate_record_id: certificate.recordId,
      },
      before,
      status,
    };
  }
  if (status !== before && status === 'denied') {
    const denier = legs.find((l) => l.status === 'denied');
    await publishClearanceEvent(trx, {
      kind: 'request_denied',
      ...eventBase(updated, legs, now),
      state: denier ? trimState(denier.state_code) : '',
    });
  }
  return { request: updated, before, status };
}

/** The record entry of a request that has just become cleared or denied. */
export async function recordSettled(
  trx: Db,
  actor: Actor,
  settled: Settled,
  legs: ClearanceLegRow[],
  entry: { classification: number; audience: string[]; at?: Date },
) {
  if (settled.status === settled.before) return;
  if (settled.status !== 'cleared' && settled.status !== 'denied') return;
  const r = settled.request;
  await appendEntry(trx, actor, {
    action: settled.status === 'cleared' ? 'clearance.cleared' : 'clearance.denied',
    subjectType: 'clearance_request',
    subjectId: r.id,
    payload: {
      reference: r.reference,
      version: r.version,
      legs: legs
        .filter((l) => l.status !== 'withdrawn')
        .map((l) => ({
          state: trimState(l.state_code),
          status: l.status,
          how: l.decided_how,
          clearanceNumber: l.clearance_number,
        })),
    },
    ...entry,
  });
}
