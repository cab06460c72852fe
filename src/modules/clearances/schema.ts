import { z } from '@hono/zod-openapi';
import { CLASSIFICATIONS } from '../../core/actor.ts';

/**
 * The inputs of the clearance module (zod, with inferred types; the OpenAPI document is
 * generated from them). Cross-field rules that need the database (a crossing point that
 * exists, legs that connect, a window not yet closed) are checked by the commands, which
 * name the field the same way (`legs.2.entry.point`).
 */

export const FRAMEWORKS = [
  'collective_forces',
  'peacekeeping',
  'exercise',
  'training',
  'humanitarian',
] as const;
export type Framework = (typeof FRAMEWORKS)[number];
export const URGENCIES = ['emergency', 'urgent', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const SILENCE_MEANINGS = ['consent', 'refusal', 'escalation'] as const;
export type SilenceMeaning = (typeof SILENCE_MEANINGS)[number];
export const ASSET_KINDS = ['vehicle', 'aircraft', 'helicopter', 'vessel', 'train', 'other'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const CONDITION_KINDS = [
  'time_window',
  'route',
  'crossing_point',
  'escort',
  'restriction',
  'other',
] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];
/** What a state answers on its leg. */
export const LEG_DECISIONS = ['approve', 'approve_with_conditions', 'deny'] as const;
export type LegDecisionKind = (typeof LEG_DECISIONS)[number];

export const REQUEST_STATUSES = [
  'draft',
  'pending',
  'awaiting_acceptance',
  'cleared',
  'denied',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const LEG_STATUSES = [
  'draft',
  'pending',
  'info_requested',
  'escalated',
  'approved',
  'denied',
  'withdrawn',
] as const;
export type LegStatus = (typeof LEG_STATUSES)[number];

const StateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 code');
const ShortText = z.string().trim().min(1, 'is required').max(200);
const LongText = z.string().trim().min(1, 'is required').max(10_000);
const Instant = z.iso
  .datetime({ offset: true, message: 'must be an instant with a time zone, e.g. 2026-12-01T06:00:00Z' })
  .transform((s) => new Date(s).toISOString());

/** A time window in UTC; the end after the start. */
export const TimeWindow = z
  .strictObject({ from: Instant, to: Instant })
  .superRefine((w, ctx) => {
    if (Date.parse(w.to) <= Date.parse(w.from))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'ends before it starts' });
  })
  .openapi('TimeWindow');
export type TimeWindow = z.infer<typeof TimeWindow>;

/** Where and when a leg enters or leaves the state: a crossing point of the organisation file. */
export const Passage = z
  .strictObject({
    point: z.string().trim().min(1, 'is required').max(64).openapi({ description: 'A crossing point code' }),
    window: TimeWindow,
  })
  .openapi('Passage');

/** One state crossed or hosting: entry, route on its territory, stops, exit (none when it hosts). */
export const LegInput = z
  .strictObject({
    state: StateCode,
    entry: Passage,
    route: z.string().trim().max(2000).default(''),
    stops: z.array(ShortText).max(50).default([]),
    /** Absent when the movement ends in this state (the host). */
    exit: Passage.nullable().default(null),
    alternates: z.string().trim().max(2000).optional(),
  })
  .openapi('LegInput');
export type LegInput = z.infer<typeof LegInput>;

export const AssetInput = z
  .strictObject({
    kind: z.enum(ASSET_KINDS),
    type: ShortText.openapi({ description: 'e.g. "KamAZ-5350 truck", "Il-76MD"' }),
    count: z.number().int().min(1).max(10_000),
    registrations: z.array(z.string().trim().min(1).max(40)).max(10_000).default([]),
    callSigns: z.array(z.string().trim().min(1).max(40)).max(1000).default([]),
  })
  .openapi('AssetInput');
export type AssetInput = z.infer<typeof AssetInput>;

