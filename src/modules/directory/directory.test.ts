import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../config.ts';
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
import { OrganisationFileError, parseOrganisationFile, readOrganisationFile } from './organisation-file.ts';

/** The 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${needle} is not in the text`);
  return index + 1;
}

/** Parses text expected to be refused and returns the error. */
function refusal(text: string): OrganisationFileError {
  try {
    parseOrganisationFile(text, 'org.yaml');
  } catch (err) {
    if (err instanceof OrganisationFileError) return err;
    throw err;
  }
  throw new Error('the file was accepted');
}

const edit = (from: string, to: string, text = TEST_ORGANISATION) => {
  if (!text.includes(from)) throw new Error(`${from} is not in the test organisation`);
  return text.replace(from, to);
};

/** The test organisation with response windows, a deployment rule and procedure settings. */
const WITH_SETTINGS = `${TEST_ORGANISATION}clearances:
  responseWindows:
    default:
      emergency: { hours: 6, onSilence: consent }
      urgent: { hours: 24, onSilence: consent }
      routine: { hours: 72, onSilence: refusal }
    byState:
      TJ:
        routine: { hours: 96.5, onSilence: escalation }
  deployment: { body: council, procedure: silence, hours: 48 }
procedures:
  maxHorizonDays: 30
users:
  - { username: staff.one, displayName: Staff One, email: one@example.org, password: correct-horse-1, affiliation: secretariat, role: delegate, accessLevel: public }
  - { username: by.one, displayName: BY One, email: by@example.org, password: correct-horse-1, affiliation: delegation, state: BY, role: delegate, accessLevel: public }
`;
const editSettings = (from: string, to: string) => edit(from, to, WITH_SETTINGS);

