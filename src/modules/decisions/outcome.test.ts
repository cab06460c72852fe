import { describe, expect, it } from 'vitest';
import { computeOutcome, type OutcomeInput, type Rule, type StanceKind } from './outcome.ts';

const SIX = ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'];
const one = (stances: Record<string, StanceKind>, rule: Rule, extra: Partial<OutcomeInput> = {}) =>
  computeOutcome({ rule, eligible: SIX, points: ['1'], stances: { '1': stances }, ...extra });
const verdict = (stances: Record<string, StanceKind>, rule: Rule, extra: Partial<OutcomeInput> = {}) =>
  one(stances, rule, extra).points[0].verdict;

const consensus: Rule = { kind: 'meeting_consensus', excludedParties: [] };
const silence: Rule = { kind: 'silence', excludedParties: [] };
const written: Rule = { kind: 'written', excludedParties: [], missingAnswer: 'blocks' };
const unanimity: Rule = { kind: 'unanimity', excludedParties: [] };
const twoThirds: Rule = {
  kind: 'qualified_majority',
  excludedParties: [],
  majority: { states: { num: 2, den: 3 }, abstention: 'against' },
};
/** EU-style double majority: 55 % of states and 65 % of population, blocking minority of 4. */
const population = { AM: 3, BY: 9, KZ: 19, KG: 7, RU: 146, TJ: 10 };
const doubleMajority: Rule = {
  kind: 'qualified_majority',
  excludedParties: [],
  majority: {
    states: { num: 55, den: 100 },
    weights: { share: { num: 65, den: 100 }, byState: population },
    abstention: 'against',
    blockingMinority: 4,
  },
};

