import type { Person } from '../../core/actor.ts';
import type { EventSubscriptions } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import { can } from '../../policy/index.ts';
import { isHeadOfDelegation, isSecretariat } from '../../policy/predicates.ts';
import { emit, recipients } from '../notifications/index.ts';
import type {
  HotlineAcknowledged,
  HotlineEscalated,
  HotlineMessageFacts,
  HotlineMessageSent,
} from './events.ts';
import type { HotlineMessageSubject } from './policy.ts';
import { findHotlineById, hotlineSubject } from './queries.ts';

/** What a hotline notification says besides its message. Facts only: the UI and e-mail word them. */
export interface HotlineNotificationDetails {
  hotline: string;
  fromState: string;
  toState: string;
  urgency: 'routine' | 'urgent';
  /** Flagged for the eye: an urgent message. */
  urgent: boolean;
  sentAt: string;
  dueAt: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
}

const details = (e: HotlineMessageFacts): HotlineNotificationDetails => ({
  hotline: e.hotline,
  fromState: e.fromState,
  toState: e.toState,
  urgency: e.urgency,
  urgent: e.urgency === 'urgent',
  sentAt: e.sentAt.toISOString(),
  dueAt: e.dueAt.toISOString(),
});

async function subjectOf(trx: Db, e: HotlineMessageFacts): Promise<HotlineMessageSubject> {
  const hotline = (await findHotlineById(trx, e.hotlineId))!;
  return { ...hotlineSubject(hotline), fromState: e.fromState, classification: e.classification };
}

/** A new message: the other side's designated contacts; its head of delegation when it has none. */
async function onSent(trx: Db, e: HotlineMessageSent) {
  const subject = await subjectOf(trx, e);
  const contacts = new Set(subject.contacts);
  const hasContacts = await trx
    .selectFrom('hotline_contacts')
    .select('user_id')
    .where('hotline_id', '=', e.hotlineId)
    .where('state_code', '=', e.toState)
    .executeTakeFirst();
  const may = (p: Person) =>
    p.stateCode === e.toState &&
    can(p, 'read', 'hotlineMessage', subject) &&
    (hasContacts ? contacts.has(p.id) : isHeadOfDelegation(p));
  const ids = await recipients(trx, 'hotline_message', { states: [e.toState], secretariat: false }, may, {
    kind: 'person',
    id: e.fromUserId,
  });
  await emit(trx, ids, {
    kind: 'hotline_message',
    subjectType: 'hotline_message',
    subjectId: e.messageId,
    key: e.messageId,
    details: details(e),
    at: e.at,
  });
}

/** Acknowledged: the sender. */
async function onAcknowledged(trx: Db, e: HotlineAcknowledged) {
  const subject = await subjectOf(trx, e);
  const ids = await recipients(
    trx,
    'hotline_acknowledged',
    { states: [e.fromState], secretariat: false },
    (p) => p.id === e.fromUserId && can(p, 'read', 'hotlineMessage', subject),
    { kind: 'person', id: e.actorId ?? '' },
  );
  await emit(trx, ids, {
    kind: 'hotline_acknowledged',
    subjectType: 'hotline_message',
    subjectId: e.messageId,
    key: e.messageId,
    details: {
      ...details(e),
      acknowledgedAt: e.acknowledgedAt.toISOString(),
      acknowledgedBy: e.acknowledgedBy,
    },
    at: e.at,
  });
}

/**
 * Escalated: whom the hotline names (the secretariat; the two heads of delegation), and
 * always the head of the side that did not acknowledge; each only if they may read the message.
 */
async function onEscalated(trx: Db, e: HotlineEscalated) {
  const subject = await subjectOf(trx, e);
  const toSecretariat = e.escalateTo.includes('secretariat');
  const toHeads = e.escalateTo.includes('heads_of_delegation');
  const may = (p: Person) =>
    can(p, 'read', 'hotlineMessage', subject) &&
    ((toSecretariat && isSecretariat(p)) ||
      (isHeadOfDelegation(p) && (p.stateCode === e.toState || (toHeads && p.stateCode === e.fromState))));
  const ids = await recipients(
    trx,
    'hotline_escalated',
    { states: toHeads ? e.states : [e.toState], secretariat: toSecretariat },
    may,
    { kind: 'system', label: 'hotline escalation runner' },
  );
  await emit(trx, ids, {
    kind: 'hotline_escalated',
    subjectType: 'hotline_message',
    subjectId: e.messageId,
    key: e.messageId,
    details: details(e),
    at: e.at,
  });
}

/** The hotline's own events, worded as notifications. */
export const hotlineNotices: EventSubscriptions = {
  'hotline.message_sent': onSent,
  'hotline.acknowledged': onAcknowledged,
  'hotline.escalated': onEscalated,
};
