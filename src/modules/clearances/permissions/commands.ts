import { type Actor, actorLabel } from '../../../core/actor.ts';
import { conflict, invalid, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { StandingPermissionRow } from '../../../db/schema.ts';
import { authorize, can } from '../../../policy/index.ts';
import { appendEntry } from '../../ledger/index.ts';
import { loadMembers, loadPoints, nextNumber, trimState } from '../load.ts';
import type { GrantStandingPermissionInput } from '../schema.ts';

const ownState = (actor: Actor) =>
  actor.kind === 'person' && actor.affiliation === 'delegation' ? actor.stateCode : null;

const permissionSubject = (row: StandingPermissionRow) => ({
  grantingState: trimState(row.granting_state),
  granteeState: trimState(row.grantee_state),
});

/**
 * A state grants a delegation a standing permission: routine movements matching the
 * pattern (frameworks, asset kinds, personnel, crossing points of the granting state,
 * validity) need no decision; never with armament or dangerous goods. Numbered
 * `RU-SP-2026-0001`. The granting state is the caller's own (the console names it).
 */
export async function grantStandingPermission(
  trx: Db,
  actor: Actor,
  granting: string | null,
  input: GrantStandingPermissionInput,
  now = new Date(),
): Promise<StandingPermissionRow> {
  const grantingState = ownState(actor) ?? granting;
  if (!grantingState) throw invalid('grantingState', 'only a member state grants standing permissions');
  authorize(actor, 'grant', 'standingPermissions', { grantingState }, 'standing permission');
  const members = await loadMembers(trx);
  if (!members.has(input.grantee)) throw invalid('grantee', `${input.grantee} is not a member state`);
  if (input.grantee === grantingState) throw invalid('grantee', 'a state needs no permission from itself');
  const points = await loadPoints(trx);
  input.pattern.crossingPoints.forEach((code, i) => {
    const p = points.get(code);
    if (!p) throw invalid(`pattern.crossingPoints.${i}`, `${code} is not a known crossing point`);
    if (!p.states.includes(grantingState))
      throw invalid(`pattern.crossingPoints.${i}`, `${code} is not in ${grantingState}`);
  });
  const number = await nextNumber(trx, `${grantingState}-SP`, now);
  const row = await trx
    .insertInto('standing_permissions')
    .values({
      number,
      granting_state: grantingState,
      grantee_state: input.grantee,
      pattern: JSON.stringify(input.pattern),
      valid_from: input.validFrom,
      valid_to: input.validTo,
      note: input.note ?? null,
      granted_by: actor.kind === 'person' ? actor.id : null,
      granted_by_label: actorLabel(actor),
      granted_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'standing_permission.granted',
    subjectType: 'standing_permission',
    subjectId: row.id,
    payload: {
      number,
      grantingState,
      grantee: input.grantee,
      pattern: input.pattern,
      validFrom: input.validFrom,
      validTo: input.validTo,
    },
    audience: [grantingState, input.grantee],
  });
  return row;
}

/** The granting state revokes a standing permission; movements already cleared keep their clearance. */
export async function revokeStandingPermission(trx: Db, actor: Actor, id: string, now = new Date()) {
  const row = await trx
    .selectFrom('standing_permissions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('standing permission');
  const subject = permissionSubject(row);
  authorize(actor, 'revoke', 'standingPermission', subject, 'standing permission');
  if (row.revoked_at) throw conflict(`the permission was revoked at ${row.revoked_at.toISOString()}`);
  const updated = await trx
    .updateTable('standing_permissions')
    .set({ revoked_at: now, revoked_by_label: actorLabel(actor) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'standing_permission.revoked',
    subjectType: 'standing_permission',
    subjectId: id,
    payload: { number: row.number },
    audience: [subject.grantingState, subject.granteeState],
  });
  return updated;
}

/** The standing permissions the actor may read: granted by or to their state; all for the secretariat. */
export async function listStandingPermissions(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('standing_permissions')
    .selectAll()
    .orderBy('granted_at', 'desc')
    .execute();
  return rows.filter((r) => can(actor, 'read', 'standingPermission', permissionSubject(r)));
}

export const canRevokePermission = (actor: Actor, row: StandingPermissionRow) =>
  can(actor, 'revoke', 'standingPermission', permissionSubject(row));