describe('named cases', () => {
  it.each([
    ['consensus, nobody objects', consensus, {}, true, 'no_objection'],
    ['consensus, one objection', consensus, { TJ: 'object' }, false, 'objected'],
    ['silence kept by everyone', silence, {}, true, 'silence_kept'],
    ['silence broken by an objection', silence, { AM: 'object' }, false, 'silence_broken'],
    ['silence broken by an amendment', silence, { KZ: 'propose_amendment' }, false, 'silence_broken'],
    ['silence: an abstention does not break it', silence, { KZ: 'abstain' }, true, 'silence_kept'],
    ['unanimity: all agree', unanimity, Object.fromEntries(SIX.map((s) => [s, 'agree'])), true, 'unanimous'],
    [
      'unanimity: an abstention does not block',
      unanimity,
      { ...Object.fromEntries(SIX.map((s) => [s, 'agree'])), RU: 'abstain' },
      true,
      'unanimous',
    ],
    ['unanimity: a missing answer blocks', unanimity, { AM: 'agree' }, false, 'no_answer'],
    [
      'unanimity: only abstentions',
      unanimity,
      Object.fromEntries(SIX.map((s) => [s, 'abstain'])),
      false,
      'no_support',
    ],
    [
      'written: a reservation counts as agreement',
      written,
      { ...Object.fromEntries(SIX.map((s) => [s, 'agree'])), BY: 'reservation' },
      true,
      'unanimous',
    ],
    [
      'two-thirds: 4 of 6 is enough',
      twoThirds,
      { AM: 'agree', BY: 'agree', KZ: 'agree', KG: 'agree', RU: 'object', TJ: 'abstain' },
      true,
      'majority_reached',
    ],
    [
      'two-thirds: 3 of 6 is not',
      twoThirds,
      { AM: 'agree', BY: 'agree', KZ: 'agree', KG: 'object', RU: 'object', TJ: 'abstain' },
      false,
      'states_threshold',
    ],
    [
      'two-thirds over participating states only: 3 of 4 when two stay out',
      twoThirds,
      {
        AM: 'agree',
        BY: 'agree',
        KZ: 'agree',
        KG: 'object',
        RU: 'not_participating',
        TJ: 'not_participating',
      },
      true,
      'majority_reached',
    ],
    [
      'double majority: the largest state against, but fewer than 4 against: deemed reached',
      doubleMajority,
      { AM: 'agree', BY: 'agree', KZ: 'agree', KG: 'agree', RU: 'object', TJ: 'agree' },
      true,
      'majority_reached',
    ],
    [
      'double majority: 4 against with too little population in favour',
      doubleMajority,
      { AM: 'object', BY: 'agree', KZ: 'object', KG: 'object', RU: 'agree', TJ: 'object' },
      false,
      'states_threshold',
    ],
  ] as [string, Rule, Record<string, StanceKind>, boolean, string][])(
    '%s',
    (_name, rule, stances, adopted, reason) => {
      const v = verdict(stances, rule);
      expect(v.adopted).toBe(adopted);
      expect(v.reason).toBe(reason);
    },
  );

  it('names the objecting states', () => {
    const v = verdict({ AM: 'object', TJ: 'propose_amendment' }, silence);
    expect(v).toMatchObject({ adopted: false, states: ['AM', 'TJ'] });
  });

  it('excluding the parties concerned: their objection does not block', () => {
    const rule: Rule = { ...consensus, excludedParties: ['AM'] };
    expect(verdict({ AM: 'object' }, rule).adopted).toBe(true);
    expect(verdict({ AM: 'object', BY: 'object' }, rule).adopted).toBe(false);
  });

  it('the weight threshold fails when enough states block', () => {
    const rule: Rule = {
      ...doubleMajority,
      majority: { ...doubleMajority.majority!, states: { num: 1, den: 3 }, blockingMinority: 2 },
    };
    const v = verdict(
      { AM: 'agree', BY: 'agree', KZ: 'agree', KG: 'agree', RU: 'object', TJ: 'object' },
      rule,
    );
    expect(v).toMatchObject({ adopted: false, reason: 'weights_threshold', states: ['RU', 'TJ'] });
  });

  const all = (kind: StanceKind, except: Record<string, StanceKind> = {}) => ({
    ...(Object.fromEntries(SIX.map((s) => [s, kind])) as Record<string, StanceKind>),
    ...except,
  });
  const weighsAndBlocksAtTwo: Rule = {
    ...doubleMajority,
    majority: { ...doubleMajority.majority!, states: { num: 1, den: 3 }, blockingMinority: 2 },
  };
  it.each([
    {
      name: 'weight missed, blocking minority not reached: deemed reached, and said so with the figures',
      rule: doubleMajority,
      stances: all('agree', { RU: 'object' }),
      adopted: true,
      reason: 'majority_reached',
      figures: {
        states: { inFavour: 5, counted: 6, required: 4, met: true },
        weights: { inFavour: 48, counted: 194, required: 126.1, met: false },
        against: { states: 1, weight: 146 },
        blockingMinority: { states: 4, reached: false },
        failed: [],
      },
      detail:
        /^States in favour: 5 of 6, 4 required \(55\/100\): met\. Weight in favour: 48 of 194, 126\.1 required \(65\/100\): not met\. Against: 1 state, weight 146; blocking minority: 4 states: not reached\. The weight threshold was missed, but only 1 state is against, fewer than the blocking minority of 4: the majority is deemed reached\.$/,
    },
    {
      name: 'weight missed with the blocking minority reached: the weight threshold failed',
      rule: weighsAndBlocksAtTwo,
      stances: all('agree', { RU: 'object', TJ: 'object' }),
      adopted: false,
      reason: 'weights_threshold',
      figures: {
        states: { inFavour: 4, counted: 6, required: 2, met: true },
        weights: { inFavour: 38, counted: 194, required: 126.1, met: false },
        against: { states: 2, weight: 156 },
        blockingMinority: { states: 2, reached: true },
        failed: ['weights'],
      },
      detail:
        /Not adopted: the weight threshold failed \(38 in favour, 126\.1 required\) and the blocking minority was reached \(2 states against, 2 needed\)\.$/,
    },
    {
      name: 'too few states: the states threshold failed',
      rule: twoThirds,
      stances: { AM: 'agree', BY: 'agree', KZ: 'agree', KG: 'object', RU: 'object', TJ: 'abstain' } as Record<
        string,
        StanceKind
      >,
      adopted: false,
      reason: 'states_threshold',
      figures: { states: { inFavour: 3, counted: 6, required: 4, met: false }, failed: ['states'] },
      detail:
        /^States in favour: 3 of 6, 4 required \(2\/3\): not met\. Against: 3 states\. Not adopted: the states threshold failed \(3 in favour, 4 required\)\.$/,
    },
    {
      name: 'too few states and too little weight: both failed',
      rule: doubleMajority,
      stances: all('object', { AM: 'agree', BY: 'agree' }),
      adopted: false,
      reason: 'states_threshold',
      figures: {
        states: { inFavour: 2, counted: 6, required: 4, met: false },
        weights: { inFavour: 12, required: 126.1, met: false },
        blockingMinority: { states: 4, reached: true },
        failed: ['states', 'weights'],
      },
      detail: /Not adopted: both the states threshold and the weight threshold failed\.$/,
    },
    {
      name: 'both thresholds met',
      rule: doubleMajority,
      stances: all('agree', { AM: 'object' }),
      adopted: true,
      reason: 'majority_reached',
      figures: { weights: { inFavour: 191, met: true }, against: { states: 1, weight: 3 }, failed: [] },
      detail:
        /Against: 1 state, weight 3; blocking minority: 4 states: not reached\. Both thresholds were met\.$/,
    },
  ])('qualified majority figures: $name', ({ rule, stances, adopted, reason, figures, detail }) => {
    const v = verdict(stances, rule);
    expect(v).toMatchObject({ adopted, reason, figures });
    expect(v.detail).toMatch(detail);
    expect(v.detail).not.toMatch(/The required majority was reached/);
  });

  it('abstentions not counted and everyone abstains: nobody is in favour, so nothing is adopted', () => {
    const rule: Rule = { ...twoThirds, majority: { states: { num: 2, den: 3 }, abstention: 'not_counted' } };
    expect(verdict(all('abstain'), rule)).toMatchObject({ adopted: false, reason: 'no_support' });
  });

  it('abstention not counted: the share is over those who voted', () => {
    const rule: Rule = { ...twoThirds, majority: { states: { num: 2, den: 3 }, abstention: 'not_counted' } };
    const stances = {
      AM: 'agree',
      BY: 'agree',
      KZ: 'object',
      KG: 'abstain',
      RU: 'abstain',
      TJ: 'abstain',
    } as const;
    expect(verdict(stances, rule).adopted).toBe(true);
    expect(verdict(stances, twoThirds).adopted).toBe(false);
  });

  it('constructive abstention: binds nobody who declared it, until the declaring share reaches the limit', () => {
    const rule: Rule = { ...unanimity, constructiveAbstentionLimit: { states: { num: 1, den: 3 } } };
    const base = Object.fromEntries(SIX.map((s) => [s, 'agree'])) as Record<string, StanceKind>;
    expect(verdict({ ...base, AM: 'constructive_abstention' }, rule).adopted).toBe(true);
    expect(
      verdict({ ...base, AM: 'constructive_abstention', BY: 'constructive_abstention' }, rule),
    ).toMatchObject({
      adopted: false,
      reason: 'constructive_abstention_limit',
      states: ['AM', 'BY'],
    });
  });

  it('written procedure with extend_once: first deadline extends, the second blocks', () => {
    const rule: Rule = { ...written, missingAnswer: 'extend_once' };
    expect(one({ AM: 'agree' }, rule).extend).toBe(true);
    expect(one({ AM: 'agree' }, rule, { extended: true }).extend).toBe(false);
    expect(verdict({ AM: 'agree' }, rule, { extended: true })).toMatchObject({
      adopted: false,
      reason: 'no_answer',
    });
  });

  it('nobody participating adopts nothing', () => {
    const all = Object.fromEntries(SIX.map((s) => [s, 'not_participating'])) as Record<string, StanceKind>;
    expect(verdict(all, silence)).toMatchObject({ adopted: false, reason: 'no_participants' });
  });

  it('decides points separately and the proposal as a whole', () => {
    const outcome = computeOutcome({
      rule: silence,
      eligible: SIX,
      points: ['1', '2', '3'],
      stances: { '2': { KG: 'object' } },
    });
    expect(outcome.points.map((p) => p.verdict.adopted)).toEqual([true, false, true]);
    expect(outcome.result).toBe('partially_adopted');
    expect(computeOutcome({ rule: silence, eligible: SIX, points: ['1'], stances: {} }).result).toBe(
      'adopted',
    );
    expect(
      computeOutcome({ rule: silence, eligible: SIX, points: ['1'], stances: { '1': { AM: 'object' } } })
        .result,
    ).toBe('not_adopted');
  });
});

