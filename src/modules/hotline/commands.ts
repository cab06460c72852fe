import { type Actor, actorLabel, classificationOf, type Person } from '../../core/actor.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { publish } from '../../core/events.ts';
import { sha256 } from '../../core/secrets.ts';
import type { Db } from '../../db/connect.ts';
import type { HotlineMessageRow } from '../../db/schema-hotline.ts';
import { wakeUp } from '../../db/wake-up.ts';
import { authorize, can } from '../../policy/index.ts';
import { appendEntry } from '../ledger/index.ts';
import type { HotlineMessageFacts } from './events.ts';
import { type HotlineSideSubject, sideOf } from './policy.ts';
import {
  type Hotline,
  hotlineSubject,
  messageSubject,
  otherSide,
  readableHotline,
  readableMessage,
} from './queries.ts';
import { type DesignateContactsInput, HOTLINE_CHANNEL, type SendMessageInput } from './schema.ts';

const MINUTE = 60_000;

/** What every entry and event of a message says of it. */
export function messageFacts(h: Hotline, m: HotlineMessageRow): HotlineMessageFacts {
  const fromState = m.from_state.trim();
  return {
    messageId: m.id,
    hotlineId: h.row.id,
    hotline: h.row.code,
    states: h.states,
    fromState,
    toState: otherSide(h, fromState),
    fromUserId: m.from_user_id,
    urgency: m.urgency,
    classification: m.classification,
    sentAt: new Date(m.sent_at),
    dueAt: new Date(m.due_at),
  };
}

/** Record entries of a hotline: at least its message's classification, read by the two states. */
const entryScope = (h: Hotline, classification: number) => ({ classification, audience: h.states });

/**
 * Sends a message on a hotline (a reply when `replyTo` names one of its messages): the sender
 * speaks for one side (its designated contact or head of delegation), the hotline is active,
 * the classification within the sender's level. The window opens now: the other side must
 * acknowledge by `sent + acknowledge_within_minutes`, else the escalation runner (woken here)
 * escalates it. A reply from the other side acknowledges the message it answers.
 *
 * @example await sendMessage(trx, person, 'KG-TJ', { body: 'Shots near post 14', urgency: 'urgent' }, now)
 */
