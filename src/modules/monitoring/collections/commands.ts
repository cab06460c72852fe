import type { Actor } from '../../../core/actor.ts';
import { actorLabel } from '../../../core/actor.ts';
import { conflict, invalid, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { authorize, can } from '../../../policy/index.ts';
import { appendEntry } from '../../ledger/index.ts';
import { reportSubject } from '../commands.ts';
import { reportsVisibleTo } from '../policy.ts';
import type { ChangeCollectionInput, CreateCollectionInput, SaveFilterInput } from './schema.ts';

/**
 * Collections of reports ("Kyrgyzstan-Tajikistan border, 2023"), kept by a member state's
 * delegation or by the secretariat and read by all of them; and each person's saved filters.
 * A collection lists reports; every reader sees only those of them they may read.
 */

const ownerOf = (actor: Actor) =>
  actor.kind === 'person' && actor.affiliation === 'delegation' ? actor.stateCode : null;

export async function createCollection(
  trx: Db,
  actor: Actor,
  input: CreateCollectionInput,
  now = new Date(),
) {
  const owner = ownerOf(actor);
  authorize(actor, 'manage', 'reportCollection', { owner_state: owner }, 'collection');
  const taken = await trx
    .selectFrom('report_collections')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst();
  if (taken) throw conflict('a collection of that name exists', 'name');
  const row = await trx
    .insertInto('report_collections')
    .values({
      name: input.name,
      description: input.description,
      owner_state: owner,
      created_by_label: actorLabel(actor),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'report.collection_created',
    subjectType: 'report_collection',
    subjectId: row.id,
    payload: { name: row.name, ownerState: row.owner_state?.trim() ?? null },
    at: now,
  });
  return row;
}

async function lockCollection(trx: Db, actor: Actor, id: string) {
  const row = await trx
    .selectFrom('report_collections')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  const subject = { owner_state: row?.owner_state?.trim() ?? null };
  if (!row || !can(actor, 'read', 'reportCollection', subject)) throw notFound('collection');
  authorize(actor, 'manage', 'reportCollection', subject, 'collection');
  return row;
}

/**
 * Adds reports to a collection and removes others. Each report added must be one the actor
 * may read and collect (submitted at least); a report named that they may not read is
 * refused as unknown (400 naming it), so a collection cannot be used to probe for reports.
 */
export async function changeCollection(
  trx: Db,
  actor: Actor,
  id: string,
  input: ChangeCollectionInput,
  now = new Date(),
) {
  const collection = await lockCollection(trx, actor, id);
  if (input.add.length) {
    const rows = await trx
      .selectFrom('reports')
      .selectAll()
      .where('id', 'in', input.add)
      .where(reportsVisibleTo(actor))
      .execute();
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const [i, reportId] of input.add.entries()) {
      const row = found.get(reportId);
      if (!row) throw invalid(`add.${i}`, 'is not a report you may read');
      if (!can(actor, 'collect', 'report', reportSubject(row)))
        throw invalid(`add.${i}`, 'is a draft: submit it first');
    }
    await trx
      .insertInto('report_collection_items')
      .values(input.add.map((report_id) => ({ collection_id: id, report_id, added_at: now })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  if (input.remove.length)
    await trx
      .deleteFrom('report_collection_items')
      .where('collection_id', '=', id)
      .where('report_id', 'in', input.remove)
      .execute();
  await appendEntry(trx, actor, {
    action: 'report.collection_changed',
    subjectType: 'report_collection',
    subjectId: id,
    payload: { name: collection.name, added: input.add, removed: input.remove },
    at: now,
  });
  return collection;
}

export async function deleteCollection(trx: Db, actor: Actor, id: string, now = new Date()) {
  const collection = await lockCollection(trx, actor, id);
  await trx.deleteFrom('report_collections').where('id', '=', id).execute();
  await appendEntry(trx, actor, {
    action: 'report.collection_deleted',
    subjectType: 'report_collection',
    subjectId: id,
    payload: { name: collection.name },
    at: now,
  });
}

/** Saves (or replaces, by name) one of the person's filters of the report list and map. */
export async function saveFilter(trx: Db, actor: Actor, input: SaveFilterInput, now = new Date()) {
  if (actor.kind !== 'person') throw invalid('user', 'filters are saved by a person');
  return trx
    .insertInto('saved_report_filters')
    .values({ user_id: actor.id, name: input.name, filter: JSON.stringify(input.filter), created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'name']).doUpdateSet({ filter: JSON.stringify(input.filter) }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteFilter(trx: Db, actor: Actor, id: string) {
  if (actor.kind !== 'person') throw notFound('filter');
  const gone = await trx
    .deleteFrom('saved_report_filters')
    .where('id', '=', id)
    .where('user_id', '=', actor.id)
    .executeTakeFirst();
  if (!gone.numDeletedRows) throw notFound('filter');
}
