import { type SubjectResolver, subjectUuids } from '../../core/module.ts';
import { can } from '../../policy/index.ts';
import { reportsVisibleTo } from './policy.ts';

/**
 * A report in the record, by its reference and title, opening on its page; one query for
 * all the ids asked, scoped by what the reader may read (others stay unnamed).
 */
export const reportSubjects: Record<string, SubjectResolver> = {
  report: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('reports')
      .select(['id', 'reference', 'title'])
      .where('id', 'in', wanted)
      .where(reportsVisibleTo(actor))
      .execute();
    return new Map(rows.map((r) => [r.id, { label: `${r.reference} ${r.title}`, path: `/reports/${r.id}` }]));
  },
  // A mission by its reference and name, opening on its page (daily reports included).
  mission: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('observation_missions')
      .select(['id', 'reference', 'name', 'head_id', 'classification'])
      .where('id', 'in', wanted)
      .execute();
    // Reading a mission does not turn on its members: the rule is asked with none.
    const readable = rows.filter((r) =>
      can(actor, 'read', 'mission', { head_id: r.head_id, members: [], classification: r.classification }),
    );
    return new Map(
      readable.map((r) => [r.id, { label: `${r.reference} ${r.name}`, path: `/missions/${r.id}` }]),
    );
  },
  report_collection: async (db, _actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('report_collections')
      .select(['id', 'name'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(rows.map((r) => [r.id, { label: r.name, path: `/reports?collection=${r.id}` }]));
  },
};
