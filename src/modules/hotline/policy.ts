import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Actor, Person } from '../../core/actor.ts';
import type { PolicyRulesFor } from '../../policy/index.ts';
import {
  isHeadOfDelegation,
  isMemberDelegation,
  isObserver,
  isPerson,
  isSecretariat,
  isSystem,
  withinAccessLevel,
} from '../../policy/predicates.ts';

/** What the rules need to know of a hotline: its two states and the designated contacts' ids. */
export interface HotlineSubject {
  states: string[];
  contacts: string[];
}
/** A side of a hotline: the state whose contacts are designated. */
export interface HotlineSideSubject extends HotlineSubject {
  state: string;
}
/** A message on a hotline. */
export interface HotlineMessageSubject extends HotlineSubject {
  fromState: string;
  classification: number;
}

declare module '../../policy/index.ts' {
  interface Subjects {
    /** A hotline between two states: its contacts and heads speak on it, the secretariat reads it. */
    hotline: HotlineSubject;
    hotlineSide: HotlineSideSubject;
    hotlineMessage: HotlineMessageSubject;
  }
}

/** The side the person speaks for on the hotline: their state, when it is one of the two. */
export const sideOf = (a: Actor, h: { states: string[] }): string | null =>
  isMemberDelegation(a) &&
  !isObserver(a) &&
  (a as Person).stateCode &&
  h.states.includes((a as Person).stateCode!)
    ? (a as Person).stateCode
    : null;

/** Speaks on the hotline: a designated contact of a side, or that side's head of delegation. */
const speaks = (a: Actor, h: HotlineSubject) =>
  sideOf(a, h) !== null && (isHeadOfDelegation(a) || (isPerson(a) && h.contacts.includes(a.id)));
/** The secretariat reads every hotline (escalations go to it); observers never. */
const oversees = (a: Actor) => isSystem(a) || (isSecretariat(a) && !isObserver(a));
const readsHotline = (a: Actor, h: HotlineSubject) => oversees(a) || speaks(a, h);
const readsMessage = (a: Actor, m: HotlineMessageSubject) =>
  readsHotline(a, m) && withinAccessLevel(a, m.classification);

/**
 * Who may do what on a hotline (default deny; anyone else, other member states and observers
 * included, is answered 404). The SQL twins below keep lists to the same rows.
 */
export const hotlineRules: PolicyRulesFor<'hotline' | 'hotlineSide' | 'hotlineMessage'> = {
  hotline: {
    read: readsHotline,
    // A message is at least restricted: a speaker below that level cannot send one.
    send: (a, h) => speaks(a, h) && withinAccessLevel(a, 1),
  },
  hotlineSide: {
    // Whoever reads the hotline reads its sides (so a refusal to designate is 403, not 404).
    read: readsHotline,
    // A side's head of delegation names its contacts (the console too, as the system).
    designate: (a, s) =>
      isSystem(a) || (isHeadOfDelegation(a) && sideOf(a, s) === s.state && readsHotline(a, s)),
  },
  hotlineMessage: {
    read: readsMessage,
    // Only the other side acknowledges, and only who speaks for it.
    acknowledge: (a, m) => readsMessage(a, m) && speaks(a, m) && sideOf(a, m) !== m.fromState,
    reply: (a, m) => readsMessage(a, m) && speaks(a, m),
  },
};

const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/**
 * SQL over `hotlines`: the hotlines the actor may read. Mirrors `hotline.read`; policy.test.ts
 * holds the two in step. Raw SQL on the table's name, so it serves every query that has it.
 */
export function hotlinesVisibleTo(actor: Actor): RawBuilder<SqlBool> {
  if (oversees(actor)) return TRUE;
  if (!isPerson(actor) || !isMemberDelegation(actor) || isObserver(actor) || !actor.stateCode) return FALSE;
  const onSide = sql<SqlBool>`(hotlines.state_a = ${actor.stateCode} or hotlines.state_b = ${actor.stateCode})`;
  if (isHeadOfDelegation(actor)) return onSide;
  return sql<SqlBool>`(${onSide} and exists (select 1 from hotline_contacts hc
    where hc.hotline_id = hotlines.id and hc.user_id = ${actor.id}))`;
}

/** SQL over `hotline_messages` joined to `hotlines`: the messages the actor may read (`hotlineMessage.read`). */
export function hotlineMessagesVisibleTo(actor: Actor): RawBuilder<SqlBool> {
  const level = isSystem(actor) ? 3 : isPerson(actor) ? actor.accessLevel : -1;
  return sql<SqlBool>`(${hotlinesVisibleTo(actor)} and hotline_messages.classification <= ${level})`;
}
