import { z } from '@hono/zod-openapi';
import { type Actor, CLASSIFICATIONS, classificationName } from '../../core/actor.ts';
import type { StanceRow } from '../../db/schema.ts';
import { can } from '../../policy/index.ts';
import { type EntryStanding, EntryStandingSchema } from '../ledger/index.ts';
import type { Outcome, PointVerdict, Rule } from './outcome.ts';
import { PROCEDURE_KINDS, STANCE_KINDS } from './outcome.ts';
import { PointSchema } from './present.ts';
import { closableNow, everyoneAnswered } from './procedures.ts';
import type { DecisionView, listDecisions, ProcedureView } from './queries.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const Share = z.object({ num: z.number().int(), den: z.number().int() });
const Weights = z.object({ share: Share, byState: z.record(z.string(), z.number()) });

export const RuleSchema = z
  .object({
    kind: z.enum(PROCEDURE_KINDS),
    excludedParties: z.array(z.string()),
    missingAnswer: z.enum(['blocks', 'extend_once']).optional(),
    majority: z
      .object({
        states: Share,
        weights: Weights.optional(),
        abstention: z.enum(['against', 'not_counted']),
        blockingMinority: z.number().int().optional(),
      })
      .optional(),
    constructiveAbstentionLimit: z.object({ states: Share, weights: Weights.optional() }).optional(),
  })
  .openapi('Rule');

const Threshold = z.object({
  inFavour: z.number(),
  counted: z.number(),
  required: z.number(),
  share: Share,
  met: z.boolean(),
});
const MajorityFiguresSchema = z
  .object({
    states: Threshold,
    weights: Threshold.optional(),
    against: z.object({ states: z.number().int(), weight: z.number().optional() }),
    blockingMinority: z.object({ states: z.number().int(), reached: z.boolean() }).optional(),
    failed: z.array(z.enum(['states', 'weights'])),
  })
  .openapi('MajorityFigures', {
    description:
      'Qualified majority: states and weight in favour against what is required, those against against the blocking minority, and the conditions that failed',
  });

/** Why a point was or was not adopted (outcome.ts, PointVerdict). */
const VERDICT_REASONS = [
  'no_objection',
  'silence_kept',
  'unanimous',
  'majority_reached',
  'objected',
  'silence_broken',
  'no_answer',
  'constructive_abstention_limit',
  'states_threshold',
  'weights_threshold',
  'no_participants',
  'no_support',
] as const satisfies readonly PointVerdict['reason'][];
const VerdictReason = z.enum(VERDICT_REASONS);

export const OutcomeSchema = z
  .object({
    result: z.enum(['adopted', 'partially_adopted', 'not_adopted']),
    points: z.array(
      z.object({
        point: z.string(),
        verdict: z.object({
          adopted: z.boolean(),
          reason: VerdictReason,
          states: z.array(z.string()).optional(),
          detail: z.string().optional(),
          figures: MajorityFiguresSchema.optional(),
        }),
        participating: z.array(z.string()),
        tally: z.record(z.string(), z.array(z.string())),
      }),
    ),
    extend: z.boolean(),
  })
  .openapi('Outcome');

const StanceSchema = z
  .object({
    id: z.number().int(),
    point: z.string(),
    state: z.string(),
    kind: z.enum(STANCE_KINDS),
    text: z.string().nullable(),
    givenBy: z.string(),
    givenAt: z.string(),
    supersededAt: z.string().nullable(),
    amendmentVersion: z.number().int().nullable(),
  })
  .openapi('Stance');

export const ProcedureAbilities = z
  .object({
    giveStance: z.boolean(),
    breakSilence: z.boolean(),
    recordForStates: z.boolean(),
    close: z.boolean(),
  })
  .openapi('ProcedureAbilities');