export const DangerousGoodsLine = z
  .strictObject({
    unNumber: z
      .string()
      .trim()
      .regex(/^(UN)?\d{4}$/, 'must be a UN number of 4 digits, e.g. UN0012'),
    hazardClass: z
      .string()
      .trim()
      .regex(/^[1-9](\.[1-6])?[A-S]?$/, 'must be a hazard class such as 1.4S or 3'),
    description: ShortText,
    netExplosiveQuantityKg: z.number().min(0).max(1_000_000).nullable().default(null),
  })
  .openapi('DangerousGoodsLine');

export const PointOfContact = z
  .strictObject({
    name: ShortText,
    rank: z.string().trim().max(100).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,30}$/, 'must be a telephone number'),
    email: z.email('is not an e-mail address').optional(),
  })
  // Inline in the document, fields and all (`.openapi({ type: 'object' })` replaced the whole
  // schema and lost them); no component, so the field's own type stays `object` where it is used.
  .describe('Who the states call about the movement');

/** Everything a version of a request says. */
export const ClearanceContent = z
  .strictObject({
    purpose: LongText,
    operationName: z.string().trim().max(200).optional(),
    pointOfContact: PointOfContact,
    legs: z.array(LegInput).min(1, 'a movement has at least one leg').max(20),
    assets: z.array(AssetInput).min(1, 'name at least one asset').max(200),
    personnel: z.number().int().min(0).max(100_000),
    vips: z.number().int().min(0).max(1000).default(0),
    armament: z.boolean(),
    sensors: z.boolean().default(false),
    dangerousGoods: z.array(DangerousGoodsLine).max(100).default([]),
    /** Ids of the request's attachments this version refers to (files are added with POST /api/clearances/{id}/attachments). */
    attachments: z.array(z.uuid()).max(20).default([]),
  })
  .openapi('ClearanceContent');
export type ClearanceContent = z.infer<typeof ClearanceContent>;

export const CreateRequestInput = ClearanceContent.extend({
  title: ShortText,
  requestingState: StateCode.optional().openapi({
    description: "The requesting state; the caller's own state when omitted",
  }),
  framework: z.enum(FRAMEWORKS),
  urgency: z.enum(URGENCIES),
  classification: z.enum(CLASSIFICATIONS).default('restricted'),
  /** Submit at once instead of keeping a draft. */
  submit: z.boolean().default(false),
}).openapi('CreateClearanceRequestInput');
export type CreateRequestInput = z.infer<typeof CreateRequestInput>;

/** Changing a draft: the whole content and envelope again (the requesting state stays). */
export const UpdateDraftInput = CreateRequestInput.omit({ requestingState: true, submit: true }).openapi(
  'UpdateClearanceDraftInput',
);
export type UpdateDraftInput = z.infer<typeof UpdateDraftInput>;

/** Accepting conditions: of the named states' legs, or of every conditional leg when none are named. */
export const AcceptConditionsInput = z
  .strictObject({ states: z.array(StateCode).max(20).optional() })
  .openapi('AcceptConditionsInput');
export type AcceptConditionsInput = z.infer<typeof AcceptConditionsInput>;

/**
 * Amending: the whole new content (a new version); only legs that changed are decided again.
 * The envelope may change too: a new urgency sets the windows of the legs that re-open; a
 * new framework re-opens every leg; a new classification is at most the caller's access level.
 */
export const AmendRequestInput = ClearanceContent.extend({
  title: ShortText.optional(),
  framework: z.enum(FRAMEWORKS).optional(),
  urgency: z.enum(URGENCIES).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  reason: z.string().trim().max(2000).optional(),
}).openapi('AmendClearanceRequestInput');
export type AmendRequestInput = z.infer<typeof AmendRequestInput>;

export const WithdrawInput = z
  .strictObject({ reason: z.string().trim().min(1, 'is required').max(2000) })
  .openapi('WithdrawClearanceRequestInput');

export const ConditionInput = z
  .strictObject({
    kind: z.enum(CONDITION_KINDS),
    text: LongText,
    /** For a time_window condition: the window the state allows instead. */
    window: TimeWindow.optional(),
    /** For a crossing_point condition: the crossing point to use instead. */
    point: z.string().trim().min(1).max(64).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'time_window' && !c.window)
      ctx.addIssue({ code: 'custom', path: ['window'], message: 'is required for a time window condition' });
    if (c.kind === 'crossing_point' && !c.point)
      ctx.addIssue({
        code: 'custom',
        path: ['point'],
        message: 'is required for a crossing point condition',
      });
  })
  .openapi('ConditionInput');
