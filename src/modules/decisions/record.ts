import { z } from 'zod';
import { CLASSIFICATIONS } from '../../core/actor.ts';
import type { LedgerActionSpec } from '../../core/module.ts';
import { AttachmentEntryFields } from '../attachments/index.ts';
import { PROCEDURE_KINDS, STANCE_KINDS } from './outcome.ts';

/** The record entries of proposals, procedures, stances, decisions and delegates. */

const Id = z.guid();
const Instant = z.iso.datetime({ offset: true });
const State = z.string().describe('A member state (ISO 3166 code)');
const States = z.array(State);
const PointKey = z.string().describe('A point\'s key, e.g. "1" or "2.a"');
const Version = z.number().int().min(1);
const Point = z.strictObject({
  key: PointKey,
  text: z.string().describe("The point's text"),
});
const Share = z.strictObject({
  num: z.number().int().describe('Numerator'),
  den: z.number().int().describe('Denominator'),
});
const Weights = z.strictObject({
  share: Share.describe('The share of the weights needed'),
  byState: z.record(z.string(), z.number()).describe("Each state's weight"),
});
const Rule = z.strictObject({
  kind: z.enum(PROCEDURE_KINDS).describe('The kind of procedure'),
  excludedParties: States.describe(
    'States named as parties concerned: they cannot block and are not counted',
  ),
  missingAnswer: z
    .enum(['blocks', 'extend_once'])
    .optional()
    .describe('Written procedure: a missing answer blocks, or the deadline is extended once'),
  majority: z
    .strictObject({
      states: Share.describe('The share of participating states needed'),
      weights: Weights.optional(),
      abstention: z.enum(['against', 'not_counted']).describe('How an abstention counts'),
      blockingMinority: z
        .number()
        .int()
        .optional()
        .describe('A weight threshold fails only when at least this many states are against'),
    })
    .optional()
    .describe('Qualified majority: thresholds over participating states and, optionally, weights'),
  constructiveAbstentionLimit: z
    .strictObject({ states: Share, weights: Weights.optional() })
    .optional()
    .describe('The decision falls when states declaring constructive abstention reach this share'),
});
const AdoptedReason = z.enum(['no_objection', 'silence_kept', 'unanimous', 'majority_reached']);
const NotAdoptedReason = z.enum([
  'objected',
  'silence_broken',
  'no_answer',
  'constructive_abstention_limit',
  'states_threshold',
  'weights_threshold',
  'no_participants',
  'no_support',
]);
const Verdict = z.discriminatedUnion('adopted', [
  z.strictObject({ adopted: z.literal(true), reason: AdoptedReason }),
  z.strictObject({
    adopted: z.literal(false),
    reason: NotAdoptedReason,
    states: States.describe('The states that made it fail'),
    detail: z.string().describe('Why, in words'),
  }),
]);
const Result = z.enum(['adopted', 'partially_adopted', 'not_adopted']);
const Attachment = z.strictObject(AttachmentEntryFields);
const Stances = z.strictObject({
  proposalId: Id.describe('The proposal the procedure decides'),
  state: State.describe('The state that answered'),
  onBehalf: z
    .boolean()
    .describe("Whether someone other than the state's own delegation member answered for it"),
  stances: z
    .array(
      z.strictObject({
        point: PointKey,
        kind: z.enum(STANCE_KINDS).describe('The stance'),
        text: z
          .string()
          .nullable()
          .describe('The objection, amendment, declaration or statement; null for none'),
        amendmentVersion: Version.nullable().describe(
          'The version a proposed amendment became; null otherwise',
        ),
      }),
    )
    .describe('The stances given, in order'),
});