export const ProcedureSchema = z
  .object({
    id: z.string().uuid(),
    proposal: z.object({
      id: z.string().uuid(),
      title: z.string(),
      classification: z.enum(CLASSIFICATIONS),
    }),
    version: z.number().int(),
    kind: z.enum(PROCEDURE_KINDS),
    rule: RuleSchema,
    eligible: z.array(z.string()),
    points: z.array(PointSchema),
    deadline: z.string().nullable(),
    extended: z.boolean(),
    extensionHours: z.number().int().nullable(),
    status: z.enum(['open', 'closed']),
    openedBy: z.string(),
    openedAt: z.string(),
    closedBy: z.string().nullable(),
    closedAt: z.string().nullable(),
    result: z.enum(['adopted', 'partially_adopted', 'not_adopted']).nullable(),
    // A union rather than .nullable(), so the named Outcome and Stance stay non-null in the document.
    outcome: z.union([OutcomeSchema, z.null()]),
    board: z
      .array(
        z.object({
          state: z.string(),
          excluded: z.boolean(),
          points: z.array(z.object({ point: z.string(), stance: z.union([StanceSchema, z.null()]) })),
        }),
      )
      .openapi({ description: 'States × points: the current stance of each state on each point' }),
    notAnswered: z
      .array(z.object({ point: z.string(), states: z.array(z.string()) }))
      .openapi({ description: 'Per point, the participating states with no stance yet' }),
    history: z.array(StanceSchema).openapi({ description: 'Every stance given, oldest first' }),
    decision: z
      .object({ id: z.string().uuid(), number: z.number().int(), year: z.number().int(), label: z.string() })
      .nullable(),
    abilities: ProcedureAbilities,
  })
  .openapi('Procedure');

const presentStance = (s: StanceRow): z.infer<typeof StanceSchema> => ({
  id: Number(s.id),
  point: s.point,
  state: s.state_code.trim(),
  kind: s.kind,
  text: s.text,
  givenBy: s.given_by_label,
  givenAt: s.given_at.toISOString(),
  supersededAt: iso(s.superseded_at),
  amendmentVersion: s.amendment_version,
});

/** A procedure with its stance board, who has not answered, the history, and the caller's abilities. */
export function presentProcedure(
  view: ProcedureView,
  actor: Actor,
  now = new Date(),
): z.infer<typeof ProcedureSchema> {
  const { row, subject } = view;
  const rule = row.rule as Rule;
  const excluded = new Set(rule.excludedParties);
  const current = view.history.filter((s) => s.superseded_at === null);
  const byKey = new Map(current.map((s) => [`${s.point}/${s.state_code.trim()}`, s]));
  const open = row.status === 'open' && !(row.deadline && row.deadline.getTime() <= now.getTime());
  const giveStance = open && can(actor, 'giveStance', 'procedure', subject);
  const texts = new Map(view.version.points.map((p) => [p.key, p.text]));
  return {
    id: row.id,
    proposal: {
      id: view.proposal.row.id,
      title: view.version.title,
      classification: classificationName(view.proposal.row.classification),
    },
    version: row.version,
    kind: row.kind,
    rule,
    eligible: row.eligible,
    points: row.points.map((key) => ({ key, text: texts.get(key) ?? '' })),
    deadline: iso(row.deadline),
    extended: row.extended,
    extensionHours: row.extension_hours,
    status: row.status,
    openedBy: row.opened_by_label,
    openedAt: row.opened_at.toISOString(),
    closedBy: row.closed_by_label,
    closedAt: iso(row.closed_at),
    result: row.result,
    outcome: (row.outcome as Outcome | null) ?? null,
    board: row.eligible.map((state) => ({
      state,
      excluded: excluded.has(state),
      points: row.points.map((point) => {
        const s = byKey.get(`${point}/${state}`);
        return { point, stance: s ? presentStance(s) : null };
      }),
    })),
    notAnswered: row.points.map((point) => ({
      point,
      states: row.eligible.filter((state) => !excluded.has(state) && !byKey.has(`${point}/${state}`)),
    })),
    history: view.history.map(presentStance),
    decision: view.decision
      ? {
          id: view.decision.id,
          number: view.decision.number,
          year: view.decision.year,
          label: `No. ${view.decision.number}, ${view.decision.year}`,
        }
      : null,
    abilities: {
      giveStance,
      breakSilence: giveStance && row.kind === 'silence',
      recordForStates: open && can(actor, 'recordForStates', 'procedure', subject),
      close:
        can(actor, 'close', 'procedure', subject) && closableNow(row, everyoneAnswered(row, current), now),
    },
  };
}

// ---- decisions ----------------------------------------------------------------------

const DecisionPoint = z.object({
  key: z.string(),
  text: z.string(),
  adopted: z.boolean(),
  reason: VerdictReason,
  detail: z.string().nullable(),
});