// ---- every combination of stances of six states, against an oracle written from the rules' text ----

const ALPHABET: (StanceKind | undefined)[] = [
  'agree',
  'abstain',
  'constructive_abstention',
  'object',
  'propose_amendment',
  'not_participating',
  'reservation',
  undefined,
];

function* combinations(n: number): Generator<(StanceKind | undefined)[]> {
  const idx = new Array(n).fill(0);
  for (;;) {
    yield idx.map((i) => ALPHABET[i]);
    let k = 0;
    while (k < n && ++idx[k] === ALPHABET.length) idx[k++] = 0;
    if (k === n) return;
  }
}

/** The rules as the reference text states them, counted plainly. */
function oracle(rule: Rule, answers: (StanceKind | undefined)[]): boolean {
  const rows = SIX.map((state, i) => ({ state, s: answers[i] })).filter(
    (r) => !rule.excludedParties.includes(r.state) && r.s !== 'not_participating',
  );
  if (rows.length === 0) return false;
  const count = (...kinds: (StanceKind | undefined)[]) => rows.filter((r) => kinds.includes(r.s)).length;
  const objections = count('object', 'propose_amendment');
  const support = count('agree', 'reservation', 'interpretative_statement');
  const ca = count('constructive_abstention');
  const caOk = !rule.constructiveAbstentionLimit || ca === 0 || ca * 3 < rows.length;
  switch (rule.kind) {
    case 'meeting_consensus':
    case 'silence':
      return objections === 0 && caOk;
    case 'written':
    case 'unanimity':
      return objections === 0 && count(undefined) === 0 && support > 0 && caOk;
    case 'qualified_majority':
      return support * 3 >= rows.length * 2 && caOk;
  }
}

describe('every combination of stances for six states', () => {
  const rules: [string, Rule][] = [
    ['consensus', consensus],
    ['silence', silence],
    ['silence excluding AM', { ...silence, excludedParties: ['AM'] }],
    ['written', written],
    ['unanimity', unanimity],
    [
      'unanimity with a one-third constructive abstention limit',
      { ...unanimity, constructiveAbstentionLimit: { states: { num: 1, den: 3 } } },
    ],
    ['two-thirds', twoThirds],
  ];
  it.each(rules)('%s agrees with the rules as written', (_name, rule) => {
    let checked = 0;
    for (const answers of combinations(SIX.length)) {
      const stances: Record<string, StanceKind> = {};
      SIX.forEach((state, i) => {
        if (answers[i]) stances[state] = answers[i] as StanceKind;
      });
      const got = one(stances, rule).points[0].verdict.adopted;
      if (got !== oracle(rule, answers)) {
        throw new Error(`${JSON.stringify(stances)}: computeOutcome says ${got}`);
      }
      checked++;
    }
    expect(checked).toBe(ALPHABET.length ** SIX.length);
  });
});
