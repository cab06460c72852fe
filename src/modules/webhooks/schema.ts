import { z } from '@hono/zod-openapi';
import { webhookEvents } from '../../core/registry.ts';

/**
 * The event kinds a webhook can subscribe to: those the modules declare (`webhookEvents` in
 * their index.ts, e.g. the clearance events), in their declared order. `ping` is what "send
 * test event" sends, to the one webhook tested, whatever it subscribed to.
 */
export const webhookEventNames = (): string[] => [...webhookEvents().keys()];
export type WebhookEvent = string;
export type DeliveryEvent = WebhookEvent | 'ping';

/** The NOTIFY channel that wakes the webhook runner: a delivery was queued. */
export const WEBHOOKS_CHANNEL = 'accord_webhooks';

/**
 * Attempts and back-off: the wait after the n-th failed attempt is `RETRY_DELAYS_S[n-1]`
 * (the last one repeats); after `MAX_ATTEMPTS` failed attempts the delivery is failed.
 */
export const RETRY_DELAYS_S = [30, 120, 600, 3_600, 21_600] as const;
export const MAX_ATTEMPTS = 8;
/** How long the receiver has to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * An http(s) URL without credentials. Where it may lead (https to public addresses only;
 * plain http or a private address only to a host the operator allows) is checked by the
 * command, which knows the configuration (target.ts).
 */
const WebhookUrl = z
  .string()
  .trim()
  .max(2_000)
  .superRefine((s, ctx) => {
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not a URL' });
      return;
    }
    if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not carry credentials' });
    else if (url.protocol !== 'https:' && url.protocol !== 'http:')
      ctx.addIssue({ code: 'custom', message: 'must be https' });
  })
  .openapi({ example: 'https://clearances.example.gov/accord' });

const Events = z
  .array(
    z
      .string()
      .refine((e) => webhookEvents().has(e), { message: 'is not an event a webhook can subscribe to' })
      .openapi({ description: 'An event kind, as a module declares it (e.g. leg_arrived)' }),
  )
  .min(1, 'name at least one event')
  .max(100)
  .transform((list) => webhookEventNames().filter((e) => list.includes(e)));

export const CreateWebhookInput = z
  .strictObject({
    url: WebhookUrl,
    events: Events.optional().openapi({ description: 'The event kinds to send; every kind when left out' }),
    active: z.boolean().default(true),
    description: z.string().trim().max(200).nullable().default(null),
  })
  .openapi('CreateWebhookInput');
export type CreateWebhookInput = z.infer<typeof CreateWebhookInput>;

export const UpdateWebhookInput = z
  .strictObject({
    url: WebhookUrl.optional(),
    events: Events.optional(),
    active: z.boolean().optional(),
    description: z.string().trim().max(200).nullable().optional(),
    rotateSecret: z
      .boolean()
      .optional()
      .openapi({ description: 'A new secret, shown once in the answer; the old one stops signing at once' }),
  })
  .openapi('UpdateWebhookInput');
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookInput>;

const State = z
  .string()
  .regex(/^[A-Z]{2}$/, 'is not a member state code')
  .openapi({ example: 'BY' });
export const StateParam = z.object({ state: State });
export const WebhookParams = z.object({ state: State, id: z.uuid('is not a webhook id') });
export const DeliveryParams = z.object({ state: State, id: z.uuid('is not a delivery id') });

export const ListDeliveriesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
});
export type ListDeliveriesQuery = z.infer<typeof ListDeliveriesQuery>;