export type ConditionInput = z.infer<typeof ConditionInput>;

export const DecideLegInput = z
  .strictObject({
    decision: z.enum(LEG_DECISIONS),
    conditions: z.array(ConditionInput).max(20).default([]),
    reason: z.string().trim().max(4000).optional(),
    /** The state's own clearance number; generated when omitted. */
    clearanceNumber: z.string().trim().min(1).max(64).optional(),
    /** Seen only inside the deciding state's delegation. */
    internalNote: z.string().trim().max(4000).optional(),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'approve_with_conditions' && d.conditions.length === 0)
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'name at least one condition' });
    if (d.decision !== 'approve_with_conditions' && d.conditions.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['conditions'],
        message: 'conditions go with approve_with_conditions',
      });
    if (d.decision === 'deny' && !d.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a denial states its reason' });
  })
  .openapi('DecideLegInput');
export type DecideLegInput = z.infer<typeof DecideLegInput>;

export const AskInfoInput = z.strictObject({ question: LongText }).openapi('AskInfoInput');
export const GiveInfoInput = z.strictObject({ answer: LongText }).openapi('GiveInfoInput');

export const StandingPermissionPattern = z
  .strictObject({
    frameworks: z.array(z.enum(FRAMEWORKS)).min(1, 'name at least one framework'),
    /** Crossing points the movement may use in the granting state; any when empty. */
    crossingPoints: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
    assetKinds: z.array(z.enum(ASSET_KINDS)).min(1, 'name at least one asset kind'),
    maxPersonnel: z.number().int().min(0).max(100_000).optional(),
  })
  .describe('What a movement must be for the permission to cover it');
export type StandingPermissionPattern = z.infer<typeof StandingPermissionPattern>;

export const GrantStandingPermissionInput = z
  .strictObject({
    grantee: StateCode,
    pattern: StandingPermissionPattern,
    validFrom: Instant,
    validTo: Instant,
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((p, ctx) => {
    if (Date.parse(p.validTo) <= Date.parse(p.validFrom))
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'ends before it starts' });
  })
  .openapi('GrantStandingPermissionInput');
export type GrantStandingPermissionInput = z.infer<typeof GrantStandingPermissionInput>;

export const AssetListInput = z
  .strictObject({ name: ShortText, assets: z.array(AssetInput).min(1).max(200) })
  .openapi('AssetListInput');
export type AssetListInput = z.infer<typeof AssetListInput>;

/** A planned movement in a deployment request: created as a clearance request once adopted. */
export const PlannedMovement = ClearanceContent.extend({
  title: ShortText,
  requestingState: StateCode,
  urgency: z.enum(URGENCIES).default('emergency'),
}).openapi('PlannedMovement');

export const RequestDeploymentInput = z
  .strictObject({
    title: ShortText,
    purpose: LongText,
    hostState: StateCode.optional().openapi({ description: "The caller's own state when omitted" }),
    classification: z.enum(CLASSIFICATIONS).default('restricted'),
    movements: z.array(PlannedMovement).max(20).default([]),
  })
  .openapi('RequestDeploymentInput');
export type RequestDeploymentInput = z.infer<typeof RequestDeploymentInput>;

export const RequestListQuery = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  state: StateCode.optional().openapi({ description: 'Requests crossing or made by this state' }),
  /** Only requests with a leg the caller's state must decide now. */
  toDecide: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type RequestListQuery = z.infer<typeof RequestListQuery>;

export const IdParam = z.object({ id: z.uuid('is not an id') });
export const VersionParam = z.object({ id: z.uuid('is not an id'), version: z.coerce.number().int().min(1) });
export const LegParam = z.object({ id: z.uuid('is not an id'), state: StateCode });
export const VerificationCodeParam = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/, 'must look like ABCD-EFGH-JKLM-NPQR'),
});