describe('organisation files', () => {
  it('the demo file loads: six member states, the Belarus presidency with four priorities', () => {
    const file = readOrganisationFile(DEMO_FILE);
    expect(file.memberStates.map((s) => s.code)).toEqual(['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ']);
    expect(file.presidency?.state).toBe('BY');
    expect(file.presidency?.priorities).toHaveLength(4);
    expect(file.presidency?.priorities.every((p) => p.items.length > 0 && p.title.en && p.title.ru)).toBe(
      true,
    );
    expect(file.bodies.length).toBeGreaterThan(0);
    expect(file.users.every((u) => u.demo)).toBe(true);
  });

  it('JSON is accepted too, being YAML', () => {
    const file = parseOrganisationFile(JSON.stringify(parseOrganisationFile(TEST_ORGANISATION)));
    expect(file.memberStates.map((s) => s.code)).toEqual(['AM', 'BY', 'TJ']);
  });

  const cases = [
    {
      what: 'an unknown field',
      text: edit('  timeZone: Europe/Moscow', '  timeZone: Europe/Moscow\n  motto: Unity'),
      onLine: 'motto',
      path: 'organisation.motto',
      reason: /unknown field motto/,
    },
    {
      what: 'a wrong type',
      text: edit('workingLanguages: [en, ru]', 'workingLanguages: en'),
      onLine: 'workingLanguages',
      path: 'organisation.workingLanguages',
      reason: /expected array/i,
    },
    {
      what: 'a time zone that does not exist',
      text: edit('Asia/Dushanbe', 'Asia/Atlantis'),
      onLine: 'Asia/Atlantis',
      path: 'memberStates.2.timeZone',
      reason: /IANA time zone/,
    },
    {
      what: 'a body member that is not a state',
      text: edit('members: [AM, BY]', 'members: [AM, KZ]'),
      onLine: 'members: [AM, KZ]',
      path: 'bodies.1.members.1',
      reason: /KZ is not a member state/,
    },
    {
      what: 'a state listed twice',
      text: edit('  - { code: TJ,', '  - { code: AM,'),
      onLine: '  - { code: AM, name: { en: Tajikistan',
      path: 'memberStates.2.code',
      reason: /AM is listed twice/,
    },
    {
      what: 'a body listed twice',
      text: edit('code: committee,', 'code: council,'),
      onLine: 'kind: committee',
      path: 'bodies.1.code',
      reason: /council is listed twice/,
    },
    {
      what: 'a presidency of a state not in the file',
      text: edit('  state: BY', '  state: KZ'),
      onLine: 'state: KZ',
      path: 'presidency.state',
      reason: /KZ is not a member state/,
    },
    {
      what: 'a presidency that ends before it starts',
      text: edit('to: 2026-12-31', 'to: 2025-12-31'),
      onLine: 'to: 2025-12-31',
      path: 'presidency.to',
      reason: /ends before it starts/,
    },
    // Values whose range only the database used to check: the load failed on a CHECK
    // (or a unique index) instead of naming the file's line and field.
    {
      what: 'a response window the database would round to 0 hours',
      text: editSettings('emergency: { hours: 6,', 'emergency: { hours: 0.001,'),
      onLine: 'hours: 0.001',
      path: 'clearances.responseWindows.default.emergency.hours',
      reason: /at most two decimals/,
    },
    {
      what: "a state's response window in thousandths of an hour",
      text: editSettings('hours: 96.5,', 'hours: 96.125,'),
      onLine: 'hours: 96.125',
      path: 'clearances.responseWindows.byState.TJ.routine.hours',
      reason: /at most two decimals/,
    },
    {
      what: 'a response window longer than 90 days',
      text: editSettings('urgent: { hours: 24,', 'urgent: { hours: 2161,'),
      onLine: 'hours: 2161',
      path: 'clearances.responseWindows.default.urgent.hours',
      reason: /at most 2160/,
    },
    {
      what: 'a deployment decided in less than a hundredth of an hour',
      text: editSettings('hours: 48 }', 'hours: 0.004 }'),
      onLine: 'hours: 0.004',
      path: 'clearances.deployment.hours',
      reason: /at most two decimals/,
    },
    {
      what: 'a deployment procedure longer than the procedure horizon',
      text: editSettings('hours: 48 }', 'hours: 721 }'),
      onLine: 'hours: 721',
      path: 'clearances.deployment.hours',
      reason: /at most procedures\.maxHorizonDays \(30 days = 720 h\)/,
    },
    {
      what: 'a procedure horizon of no days',
      text: editSettings('maxHorizonDays: 30', 'maxHorizonDays: 0'),
      onLine: 'maxHorizonDays: 0',
      path: 'procedures.maxHorizonDays',
      reason: /at least 1/,
    },
    {
      what: 'a procedure horizon in part days',
      text: editSettings('maxHorizonDays: 30', 'maxHorizonDays: 1.5'),
      onLine: 'maxHorizonDays: 1.5',
      path: 'procedures.maxHorizonDays',
      reason: /whole number of days/,
    },
    {
      what: 'a presidency starting on a day that does not exist',
      text: edit('from: 2026-01-01', 'from: 2026-02-30'),
      onLine: 'from: 2026-02-30',
      path: 'presidency.from',
      reason: /not a real date/,
    },
    {
      what: 'a presidency in year 0',
      text: edit('from: 2026-01-01', 'from: 0000-01-01'),
      onLine: 'from: 0000-01-01',
      path: 'presidency.from',
      reason: /not a real date/,
    },
    {
      what: 'a priority listed twice',
      text: edit(
        '      items: [{ en: One, ru: Один }]\n',
        '      items: [{ en: One, ru: Один }]\n    - { code: first, title: { en: Again, ru: Снова } }\n',
      ),
      onLine: 'en: Again',
      path: 'presidency.priorities.1.code',
      reason: /first is listed twice/,
    },
    {
      what: 'a body member listed twice',
      text: edit('members: [AM, BY]', 'members: [AM, BY, AM]'),
      onLine: 'members: [AM, BY, AM]',
      path: 'bodies.1.members.2',
      reason: /AM is listed twice/,
    },
    {
      what: 'a partner listed twice',
      text: edit('  - { code: SCO,', '  - { code: UN,'),
      onLine: '  - { code: UN, shortName: { en: SCO',
      path: 'partners.1.code',
      reason: /UN is listed twice/,
    },
    {
      what: 'a partner code longer than 16 characters',
      text: edit('  - { code: SCO,', '  - { code: SHANGHAI-COOPERATION,'),
      onLine: 'SHANGHAI-COOPERATION',
      path: 'partners.1.code',
      reason: /2 to 16 capital letters, digits, _ or -/,
    },
    {
      what: 'a state given to secretariat staff',
      text: editSettings('affiliation: secretariat,', 'affiliation: secretariat, state: AM,'),
      onLine: 'state: AM',
      path: 'users.0.state',
      reason: /only a delegation member has a state/,
    },
    {
      what: "a person's level under its old key clearance",
      text: editSettings('role: delegate, accessLevel: public }', 'role: delegate, clearance: public }'),
      onLine: 'clearance: public',
      path: 'users.0.clearance',
      reason: /^a person's level is now called accessLevel: write accessLevel: public$/,
    },
    {
      what: 'an access level that does not exist',
      text: editSettings('accessLevel: public }', 'accessLevel: top-secret }'),
      onLine: 'accessLevel: top-secret',
      path: 'users.0.accessLevel',
      reason: /must be one of public, restricted, confidential, secret/,
    },
    {
      what: 'an e-mail address given twice',
      text: editSettings('email: by@example.org', 'email: ONE@example.org'),
      onLine: 'ONE@example.org',
      path: 'users.1.email',
      reason: /listed twice/,
    },
  ];
  it.each(cases)('$what is refused naming the line and the field', ({ text, onLine, path, reason }) => {
    const err = refusal(text);
    const line = lineOf(text, onLine);
    expect(err.problems[0]).toMatchObject({ path, line });
    expect(err.problems[0].reason).toMatch(reason);
    expect(err.message).toMatch(new RegExp(`^org\\.yaml:${line}: ${path.replaceAll('.', '\\.')}: `));
  });

  const syntaxErrors: [string, string, string][] = [
    [
      'a tab used for indentation',
      edit('  timeZone: Europe/Moscow', '\ttimeZone: Europe/Moscow'),
      'timeZone: Europe/Moscow',
    ],
    [
      'a key given twice',
      edit('  timeZone: Europe/Moscow', '  timeZone: Europe/Moscow\n  timeZone: Europe/Minsk'),
      'Europe/Minsk',
    ],
    ['a nested mapping on one line', edit('  state: BY', '  state: BY: Minsk'), 'state: BY: Minsk'],
  ];
  it.each(syntaxErrors)('a YAML syntax error (%s) names its line', (_what, text, needle) => {
    const err = refusal(text);
    const line = lineOf(text, needle);
    expect(err.problems[0].line).toBe(line);
    expect(err.message).toMatch(new RegExp(`^org\\.yaml:${line}:\\d+: \\S`));
  });

  it('procedure settings: as the file gives them, else a horizon of 365 days', () => {
    expect(parseOrganisationFile(WITH_SETTINGS).procedures).toEqual({ maxHorizonDays: 30 });
    expect(parseOrganisationFile(TEST_ORGANISATION).procedures).toEqual({ maxHorizonDays: 365 });
    expect(readOrganisationFile(DEMO_FILE).procedures.maxHorizonDays).toBeGreaterThanOrEqual(90);
  });

  it('a file that cannot be read says so', () => {
    expect(() => readOrganisationFile('/no/such/organisation.yaml')).toThrow(
      /cannot read the file \(ENOENT\)/,
    );
  });
});

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

  it('only administrators load files: a delegate is refused with 403', async () => {
    const err = await load(TEST_ORGANISATION, personFromRow(delegate)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(403);
    const admin = await buildUser(t.handle, { role: 'secretariat_admin' });
    await expect(load(TEST_ORGANISATION, personFromRow(admin))).resolves.toMatchObject({ memberStates: 3 });
  });
});
