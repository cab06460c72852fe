import { z } from '@hono/zod-openapi';
import { type Actor, classificationName } from '../../core/actor.ts';
import type {
  ConsultationMessageRow,
  ConsultationPointRow,
  ConsultationRow,
} from '../../db/schema-consultations.ts';
import { abilities, can } from '../../policy/index.ts';
import { AttachmentSchema, presentAttachment } from '../attachments/index.ts';
import type { ConsultationSubject } from './policy.ts';
import type { ConsultationDetail } from './queries.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const level = z.enum(['public', 'restricted', 'confidential', 'secret']);
const status = z.enum(['open', 'concluded', 'closed']);
const PersonSchema = z.object({ id: z.uuid(), name: z.string(), state: z.string().nullable() });

const ABILITIES = [
  'message',
  'manageAgenda',
  'proposePoint',
  'agreePoint',
  'attach',
  'conclude',
  'close',
  'makeProposal',
] as const;

export const ConsultationSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    status,
    classification: level,
    states: z.array(z.string()),
    facilitator: PersonSchema,
    alert: z
      .string()
      .nullable()
      .openapi({ description: 'The reference of the monitoring alert it answers, if any' }),
    region: z.string().nullable().openapi({ description: 'The monitoring region it concerns, if any' }),
    proposalId: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    concludedAt: z.string().nullable(),
  })
  .openapi('ConsultationSummary');

const AgendaItemSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    text: z.string(),
    status: z.enum(['open', 'done']),
    addedBy: z.string(),
    doneAt: z.string().nullable(),
  })
  .openapi('ConsultationAgendaItem');

export const PointSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    text: z.string(),
    proposedBy: z.string(),
    proposedByState: z.string().nullable(),
    agreedBy: z.array(z.string()).openapi({ description: 'The states that agreed' }),
    awaiting: z.array(z.string()).openapi({ description: 'The states that have not agreed yet' }),
    agreed: z.boolean().openapi({ description: 'Every participating state agreed' }),
    agreedAt: z.string().nullable(),
    abilities: z.object({
      agree: z.boolean().openapi({ description: 'The caller may agree to it for their state now' }),
    }),
  })
  .openapi('ConsultationPoint');

export const ConsultationSchema = ConsultationSummarySchema.extend({
  purpose: z.string(),
  convenedBy: PersonSchema,
  staff: z.array(PersonSchema),
  outcome: z.string().nullable(),
  closeReason: z.string().nullable(),
  agenda: z.array(AgendaItemSchema),
  points: z.array(PointSchema),
  attachments: z.array(AttachmentSchema),
  abilities: z.object(
    Object.fromEntries(ABILITIES.map((a) => [a, z.boolean()])) as Record<
      (typeof ABILITIES)[number],
      z.ZodBoolean
    >,
  ),
}).openapi('Consultation');

export const MessageSchema = z
  .object({
    id: z.uuid(),
    author: z.string(),
    state: z
      .string()
      .nullable()
      .openapi({ description: 'The state the author spoke for; null for the secretariat' }),
    body: z.string(),
    createdAt: z.string(),
  })
  .openapi('ConsultationMessage');

export type ConsultationView = z.infer<typeof ConsultationSchema>;
export type ConsultationSummaryView = z.infer<typeof ConsultationSummarySchema>;

type PersonView = z.infer<typeof PersonSchema>;

/** A consultation in a list, with its facilitator. */
export const presentSummary = (
  row: ConsultationRow,
  states: string[],
  facilitator: PersonView,
): ConsultationSummaryView => ({
  id: row.id,
  reference: row.reference,
  title: row.title,
  status: row.status,
  classification: classificationName(row.classification),
  states,
  facilitator,
  alert: row.alert_ref,
  region: row.region_code,
  proposalId: row.proposal_id,
  createdAt: iso(row.created_at)!,
  updatedAt: iso(row.updated_at)!,
  concludedAt: iso(row.concluded_at),
});

/** A point, with who agreed and whether the caller may agree to it now. */
export function presentPoint(actor: Actor, subject: ConsultationSubject, p: ConsultationPointRow) {
  const mine = actor.kind === 'person' ? actor.stateCode : null;
  return {
    id: p.id,
    position: p.position,
    text: p.text,
    proposedBy: p.proposed_by_label,
    proposedByState: p.proposed_by_state?.trim() ?? null,
    agreedBy: p.agreed_by,
    awaiting: subject.states.filter((s) => !p.agreed_by.includes(s)),
    agreed: p.agreed_at !== null,
    agreedAt: iso(p.agreed_at),
    abilities: {
      agree: can(actor, 'agreePoint', 'consultation', subject) && !!mine && !p.agreed_by.includes(mine),
    },
  };
}

/** A consultation as its participants see it, with the caller's abilities. */
export function presentConsultation(actor: Actor, d: ConsultationDetail): ConsultationView {
  const person = (id: string) => ({
    id,
    name: d.people.get(id)?.name ?? '',
    state: d.people.get(id)?.state ?? null,
  });
  return {
    ...presentSummary(d.row, d.subject.states, person(d.row.facilitator)),
    purpose: d.row.purpose,
    convenedBy: person(d.row.convened_by),
    staff: d.subject.staff.map(person),
    outcome: d.row.outcome,
    closeReason: d.row.close_reason,
    agenda: d.agenda.map((i) => ({
      id: i.id,
      position: i.position,
      text: i.text,
      status: i.status,
      addedBy: i.added_by_label,
      doneAt: iso(i.done_at),
    })),
    points: d.points.map((p) => presentPoint(actor, d.subject, p)),
    attachments: d.attachments.map(presentAttachment),
    abilities: abilities(actor, 'consultation', d.subject, [...ABILITIES]) as ConsultationView['abilities'],
  };
}

export const presentMessage = (m: ConsultationMessageRow) => ({
  id: m.id,
  author: m.author_label,
  state: m.author_state?.trim() ?? null,
  body: m.body,
  createdAt: iso(m.created_at)!,
});
