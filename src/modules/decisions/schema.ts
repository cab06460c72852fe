import { z } from '@hono/zod-openapi';
import { CLASSIFICATIONS } from '../../core/actor.ts';
import { PROCEDURE_KINDS, STANCE_KINDS, type StanceKind } from './outcome.ts';

/** Stances that must carry a text: the objection, amendment, declaration, reservation or statement. */
export const STANCES_WITH_TEXT: readonly StanceKind[] = [
  'object',
  'propose_amendment',
  'constructive_abstention',
  'reservation',
  'interpretative_statement',
];
const TEXT_NAME: Partial<Record<StanceKind, string>> = {
  object: 'the objection',
  propose_amendment: 'the amendment text',
  constructive_abstention: 'the declaration',
  reservation: 'the reservation',
  interpretative_statement: 'the statement',
};

const StateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 code');
const PointKey = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z.-]{0,15}$/, 'use 1 to 16 letters, digits, dots or dashes');
const Title = z.string().trim().min(1, 'is required').max(300);
const Markdown = z.string().max(100_000);
const PointTextInput = z.string().trim().min(1, 'is required').max(20_000);

export const PointInput = z
  .strictObject({ key: PointKey.optional(), text: PointTextInput })
  .openapi('PointInput');

const Points = z
  .array(PointInput)
  .min(1, 'a proposal has at least one point')
  .max(200)
  .superRefine((points, ctx) => {
    const keys = points.map((p, i) => p.key ?? String(i + 1));
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i)
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `point ${key} twice` });
    });
  });

export const CreateProposalInput = z
  .strictObject({
    body: z
      .string()
      .trim()
      .min(1, 'is required')
      .openapi({ description: 'The code of the body that decides' }),
    title: Title,
    text: Markdown.default('').openapi({ description: 'Markdown source; the UI renders it safely' }),
    classification: z.enum(CLASSIFICATIONS).default('public'),
    priority: z.string().trim().min(1).max(64).nullable().optional().openapi({
      description: "A code among the presidency's priorities",
    }),
    points: Points,
  })
  .openapi('CreateProposalInput');
export type CreateProposalInput = z.infer<typeof CreateProposalInput>;

export const UpdateProposalInput = z
  .strictObject({
    title: Title.optional(),
    text: Markdown.optional(),
    classification: z.enum(CLASSIFICATIONS).optional(),
    priority: z.string().trim().min(1).max(64).nullable().optional(),
    points: Points.optional(),
  })
  .openapi('UpdateProposalInput');
export type UpdateProposalInput = z.infer<typeof UpdateProposalInput>;

const Share = z
  .strictObject({ num: z.number().int().min(1), den: z.number().int().min(1) })
  .refine((s) => s.num <= s.den, { message: 'num must not exceed den', path: ['num'] })
  .openapi('Share', { description: 'An exact share num/den, e.g. 2/3' });
const Weights = z.strictObject({
  share: Share,
  byState: z.record(StateCode, z.number().nonnegative()),
});

export const OpenProcedureInput = z
  .strictObject({
    kind: z.enum(PROCEDURE_KINDS),
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: 'Defaults to the latest version' }),
    points: z
      .array(PointKey)
      .min(1)
      .optional()
      .openapi({ description: 'Defaults to every point of the version' }),
    deadline: z.iso
      .datetime({ offset: true, message: 'must be an ISO 8601 instant with a time zone' })
      .optional()
      .openapi({ description: 'The expiry instant; required except for a meeting consensus' }),
    missingAnswer: z.enum(['blocks', 'extend_once']).optional(),
    extensionHours: z.number().int().min(1).max(720).optional(),
    excludedParties: z
      .array(StateCode)
      .max(50)
      .default([])
      .superRefine((states, ctx) => {
        states.forEach((state, i) => {
          if (states.indexOf(state) !== i)
            ctx.addIssue({ code: 'custom', path: [i], message: `${state} is listed twice` });
        });
      }),
    majority: z
      .strictObject({
        states: Share,
        weights: Weights.optional(),
        abstention: z.enum(['against', 'not_counted']),
        blockingMinority: z.number().int().min(1).optional(),
      })
      .optional(),
    constructiveAbstentionLimit: z.strictObject({ states: Share, weights: Weights.optional() }).optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.kind !== 'meeting_consensus' && !v.deadline)
      issue('deadline', `is required for a ${v.kind} procedure`);
    if (v.kind === 'qualified_majority' && !v.majority)
      issue('majority', 'is required for a qualified majority');
    if (v.kind !== 'qualified_majority' && v.majority)
      issue('majority', 'only a qualified majority has thresholds');
    if (v.kind !== 'written' && v.missingAnswer) issue('missingAnswer', 'only a written procedure sets it');
    if (v.missingAnswer === 'extend_once' && !v.extensionHours)
      issue('extensionHours', 'is required to extend the deadline once');
    if (v.extensionHours && v.missingAnswer !== 'extend_once')
      issue('extensionHours', 'only with missingAnswer extend_once');
  })
  .openapi('OpenProcedureInput');
