import { z } from '@hono/zod-openapi';
import { CLASSIFICATIONS } from '../../core/actor.ts';

/** The fewest member states a consultation brings together. */
export const MIN_PARTICIPANTS = 2;
/** A page of messages: the default and the most one page holds. */
export const MESSAGE_PAGE = 50;
export const MAX_MESSAGE_PAGE = 200;

const StateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 code');
const Text = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
/** A person by id or username. */
const PersonRef = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100)
  .openapi({ description: 'A person: their user id or username' });

export const OpenConsultationInput = z
  .strictObject({
    title: Text(300),
    purpose: z.string().trim().max(20_000).default(''),
    participants: z
      .array(StateCode)
      .min(MIN_PARTICIPANTS, `name at least ${MIN_PARTICIPANTS} member states`)
      .max(50)
      .superRefine((codes, ctx) => {
        codes.forEach((code, i) => {
          if (codes.indexOf(code) !== i)
            ctx.addIssue({ code: 'custom', path: [i], message: `${code} twice` });
        });
      })
      .openapi({ description: 'The member states taking part (two or more, distinct)' }),
    facilitator: PersonRef.openapi({
      description:
        "Who chairs the talks: a secretariat person or the presidency's head of delegation (user id or username)",
    }),
    staff: z
      .array(PersonRef)
      .max(20)
      .default([])
      .openapi({ description: 'Secretariat staff taking part besides the convener and the facilitator' }),
    classification: z.enum(CLASSIFICATIONS).default('confidential'),
    agenda: z.array(Text(2000)).max(50).default([]).openapi({ description: 'The agenda, in order' }),
    alert: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .nullable()
      .default(null)
      .openapi({ description: 'The monitoring alert it answers, if any (its reference)' }),
    region: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be a region code of the organisation file (lower case)')
      .nullable()
      .default(null)
      .openapi({ description: 'The monitoring region it concerns, if any' }),
  })
  .openapi('OpenConsultationInput');
export type OpenConsultationInput = z.infer<typeof OpenConsultationInput>;

export const MessageInput = z
  .strictObject({
    body: Text(20_000).openapi({ description: 'Never edited: a correction is a new message' }),
  })
  .openapi('ConsultationMessageInput');
export type MessageInput = z.infer<typeof MessageInput>;

export const AgendaItemInput = z.strictObject({ text: Text(2000) }).openapi('ConsultationAgendaItemInput');
export const PointInput = z.strictObject({ text: Text(5000) }).openapi('ConsultationPointInput');

export const ConcludeInput = z
  .strictObject({
    outcome: Text(20_000).openapi({
      description: 'The outcome; the agreed points go with it, the others do not',
    }),
  })
  .openapi('ConcludeConsultationInput');

export const CloseInput = z
  .strictObject({ reason: Text(2000).openapi({ description: 'Why the talks end without an outcome' }) })
  .openapi('CloseConsultationInput');

export const MakeProposalInput = z
  .strictObject({
    body: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(64)
      .openapi({ description: 'The code of the body that is to decide' }),
    title: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(300)
      .optional()
      .openapi({ description: "Defaults to the consultation's title" }),
    classification: z
      .enum(CLASSIFICATIONS)
      .optional()
      .openapi({ description: "At least the consultation's; defaults to it" }),
  })
  .openapi('MakeProposalFromConsultationInput');
export type MakeProposalInput = z.infer<typeof MakeProposalInput>;

export const IdParam = z.object({ id: z.uuid('is not a consultation id') });
export const ItemParam = IdParam.extend({ itemId: z.uuid('is not an agenda item id') });
export const PointParam = IdParam.extend({ pointId: z.uuid('is not a point id') });

export const ListQuery = z.object({
  status: z.enum(['open', 'concluded', 'closed']).optional(),
});

export const MessagesQuery = z.object({
  before: z.string().max(200).optional().openapi({ description: 'The `next` of the previous page' }),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_MESSAGE_PAGE, `must be at most ${MAX_MESSAGE_PAGE}`)
    .default(MESSAGE_PAGE),
});
