import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';
import { AttachmentEntryFields } from '../attachments/index.ts';

/**
 * The record entries of consultations. Each is sealed to the participants (audience: their
 * states, `user:<id>` for the convener, facilitator and staff, and the token `sealed`, which
 * keeps the rest of the secretariat and observers out) and classified as the consultation.
 * A message's words stay in the consultation's table; its entry carries their SHA-256, so the
 * record proves what was said without repeating it. Agreed points and the outcome are
 * recorded in full: they are what the talks produced.
 */

const Reference = z.string().describe('The consultation\'s reference, e.g. "CN-2026-0001"');
const Id = z.string().describe('An id (UUID)');
const Position = z.number().int().describe('Its number, from 1');
const State = z.string().length(2).describe('A member state (ISO 3166 alpha-2)');
const Attachment = z.strictObject({ reference: Reference, ...AttachmentEntryFields });

export const consultationsLedgerActions = {
  'consultation.opened': {
    description:
      'A confidential consultation was convened: its states, facilitator, staff, classification and agenda.',
    payload: z.strictObject({
      reference: Reference,
      title: z.string().describe('Its title'),
      states: z.array(State).describe('The member states taking part'),
      facilitator: Id.describe('The person who chairs the talks'),
      staff: z.array(Id).describe('Secretariat staff taking part besides the convener and facilitator'),
      agenda: z.array(z.string()).describe('The agenda, in order'),
      alert: z.string().nullable().describe('The monitoring alert it answers, if any'),
      region: z.string().nullable().describe('The monitoring region it concerns, if any'),
    }),
  },
  'consultation.message_posted': {
    description: 'A participant wrote in a consultation (the SHA-256 of the words, never the words).',
    payload: z.strictObject({
      reference: Reference,
      messageId: Id,
      state: State.nullable().describe('The state the author spoke for; null for the secretariat'),
      bodySha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe('SHA-256 (hex) of the words as stored (the words stay in the consultation)'),
      length: z.number().int().min(1).describe('Characters'),
    }),
  },
  'consultation.agenda_item_added': {
    description: "An item was added to a consultation's agenda.",
    payload: z.strictObject({
      reference: Reference,
      itemId: Id,
      position: Position,
      text: z.string().describe('Its words'),
    }),
  },
  'consultation.agenda_item_done': {
    description: "An item of a consultation's agenda was dealt with.",
    payload: z.strictObject({ reference: Reference, itemId: Id, position: Position }),
  },
  'consultation.point_proposed': {
    description: 'A point was put to the states of a consultation for their agreement.',
    payload: z.strictObject({
      reference: Reference,
      pointId: Id,
      position: Position,
      text: z.string().describe('Its words'),
      state: State.nullable().describe('The state that proposed it; null for the secretariat'),
    }),
  },
  'consultation.point_agreed': {
    description: 'A state agreed to a point; `agreed` says whether every state now has.',
    payload: z.strictObject({
      reference: Reference,
      pointId: Id,
      position: Position,
      state: State.describe('The state that agreed'),
      agreed: z.boolean().describe('Whether every participating state has now agreed'),
    }),
  },
  'consultation.concluded': {
    description: 'A consultation was concluded: its outcome and the points every state agreed to.',
    payload: z.strictObject({
      reference: Reference,
      outcome: z.string().describe('The outcome'),
      points: z
        .array(z.strictObject({ position: Position, text: z.string().describe('Its words') }))
        .describe('The points every state agreed to'),
    }),
  },
  'consultation.closed': {
    description: 'A consultation ended without an outcome, and why.',
    payload: z.strictObject({ reference: Reference, reason: z.string().describe('Why') }),
  },
  'consultation.proposal_made': {
    description:
      "A consultation's outcome became a proposal of the decisions module (the proposal's own entry follows).",
    payload: z.strictObject({
      reference: Reference,
      proposalId: Id,
      body: z.string().describe('The body that is to decide'),
      points: z.number().int().describe('How many agreed points it carries'),
    }),
  },
  'consultation.attachment_added': {
    description: 'A document was attached to a consultation (its name, size and SHA-256; never its bytes).',
    payload: Attachment,
  },
  'consultation.attachment_removed': {
    description: 'A document was removed from a consultation.',
    payload: Attachment,
  },
} satisfies Record<string, LedgerActionSpec>;

type ConsultationsLedgerActions = typeof consultationsLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends ConsultationsLedgerActions {}
}
