/**
 * The outcome of a procedure: one pure function from the rule fixed when the procedure
 * opened and the current stances to "adopted or not, and why", point by point. Nothing
 * here reads the clock or the database, so every combination is table-tested.
 */

export const PROCEDURE_KINDS = [
  'meeting_consensus',
  'silence',
  'written',
  'unanimity',
  'qualified_majority',
] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

export const STANCE_KINDS = [
  'agree',
  'abstain',
  'constructive_abstention',
  'object',
  'propose_amendment',
  'not_participating',
  'reservation',
  'interpretative_statement',
] as const;
export type StanceKind = (typeof STANCE_KINDS)[number];

/** An exact share: num/den (2/3, 55/100), so thresholds never suffer rounding. */
export interface Share {
  num: number;
  den: number;
}

export interface Rule {
  kind: ProcedureKind;
  /** States named as parties concerned: they cannot block and are not counted ("consensus minus"). */
  excludedParties: string[];
  /** Written procedure: a missing answer blocks, or the deadline is extended once. */
  missingAnswer?: 'blocks' | 'extend_once';
  /** Qualified majority: thresholds over participating states and, optionally, weights. */
  majority?: {
    states: Share;
    weights?: { share: Share; byState: Record<string, number> };
    /** How an abstention counts: as a vote against (EU QMV), or not counted at all. */
    abstention: 'against' | 'not_counted';
    /** A weight threshold can only fail when at least this many states are against (EU: 4). */
    blockingMinority?: number;
  };
  /** The decision falls when states declaring constructive abstention reach this share. */
  constructiveAbstentionLimit?: {
    states: Share;
    weights?: { share: Share; byState: Record<string, number> };
  };
}

/**
 * The figures behind a qualified-majority verdict, so that its explanation states them:
 * how many states and how much weight were in favour against what the rule requires, how
 * many were against against the blocking minority, and which condition failed.
 */
export interface MajorityFigures {
  /** States in favour, of the states counted, and the fewest in favour that reach the share. */
  states: { inFavour: number; counted: number; required: number; share: Share; met: boolean };
  /** The same by weight when the rule weighs states (`required` rounded to two decimals). */
  weights?: { inFavour: number; counted: number; required: number; share: Share; met: boolean };
  /** The states counted and not in favour, and their weight when the rule weighs states. */
  against: { states: number; weight?: number };
  /** The weight threshold blocks only with at least `states` states against: whether they were. */
  blockingMinority?: { states: number; reached: boolean };
  /**
   * The conditions that failed: the states threshold, and the weight threshold when it
   * blocks (missed, with the blocking minority reached or none set). Empty when adopted.
   */
  failed: ('states' | 'weights')[];
}

export type PointVerdict =
  | {
      adopted: true;
      reason: 'no_objection' | 'silence_kept' | 'unanimous' | 'majority_reached';
      /** Qualified majority: the figures in words. */
      detail?: string;
      figures?: MajorityFigures;
    }
  | {
      adopted: false;
      reason:
        | 'objected'
        | 'silence_broken'
        | 'no_answer'
        | 'constructive_abstention_limit'
        | 'states_threshold'
        | 'weights_threshold'
        | 'no_participants'
        | 'no_support';
      states: string[];
      detail: string;
      figures?: MajorityFigures;
    };

export interface PointOutcome {
  point: string;
  verdict: PointVerdict;
  participating: string[];
  tally: Record<StanceKind | 'no_answer', string[]>;
}

export interface Outcome {
  /** all: every point adopted; partial: some; none: no point. */
  result: 'adopted' | 'partially_adopted' | 'not_adopted';
  points: PointOutcome[];
  /** Written procedure with extend_once: the deadline should move instead of closing. */
  extend: boolean;
}

export interface OutcomeInput {
  rule: Rule;
  /** States eligible when the procedure opened. */
  eligible: string[];
  points: string[];
  /** Current stance per point and state; absent means no answer. */
  stances: Record<string, Record<string, StanceKind>>;
  /** Whether the deadline was already extended once. */
  extended?: boolean;
}

const BREAKS_SILENCE: StanceKind[] = ['object', 'propose_amendment'];
const SUPPORTS: StanceKind[] = ['agree', 'reservation', 'interpretative_statement'];

const atLeast = (part: number, whole: number, share: Share) => part * share.den >= share.num * whole;
const sum = (states: string[], weights: Record<string, number>) =>
  states.reduce((n, s) => n + (weights[s] ?? 0), 0);