export type OpenProcedureInput = z.infer<typeof OpenProcedureInput>;

const StanceText = z.string().trim().max(20_000).nullable().optional();

export const StanceInput = z
  .strictObject({ point: PointKey, kind: z.enum(STANCE_KINDS), text: StanceText })
  .superRefine((s, ctx) => {
    if (STANCES_WITH_TEXT.includes(s.kind) && !s.text)
      ctx.addIssue({ code: 'custom', path: ['text'], message: `${TEXT_NAME[s.kind]} is required` });
  })
  .openapi('StanceInput');

export const GiveStancesInput = z
  .strictObject({
    state: StateCode.optional().openapi({ description: "Defaults to the caller's own state" }),
    stances: z
      .array(StanceInput)
      .min(1)
      .max(200)
      .superRefine((stances, ctx) => {
        stances.forEach((s, i) => {
          if (stances.findIndex((o) => o.point === s.point) !== i)
            ctx.addIssue({
              code: 'custom',
              path: [i, 'point'],
              message: `point ${s.point} twice in one request`,
            });
        });
      }),
  })
  .openapi('GiveStancesInput');
export type GiveStancesInput = z.infer<typeof GiveStancesInput>;

export const BreakSilenceInput = z
  .strictObject({
    state: StateCode.optional(),
    kind: z.enum(['object', 'propose_amendment']).default('object'),
    points: z.array(PointKey).min(1).optional().openapi({ description: 'Defaults to every point' }),
    text: z.string().trim().min(1, 'is required: say why silence is broken').max(20_000),
  })
  .superRefine((v, ctx) => {
    v.points?.forEach((point, i) => {
      if (v.points?.indexOf(point) !== i)
        ctx.addIssue({ code: 'custom', path: ['points', i], message: `point ${point} twice` });
    });
    if (v.kind === 'propose_amendment' && v.points?.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['points'],
        message: 'name the one point the amendment rewrites',
      });
  })
  .openapi('BreakSilenceInput');
export type BreakSilenceInput = z.infer<typeof BreakSilenceInput>;

export const CloseProcedureInput = z
  .strictObject({
    objections: z
      .array(
        z.strictObject({
          point: PointKey,
          states: z.array(StateCode).min(1),
          text: z.string().trim().min(1).max(20_000).optional(),
        }),
      )
      .default([])
      .openapi({ description: 'Meeting consensus: the states that objected to each point' }),
  })
  .openapi('CloseProcedureInput');
export type CloseProcedureInput = z.infer<typeof CloseProcedureInput>;

export const PROPOSAL_VIEWS = ['open', 'closing_soon', 'adopted', 'not_adopted', 'drafts'] as const;
export const PROPOSAL_STATUSES = ['draft', 'open', 'adopted', 'partially_adopted', 'not_adopted'] as const;

export const ListProposalsQuery = z.object({
  view: z.enum(PROPOSAL_VIEWS).optional().openapi({
    description: 'open now; closing within 24 h; adopted (wholly or partly); not adopted; drafts',
  }),
  body: z.string().trim().min(1).optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
  priority: z.string().trim().min(1).optional(),
  state: StateCode.optional().openapi({ description: 'The author state' }),
  q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Search in titles' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListProposalsQuery = z.infer<typeof ListProposalsQuery>;

export const ListDecisionsQuery = z.object({
  year: z.coerce.number().int().min(1900).max(3000).optional(),
  body: z.string().trim().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ProposalIdParam = z.object({ id: z.uuid('is not a proposal id') });
export const ProcedureIdParam = z.object({ id: z.uuid('is not a procedure id') });
export const DecisionIdParam = z.object({ id: z.uuid('is not a decision id') });
export const VersionParam = z.object({
  id: z.uuid('is not a proposal id'),
  v: z.coerce.number().int().positive('is not a version number'),
});
export const DiffQuery = z.object({
  from: z.coerce.number().int().positive('is not a version number').optional().openapi({
    description: 'Defaults to the version before `to`',
  }),
  to: z.coerce.number().int().positive('is not a version number').optional().openapi({
    description: 'Defaults to the latest version',
  }),
});
