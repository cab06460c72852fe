import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { bilingual } from './present.ts';
import { DEFAULT_MAX_HORIZON_DAYS, type ProcedureSettings } from './schema.ts';

const trimCode = (code: string) => code.trim();

export async function getOrganisation(db: Db) {
  const org = await db.selectFrom('organisation').selectAll().executeTakeFirst();
  if (!org) return null;
  return {
    shortName: bilingual(org.short_name_en, org.short_name_ru),
    name: bilingual(org.name_en, org.name_ru),
    workingLanguages: org.working_languages,
    timeZone: org.time_zone,
  };
}

/** The current presidency (the latest by start date) with its priorities and their items. */
export async function getPresidency(db: Db) {
  const p = await db
    .selectFrom('presidencies')
    .innerJoin('member_states', 'member_states.code', 'presidencies.state_code')
    .selectAll('presidencies')
    .select(['member_states.name_en as state_name_en', 'member_states.name_ru as state_name_ru'])
    // Dates as text: drivers disagree on the time zone of a date turned into a Date.
    .select([
      sql<string>`presidencies.starts_on::text`.as('from'),
      sql<string>`presidencies.ends_on::text`.as('to'),
    ])
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();
  if (!p) return null;
  const priorities = await db
    .selectFrom('priorities')
    .selectAll()
    .where('presidency_id', '=', p.id)
    .orderBy('position')
    .execute();
  const items = priorities.length
    ? await db
        .selectFrom('priority_items')
        .selectAll()
        .where(
          'priority_id',
          'in',
          priorities.map((x) => x.id),
        )
        .orderBy('position')
        .execute()
    : [];
  return {
    state: { code: trimCode(p.state_code), name: bilingual(p.state_name_en, p.state_name_ru) },
    from: p.from,
    to: p.to,
    slogan: bilingual(p.slogan_en, p.slogan_ru),
    priorities: priorities.map((x) => ({
      code: x.code,
      title: bilingual(x.title_en, x.title_ru),
      items: items.filter((i) => i.priority_id === x.id).map((i) => bilingual(i.text_en, i.text_ru)),
    })),
  };
}

export async function listStates(db: Db, code?: string) {
  let query = db.selectFrom('member_states').selectAll().orderBy('position').orderBy('code');
  if (code) query = query.where('code', '=', code);
  const [states, members] = await Promise.all([
    query.execute(),
    db.selectFrom('body_members').selectAll().execute(),
  ]);
  return states.map((s) => ({
    code: trimCode(s.code),
    name: bilingual(s.name_en, s.name_ru),
    timeZone: s.time_zone,
    bodies: members.filter((m) => trimCode(m.state_code) === trimCode(s.code)).map((m) => m.body_code),
  }));
}

export async function listBodies(db: Db, code?: string) {
  let query = db.selectFrom('bodies').selectAll().orderBy('position').orderBy('code');
  if (code) query = query.where('code', '=', code);
  const [bodies, members] = await Promise.all([
    query.execute(),
    db
      .selectFrom('body_members')
      .innerJoin('member_states', 'member_states.code', 'body_members.state_code')
      .select(['body_members.body_code', 'body_members.state_code'])
      .orderBy('member_states.position')
      .execute(),
  ]);
  return bodies.map((b) => ({
    code: b.code,
    kind: b.kind,
    name: bilingual(b.name_en, b.name_ru),
    members: members.filter((m) => m.body_code === b.code).map((m) => trimCode(m.state_code)),
  }));
}

export async function listPartners(db: Db, code?: string) {
  let query = db.selectFrom('partners').selectAll().orderBy('position').orderBy('code');
  if (code) query = query.where('code', '=', code);
  const rows = await query.execute();
  return rows.map((p) => ({
    code: p.code,
    shortName: bilingual(p.short_name_en, p.short_name_ru),
    name: bilingual(p.name_en, p.name_ru),
  }));
}

/**
 * The procedure settings of the organisation file in force: those the last load wrote to
 * the organisation; the default applies before any file was loaded.
 */
export async function getProcedureSettings(db: Db): Promise<ProcedureSettings> {
  const row = await db
    .selectFrom('organisation')
    .select('procedure_max_horizon_days as maxHorizonDays')
    .executeTakeFirst();
  return { maxHorizonDays: row?.maxHorizonDays ?? DEFAULT_MAX_HORIZON_DAYS };
}
