import { type Actor, actorLabel } from '../../../core/actor.ts';
import { invalid, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { AssetListRow } from '../../../db/schema.ts';
import { authorize, can } from '../../../policy/index.ts';
import { appendEntry } from '../../ledger/index.ts';
import { trimState } from '../load.ts';
import type { AssetListInput } from '../schema.ts';

/** A delegation's reusable vehicle and asset lists: read and written by its own people. */

const ownState = (actor: Actor) =>
  actor.kind === 'person' && actor.affiliation === 'delegation' ? actor.stateCode : null;

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
