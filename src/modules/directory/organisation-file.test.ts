import { describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../config.ts';
import { TEST_ORGANISATION } from '../../testing/harness.ts';
import { edit, editSettings, lineOf, refusal, WITH_SETTINGS } from './organisation-file.fixtures.ts';
import { parseOrganisationFile, readOrganisationFile } from './organisation-file.ts';

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
