import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, personFromRow, systemActor } from '../../core/actor.ts';
import { AppError } from '../../core/errors.ts';
import type { UserRow } from '../../db/schema.ts';
import {
  buildUser,
  recordAfter,
  recordHead,
  TEST_ORGANISATION,
  type TestContext,
  testContext,
} from '../../testing/harness.ts';
import { loadOrganisation } from './commands.ts';
import {
  edit,
  editMonitoring,
  editSettings,
  MONITORING,
  WITH_SETTINGS,
} from './organisation-file.fixtures.ts';
import { parseOrganisationFile } from './organisation-file.ts';

describe('the directory over the API', () => {
  let t: TestContext;
  let delegate: UserRow;
  let observer: UserRow;
  beforeAll(async () => {
    t = await testContext();
    delegate = await buildUser(t.handle, { stateCode: 'BY' });
    observer = await buildUser(t.handle, { role: 'observer', partnerCode: 'SCO' });
  });
  afterAll(() => t.close());

  const get = async <T>(path: string, as: UserRow = delegate) => {
    const res = await t.request(path, { as });
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  };
  const load = (text: string, actor: Actor = systemActor('test')) =>
    t.handle.db
      .transaction()
      .execute((trx) => loadOrganisation(trx, actor, parseOrganisationFile(text), 'test'));

  it('every directory endpoint answers 401 without credentials', async () => {
    for (const path of [
      '/api/organisation',
      '/api/states',
      '/api/states/BY',
      '/api/bodies',
      '/api/bodies/council',
      '/api/partners',
      '/api/partners/UN',
    ]) {
      expect((await t.request(path)).status, path).toBe(401);
    }
  });

  it('the organisation and its presidency', async () => {
    const body = await get<{ organisation: unknown; presidency: unknown }>('/api/organisation', observer);
    expect(body).toEqual({
      organisation: {
        shortName: { en: 'TO', ru: 'ТО' },
        name: { en: 'Test Organisation', ru: 'Тестовая организация' },
        workingLanguages: ['en', 'ru'],
        timeZone: 'Europe/Moscow',
      },
      presidency: {
        state: { code: 'BY', name: { en: 'Belarus', ru: 'Беларусь' } },
        from: '2026-01-01',
        to: '2026-12-31',
        slogan: { en: 'Together', ru: 'Вместе' },
        priorities: [
          {
            code: 'first',
            title: { en: 'First priority', ru: 'Первый приоритет' },
            items: [{ en: 'One', ru: 'Один' }],
          },
        ],
      },
      procedures: { maxHorizonDays: 365 },
    });
  });

  it('member states with the bodies each sits in; one state by code, 404 for a state that is not a member, 400 for a malformed code', async () => {
    const states = await get<{ items: { code: string; bodies: string[]; timeZone: string }[] }>(
      '/api/states',
    );
    expect(states.items.map((s) => [s.code, s.bodies.sort(), s.timeZone])).toEqual([
      ['AM', ['committee', 'council'], 'Asia/Yerevan'],
      ['BY', ['committee', 'council'], 'Europe/Minsk'],
      ['TJ', ['council'], 'Asia/Dushanbe'],
    ]);
    expect((await get<{ state: { code: string } }>('/api/states/by')).state.code).toBe('BY');
    const missing = await t.request('/api/states/KZ', { as: delegate });
    expect(missing.status).toBe(404);
    const malformed = await t.request('/api/states/B1', { as: delegate });
    expect(malformed.status).toBe(400);
    expect(
      ((await malformed.json()) as { error: { fields: { field: string }[] } }).error.fields[0].field,
    ).toBe('path.code');
  });

  it('bodies with their members; one body by code, 404 for a body that does not exist', async () => {
    const bodies = await get<{ items: { code: string; kind: string; members: string[] }[] }>(
      '/api/bodies',
      observer,
    );
    expect(bodies.items.map((b) => [b.code, b.kind, b.members])).toEqual([
      ['council', 'council', ['AM', 'BY', 'TJ']],
      ['committee', 'committee', ['AM', 'BY']],
    ]);
    expect((await get<{ body: { members: string[] } }>('/api/bodies/committee')).body.members).toEqual([
      'AM',
      'BY',
    ]);
    expect((await t.request('/api/bodies/no-such-body', { as: delegate })).status).toBe(404);
  });

  it('partner organisations; one by code, 404 for one that is not a partner, 400 for a malformed code', async () => {
    const partners = await get<{ items: { code: string; shortName: { en: string } }[] }>('/api/partners');
    expect(partners.items.map((p) => [p.code, p.shortName.en])).toEqual([
      ['UN', 'UN'],
      ['SCO', 'SCO'],
    ]);
    expect((await get<{ partner: { code: string } }>('/api/partners/sco')).partner.code).toBe('SCO');
    expect((await t.request('/api/partners/CIS', { as: delegate })).status).toBe(404);
    for (const code of ['1UN', 'A', 'SHANGHAI-COOPERATION']) {
      const res = await t.request(`/api/partners/${code}`, { as: delegate });
      expect(res.status, code).toBe(400);
      expect(((await res.json()) as { error: { fields: { field: string }[] } }).error.fields[0].field).toBe(
        'path.code',
      );
    }
  });

  it('every code the organisation file accepts can be fetched: a body code of 64 characters', async () => {
    const long = `committee-of-security-council-secretaries-${'x'.repeat(22)}`;
    expect(long).toHaveLength(64);
    const demo = 'committee-of-security-council-secretaries';
    await load(
      edit(
        '  - { code: committee,',
        `  - { code: ${long}, kind: committee, name: { en: Long, ru: Длинный }, members: [AM] }\n  - { code: ${demo}, kind: committee, name: { en: CSCS, ru: КССБ }, members: [BY] }\n  - { code: committee,`,
      ),
    );
    try {
      expect((await get<{ body: { members: string[] } }>(`/api/bodies/${long}`)).body.members).toEqual([
        'AM',
      ]);
      expect((await get<{ body: { code: string } }>(`/api/bodies/${demo}`)).body.code).toBe(demo);
      expect((await get<{ body: { code: string } }>(`/api/bodies/${demo.toUpperCase()}`)).body.code).toBe(
        demo,
      );
      for (const code of [`${long}x`, '9-lives', 'a']) {
        const res = await t.request(`/api/bodies/${code}`, { as: delegate });
        expect(res.status, code).toBe(400);
        expect(((await res.json()) as { error: { fields: { field: string }[] } }).error.fields[0].field).toBe(
          'path.code',
        );
      }
    } finally {
      await load(TEST_ORGANISATION);
    }
  });

  it("the organisation file's procedure settings are served with the organisation, and follow each load", async () => {
    const settings = async () =>
      (await get<{ procedures: { maxHorizonDays: number } }>('/api/organisation')).procedures;
    expect(await settings()).toEqual({ maxHorizonDays: 365 });
    await load(WITH_SETTINGS);
    try {
      expect(await settings()).toEqual({ maxHorizonDays: 30 });
      const recorded = await recordAfter(t.handle, (await recordHead(t.handle)) - 1);
      expect(recorded[0].payload).toMatchObject({ procedures: { maxHorizonDays: 30 } });
      // A setting of the organisation, kept in its row (the entry only states what was loaded).
      const row = await t.handle.db
        .selectFrom('organisation')
        .select('procedure_max_horizon_days')
        .executeTakeFirstOrThrow();
      expect(row.procedure_max_horizon_days).toBe(30);
      await t.handle.db.updateTable('organisation').set({ procedure_max_horizon_days: 45 }).execute();
      expect(await settings()).toEqual({ maxHorizonDays: 45 });
      // The database refuses a horizon out of range, as the file's schema does.
      await expect(
        t.handle.db.updateTable('organisation').set({ procedure_max_horizon_days: 3651 }).execute(),
      ).rejects.toThrow(/check constraint/);
    } finally {
      await load(TEST_ORGANISATION);
    }
    expect(await settings()).toEqual({ maxHorizonDays: 365 });
  });

  it('a file that passes its schema loads: windows in hundredths of an hour are kept exactly', async () => {
    await load(editSettings('hours: 96.5,', 'hours: 0.01,'));
    try {
      const window = await t.handle.db
        .selectFrom('clearance_windows')
        .select('hours')
        .where('state_code', '=', 'TJ')
        .where('urgency', '=', 'routine')
        .executeTakeFirstOrThrow();
      expect(Number(window.hours)).toBe(0.01);
    } finally {
      await load(TEST_ORGANISATION);
    }
  });

  it('reloading converges on the file: a removed body disappears, a new state appears, and the load is recorded', async () => {
    const before = await recordHead(t.handle);
    const changed = TEST_ORGANISATION.replace(/^ {2}- \{ code: committee.*$/m, '').replace(
      '  - { code: TJ,',
      '  - { code: KZ, name: { en: Kazakhstan, ru: Казахстан }, timeZone: Asia/Almaty }\n  - { code: TJ,',
    );
    const summary = await load(changed);
    expect(summary).toMatchObject({ memberStates: 4, bodies: 1, partners: 2, priorities: 1 });
    const bodies = await get<{ items: { code: string; members: string[] }[] }>('/api/bodies');
    expect(bodies.items.map((b) => [b.code, b.members])).toEqual([['council', ['AM', 'BY', 'KZ', 'TJ']]]);
    expect((await t.request('/api/bodies/committee', { as: delegate })).status).toBe(404);
    expect((await get<{ state: { bodies: string[] } }>('/api/states/BY')).state.bodies).toEqual(['council']);
    expect((await get<{ state: { code: string } }>('/api/states/KZ')).state.code).toBe('KZ');

    const recorded = await recordAfter(t.handle, before);
    expect(recorded.map((e) => [e.action, e.subject_type, e.subject_id, e.audience])).toEqual([
      ['organisation.loaded', 'organisation', 'TO', null],
    ]);
    expect(recorded[0].payload).toMatchObject({ source: 'test', memberStates: 4, bodies: 1 });

    // Loading the original again brings the committee back and removes KZ, which nobody belongs to.
    await load(TEST_ORGANISATION);
    expect((await get<{ items: { code: string }[] }>('/api/bodies')).items.map((b) => b.code)).toEqual([
      'council',
      'committee',
    ]);
    expect((await t.request('/api/states/KZ', { as: delegate })).status).toBe(404);
  });

  it('refuses to remove a state or a partner that still has people, and changes nothing', async () => {
    await buildUser(t.handle, { stateCode: 'TJ' });
    const before = await recordHead(t.handle);
    const withoutTajikistan = TEST_ORGANISATION.replace(/^ {2}- \{ code: TJ.*$/m, '').replace(
      'Together',
      'Apart',
    );
    await expect(load(withoutTajikistan)).rejects.toThrow(/member state TJ still has people/);
    const withoutSco = TEST_ORGANISATION.replace(/^ {2}- \{ code: SCO.*$/m, '');
    await expect(load(withoutSco)).rejects.toThrow(/partner SCO still has people/);
    const err = await load(withoutTajikistan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(409);

    expect(await recordHead(t.handle)).toBe(before);
    expect((await get<{ items: { code: string }[] }>('/api/states')).items.map((s) => s.code)).toEqual([
      'AM',
      'BY',
      'TJ',
    ]);
    expect(
      (await get<{ presidency: { slogan: { en: string } } }>('/api/organisation')).presidency.slogan.en,
    ).toBe('Together');
  });

  it('the monitoring section is loaded, reloads converge on it by code, and a file without it clears it', async () => {
    const db = t.handle.db;
    const codes = async () => ({
      levels: (await db.selectFrom('alert_levels').select('code').orderBy('level').execute()).map(
        (r) => r.code,
      ),
      categories: (
        await db
          .selectFrom('report_categories')
          .select(['code', 'parent_code', 'violent'])
          .orderBy('position')
          .execute()
      ).map((r) => [r.code, r.parent_code, r.violent]),
      regions: (
        await db
          .selectFrom('monitoring_regions')
          .select(['code', 'states', 'area'])
          .orderBy('position')
          .execute()
      ).map((r) => [r.code, r.states, r.area]),
      indicators: (
        await db
          .selectFrom('indicators')
          .select(['code', 'region_code', 'source', 'categories', 'thresholds'])
          .orderBy('position')
          .execute()
      ).map((r) => [r.code, r.region_code, r.source, r.categories, r.thresholds]),
      escalate: await db
        .selectFrom('monitoring_settings')
        .select(['escalate_indicators', 'escalate_at_level'])
        .execute(),
    });
    try {
      const before = await recordHead(t.handle);
      await load(MONITORING);
      expect(await codes()).toEqual({
        levels: ['normal', 'warning', 'crisis'],
        categories: [
          ['battles', null, true],
          ['armed-clash', 'battles', true],
          ['border-incident', null, false],
        ],
        regions: [
          [
            'south',
            ['TJ'],
            [
              [68, 37],
              [70, 37],
              [69, 38],
            ],
          ],
          ['border', ['AM', 'BY'], null],
        ],
        indicators: [
          [
            'south-incidents',
            'south',
            'computed',
            ['border-incident', 'armed-clash'],
            [
              { level: 2, at: 3 },
              { level: 3, at: 10 },
            ],
          ],
          [
            'south-grain',
            'south',
            'entered',
            null,
            [
              { level: 2, at: 30 },
              { level: 3, at: 7 },
            ],
          ],
        ],
        escalate: [{ escalate_indicators: 2, escalate_at_level: 2 }],
      });
      // The same, as the API answers every signed-in person (observers too: it is the file's).
      const { monitoring } = await get<{ monitoring: Record<string, unknown> }>(
        '/api/organisation/monitoring',
        observer,
      );
      expect(monitoring).toMatchObject({
        alertScale: [
          { level: 1, code: 'normal', name: { en: 'Normal', ru: 'Норма' }, colour: '#2f9e44' },
          { level: 2, code: 'warning' },
          { level: 3, code: 'crisis' },
        ],
        categories: [
          {
            code: 'battles',
            violent: true,
            subcategories: [{ code: 'armed-clash', name: { en: 'Armed clash' } }],
          },
          { code: 'border-incident', violent: false, subcategories: [] },
        ],
        regions: [
          {
            code: 'south',
            states: ['TJ'],
            area: [
              [68, 37],
              [70, 37],
              [69, 38],
            ],
          },
          { code: 'border', states: ['AM', 'BY'], area: null },
        ],
        indicators: [
          {
            code: 'south-incidents',
            region: 'south',
            source: 'computed',
            computed: { categories: ['border-incident', 'armed-clash'], measure: 'reports', window: 'week' },
            direction: 'rising',
          },
          {
            code: 'south-grain',
            source: 'entered',
            computed: null,
            direction: 'falling',
            unit: { en: 'days' },
          },
        ],
        combination: { escalate: { indicators: 2, atLevel: 2 } },
      });
      expect((await t.request('/api/organisation/monitoring')).status).toBe(401);
      const [entry] = await recordAfter(t.handle, before);
      expect(entry.payload).toMatchObject({
        monitoring: { alertLevels: 3, categories: 3, regions: 2, indicators: 2 },
      });

      // A subcategory promoted to a category of its own, a region renamed in place, one dropped.
      const changed = editMonitoring(
        '      subcategories:\n        - { code: armed-clash, name: { en: Armed clash, ru: Столкновение } }\n',
        '',
      )
        .replace('    - { code: border, name: { en: Border, ru: Граница }, states: [AM, BY] }\n', '')
        .replace('name: { en: South, ru: Юг }', 'name: { en: Southern border, ru: Южная граница }')
        .replace(
          '    - { code: border-incident,',
          '    - { code: armed-clash, name: { en: Armed clash, ru: Столкновение } }\n    - { code: border-incident,',
        );
      await load(changed);
      const after = await codes();
      expect(after.categories).toEqual([
        ['battles', null, true],
        ['armed-clash', null, false],
        ['border-incident', null, false],
      ]);
      expect(after.regions.map(([code]) => code)).toEqual(['south']);
      expect(
        await db
          .selectFrom('monitoring_regions')
          .select('name_en')
          .where('code', '=', 'south')
          .executeTakeFirst(),
      ).toEqual({ name_en: 'Southern border' });
      expect(after.indicators).toHaveLength(2);
    } finally {
      await load(TEST_ORGANISATION);
    }
    expect(await codes()).toEqual({ levels: [], categories: [], regions: [], indicators: [], escalate: [] });
    expect((await get<{ monitoring: unknown }>('/api/organisation/monitoring')).monitoring).toEqual({
      alertScale: [],
      categories: [],
      regions: [],
      indicators: [],
      combination: { escalate: null },
    });
  });

  it('only administrators load files: a delegate is refused with 403', async () => {
    const err = await load(TEST_ORGANISATION, personFromRow(delegate)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(403);
    const admin = await buildUser(t.handle, { role: 'secretariat_admin' });
    await expect(load(TEST_ORGANISATION, personFromRow(admin))).resolves.toMatchObject({ memberStates: 3 });
  });
});
