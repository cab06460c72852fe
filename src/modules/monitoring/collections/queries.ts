import { sql } from 'kysely';
import type { Actor } from '../../../core/actor.ts';
import { notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { can } from '../../../policy/index.ts';
import { reportsVisibleTo } from '../policy.ts';

/** The collections the actor may read, each with how many of its reports they may read. */
export async function listCollections(db: Db, actor: Actor, id?: string) {
  const rows = await db
    .selectFrom('report_collections as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('report_collection_items as i')
        .innerJoin('reports', 'reports.id', 'i.report_id')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('i.collection_id', '=', 'c.id')
        .where(reportsVisibleTo(actor))
        .as('reports'),
    )
    .$if(id !== undefined, (q) => q.where('c.id', '=', id!))
    .orderBy('c.name')
    .execute();
  return rows.filter((r) =>
    can(actor, 'read', 'reportCollection', { owner_state: r.owner_state?.trim() ?? null }),
  );
}

export async function getCollection(db: Db, actor: Actor, id: string) {
  const [row] = await listCollections(db, actor, id);
  if (!row) throw notFound('collection');
  return row;
}

export function listFilters(db: Db, actor: Actor) {
  if (actor.kind !== 'person') return Promise.resolve([]);
  return db
    .selectFrom('saved_report_filters')
    .selectAll()
    .where('user_id', '=', actor.id)
    .orderBy('name')
    .execute();
}
