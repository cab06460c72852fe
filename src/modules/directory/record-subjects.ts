import type { Actor } from '../../core/actor.ts';
import type { SubjectResolver } from '../../core/module.ts';
import { can } from '../../policy/index.ts';

/** The reader's language for names kept in English and Russian (the console reads English). */
const russian = (actor: Actor) => actor.kind === 'person' && actor.locale === 'ru';

/**
 * The organisation and its member states' delegations in the record, by name in the reader's
 * language. The directory is open to every signed-in person (the `directory` rule); one
 * query per type.
 */
export const directorySubjects: Record<string, SubjectResolver> = {
  /** The organisation file's loads name the organisation by its English short name. */
  organisation: async (db, actor, ids) => {
    if (ids.length === 0 || !can(actor, 'read', 'directory', null)) return new Map();
    const org = await db
      .selectFrom('organisation')
      .select(['short_name_en', 'name_en', 'name_ru'])
      .executeTakeFirst();
    if (!org) return new Map();
    const label = russian(actor) ? org.name_ru : org.name_en;
    return new Map(
      ids.filter((id) => id === org.short_name_en).map((id) => [id, { label, path: '/states' }]),
    );
  },

  /** A member state's delegation (who may answer for it), by the state's name. */
  delegation: async (db, actor, ids) => {
    const wanted = [...new Set(ids.filter((id) => /^[A-Z]{2}$/.test(id)))];
    if (wanted.length === 0 || !can(actor, 'read', 'directory', null)) return new Map();
    const rows = await db
      .selectFrom('member_states')
      .select(['code', 'name_en', 'name_ru'])
      .where('code', 'in', wanted)
      .execute();
    return new Map(
      rows.map((r) => [r.code.trim(), { label: russian(actor) ? r.name_ru : r.name_en, path: '/states' }]),
    );
  },
};
