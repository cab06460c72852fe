import { type Actor, systemActor } from '../../core/actor.ts';
import { conflict } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { authorize } from '../../policy/index.ts';
import { appendEntry, payloadHash, setWitnesses } from '../ledger/index.ts';
import { createUser } from '../users/index.ts';
import { loadHotlines } from './hotlines-load.ts';
import { loadMonitoringSettings } from './monitoring-load.ts';
import { defaultQuorum, type OrganisationFile } from './schema.ts';

export interface LoadSummary {
  memberStates: number;
  bodies: number;
  partners: number;
  priorities: number;
  crossingPoints: number;
  usersCreated: number;
  usersKept: number;
}

/**
 * Makes the directory what the organisation file says, in one transaction: states,
 * bodies and their members, partners, the presidency and its priorities; accounts named
 * in the file are created if missing (existing ones keep their passwords). Removing a
 * state, body or partner that people still belong to is refused.
 */
export async function loadOrganisation(
  trx: Db,
  actor: Actor,
  file: OrganisationFile,
  source: string,
  onProgress?: (step: string) => void,
): Promise<LoadSummary> {
  authorize(actor, 'load', 'directory', null);
  const org = file.organisation;
  onProgress?.('organisation');
  await trx
    .insertInto('organisation')
    .values({
      id: 1,
      short_name_en: org.shortName.en,
      short_name_ru: org.shortName.ru,
      name_en: org.name.en,
      name_ru: org.name.ru,
      working_languages: org.workingLanguages,
      time_zone: org.timeZone,
      procedure_max_horizon_days: file.procedures.maxHorizonDays,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        short_name_en: eb.ref('excluded.short_name_en'),
        short_name_ru: eb.ref('excluded.short_name_ru'),
        name_en: eb.ref('excluded.name_en'),
        name_ru: eb.ref('excluded.name_ru'),
        working_languages: eb.ref('excluded.working_languages'),
        time_zone: eb.ref('excluded.time_zone'),
        procedure_max_horizon_days: eb.ref('excluded.procedure_max_horizon_days'),
        updated_at: new Date(),
      })),
    )
    .execute();

  onProgress?.('member states');
  const stateCodes = file.memberStates.map((s) => s.code);
  await refuseRemovingUsed(
    trx,
    stateCodes,
    file.partners.map((p) => p.code),
  );
  await trx.deleteFrom('body_members').execute();
  await trx.deleteFrom('presidencies').execute();
  await trx.deleteFrom('member_states').where('code', 'not in', stateCodes).execute();
  for (const [position, s] of file.memberStates.entries()) {
    await trx
      .insertInto('member_states')
      .values({ code: s.code, name_en: s.name.en, name_ru: s.name.ru, time_zone: s.timeZone, position })
      .onConflict((oc) =>
        oc
          .column('code')
          .doUpdateSet({ name_en: s.name.en, name_ru: s.name.ru, time_zone: s.timeZone, position }),
      )
      .execute();
  }

  onProgress?.('partners');
  const partnerCodes = file.partners.map((p) => p.code);
  await (partnerCodes.length
    ? trx.deleteFrom('partners').where('code', 'not in', partnerCodes)
    : trx.deleteFrom('partners')
  ).execute();
  for (const [position, p] of file.partners.entries()) {
    const values = {
      name_en: p.name.en,
      name_ru: p.name.ru,
      short_name_en: p.shortName.en,
      short_name_ru: p.shortName.ru,
      position,
    };
    await trx
      .insertInto('partners')
      .values({ code: p.code, ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .execute();
  }

  onProgress?.('bodies');
  const bodyCodes = file.bodies.map((b) => b.code);
  await (bodyCodes.length
    ? trx.deleteFrom('bodies').where('code', 'not in', bodyCodes)
    : trx.deleteFrom('bodies')
  ).execute();
  for (const [position, b] of file.bodies.entries()) {
    const values = { name_en: b.name.en, name_ru: b.name.ru, kind: b.kind, position };
    await trx
      .insertInto('bodies')
      .values({ code: b.code, ...values })
      .onConflict((oc) => oc.column('code').doUpdateSet(values))
      .execute();
    const members = b.members === 'all' ? stateCodes : b.members;
    if (members.length)
      await trx
        .insertInto('body_members')
        .values(members.map((m) => ({ body_code: b.code, state_code: m })))
        .execute();
  }

  onProgress?.('presidency');
  let priorities = 0;
  if (file.presidency) {
    const p = file.presidency;
    const presidency = await trx
      .insertInto('presidencies')
      .values({
        state_code: p.state,
        starts_on: p.from,
        ends_on: p.to,
        slogan_en: p.slogan.en,
        slogan_ru: p.slogan.ru,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [position, priority] of p.priorities.entries()) {
      const row = await trx
        .insertInto('priorities')
        .values({
          presidency_id: presidency.id,
          code: priority.code,
          position,
          title_en: priority.title.en,
          title_ru: priority.title.ru,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (priority.items.length)
        await trx
          .insertInto('priority_items')
          .values(
            priority.items.map((item, i) => ({
              priority_id: row.id,
              position: i,
              text_en: item.en,
              text_ru: item.ru,
            })),
          )
          .execute();
      priorities++;
    }
  }

  onProgress?.('clearances');
  const clearances = await loadClearanceSettings(trx, file);
  onProgress?.('monitoring');
  const monitoring = await loadMonitoringSettings(trx, file);
  onProgress?.('hotlines');
  const hotlines = await loadHotlines(trx, file);

  onProgress?.('accounts');
  let usersCreated = 0;
  let usersKept = 0;
  for (const u of file.users) {
    const exists = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', u.username)
      .executeTakeFirst();
    if (exists) {
      usersKept++;
      continue;
    }
    const row = await createUser(
      trx,
      systemActor(actor.kind === 'system' ? actor.label : 'organisation-file'),
      {
        username: u.username,
        displayName: u.displayName,
        email: u.email ?? null,
        password: u.password,
        affiliation: u.affiliation,
        stateCode: u.state ?? null,
        partnerCode: u.partner ?? null,
        role: u.role,
        accessLevel: u.accessLevel,
      },
      { isDemo: u.demo },
    );
    if (u.locale !== 'en')
      await trx.updateTable('users').set({ locale: u.locale }).where('id', '=', row.id).execute();
    usersCreated++;
  }

  const summary = {
    memberStates: file.memberStates.length,
    bodies: file.bodies.length,
    partners: file.partners.length,
    priorities,
    crossingPoints: clearances.crossingPoints,
    usersCreated,
    usersKept,
  };
  const { users: _users, ...directory } = file;
  onProgress?.('record witnesses');
  const { witnesses, quorum } = file.record;
  await setWitnesses(
    trx,
    actor,
    witnesses.map((w) => ({ name: w.name, state: w.state ?? null, verifierKey: w.key })),
    quorum ?? defaultQuorum(witnesses.length),
  );

  await appendEntry(trx, actor, {
    action: 'organisation.loaded',
    subjectType: 'organisation',
    subjectId: org.shortName.en,
    // The entry states what was loaded, settings included (`getProcedureSettings` reads the organisation row).
    payload: {
      source,
      fileHash: payloadHash(directory),
      ...summary,
      procedures: file.procedures,
      monitoring,
      hotlines,
    },
  });
  return summary;
}

/** Response windows when the file sets none: the reference figures (6 h, 24 h, 72 h), silence as consent. */
export const DEFAULT_RESPONSE_WINDOWS = {
  emergency: { hours: 6, onSilence: 'consent' },
  urgent: { hours: 24, onSilence: 'consent' },
  routine: { hours: 72, onSilence: 'consent' },
} as const;

/**
 * The clearances section: crossing points, each state's response window per urgency (the
 * file's default, overridden per state) and how a deployment request is decided. Requests
 * keep crossing point codes in their content, so the points are simply replaced.
 */
async function loadClearanceSettings(trx: Db, file: OrganisationFile) {
  const section = file.clearances;
  await trx.deleteFrom('crossing_points').execute();
  await trx.deleteFrom('clearance_windows').execute();
  await trx.deleteFrom('clearance_settings').execute();
  const points = section?.crossingPoints ?? [];
  if (points.length)
    await trx
      .insertInto('crossing_points')
      .values(
        points.map((p, position) => ({
          code: p.code,
          name_en: p.name.en,
          name_ru: p.name.ru,
          kind: p.kind,
          states: p.states,
          latitude: p.lat,
          longitude: p.lon,
          position,
        })),
      )
      .execute();
  const defaults = section?.responseWindows.default ?? DEFAULT_RESPONSE_WINDOWS;
  const windows = file.memberStates.flatMap((state) =>
    (['emergency', 'urgent', 'routine'] as const).map((urgency) => {
      const w = section?.responseWindows.byState[state.code]?.[urgency] ?? defaults[urgency];
      return { state_code: state.code, urgency, hours: w.hours, on_silence: w.onSilence };
    }),
  );
  await trx.insertInto('clearance_windows').values(windows).execute();
  if (section?.deployment)
    await trx
      .insertInto('clearance_settings')
      .values({
        id: 1,
        deployment_body: section.deployment.body,
        deployment_procedure: section.deployment.procedure,
        deployment_hours: section.deployment.hours,
      })
      .execute();
  return { crossingPoints: points.length };
}

async function refuseRemovingUsed(trx: Db, stateCodes: string[], partnerCodes: string[]) {
  const usedStates = await trx
    .selectFrom('users')
    .select('state_code')
    .distinct()
    .where('state_code', 'is not', null)
    .where('state_code', 'not in', stateCodes)
    .execute();
  if (usedStates.length)
    throw conflict(
      `member state ${usedStates[0].state_code} still has people; it cannot be removed`,
      'memberStates',
    );
  let partners = trx
    .selectFrom('users')
    .select('partner_code')
    .distinct()
    .where('partner_code', 'is not', null);
  if (partnerCodes.length) partners = partners.where('partner_code', 'not in', partnerCodes);
  const usedPartners = await partners.execute();
  if (usedPartners.length)
    throw conflict(
      `partner ${usedPartners[0].partner_code} still has people; it cannot be removed`,
      'partners',
    );
}

/** Whether any directory has been loaded yet. */
export async function isDirectoryLoaded(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('organisation').select('id').executeTakeFirst());
}
