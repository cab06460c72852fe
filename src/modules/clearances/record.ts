import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';
import {
  ASSET_KINDS,
  CONDITION_KINDS,
  FRAMEWORKS,
  LEG_DECISIONS,
  LEG_STATUSES,
  REQUEST_STATUSES,
  SILENCE_MEANINGS,
  URGENCIES,
} from './schema.ts';

/**
 * The record entries of clearance requests, standing permissions, asset lists and
 * deployments. A request's content (itinerary, cargo) is in its versions, not in the
 * record; an attachment is recorded by its name, size and SHA-256, never its bytes; a
 * leg's internal note never leaves its delegation.
 */

const Id = z.guid();
const Instant = z.iso.datetime({ offset: true });
const State = z.string().describe('A member state (ISO 3166 code)');
const States = z.array(State);
const Reference = z.string().describe("The request's reference, e.g. KZ-2026-0042");
const Version = z.number().int().min(1);
const Status = z.enum(REQUEST_STATUSES).describe("The request's status after the change");
const Opened = z.strictObject({
  state: State,
  dueAt: Instant.nullable().describe(
    "When the state's window closes; null when a standing permission covers it",
  ),
  standingPermission: z
    .string()
    .nullable()
    .describe('The number of the standing permission that cleared the leg at once, or null'),
});
const Window = z.strictObject({ from: Instant, to: Instant });
const Condition = z.strictObject({
  kind: z.enum(CONDITION_KINDS).describe('What the condition is about'),
  text: z.string().describe('The condition in words'),
  window: Window.optional().describe('For a time_window condition: the window allowed instead'),
  point: z.string().optional().describe('For a crossing_point condition: the crossing point to use instead'),
});
const Asset = z.strictObject({
  kind: z.enum(ASSET_KINDS).describe('Vehicle, aircraft, helicopter, vessel, train or other'),
  type: z.string().describe('The type, e.g. "KamAZ-5350 truck"'),
  count: z.number().int().min(1).describe('How many'),
  registrations: z.array(z.string()).describe('Registration numbers'),
  callSigns: z.array(z.string()).describe('Call signs'),
});
const Attachment = z.strictObject({
  reference: Reference,
  attachmentId: Id.describe('The attachment'),
  filename: z.string().describe("The file's name"),
  sizeBytes: z.number().int().min(0).describe("The file's size in bytes"),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("SHA-256 of the file's bytes (the bytes themselves are never recorded)"),
});
const LegDecision = z.strictObject({
  reference: Reference,
  version: Version.describe('The version decided'),
  state: State.describe('The state whose leg it is'),
  decision: z.enum(LEG_DECISIONS).describe('Approve, approve with conditions, or deny'),
  clearanceNumber: z.string().describe("The state's clearance number"),
  conditions: z.array(Condition).describe('The conditions of an approval with conditions'),
  reason: z.string().nullable().describe('The reason given (required for a denial), or null'),
  status: Status,
});
const Settled = z.strictObject({
  reference: Reference,
  version: Version.describe('The version in force'),
  legs: z
    .array(
      z.strictObject({
        state: State,
        status: z.enum(LEG_STATUSES).describe("The leg's status"),
        how: z
          .enum(['state', 'tacit', 'standing_permission', 'secretariat'])
          .nullable()
          .describe('Who decided it: the state, silence, a standing permission or the secretariat'),
        clearanceNumber: z.string().nullable().describe("The state's clearance number, if any"),
      }),
    )
    .describe('Every leg still on the route'),
});

