import { sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { HotlineMessageRow, HotlineRow } from '../../db/schema-hotline.ts';
import { authorize } from '../../policy/index.ts';
import {
  type HotlineMessageSubject,
  type HotlineSubject,
  hotlineMessagesVisibleTo,
  hotlinesVisibleTo,
} from './policy.ts';
import type { ListMessagesQuery } from './schema.ts';

/** A hotline as the commands and presenters see it: its row, trimmed states, its contacts. */
export interface Hotline {
  row: HotlineRow;
  states: string[];
  contacts: Contact[];
}
export interface Contact {
  userId: string;
  state: string;
  username: string;
  displayName: string;
}

export const hotlineSubject = (h: Hotline): HotlineSubject => ({
  states: h.states,
  contacts: h.contacts.map((c) => c.userId),
});
export const messageSubject = (h: Hotline, m: HotlineMessageRow): HotlineMessageSubject => ({
  ...hotlineSubject(h),
  fromState: m.from_state.trim(),
  classification: m.classification,
});
/** The side that receives a message: the hotline's other state. */
export const otherSide = (h: Hotline, state: string) => h.states.find((s) => s !== state) ?? state;

/** Loads a hotline by code (locked when writing), or null. */
export async function findHotline(
  db: Db,
  code: string,
  opts: { lock?: boolean } = {},
): Promise<Hotline | null> {
  let query = db.selectFrom('hotlines').selectAll().where('code', '=', code);
  // NO KEY UPDATE: a designation waits for another of the same hotline, not for messages being
  // sent (their foreign key takes KEY SHARE on the hotline).
  if (opts.lock) query = query.forNoKeyUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return null;
  return withContacts(db, row);
}

/** Loads a hotline by id, or null. */
export async function findHotlineById(db: Db, id: string): Promise<Hotline | null> {
  const row = await db.selectFrom('hotlines').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? withContacts(db, row) : null;
}

async function withContacts(db: Db, row: HotlineRow): Promise<Hotline> {
  const contacts = await db
    .selectFrom('hotline_contacts')
    .innerJoin('users', 'users.id', 'hotline_contacts.user_id')
    .select([
      'hotline_contacts.user_id as userId',
      'hotline_contacts.state_code as state',
      'users.username',
      'users.display_name as displayName',
    ])
    .where('hotline_contacts.hotline_id', '=', row.id)
    .orderBy('hotline_contacts.state_code')
    .orderBy('users.username')
    .execute();
  return {
    row,
    states: [row.state_a.trim(), row.state_b.trim()],
    contacts: contacts.map((c) => ({ ...c, state: c.state.trim() })),
  };
}

/** A hotline the actor may read, by code: 404 otherwise, whether it exists or not. */
export async function readableHotline(db: Db, actor: Actor, code: string, opts: { lock?: boolean } = {}) {
  const hotline = await findHotline(db, code, opts);
  if (!hotline) throw notFound('hotline');
  authorize(actor, 'read', 'hotline', hotlineSubject(hotline), 'hotline');
  return hotline;
}

/** What waits on a hotline, as the reader may count it. */
export interface Waiting {
  /** Messages not yet acknowledged. */
  count: number;
  /** When the oldest of them was sent. */
  oldestSentAt: Date | null;
  /** Of them, those already escalated. */
  escalated: number;
  /** Of them, those the reader's side must acknowledge (0 for a reader on neither side). */
  forMySide: number;
  /** When the oldest of those was sent. */
  oldestForMySideAt: Date | null;
}

/**
 * The hotlines the actor may read, with what waits on each: one query, scoped by
 * `hotlinesVisibleTo`, counting only messages the actor may read.
 */
export async function listHotlines(db: Db, actor: Actor) {
  const side = actor.kind === 'person' ? (actor.stateCode ?? '') : '';
  const rows = await db
    .selectFrom('hotlines')
    .leftJoin('hotline_messages', (join) =>
      join
        .onRef('hotline_messages.hotline_id', '=', 'hotlines.id')
        .on('hotline_messages.acknowledged_at', 'is', null)
        .on(hotlineMessagesVisibleTo(actor)),
    )
    .selectAll('hotlines')
    .select([
      sql<number>`count(hotline_messages.id)::int`.as('waiting'),
      sql<Date | null>`min(hotline_messages.sent_at)`.as('oldest_sent_at'),
      sql<number>`(count(hotline_messages.id) filter (where hotline_messages.escalated_at is not null))::int`.as(
        'escalated',
      ),
      sql<number>`(count(hotline_messages.id) filter (where hotline_messages.from_state <> ${side}
        and (hotlines.state_a = ${side} or hotlines.state_b = ${side})))::int`.as('for_my_side'),
      sql<Date | null>`min(hotline_messages.sent_at) filter (where hotline_messages.from_state <> ${side}
        and (hotlines.state_a = ${side} or hotlines.state_b = ${side}))`.as('oldest_for_my_side'),
    ])
    .where(hotlinesVisibleTo(actor))
    .groupBy('hotlines.id')
    .orderBy('hotlines.position')
    .orderBy('hotlines.code')
    .execute();
  const result = [];
  for (const row of rows) {
    const { waiting, oldest_sent_at, escalated, for_my_side, oldest_for_my_side, ...hotline } = row;
    const date = (d: Date | string | null) => (d === null ? null : new Date(d));
    result.push({
      hotline: await withContacts(db, hotline),
      waiting: {
        count: waiting,
        oldestSentAt: date(oldest_sent_at),
        escalated,
        forMySide: for_my_side,
        oldestForMySideAt: date(oldest_for_my_side),
      } satisfies Waiting,
    });
  }
  return result;
}

/** A hotline's messages the actor may read, newest first, paged by offset. */
export async function listMessages(db: Db, actor: Actor, hotline: Hotline, q: ListMessagesQuery) {
  let query = db
    .selectFrom('hotline_messages')
    .innerJoin('hotlines', 'hotlines.id', 'hotline_messages.hotline_id')
    .selectAll('hotline_messages')
    .where('hotline_messages.hotline_id', '=', hotline.row.id)
    .where(hotlineMessagesVisibleTo(actor));
  if (q.waiting === 'true') query = query.where('hotline_messages.acknowledged_at', 'is', null);
  const rows = await query
    .orderBy('hotline_messages.sent_at', 'desc')
    .orderBy('hotline_messages.id', 'desc')
    .limit(q.limit + 1)
    .offset(q.offset)
    .execute();
  return {
    items: rows.slice(0, q.limit),
    nextOffset: rows.length > q.limit ? q.offset + q.limit : null,
  };
}

/** The code of the hotline a message is on, or null when there is no such message. */
export async function hotlineCodeOfMessage(db: Db, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('hotline_messages')
    .innerJoin('hotlines', 'hotlines.id', 'hotline_messages.hotline_id')
    .select('hotlines.code')
    .where('hotline_messages.id', '=', id)
    .executeTakeFirst();
  return row?.code ?? null;
}

/** A message of the hotline (FOR UPDATE when writing) the actor may read: 404 otherwise. */
export async function readableMessage(
  db: Db,
  actor: Actor,
  hotline: Hotline,
  id: string,
  opts: { lock?: boolean } = {},
) {
  let query = db
    .selectFrom('hotline_messages')
    .selectAll()
    .where('id', '=', id)
    .where('hotline_id', '=', hotline.row.id);
  if (opts.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('message');
  authorize(actor, 'read', 'hotlineMessage', messageSubject(hotline, row), 'message');
  return row;
}
