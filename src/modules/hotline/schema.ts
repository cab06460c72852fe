import { z } from '@hono/zod-openapi';

/** The hotline's inputs (zod, named for the OpenAPI document) and their inferred types. */

/** The NOTIFY channel that wakes the escalation runner: a message was sent (a new window opened). */
export const HOTLINE_CHANNEL = 'accord_hotline';

export const HotlineCode = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'is not a hotline code (capital letters, digits, dashes: KG-TJ)')
  .openapi({ example: 'KG-TJ', description: "The hotline's code, as the organisation file names it" });
const StateCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 code in capitals');

export const HotlineParams = z.object({ code: HotlineCode });
export const MessageParams = z.object({
  code: HotlineCode,
  id: z.uuid('is not a message id').openapi({ description: 'The message' }),
});
export const SideParams = z.object({
  code: HotlineCode,
  state: StateCode.openapi({ description: 'The side whose contacts these are', example: 'KG' }),
});

/** A hotline message is never public: restricted at least. */
export const MESSAGE_CLASSIFICATIONS = ['restricted', 'confidential', 'secret'] as const;

const MessageFields = {
  body: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(4000, 'must be at most 4,000 characters')
    .openapi({ example: 'Shots heard near post 14, 02:40 local. Please confirm your patrols.' }),
  urgency: z
    .enum(['routine', 'urgent'], 'must be routine or urgent')
    .default('routine')
    .openapi({ description: 'Urgent messages are flagged in the other side’s notifications' }),
  classification: z
    .enum(MESSAGE_CLASSIFICATIONS, 'must be restricted, confidential or secret')
    .default('restricted')
    .openapi({ description: 'At most the sender’s access level' }),
  reportId: z
    .uuid('is not a report id')
    .optional()
    .openapi({ description: 'A field report the message is about' }),
  region: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,63}$/, 'is not a region code')
    .optional()
    .openapi({ description: 'A monitoring region of the organisation file the message is about' }),
};

export const SendMessageInput = z
  .strictObject({
    ...MessageFields,
    replyTo: z
      .uuid('is not a message id')
      .optional()
      .openapi({ description: 'The message of this hotline it answers' }),
  })
  .openapi('HotlineMessageInput');
export type SendMessageInput = z.infer<typeof SendMessageInput>;

export const ReplyInput = z.strictObject(MessageFields).openapi('HotlineReplyInput');
export type ReplyInput = z.infer<typeof ReplyInput>;

export const DesignateContactsInput = z
  .strictObject({
    usernames: z
      .array(z.string().min(1, 'is required').max(64))
      .max(50, 'at most 50 contacts a side')
      .openapi({ description: "The side's duty contacts, replacing the list (empty: none)" }),
  })
  .openapi('HotlineContactsInput');
export type DesignateContactsInput = z.infer<typeof DesignateContactsInput>;

export const ListMessagesQuery = z.object({
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50),
  offset: z.coerce
    .number()
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(1_000_000, 'must be at most 1,000,000')
    .default(0),
  waiting: z
    .enum(['true', 'false'], 'must be true or false')
    .optional()
    .openapi({ description: 'true: only messages not yet acknowledged' }),
});
export type ListMessagesQuery = z.infer<typeof ListMessagesQuery>;