export const clearancesLedgerActions = {
  'clearance.requested': {
    description: 'A clearance request was created (draft or submitted at once): its first version.',
    payload: z.strictObject({
      reference: Reference,
      requestingState: State.describe('The state that requests'),
      title: z.string().describe("The request's title"),
      framework: z.enum(FRAMEWORKS).describe('The framework of the movement'),
      urgency: z.enum(URGENCIES).describe('Emergency, urgent or routine'),
      states: States.describe('The states on the route, in order'),
    }),
  },
  'clearance.draft_updated': {
    description: "A draft clearance request's content changed before submission (the same version).",
    payload: z.strictObject({
      reference: Reference,
      title: z.string().describe("The request's title"),
      states: States.describe('The states on the route, in order'),
    }),
  },
  'clearance.submitted': {
    description:
      'A clearance request was submitted: every leg opened at once, each with its window; legs a standing permission covers are cleared at once, and the entry says which.',
    payload: z.strictObject({
      reference: Reference,
      version: Version.describe('The version submitted'),
      kind: z
        .enum(['request', 'notification'])
        .describe('A request, or a notification when standing permissions cover every leg'),
      legs: z.array(Opened).describe('Every leg opened'),
    }),
  },
  'clearance.amended': {
    description:
      'A clearance request was amended: a new version; the entry lists the legs re-opened, kept and withdrawn.',
    payload: z.strictObject({
      reference: Reference,
      version: Version.describe('The new version'),
      reason: z.string().nullable().describe('Why it was amended, or null'),
      changed: z
        .partialRecord(
          z.enum(['title', 'framework', 'urgency', 'classification']),
          z.strictObject({ from: z.string().describe('Before'), to: z.string().describe('After') }),
        )
        .optional()
        .describe(
          'What the amendment changed of the envelope, by field (empty when nothing); absent in entries written before it was recorded',
        ),
      reopened: z.array(Opened).describe('The legs opened again (changed or new)'),
      kept: States.describe('The states whose decision stands'),
      withdrawn: States.describe('The states no longer on the route'),
      status: Status,
    }),
  },
  'clearance.withdrawn': {
    description: 'The requesting state withdrew a clearance request, with its reason.',
    payload: z.strictObject({
      reference: Reference,
      version: Version.describe('The version in force'),
      reason: z.string().describe('Why it was withdrawn'),
      was: z.enum(REQUEST_STATUSES).describe('Its status before'),
    }),
  },
  'clearance.leg_decided': {
    description:
      'A state decided its leg: approved (with or without conditions) or denied, with its clearance number.',
    payload: LegDecision,
  },
  'clearance.leg_tacit': {
    description:
      "A state's window closed in silence: consent, refusal or escalation to the secretariat, at the instant it closed.",
    payload: z.strictObject({
      reference: Reference,
      state: State.describe('The state that kept silent'),
      meaning: z.enum(SILENCE_MEANINGS).describe('What silence means for that state and urgency'),
      status: z.enum(LEG_STATUSES).describe("The leg's status now (approved, denied or escalated)"),
      clearanceNumber: z
        .string()
        .nullable()
        .optional()
        .describe(
          "The state's clearance number given to a consent by silence (suffix -T); null otherwise; absent in entries written before numbers were given",
        ),
      closedAt: Instant.describe('When the window closed (the entry is dated then)'),
      appliedAt: Instant.describe('When the server applied it'),
    }),
  },
  'clearance.leg_escalation_decided': {
    description: 'The secretariat decided a leg escalated at the end of its window.',
    payload: LegDecision,
  },
  'clearance.info_requested': {
    description: 'A state asked the requester for more information: its clock pauses.',
    payload: z.strictObject({
      reference: Reference,
      state: State.describe('The state that asks'),
      question: z.string().describe('The question'),
    }),
  },
  'clearance.info_given': {
    description: "The requester answered a state's question: that state's clock runs again.",
    payload: z.strictObject({
      reference: Reference,
      state: State.describe('The state that asked'),
      answer: z.string().describe('The answer'),
      dueAt: Instant.nullable().describe("When the state's window now closes (moved by the pause)"),
    }),
  },
  'clearance.conditions_accepted': {
    description: 'The requester accepted the conditions of one or more legs.',
    payload: z.strictObject({
      reference: Reference,
      states: States.describe('The states whose conditions were accepted'),
      status: Status,
    }),
  },
  'clearance.cleared': {
    description: 'A clearance request was cleared: every leg approved and every condition accepted.',
    payload: Settled,
  },
  'clearance.denied': {
    description: "A clearance request was denied: one state's denial (or refusal by silence) stops it.",
    payload: Settled,
  },
  'clearance.certificate_issued': {
    description:
      "A cleared request's certificate was issued: its digest, which its verification code is checked against.",
    payload: z.strictObject({
      reference: Reference,
      version: Version.describe('The version cleared'),
      digest: z.string().describe("The certificate document's digest"),
    }),
  },
  'clearance.attachment_added': {
    description: 'A file was attached to a clearance request (its name, size and SHA-256; never its bytes).',
    payload: Attachment,
  },
  'clearance.attachment_removed': {
    description: 'A file was removed from a clearance request.',
    payload: Attachment,
  },
  'standing_permission.granted': {
    description: 'A state granted a delegation a standing permission for movements matching a pattern.',
    payload: z.strictObject({
      number: z.string().describe("The permission's number, e.g. BY-SP-2026-0001"),
      grantingState: State.describe('The state that grants it'),
      grantee: State.describe('The state whose movements it covers'),
      pattern: z
        .strictObject({
          frameworks: z.array(z.enum(FRAMEWORKS)).describe('Frameworks covered'),
          crossingPoints: z
            .array(z.string())
            .describe('Crossing points the movement may use; any when empty'),
          assetKinds: z.array(z.enum(ASSET_KINDS)).describe('Asset kinds covered'),
          maxPersonnel: z.number().int().min(0).optional().describe('The most personnel covered'),
        })
        .describe('The movements it covers'),
      validFrom: Instant.describe('From when'),
      validTo: Instant.describe('Until when'),
    }),
  },
  'standing_permission.revoked': {
    description: 'A standing permission was revoked.',
    payload: z.strictObject({ number: z.string().describe("The permission's number") }),
  },
  'asset_list.saved': {
    description: 'A delegation saved (created or changed) a reusable vehicle and asset list.',
    payload: z.strictObject({
      name: z.string().describe("The list's name"),
      created: z.boolean().describe('Whether the list is new'),
      assets: z.array(Asset).describe('The assets listed'),
    }),
  },
  'asset_list.deleted': {
    description: 'A delegation deleted an asset list.',
    payload: z.strictObject({ name: z.string().describe("The list's name") }),
  },
  'deployment.requested': {
    description:
      'A host state requested the deployment of collective forces: the proposal and procedure it opened.',
    payload: z.strictObject({
      reference: z.string().describe("The deployment's reference"),
      hostState: State.describe('The host state'),
      title: z.string().describe('Its title'),
      proposalId: Id.describe('The proposal put to the council'),
      procedureId: Id.describe('The procedure opened on it'),
      procedure: z.string().describe('The kind of procedure the organisation file sets for deployments'),
      deadline: Instant.nullable().describe("The procedure's deadline, or null"),
      body: z.string().describe('The body that decides'),
      openedBy: z.string().describe('Who opened the procedure, and on whose instruction'),
      movements: z.number().int().min(0).describe('How many movements are planned'),
    }),
  },
  'deployment.decided': {
    description:
      "The council's procedure on a deployment closed: adopted (its movements became requests) or not.",
    payload: z.strictObject({
      reference: z.string().describe("The deployment's reference"),
      result: z.string().describe("The procedure's result: adopted, partially_adopted or not_adopted"),
      procedureId: Id.describe('The procedure'),
      requests: z.array(Reference).describe('The references of the clearance requests created'),
      skipped: z
        .array(
          z.strictObject({
            index: z.number().int().min(0).describe("The movement's position in the list"),
            reason: z.string().describe('Why it was not created'),
          }),
        )
        .describe('Planned movements no longer valid, skipped'),
    }),
  },
} satisfies Record<string, LedgerActionSpec>;

type ClearancesLedgerActions = typeof clearancesLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends ClearancesLedgerActions {}
}
