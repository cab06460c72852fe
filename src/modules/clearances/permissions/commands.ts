import { type Actor, actorLabel } from '../../core/actor.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { AssetListRow, StandingPermissionRow } from '../../db/schema.ts';
import { authorize, can } from '../../policy/index.ts';
import { appendEntry } from '../ledger/commands.ts';
import { loadMembers, loadPoints, nextNumber, trimState } from './load.ts';
import type { AssetListInput, GrantStandingPermissionInput } from './schema.ts';

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

// ---- asset lists -----------------------------------------------------------------

async function loadAssetList(trx: Db, actor: Actor, id: string, forUpdate = false) {
  let q = trx.selectFrom('asset_lists').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('asset list');
  authorize(actor, 'read', 'assetList', { state: trimState(row.state_code) }, 'asset list');
  return row;
}

export const getAssetList = (db: Db, actor: Actor, id: string) => loadAssetList(db, actor, id);

/** The asset lists of the caller's delegation (every delegation's for the secretariat). */
export async function listAssetLists(db: Db, actor: Actor): Promise<AssetListRow[]> {
  const rows = await db.selectFrom('asset_lists').selectAll().orderBy('name').execute();
  return rows.filter((r) => can(actor, 'read', 'assetList', { state: trimState(r.state_code) }));
}

async function saved(trx: Db, actor: Actor, row: AssetListRow, created: boolean) {
  await appendEntry(trx, actor, {
    action: 'asset_list.saved',
    subjectType: 'asset_list',
    subjectId: row.id,
    payload: { name: row.name, created, assets: row.assets },
    audience: [trimState(row.state_code)],
  });
  return row;
}

const duplicateName = (err: unknown) =>
  (err as { code?: string }).code === '23505'
    ? invalid('name', 'your delegation already has a list of that name')
    : err;

/** A delegation keeps a named vehicle and asset list, to reuse in its requests. */
export async function createAssetList(trx: Db, actor: Actor, input: AssetListInput, now = new Date()) {
  const state = ownState(actor);
  if (!state) throw invalid('name', 'asset lists belong to a member state delegation');
  authorize(actor, 'write', 'assetList', { state }, 'asset list');
  const row = await trx
    .insertInto('asset_lists')
    .values({
      state_code: state,
      name: input.name,
      assets: JSON.stringify(input.assets),
      updated_by_label: actorLabel(actor),
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err) => {
      throw duplicateName(err);
    });
  return saved(trx, actor, row, true);
}

export async function updateAssetList(
  trx: Db,
  actor: Actor,
  id: string,
  input: AssetListInput,
  now = new Date(),
) {
  const row = await loadAssetList(trx, actor, id, true);
  authorize(actor, 'write', 'assetList', { state: trimState(row.state_code) }, 'asset list');
  const updated = await trx
    .updateTable('asset_lists')
    .set({
      name: input.name,
      assets: JSON.stringify(input.assets),
      updated_by_label: actorLabel(actor),
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
    .catch((err) => {
      throw duplicateName(err);
    });
  return saved(trx, actor, updated, false);
}

export async function deleteAssetList(trx: Db, actor: Actor, id: string) {
  const row = await loadAssetList(trx, actor, id, true);
  authorize(actor, 'write', 'assetList', { state: trimState(row.state_code) }, 'asset list');
  await trx.deleteFrom('asset_lists').where('id', '=', id).execute();
  await appendEntry(trx, actor, {
    action: 'asset_list.deleted',
    subjectType: 'asset_list',
    subjectId: id,
    payload: { name: row.name },
    audience: [trimState(row.state_code)],
  });
}
