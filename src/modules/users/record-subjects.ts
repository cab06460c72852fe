import { type SubjectResolver, subjectUuids } from '../../core/module.ts';
import { usersVisibleTo } from '../../policy/index.ts';
import { isPerson, isSecretariat } from '../../policy/predicates.ts';

/**
 * The names and pages of people in the record, for the record page. One query per type for
 * all the ids asked, scoped by `usersVisibleTo`: a person the reader may not read is left
 * out, so the reader sees only the id (or, in older entries, the name typed at a failed sign-in) the entry holds.
 */
export const userSubjects: Record<string, SubjectResolver> = {
  user: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('users')
      .select(['users.id', 'users.display_name'])
      .where('users.id', 'in', wanted)
      .where(usersVisibleTo(actor))
      .execute();
    return new Map(rows.map((r) => [r.id, { label: r.display_name, path: '/people' }]));
  },

  /**
   * A failed sign-in written before migration 0015 named the account by the name typed: shown
   * as the person when it is one the reader may read. No entry is written with it any more.
   */
  username: async (db, actor, ids) => {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('users')
      .select(['users.username', 'users.display_name'])
      .where('users.username', 'in', wanted)
      .where(usersVisibleTo(actor))
      .execute();
    return new Map(rows.map((r) => [r.username, { label: r.display_name, path: '/people' }]));
  },

  /** An API token by its name: its owner sees it on their account page, the secretariat sees its name. */
  api_token: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0 || !isPerson(actor)) return new Map();
    let query = db
      .selectFrom('api_tokens')
      .select(['api_tokens.id', 'api_tokens.name', 'api_tokens.user_id'])
      .where('api_tokens.id', 'in', wanted);
    if (!isSecretariat(actor)) query = query.where('api_tokens.user_id', '=', actor.id);
    const rows = await query.execute();
    return new Map(
      rows.map((r) => [r.id, { label: r.name, path: r.user_id === actor.id ? '/account' : null }]),
    );
  },
};
