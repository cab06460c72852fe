import { z } from '@hono/zod-openapi';
import { type Actor, classificationName } from '../../core/actor.ts';
import type { HotlineMessageRow } from '../../db/schema-hotline.ts';
import { abilities } from '../../policy/index.ts';
import { sideOf } from './policy.ts';
import { type Hotline, hotlineSubject, messageSubject, otherSide, type Waiting } from './queries.ts';

const Instant = z.string().openapi({ format: 'date-time' });

export const HotlineSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    states: z.array(z.string()),
    acknowledgeWithinMinutes: z.number().int(),
    escalateTo: z.array(z.enum(['secretariat', 'heads_of_delegation'])),
    active: z.boolean(),
    mySide: z
      .string()
      .nullable()
      .openapi({ description: 'The state the reader speaks for on it, if either' }),
    contacts: z.array(z.object({ state: z.string(), username: z.string(), displayName: z.string() })),
    abilities: z.object({ send: z.boolean(), designate: z.boolean() }),
  })
  .openapi('Hotline');

export const WaitingSchema = z
  .object({
    count: z
      .number()
      .int()
      .openapi({ description: 'Messages not yet acknowledged (that the reader may read)' }),
    oldestSentAt: Instant.nullable(),
    oldestWaitSeconds: z.number().int().nullable().openapi({ description: 'How long the oldest has waited' }),
    escalated: z.number().int(),
    forMySide: z.number().int().openapi({ description: "Of them, those the reader's side must acknowledge" }),
    oldestForMySideAt: Instant.nullable(),
  })
  .openapi('HotlineWaiting');

export const HotlineMessageSchema = z
  .object({
    id: z.string(),
    hotline: z.string(),
    replyTo: z.string().nullable(),
    fromState: z.string(),
    toState: z.string(),
    from: z.string().openapi({ description: "The sender's username" }),
    body: z.string(),
    urgency: z.enum(['routine', 'urgent']),
    classification: z.string(),
    reportId: z.string().nullable(),
    region: z.string().nullable(),
    sentAt: Instant,
    dueAt: Instant,
    status: z.enum(['waiting', 'overdue', 'escalated', 'acknowledged']).openapi({
      description: 'overdue: the window closed, the escalation is being applied',
    }),
    acknowledgedAt: Instant.nullable(),
    acknowledgedBy: z.string().nullable(),
    acknowledgedWithinWindow: z.boolean().nullable(),
    escalatedAt: Instant.nullable(),
    abilities: z.object({ acknowledge: z.boolean(), reply: z.boolean() }),
  })
  .openapi('HotlineMessage');

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A hotline as the reader sees it: explicit fields and what they may do on it. */
export function presentHotline(actor: Actor, h: Hotline) {
  const mySide = sideOf(actor, h);
  return {
    id: h.row.id,
    code: h.row.code,
    states: h.states,
    acknowledgeWithinMinutes: h.row.acknowledge_within_minutes,
    escalateTo: h.row.escalate_to,
    active: h.row.active,
    mySide,
    contacts: h.contacts.map((c) => ({ state: c.state, username: c.username, displayName: c.displayName })),
    abilities: {
      ...abilities(actor, 'hotline', hotlineSubject(h), ['send']),
      designate:
        mySide !== null &&
        abilities(actor, 'hotlineSide', { ...hotlineSubject(h), state: mySide }, ['designate']).designate,
    } as { send: boolean; designate: boolean },
  };
}

export function presentWaiting(w: Waiting, now: Date) {
  return {
    count: w.count,
    oldestSentAt: iso(w.oldestSentAt),
    oldestWaitSeconds: w.oldestSentAt
      ? Math.max(0, Math.floor((now.getTime() - w.oldestSentAt.getTime()) / 1000))
      : null,
    escalated: w.escalated,
    forMySide: w.forMySide,
    oldestForMySideAt: iso(w.oldestForMySideAt),
  };
}

/** A message: explicit fields, its standing at `now`, and the reader's abilities on it. */
export function presentMessage(actor: Actor, h: Hotline, m: HotlineMessageRow, now: Date) {
  const fromState = m.from_state.trim();
  const dueAt = new Date(m.due_at);
  const status =
    m.acknowledged_at !== null
      ? 'acknowledged'
      : m.escalated_at !== null
        ? 'escalated'
        : now.getTime() >= dueAt.getTime()
          ? 'overdue'
          : 'waiting';
  return {
    id: m.id,
    hotline: h.row.code,
    replyTo: m.reply_to,
    fromState,
    toState: otherSide(h, fromState),
    from: m.from_label,
    body: m.body,
    urgency: m.urgency,
    classification: classificationName(m.classification),
    reportId: m.report_id,
    region: m.region_code,
    sentAt: iso(m.sent_at)!,
    dueAt: dueAt.toISOString(),
    status: status as 'waiting' | 'overdue' | 'escalated' | 'acknowledged',
    acknowledgedAt: iso(m.acknowledged_at),
    acknowledgedBy: m.acknowledged_by_label,
    acknowledgedWithinWindow:
      m.acknowledged_at === null ? null : new Date(m.acknowledged_at).getTime() <= dueAt.getTime(),
    escalatedAt: iso(m.escalated_at),
    abilities: {
      ...abilities(actor, 'hotlineMessage', messageSubject(h, m), ['reply']),
      acknowledge:
        m.acknowledged_at === null &&
        abilities(actor, 'hotlineMessage', messageSubject(h, m), ['acknowledge']).acknowledge,
    } as { acknowledge: boolean; reply: boolean },
  };
}