/** Decides every point and the proposal as a whole. */
export function computeOutcome(input: OutcomeInput): Outcome {
  let extend = false;
  const points = input.points.map((point) => {
    const result = decidePoint(input, point);
    if (result.extend) extend = true;
    return result.outcome;
  });
  const adopted = points.filter((p) => p.verdict.adopted).length;
  const result =
    adopted === points.length && points.length > 0
      ? 'adopted'
      : adopted > 0
        ? 'partially_adopted'
        : 'not_adopted';
  return { result, points, extend };
}

function decidePoint(input: OutcomeInput, point: string): { outcome: PointOutcome; extend: boolean } {
  const { rule } = input;
  const stances = input.stances[point] ?? {};
  const excluded = new Set(rule.excludedParties);
  const tally = Object.fromEntries(
    [...STANCE_KINDS, 'no_answer'].map((k) => [k, [] as string[]]),
  ) as PointOutcome['tally'];
  const participating: string[] = [];
  for (const state of input.eligible) {
    if (excluded.has(state)) continue;
    const stance = stances[state];
    if (stance === 'not_participating') {
      tally.not_participating.push(state);
      continue;
    }
    participating.push(state);
    tally[stance ?? 'no_answer'].push(state);
  }
  const by = (kinds: StanceKind[]) => participating.filter((s) => kinds.includes(stances[s] as StanceKind));
  const done = (verdict: PointVerdict, extend = false) => ({
    outcome: { point, verdict, participating, tally },
    extend,
  });
  let figures: MajorityFigures | undefined;
  const no = (
    reason: Extract<PointVerdict, { adopted: false }>['reason'],
    states: string[],
    detail: string,
  ) => done({ adopted: false, reason, states, detail, ...(figures ? { figures } : {}) });

  if (participating.length === 0) return no('no_participants', [], 'no state takes part in this decision');

  const breakers = by(BREAKS_SILENCE);
  const missing = tally.no_answer;

  switch (rule.kind) {
    case 'meeting_consensus':
      if (breakers.length) return no('objected', breakers, `objected by ${breakers.join(', ')}`);
      break;
    case 'silence':
      if (breakers.length) return no('silence_broken', breakers, `silence broken by ${breakers.join(', ')}`);
      break;
    case 'written':
    case 'unanimity': {
      if (breakers.length) return no('objected', breakers, `objected by ${breakers.join(', ')}`);
      if (missing.length) {
        if (rule.kind === 'written' && rule.missingAnswer === 'extend_once' && !input.extended) {
          const pending = no(
            'no_answer',
            missing,
            `no answer yet from ${missing.join(', ')}: the deadline is extended once`,
          );
          return { ...pending, extend: true };
        }
        return no('no_answer', missing, `no answer from ${missing.join(', ')}`);
      }
      if (by(SUPPORTS).length === 0)
        return no('no_support', [], 'no state agreed: every answer was an abstention');
      break;
    }
    case 'qualified_majority': {
      const m = rule.majority;
      if (!m) throw new Error('a qualified majority rule needs its thresholds');
      const abstainers = by(['abstain', 'constructive_abstention']);
      const counted =
        m.abstention === 'not_counted' ? participating.filter((s) => !abstainers.includes(s)) : participating;
      const inFavour = by(SUPPORTS);
      const against = counted.filter((s) => !inFavour.includes(s));
      figures = majorityFigures(m, counted, inFavour, against);
      // Every participating state abstained and abstentions are not counted: 0 of 0 is no majority.
      if (counted.length === 0)
        return no('no_support', [], 'no state agreed: every answer was an abstention');
      if (figures.failed.includes('states')) return no('states_threshold', against, majorityDetail(figures));
      if (figures.failed.includes('weights'))
        return no('weights_threshold', against, majorityDetail(figures));
      break;
    }
  }

  const limit = rule.constructiveAbstentionLimit;
  if (limit) {
    const declaring = by(['constructive_abstention']);
    const statesReached =
      declaring.length > 0 && atLeast(declaring.length, participating.length, limit.states);
    const weightsReached =
      !limit.weights ||
      atLeast(
        sum(declaring, limit.weights.byState),
        sum(participating, limit.weights.byState),
        limit.weights.share,
      );
    if (statesReached && weightsReached) {
      return no(
        'constructive_abstention_limit',
        declaring,
        `${declaring.length} of ${participating.length} states declared constructive abstention; the limit is ${limit.states.num}/${limit.states.den}`,
      );
    }
  }

  const reason =
    rule.kind === 'silence'
      ? 'silence_kept'
      : rule.kind === 'qualified_majority'
        ? 'majority_reached'
        : rule.kind === 'meeting_consensus'
          ? 'no_objection'
          : 'unanimous';
  return done(
    figures ? { adopted: true, reason, detail: majorityDetail(figures), figures } : { adopted: true, reason },
  );
}

