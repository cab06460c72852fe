import { z } from '@hono/zod-openapi';
import { type Actor, CLASSIFICATIONS, classificationName } from '../../core/actor.ts';
import type { ClearanceLegRow, ClearanceRequestRow } from '../../db/schema.ts';
import { abilities, can } from '../../policy/index.ts';
import { AttachmentSchema, presentAttachment } from '../attachments/index.ts';
import { requestSubject, trimState } from './load.ts';
import { isOpenLeg } from './machine.ts';
import type { ClearanceLegSubject } from './policy.ts';
import type { RequestView } from './requests/queries.ts';
import {
  ASSET_KINDS,
  CONDITION_KINDS,
  FRAMEWORKS,
  LEG_STATUSES,
  type LegInput,
  REQUEST_STATUSES,
  SILENCE_MEANINGS,
  URGENCIES,
} from './schema.ts';

/**
 * What leaves the server about clearances, fields listed one by one. Every state on the
 * route sees every leg's status and window; a leg's decision details (clearance number,
 * conditions, reason, questions and answers) only its own state, the requester and the
 * secretariat; the internal note only the deciding state and the secretariat.
 */

const Instant = z.string().nullable();

/** Where and when a leg enters or leaves its state, in UTC and in the state's own time. */
export const LegPassageSchema = z
  .object({
    point: z.string().openapi({ description: 'A crossing point code' }),
    from: z.string().openapi({ description: 'Window start, UTC (ISO 8601)' }),
    to: z.string().openapi({ description: 'Window end, UTC (ISO 8601)' }),
    fromLocal: z.string().openapi({ description: "Window start in the state's time, with its offset" }),
    toLocal: z.string().openapi({ description: "Window end in the state's time, with its offset" }),
  })
  .openapi('ClearanceLegPassage');

/** A condition a state set on its leg (schema.ts, ConditionInput). */
export const ConditionSchema = z
  .object({
    kind: z.enum(CONDITION_KINDS),
    text: z.string(),
    window: z.object({ from: z.string(), to: z.string() }).optional(),
    point: z.string().optional(),
  })
  .openapi('ClearanceCondition');

const ContentPassage = z.object({
  point: z.string(),
  window: z.object({ from: z.string(), to: z.string() }),
});

/** A version of a request as stored: ClearanceContent (schema.ts) after its defaults. */
export const ContentSchema = z
  .object({
    purpose: z.string(),
    operationName: z.string().optional(),
    pointOfContact: z.object({
      name: z.string(),
      rank: z.string().optional(),
      phone: z.string(),
      email: z.string().optional(),
    }),
    legs: z.array(
      z.object({
        state: z.string(),
        entry: ContentPassage,
        route: z.string(),
        stops: z.array(z.string()),
        exit: z.union([ContentPassage, z.null()]),
        alternates: z.string().optional(),
      }),
    ),
    assets: z.array(
      z.object({
        kind: z.enum(ASSET_KINDS),
        type: z.string(),
        count: z.number(),
        registrations: z.array(z.string()),
        callSigns: z.array(z.string()),
      }),
    ),
    personnel: z.number(),
    vips: z.number(),
    armament: z.boolean(),
    sensors: z.boolean(),
    dangerousGoods: z.array(
      z.object({
        unNumber: z.string(),
        hazardClass: z.string(),
        description: z.string(),
        netExplosiveQuantityKg: z.number().nullable(),
      }),
    ),
    attachments: z.array(z.string()),
  })
  .openapi('ClearanceContentView');

export const LegSchema = z
  .object({
    id: z.string(),
    state: z.string(),
    position: z.number(),
    timeZone: z.string().openapi({ description: "The state's time zone, for local times" }),
    status: z.enum(LEG_STATUSES),
    version: z.number().openapi({ description: 'The version the current decision is about' }),
    openedAt: Instant,
    dueAt: Instant,
    remainingSeconds: z.number().nullable().openapi({
      description:
        'Seconds until silence takes effect; while paused (info_requested) the time left, frozen, when the clock stopped; null when decided',
    }),
    onSilence: z.enum(SILENCE_MEANINGS).nullable(),
    pausedAt: Instant,
    // Unions rather than .nullable(), so the named passage stays non-null in the document.
    entry: z
      .union([LegPassageSchema, z.null()])
      .openapi({ description: 'Null for a leg no longer on the route' }),
    exit: z
      .union([LegPassageSchema, z.null()])
      .openapi({ description: 'Null when the state hosts the movement' }),
    route: z.string().nullable(),
    stops: z.array(z.string()),
    decidedAt: Instant,
    decidedHow: z.enum(['state', 'tacit', 'standing_permission', 'secretariat']).nullable(),
    decidedBy: z.string().nullable(),
    /** Null when the caller may not read the details. */
    clearanceNumber: z.string().nullable(),
    conditions: z.array(ConditionSchema).nullable(),
    conditionsAcceptedAt: Instant,
    reason: z.string().nullable(),
    standingPermission: z.string().nullable(),
    internalNote: z.string().nullable(),
    details: z.boolean().openapi({ description: 'Whether the caller sees this leg’s decision details' }),
    abilities: z.object({
      decide: z.boolean(),
      askInfo: z.boolean(),
      decideEscalated: z.boolean(),
      giveInfo: z.boolean(),
    }),
  })
  .openapi('ClearanceLeg');