export async function sendMessage(
  trx: Db,
  actor: Actor,
  code: string,
  input: SendMessageInput,
  now: Date,
): Promise<HotlineMessageRow> {
  const hotline = await readableHotline(trx, actor, code);
  authorize(actor, 'send', 'hotline', hotlineSubject(hotline), 'hotline');
  const person = actor as Person;
  const fromState = sideOf(person, hotline)!;
  if (!hotline.row.active)
    throw conflict(`hotline ${code} is closed: the organisation file no longer lists it`);
  const classification = classificationOf(input.classification);
  if (classification > person.accessLevel)
    throw invalid('classification', 'must be at most your access level');
  const parent = input.replyTo ? await parentMessage(trx, actor, hotline, input.replyTo) : null;
  if (input.reportId) await checkReport(trx, actor, input.reportId);
  if (input.region) await checkRegion(trx, input.region);

  const dueAt = new Date(now.getTime() + hotline.row.acknowledge_within_minutes * MINUTE);
  const message = await trx
    .insertInto('hotline_messages')
    .values({
      hotline_id: hotline.row.id,
      reply_to: parent?.id ?? null,
      from_state: fromState,
      from_user_id: person.id,
      from_label: person.username,
      body: input.body,
      urgency: input.urgency,
      classification,
      report_id: input.reportId ?? null,
      region_code: input.region ?? null,
      sent_at: now,
      due_at: dueAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const facts = messageFacts(hotline, message);
  await appendEntry(trx, actor, {
    action: 'hotline.message_sent',
    subjectType: 'hotline_message',
    subjectId: message.id,
    payload: {
      hotline: code,
      fromState,
      toState: facts.toState,
      urgency: message.urgency,
      replyTo: message.reply_to,
      reportId: message.report_id,
      region: message.region_code,
      bodySha256: sha256(message.body),
      sentAt: now.toISOString(),
      dueAt: dueAt.toISOString(),
    },
    at: now,
    ...entryScope(hotline, classification),
  });
  await publish(trx, 'hotline.message_sent', { ...facts, at: now, actorId: person.id });
  // Answering the other side acknowledges what it answers.
  if (parent && parent.acknowledged_at === null && parent.from_state.trim() !== fromState)
    await acknowledge(trx, person, hotline, parent, now, message.id);
  await wakeUp(trx, HOTLINE_CHANNEL, message.id);
  return message;
}

async function parentMessage(trx: Db, actor: Actor, hotline: Hotline, id: string) {
  const parent = await trx
    .selectFrom('hotline_messages')
    .selectAll()
    .where('id', '=', id)
    .where('hotline_id', '=', hotline.row.id)
    .forUpdate()
    .executeTakeFirst();
  if (!parent || !can(actor, 'reply', 'hotlineMessage', messageSubject(hotline, parent)))
    throw invalid('replyTo', 'is not a message of this hotline you may answer');
  return parent;
}

async function checkReport(trx: Db, actor: Actor, id: string) {
  const report = await trx
    .selectFrom('reports')
    .select(['status', 'author_id', 'author_state', 'classification', 'published_to', 'protection'])
    .where('id', '=', id)
    .executeTakeFirst();
  const subject = report && { ...report, author_state: report.author_state?.trim() ?? null };
  if (!subject || !can(actor, 'read', 'report', subject))
    throw invalid('reportId', 'is not a report you may read');
}

async function checkRegion(trx: Db, code: string) {
  const region = await trx
    .selectFrom('monitoring_regions')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!region) throw invalid('region', 'is not a monitoring region of the organisation file');
}

/**
 * Acknowledges a message: only the side it was sent to (a designated contact or its head),
 * once (409 after that); the time is recorded, and whether it was within the window. A message
 * already escalated may still be acknowledged (late).
 */
export async function acknowledgeMessage(
  trx: Db,
  actor: Actor,
  code: string,
  id: string,
  now: Date,
): Promise<HotlineMessageRow> {
  const hotline = await readableHotline(trx, actor, code);
  const message = await readableMessage(trx, actor, hotline, id, { lock: true });
  authorize(actor, 'acknowledge', 'hotlineMessage', messageSubject(hotline, message), 'message');
  if (message.acknowledged_at !== null)
    throw conflict(
      `already acknowledged by ${message.acknowledged_by_label} at ${new Date(message.acknowledged_at).toISOString()}`,
    );
  return acknowledge(trx, actor as Person, hotline, message, now, null);
}

async function acknowledge(
  trx: Db,
  person: Person,
  hotline: Hotline,
  message: HotlineMessageRow,
  now: Date,
  byReply: string | null,
) {
  const updated = await trx
    .updateTable('hotline_messages')
    .set({ acknowledged_at: now, acknowledged_by: person.id, acknowledged_by_label: person.username })
    .where('id', '=', message.id)
    .where('acknowledged_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw conflict('already acknowledged');
  const facts = messageFacts(hotline, updated);
  await appendEntry(trx, person, {
    action: 'hotline.message_acknowledged',
    subjectType: 'hotline_message',
    subjectId: message.id,
    payload: {
      hotline: hotline.row.code,
      byState: facts.toState,
      sentAt: facts.sentAt.toISOString(),
      acknowledgedAt: now.toISOString(),
      withinWindow: now.getTime() <= facts.dueAt.getTime(),
      byReply,
    },
    at: now,
    ...entryScope(hotline, message.classification),
  });
  await publish(trx, 'hotline.acknowledged', {
    ...facts,
    acknowledgedAt: now,
    acknowledgedBy: person.username,
    at: now,
    actorId: person.id,
  });
  return updated;
}

/**
 * Names a side's duty contacts (the list replaced): its head of delegation, or the console.
 * Each must be an enabled person of that state's delegation, not an observer, whose access
 * level reaches restricted (a message is at least restricted). Locks the hotline, so two
 * designations of one side go one after the other.
 */
export async function designateContacts(
  trx: Db,
  actor: Actor,
  code: string,
  state: string,
  input: DesignateContactsInput,
): Promise<Hotline> {
  const hotline = await readableHotline(trx, actor, code, { lock: true });
  if (!hotline.states.includes(state)) throw notFound('hotline side');
  const side: HotlineSideSubject = { ...hotlineSubject(hotline), state };
  authorize(actor, 'designate', 'hotlineSide', side, 'hotline side');
  const usernames = [...new Set(input.usernames)].sort();
  const users = usernames.length
    ? await trx.selectFrom('users').selectAll().where('username', 'in', usernames).execute()
    : [];
  // Checked in the order given, so the first bad one is named by its place in the list.
  input.usernames.forEach((username, i) => {
    const user = users.find((u) => u.username === username);
    const field = `usernames.${i}`;
    if (!user) throw invalid(field, `${username} is not a person of Accord`);
    if (user.affiliation !== 'delegation' || user.state_code?.trim() !== state || user.role === 'observer')
      throw invalid(field, `${username} is not of ${state}'s delegation`);
    if (user.disabled_at !== null) throw invalid(field, `${username} is disabled`);
    if (user.access_level < 1) throw invalid(field, `${username}'s access level does not reach restricted`);
  });
  const before = hotline.contacts.filter((c) => c.state === state).map((c) => c.username);
  await trx
    .deleteFrom('hotline_contacts')
    .where('hotline_id', '=', hotline.row.id)
    .where('state_code', '=', state)
    .execute();
  if (users.length)
    await trx
      .insertInto('hotline_contacts')
      .values(
        users.map((u) => ({
          hotline_id: hotline.row.id,
          state_code: state,
          user_id: u.id,
          designated_by_label: actorLabel(actor),
        })),
      )
      .execute();
  await appendEntry(trx, actor, {
    action: 'hotline.contacts_designated',
    subjectType: 'hotline',
    subjectId: hotline.row.id,
    payload: { hotline: code, state, contacts: usernames, before },
    ...entryScope(hotline, 1),
  });
  return readableHotline(trx, actor, code);
}
