import type { SubjectResolver } from '../../core/module.ts';
import { can } from '../../policy/index.ts';

/** Subject ids of these types are UUIDs: anything else names nothing (and must not reach a uuid column). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: string[]) => [...new Set(ids.filter((id) => UUID.test(id)))];

/**
 * A webhook in the record, by its URL, opening on its delegation's webhooks page. One query
 * for all the ids asked; only those who manage the delegation's webhooks (the `webhooks`
 * rule) get the URL. A deleted webhook is unknown.
 */
export const webhookSubjects: Record<string, SubjectResolver> = {
  webhook: async (db, actor, ids) => {
    const wanted = uuids(ids);
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
