import { type SubjectResolver, subjectUuids } from '../../core/module.ts';
import { can } from '../../policy/index.ts';

/**
 * A webhook in the record, by its URL, opening on its delegation's webhooks page. One query
 * for all the ids asked; only those who manage the delegation's webhooks (the `webhooks`
 * rule) get the URL. A deleted webhook is unknown.
 */
export const webhookSubjects: Record<string, SubjectResolver> = {
  webhook: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('webhooks')
      .select(['id', 'url', 'state_code'])
      .where('id', 'in', wanted)
      .execute();
    return new Map(
      rows
        .map((r) => ({ ...r, state: r.state_code.trim() }))
        .filter((r) => can(actor, 'read', 'webhooks', { state: r.state }))
        .map((r) => [r.id, { label: r.url, path: `/webhooks?state=${r.state}&webhook=${r.id}` }]),
    );
  },
};
