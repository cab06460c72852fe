import { describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../config.ts';
import { systemActor } from '../../core/actor.ts';
import { TEST_ORGANISATION, testDatabase } from '../../testing/harness.ts';
import { loadOrganisation } from './commands.ts';
import { edit, lineOf, refusal } from './organisation-file.fixtures.ts';
import { parseOrganisationFile, readOrganisationFile } from './organisation-file.ts';

// The organisation file's `hotlines:` section: what it accepts, what it refuses (naming the
// field and its line), and what a load writes (an unlisted hotline closed, not deleted).

const HOTLINES = `${TEST_ORGANISATION}hotlines:
  - { code: AM-TJ, states: [TJ, AM], acknowledgeWithinMinutes: 15, escalateTo: [secretariat, heads_of_delegation] }
  - { code: AM-BY, states: [AM, BY], acknowledgeWithinMinutes: 60 }
`;
const editHotlines = (from: string, to: string) => edit(from, to, HOTLINES);

describe("the organisation file's hotlines section", () => {
  it('the demo declares KG-TJ (15 min) and AM-BY; escalation to the secretariat by default', () => {
    const demo = readOrganisationFile(DEMO_FILE).hotlines;
    expect(demo.find((h) => h.code === 'KG-TJ')).toMatchObject({
      states: ['KG', 'TJ'],
      acknowledgeWithinMinutes: 15,
    });
    expect(demo.map((h) => h.code)).toContain('AM-BY');
    expect(parseOrganisationFile(HOTLINES).hotlines[1].escalateTo).toEqual(['secretariat']);
    expect(parseOrganisationFile(TEST_ORGANISATION).hotlines).toEqual([]);
  });

  it.each([
    [
      'a window of no minutes',
      'acknowledgeWithinMinutes: 15',
      'acknowledgeWithinMinutes: 0',
      '0.acknowledgeWithinMinutes',
      'at least 1 minute',
    ],
    [
      'a window over a day',
      'acknowledgeWithinMinutes: 60',
      'acknowledgeWithinMinutes: 1441',
      '1.acknowledgeWithinMinutes',
      'at most 1440',
    ],
    [
      'a window in fractions',
      'acknowledgeWithinMinutes: 15',
      'acknowledgeWithinMinutes: 7.5',
      '0.acknowledgeWithinMinutes',
      'whole number',
    ],
    [
      'a state that is not a member',
      'states: [AM, BY]',
      'states: [AM, KZ]',
      '1.states.1',
      'KZ is not a member state',
    ],
    ['one state twice', 'states: [AM, BY]', 'states: [AM, AM]', '1.states.1', 'two different states'],
    ['three states', 'states: [AM, BY]', 'states: [AM, BY, TJ]', '1.states', 'exactly two'],
    [
      'a code twice',
      'code: AM-BY, states: [AM, BY]',
      'code: AM-TJ, states: [AM, BY]',
      '1.code',
      'AM-TJ is listed twice',
    ],
    [
      'an unknown recipient',
      'escalateTo: [secretariat, heads_of_delegation]',
      'escalateTo: [secretariat, ministers]',
      '0.escalateTo.1',
      'secretariat or heads_of_delegation',
    ],
    ['a lowercase code', 'code: AM-BY', 'code: am-by', '1.code', 'capital letters'],
  ])('refuses %s, naming the field and its line', (_name, from, to, path, reason) => {
    const text = editHotlines(from, to);
    const err = refusal(text);
    const problem = err.problems.find((p) => p.path === `hotlines.${path}`);
    expect(problem?.reason, JSON.stringify(err.problems)).toContain(reason);
    expect(problem?.line).toBe(lineOf(text, to));
  });

  it('a load writes the hotlines (states in order); one no longer listed is closed, and comes back', async () => {
    const handle = await testDatabase();
    try {
      const load = (text: string) =>
        handle.db
          .transaction()
          .execute((trx) => loadOrganisation(trx, systemActor('test'), parseOrganisationFile(text), 'test'));
      await load(HOTLINES);
      const rows = () =>
        handle.db
          .selectFrom('hotlines')
          .select(['code', 'state_a', 'state_b', 'active', 'escalate_to'])
          .orderBy('code')
          .execute();
      expect(await rows()).toEqual([
        { code: 'AM-BY', state_a: 'AM', state_b: 'BY', active: true, escalate_to: ['secretariat'] },
        {
          code: 'AM-TJ',
          state_a: 'AM',
          state_b: 'TJ',
          active: true,
          escalate_to: ['secretariat', 'heads_of_delegation'],
        },
      ]);
      await load(TEST_ORGANISATION);
      expect((await rows()).map((r) => r.active)).toEqual([false, false]);
      await load(HOTLINES);
      expect((await rows()).map((r) => r.active)).toEqual([true, true]);
    } finally {
      await handle.close();
    }
  });
});