export const LegEventSchema = z
  .object({
    state: z.string(),
    at: z.string(),
    kind: z.string(),
    actor: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('ClearanceLegEvent');

const RequestAbilities = z.object({
  attach: z.boolean(),
  edit: z.boolean(),
  submit: z.boolean(),
  amend: z.boolean(),
  withdraw: z.boolean(),
  acceptConditions: z.boolean(),
});

const Envelope = {
  id: z.string(),
  reference: z.string(),
  kind: z.enum(['request', 'notification']),
  status: z.enum(REQUEST_STATUSES),
  version: z.number(),
  title: z.string(),
  framework: z.enum(FRAMEWORKS),
  urgency: z.enum(URGENCIES),
  classification: z.enum(CLASSIFICATIONS),
  requestingState: z.string(),
  deploymentId: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  submittedAt: Instant,
  clearedAt: Instant,
  closedAt: Instant,
  updatedAt: z.string(),
  verificationCode: z
    .string()
    .nullable()
    .openapi({ description: 'The current certificate’s verification code, once cleared' }),
};

export const RequestSchema = z
  .object({
    ...Envelope,
    content: ContentSchema.openapi({ description: 'The version in force' }),
    legs: z.array(LegSchema),
    events: z.array(LegEventSchema),
    versions: z.array(
      z.object({ version: z.number(), createdAt: z.string(), createdBy: z.string(), submittedAt: Instant }),
    ),
    attachments: z.array(AttachmentSchema),
    abilities: RequestAbilities,
  })
  .openapi('ClearanceRequest');

export const RequestListItemSchema = z
  .object({
    ...Envelope,
    legs: z.array(
      z.object({
        state: z.string(),
        status: z.enum(LEG_STATUSES),
        dueAt: Instant,
        remainingSeconds: z.number().nullable(),
      }),
    ),
    toDecide: z.boolean().openapi({ description: "A leg of the caller's state is open now" }),
  })
  .openapi('ClearanceRequestListItem');

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Seconds left in a leg's window: to its due instant while it runs; while the state waits
 * for an answer (the clock stopped), what was left when it stopped, frozen.
 */
export function remainingSeconds(
  leg: Pick<
    ClearanceLegRow,
    'status' | 'due_at' | 'opened_at' | 'paused_at' | 'paused_seconds' | 'window_seconds'
  >,
  now: Date,
): number | null {
  const left = (until: number, from: number) => Math.max(Math.round((until - from) / 1000), 0);
  if (leg.status === 'pending' && leg.due_at) return left(leg.due_at.getTime(), now.getTime());
  if (leg.status === 'info_requested' && leg.paused_at && leg.opened_at && leg.window_seconds !== null) {
    const due = leg.opened_at.getTime() + (leg.window_seconds + Number(leg.paused_seconds)) * 1000;
    return left(due, leg.paused_at.getTime());
  }
  return null;
}
const remaining = remainingSeconds;

/**
 * One formatter per time zone, made once: building an Intl.DateTimeFormat costs far more than
 * formatting with it (it was a sixth of the CPU of a leg decision through the API, whose answer
 * holds every leg's passages in local time).
 */
const zoneFormats = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(zone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    zoneFormats.set(zone, format);
  }
  return format;
}

/**
 * An instant in a time zone with its offset, to the minute: `2026-12-05T09:00+03:00`.
 *
 * @example localTime('2026-12-05T06:00:00.000Z', 'Europe/Moscow') // '2026-12-05T09:00+03:00'
 */
export function localTime(instant: string, zone: string): string {
  const parts = Object.fromEntries(
    zoneFormat(zone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}${offset}`;
}

function passage(p: LegInput['entry'] | null | undefined, zone: string) {
  if (!p) return null;
  return {
    point: p.point,
    from: p.window.from,
    to: p.window.to,
    fromLocal: localTime(p.window.from, zone),
    toLocal: localTime(p.window.to, zone),
  };
}

function envelope(row: ClearanceRequestRow) {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    version: row.version,
    title: row.title,
    framework: row.framework,
    urgency: row.urgency,
    classification: classificationName(row.classification),
    requestingState: trimState(row.requesting_state),
    deploymentId: row.deployment_id,
    createdBy: row.created_by_label,
    createdAt: row.created_at.toISOString(),
    submittedAt: iso(row.submitted_at),
    clearedAt: iso(row.cleared_at),
    closedAt: iso(row.closed_at),
    updatedAt: row.updated_at.toISOString(),
    verificationCode: row.verification_code,
  };
}

/** Event details a viewer who does not see a leg's details must not get: questions, answers, numbers, conditions. */
const PRIVATE_DETAILS = new Set([
  'question',
  'answer',
  'clearanceNumber',
  'conditions',
  'reason',
  'permission',
  'permissionId',
]);

export function presentRequest(
  actor: Actor,
  view: RequestView,
  now = new Date(),
): z.infer<typeof RequestSchema> {
  const { row, legs } = view;
  const request = requestSubject(row, legs);
  const legSubjects = new Map<string, ClearanceLegSubject>(
    legs.map((l) => [l.id, { request, state: trimState(l.state_code), authorisedDelegates: view.delegates }]),
  );
  const requestAbilities = abilities(actor, 'clearanceRequest', request, [
    'edit',
    'submit',
    'amend',
    'withdraw',
    'acceptConditions',
  ]) as z.infer<typeof RequestAbilities>;
  const open = row.status === 'pending' || row.status === 'awaiting_acceptance';
  const unaccepted = legs.some(
    (l) => l.status === 'approved' && (l.conditions as unknown[] | null)?.length && !l.conditions_accepted_at,
  );
  return {
    ...envelope(row),
    content: view.content as z.infer<typeof ContentSchema>,
    legs: legs.map((l) => {
      const subject = legSubjects.get(l.id)!;
      const details = can(actor, 'readDetails', 'clearanceLeg', subject);
      const note = can(actor, 'readInternalNote', 'clearanceLeg', subject);
      const state = trimState(l.state_code);
      const zone = view.zones.get(state) ?? 'UTC';
      // The leg as the version in force plans it (none for a state taken off the route).
      const planned = l.status === 'withdrawn' ? undefined : view.content.legs.find((x) => x.state === state);
      return {
        id: l.id,
        state,
        position: l.position,
        timeZone: zone,
        status: l.status,
        version: l.version,
        openedAt: iso(l.opened_at),
        dueAt: iso(l.due_at),
        remainingSeconds: remaining(l, now),
        onSilence: l.on_silence,
        pausedAt: iso(l.paused_at),
        entry: passage(planned?.entry, zone),
        exit: passage(planned?.exit, zone),
        route: planned ? (planned.route ?? '') : null,
        stops: planned?.stops ?? [],
        decidedAt: iso(l.decided_at),
        decidedHow: l.decided_how,
        decidedBy: details ? l.decided_by_label : null,
        clearanceNumber: details ? l.clearance_number : null,
        conditions: details ? ((l.conditions as z.infer<typeof ConditionSchema>[] | null) ?? null) : null,
        conditionsAcceptedAt: iso(l.conditions_accepted_at),
        reason: details ? l.reason : null,
        standingPermission:
          details && l.standing_permission_id
            ? (view.permissionNumbers.get(l.standing_permission_id) ?? null)
            : null,
        internalNote: note ? l.internal_note : null,
        details,
        abilities: {
          decide: open && l.status === 'pending' && can(actor, 'decide', 'clearanceLeg', subject),
          askInfo: open && l.status === 'pending' && can(actor, 'askInfo', 'clearanceLeg', subject),
          decideEscalated:
            open && l.status === 'escalated' && can(actor, 'decideEscalated', 'clearanceLeg', subject),
          giveInfo: open && l.status === 'info_requested' && requestAbilities.edit,
        },
      };
    }),
    events: view.events.map((e) => {
      const leg = legs.find((l) => l.id === e.leg_id)!;
      const details = can(actor, 'readDetails', 'clearanceLeg', legSubjects.get(leg.id)!);
      const raw = (e.details ?? {}) as Record<string, unknown>;
      return {
        state: e.state,
        at: e.at.toISOString(),
        kind: e.kind,
        actor: e.actor_label,
        details: details
          ? raw
          : Object.fromEntries(Object.entries(raw).filter(([k]) => !PRIVATE_DETAILS.has(k))),
      };
    }),
    versions: view.versions.map((v) => ({
      version: v.version,
      createdAt: v.created_at.toISOString(),
      createdBy: v.created_by_label,
      submittedAt: iso(v.submitted_at),
    })),
    attachments: view.attachments.map(presentAttachment),
    abilities: {
      attach: !['denied', 'withdrawn'].includes(row.status) && requestAbilities.edit,
      edit: row.status === 'draft' && requestAbilities.edit,
      submit: row.status === 'draft' && requestAbilities.submit,
      amend: ['pending', 'awaiting_acceptance', 'cleared'].includes(row.status) && requestAbilities.amend,
      withdraw: !['denied', 'withdrawn'].includes(row.status) && requestAbilities.withdraw,
      acceptConditions: open && unaccepted && requestAbilities.acceptConditions,
    },
  };
}

export function presentRequestListItem(
  actor: Actor,
  row: ClearanceRequestRow,
  legs: ClearanceLegRow[],
  now = new Date(),
): z.infer<typeof RequestListItemSchema> {
  const own = actor.kind === 'person' ? actor.stateCode : null;
  return {
    ...envelope(row),
    legs: legs.map((l) => ({
      state: trimState(l.state_code),
      status: l.status,
      dueAt: iso(l.due_at),
      remainingSeconds: remaining(l, now),
    })),
    toDecide: !!own && legs.some((l) => trimState(l.state_code) === own && isOpenLeg(l.status)),
  };
}