export const decisionsLedgerActions = {
  'proposal.created': {
    description: 'A proposal was drafted: its first version (title, text, points).',
    payload: z.strictObject({
      body: z.string().describe('The code of the body that decides'),
      version: z.literal(1).describe('The first version'),
      title: z.string().describe('Its title'),
      text: z.string().describe('Its text (Markdown)'),
      points: z.array(Point).describe('Its points'),
      authorState: z
        .string()
        .nullable()
        .describe('The state of the delegation that drafted it; null for the secretariat'),
      priority: z.string().nullable().describe("A code among the presidency's priorities, or null"),
      classification: z.enum(CLASSIFICATIONS).describe('Its classification'),
    }),
  },
  'proposal.edited': {
    description: "A proposal's text changed before any procedure opened on it: a new version.",
    payload: z.strictObject({
      version: Version.describe(
        'The version now in force (unchanged when only the classification or priority changed)',
      ),
      title: z.string().optional().describe('The title of the new version (when the text changed)'),
      text: z.string().optional().describe('The text of the new version (when the text changed)'),
      points: z.array(Point).optional().describe('The points of the new version (when the text changed)'),
      classification: z.enum(CLASSIFICATIONS).optional().describe('The new classification, when it changed'),
      priority: z.string().nullable().optional().describe('The new priority, when given'),
    }),
  },
  'proposal.amended': {
    description: "A state's proposed amendment became a new version of the proposal.",
    payload: z.strictObject({
      version: Version.describe('The new version'),
      basedOn: Version.describe('The version the amendment changes'),
      procedureId: Id.describe('The procedure in which it was proposed'),
      state: State.describe('The state that proposed it'),
      point: PointKey.describe('The point it rewrites'),
      text: z.string().describe("The point's new text"),
    }),
  },
  'proposal.attachment_added': {
    description: 'A file was attached to a proposal before any procedure opened (name, size, SHA-256).',
    payload: Attachment,
  },
  'proposal.attachment_removed': {
    description: 'A file attached to a proposal was removed before any procedure opened.',
    payload: Attachment,
  },
  'procedure.opened': {
    description: 'The chair opened a procedure on a version of a proposal; the rule is fixed from now on.',
    payload: z.strictObject({
      proposalId: Id.describe('The proposal'),
      version: Version.describe('The version put to the procedure'),
      kind: z.enum(PROCEDURE_KINDS).describe('The kind of procedure'),
      rule: Rule.describe('The rule fixed for this procedure'),
      eligible: States.describe('The states that answer (those sitting in the body now)'),
      points: z.array(PointKey).describe('The points decided'),
      deadline: Instant.nullable().describe('The expiry instant; null for a meeting consensus'),
      extensionHours: z
        .number()
        .int()
        .nullable()
        .describe('Hours the deadline moves once (extend_once), or null'),
    }),
  },
  'procedure.extended': {
    description: "A written procedure's deadline moved once because states had not answered.",
    payload: z.strictObject({
      proposalId: Id.describe('The proposal'),
      from: Instant.describe('The deadline as it was'),
      deadline: Instant.describe('The new deadline'),
      missing: States.describe('The states that had not answered'),
    }),
  },
  'stance.given': {
    description: 'A state gave or changed its stance on one or more points of a procedure.',
    payload: Stances,
  },
  'silence.broken': {
    description: 'A state broke silence (objection or proposed amendment) under a silence procedure.',
    payload: Stances,
  },
  'procedure.closed': {
    description: 'A procedure closed with its outcome: adopted or not, point by point, and why.',
    payload: z.strictObject({
      proposalId: Id.describe('The proposal'),
      version: Version.describe('The version decided'),
      kind: z.enum(PROCEDURE_KINDS).describe('The kind of procedure'),
      result: Result.describe('Every point adopted, some, or none'),
      points: z
        .array(
          z.strictObject({
            point: PointKey,
            verdict: Verdict.describe('Adopted or not, and why'),
            tally: z
              .partialRecord(z.enum([...STANCE_KINDS, 'no_answer']), States)
              .describe('The states by stance (no_answer: those that did not answer)'),
          }),
        )
        .describe('The outcome point by point'),
    }),
  },
  'decision.published': {
    description: 'An adopted decision was numbered and published with its text, statements and stances.',
    payload: z.strictObject({
      decisionId: Id.describe('The decision'),
      number: z.number().int().min(1).describe('Its number in the year'),
      year: z.number().int().describe("The year, in the organisation's time zone"),
      label: z.string().describe('How it is cited, e.g. "No. 3, 2026"'),
      procedureId: Id.describe('The procedure that adopted it'),
      proposalId: Id.describe('The proposal'),
      version: Version.describe('The version adopted'),
      title: z.string().describe('Its title'),
      text: z.string().describe('Its text (Markdown)'),
      points: z
        .array(
          z.strictObject({
            key: PointKey,
            text: z.string().describe("The point's text"),
            adopted: z.boolean().describe('Whether the point was adopted'),
            reason: z.union([AdoptedReason, NotAdoptedReason]).describe('Why'),
            detail: z.string().nullable().describe('Why not, in words; null when adopted'),
          }),
        )
        .describe('The points decided'),
      statements: z
        .array(
          z.strictObject({
            state: State,
            point: PointKey,
            kind: z
              .enum(STANCE_KINDS)
              .describe('Constructive abstention, reservation or interpretative statement'),
            text: z.string().describe("The statement's text"),
          }),
        )
        .describe('The statements attached to the decision'),
      stances: z
        .array(
          z.strictObject({
            state: State,
            point: PointKey,
            kind: z.enum([...STANCE_KINDS, 'excluded', 'no_answer']).describe("The state's final stance"),
          }),
        )
        .describe("Every eligible state's final stance on every point"),
      result: z.enum(['adopted', 'partially_adopted']).describe('Every point adopted, or some'),
      adoptedAt: Instant.describe('When it was adopted (the deadline, when it had passed)'),
    }),
  },
} satisfies Record<string, LedgerActionSpec>;

type DecisionsLedgerActions = typeof decisionsLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends DecisionsLedgerActions {}
}
