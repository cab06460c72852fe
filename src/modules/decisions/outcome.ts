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

export type PointVerdict =
  | { adopted: true; reason: 'no_objection' | 'silence_kept' | 'unanimous' | 'majority_reached' }
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
  const no = (
    reason: Extract<PointVerdict, { adopted: false }>['reason'],
    states: string[],
    detail: string,
  ) => done({ adopted: false, reason, states, detail });

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
      if (!atLeast(inFavour.length, counted.length, m.states)) {
        return no(
          'states_threshold',
          against,
          `${inFavour.length} of ${counted.length} states in favour; ${m.states.num}/${m.states.den} needed`,
        );
      }
      if (m.weights) {
        const forWeight = sum(inFavour, m.weights.byState);
        const total = sum(counted, m.weights.byState);
        const blockingPossible = m.blockingMinority === undefined || against.length >= m.blockingMinority;
        if (blockingPossible && !atLeast(forWeight, total, m.weights.share)) {
          return no(
            'weights_threshold',
            against,
            `${forWeight} of ${total} weight in favour; ${m.weights.share.num}/${m.weights.share.den} needed`,
          );
        }
      }
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
  return done({ adopted: true, reason });
}