/** Counts a qualified majority: each threshold against its figures, and what failed. */
function majorityFigures(
  m: NonNullable<Rule['majority']>,
  counted: string[],
  inFavour: string[],
  against: string[],
): MajorityFigures {
  const states = {
    inFavour: inFavour.length,
    counted: counted.length,
    required: Math.ceil((m.states.num * counted.length) / m.states.den),
    share: m.states,
    met: atLeast(inFavour.length, counted.length, m.states),
  };
  const failed: MajorityFigures['failed'] = states.met ? [] : ['states'];
  if (!m.weights) return { states, against: { states: against.length }, failed };
  const forWeight = sum(inFavour, m.weights.byState);
  const total = sum(counted, m.weights.byState);
  const weights = {
    inFavour: round2(forWeight),
    counted: round2(total),
    required: round2((m.weights.share.num * total) / m.weights.share.den),
    share: m.weights.share,
    met: atLeast(forWeight, total, m.weights.share),
  };
  const blockingMinority =
    m.blockingMinority === undefined
      ? undefined
      : { states: m.blockingMinority, reached: against.length >= m.blockingMinority };
  if (!weights.met && (blockingMinority?.reached ?? true)) failed.push('weights');
  return {
    states,
    weights,
    against: { states: against.length, weight: round2(sum(against, m.weights.byState)) },
    ...(blockingMinority ? { blockingMinority } : {}),
    failed,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const shareText = (s: Share) => `${s.num}/${s.den}`;
const statesText = (n: number) => `${n} state${n === 1 ? '' : 's'}`;

/**
 * A qualified-majority verdict in words, with every figure and the condition that failed.
 *
 * @example
 * "States in favour: 5 of 6, 4 required (55/100): met. Weight in favour: 48 of 194, 126.1
 * required (65/100): not met. Against: 1 state, weight 146; blocking minority: 4 states:
 * not reached. The weight threshold was missed, but only 1 state is against, fewer than the
 * blocking minority of 4: the majority is deemed reached."
 */
export function majorityDetail(f: MajorityFigures): string {
  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  const parts = [
    `States in favour: ${f.states.inFavour} of ${f.states.counted}, ${f.states.required} required (${shareText(f.states.share)}): ${met(f.states.met)}.`,
  ];
  const w = f.weights;
  if (w)
    parts.push(
      `Weight in favour: ${w.inFavour} of ${w.counted}, ${w.required} required (${shareText(w.share)}): ${met(w.met)}.`,
    );
  const b = f.blockingMinority;
  parts.push(
    `Against: ${statesText(f.against.states)}${f.against.weight !== undefined ? `, weight ${f.against.weight}` : ''}${
      b ? `; blocking minority: ${statesText(b.states)}: ${b.reached ? 'reached' : 'not reached'}` : ''
    }.`,
  );
  const failedStates = f.failed.includes('states');
  const failedWeights = f.failed.includes('weights');
  if (failedStates && failedWeights)
    parts.push('Not adopted: both the states threshold and the weight threshold failed.');
  else if (failedStates)
    parts.push(
      `Not adopted: the states threshold failed (${f.states.inFavour} in favour, ${f.states.required} required).`,
    );
  else if (failedWeights && w)
    parts.push(
      `Not adopted: the weight threshold failed (${w.inFavour} in favour, ${w.required} required)${
        b
          ? ` and the blocking minority was reached (${statesText(f.against.states)} against, ${b.states} needed)`
          : ''
      }.`,
    );
  else if (w && !w.met && b)
    parts.push(
      `The weight threshold was missed, but only ${statesText(f.against.states)} ${f.against.states === 1 ? 'is' : 'are'} against, fewer than the blocking minority of ${b.states}: the majority is deemed reached.`,
    );
  else parts.push(w ? 'Both thresholds were met.' : 'The states threshold was met.');
  return parts.join(' ');
}