export const DecisionListItemSchema = z
  .object({
    id: z.string().uuid(),
    number: z.number().int(),
    year: z.number().int(),
    label: z.string().openapi({ example: 'No. 7, 2026' }),
    title: z.string(),
    body: z.string(),
    classification: z.enum(CLASSIFICATIONS),
    result: z.enum(['adopted', 'partially_adopted']),
    adoptedAt: z.string(),
    proposalId: z.string().uuid(),
    procedureId: z.string().uuid(),
    record: z
      .object({
        seq: z.number().int().nullable(),
        hash: z.string().nullable(),
        pending: z.boolean().openapi({
          description:
            'The decision is recorded but its entry waits for its place in the record (the sequencer numbers entries within a second): no seq or hash yet',
        }),
      })
      .openapi({ description: 'The record entry that published the decision' }),
  })
  .openapi('DecisionListItem');

export const DecisionSchema = DecisionListItemSchema.extend({
  /**
   * The record entry that published the decision, and the checkpoint that vouches for it; seq
   * and hash are null (and checkpoint too) while the entry is pending.
   */
  record: EntryStandingSchema.extend({
    seq: z.number().int().nullable(),
    hash: z.string().nullable(),
    pending: z.boolean().openapi({
      description:
        'The entry waits for its place in the record (the sequencer numbers entries within a second)',
    }),
  }).openapi('DecisionRecord'),
  recordProblems: z.array(z.string()).openapi({
    description: 'What does not hold when the entry is checked against the record (empty when it holds)',
  }),
  procedureKind: z.enum(PROCEDURE_KINDS),
  text: z.string(),
  points: z.array(DecisionPoint),
  statements: z.array(
    z.object({ state: z.string(), point: z.string(), kind: z.enum(STANCE_KINDS), text: z.string() }),
  ),
  stances: z
    .array(
      z.object({
        state: z.string(),
        point: z.string(),
        kind: z.enum([...STANCE_KINDS, 'no_answer', 'excluded']),
      }),
    )
    .openapi({
      description: "Each state's stance on each point: a stance kind, no_answer or excluded",
    }),
  abilities: z
    .object({
      readProposal: z.boolean().openapi({
        description:
          'Whether the caller may open the proposal and its procedures (observers and partners read the published decision alone)',
      }),
    })
    .openapi('DecisionAbilities'),
}).openapi('Decision');

type DecisionListRow = Awaited<ReturnType<typeof listDecisions>>['items'][number];

export function presentDecisionListItem(row: DecisionListRow): z.infer<typeof DecisionListItemSchema> {
  return {
    id: row.id,
    number: row.number,
    year: row.year,
    label: `No. ${row.number}, ${row.year}`,
    title: row.title,
    body: row.body_code,
    classification: classificationName(row.classification),
    result: row.result,
    adoptedAt: row.adopted_at.toISOString(),
    proposalId: row.proposal_id,
    procedureId: row.procedure_id,
    record: {
      seq: row.record_seq === null ? null : Number(row.record_seq),
      hash: row.record_hash,
      pending: row.record_seq === null,
    },
  };
}

/**
 * A decision as printed: number, final text, statements, states and stances, the record's
 * entry and where it stands (`entryStanding` from the record, with what did not hold); all of
 * it is the published document (the procedure's outcome with its figures, the stance history
 * and the proposal's versions stay with the proposal's readers).
 */
export function presentDecision(
  row: DecisionView,
  actor: Actor,
  record: { standing: EntryStanding | null; problems: string[] },
): z.infer<typeof DecisionSchema> {
  const item = presentDecisionListItem(row);
  return {
    ...item,
    record: record.standing
      ? { ...record.standing, pending: false }
      : { ...item.record, at: row.adopted_at.toISOString(), checkpoint: null },
    recordProblems: record.problems,
    procedureKind: row.procedure_kind,
    text: row.text,
    points: row.points as z.infer<typeof DecisionPoint>[],
    statements: row.statements as z.infer<typeof DecisionSchema>['statements'],
    stances: row.stances as z.infer<typeof DecisionSchema>['stances'],
    abilities: { readProposal: can(actor, 'read', 'proposal', row.subject.proposal) },
  };
}
