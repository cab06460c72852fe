import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor, Person } from '../core/actor.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { Database, UserRow } from '../db/schema.ts';

/**
 * Every read and write in Accord is decided here, and nowhere else. Default deny: an
 * action not listed for a resource is refused. Reads that fail answer 404 (the caller
 * must not learn the thing exists); writes on something the caller can read answer 403.
 * The same rules are written twice, once as predicates over a loaded object and once as
 * SQL conditions for lists, and tests hold the two in step.
 */

// ---- small named predicates -------------------------------------------------------
const isPerson = (a: Actor): a is Person => a.kind === 'person';
const isSystem = (a: Actor) => a.kind === 'system';
const isSecretariat = (a: Actor) => isPerson(a) && a.affiliation === 'secretariat';
const isAdmin = (a: Actor) => isSystem(a) || (isPerson(a) && a.role === 'secretariat_admin');
const isMemberDelegation = (a: Actor) => isPerson(a) && a.affiliation === 'delegation';
const isHeadOfDelegation = (a: Actor) => isPerson(a) && a.role === 'head_of_delegation';
const isSelf = (a: Actor, user: Pick<UserRow, 'id'>) => isPerson(a) && a.id === user.id;
const isSignedIn = (a: Actor) => isPerson(a) || isSystem(a);

// ---- resources and their rules ----------------------------------------------------

/** A ledger entry as the policy sees it. */
export interface LedgerSubject {
  classification: number;
  audience: string[] | null;
  actor_id: string | null;
}

type UserSubject = Pick<UserRow, 'id' | 'affiliation' | 'state_code' | 'partner_code' | 'role'>;

interface Subjects {
  /** The organisation, its member states, bodies, partners and presidency: open to every signed-in person. */
  directory: null;
  /** The list of people and the action of creating one. */
  users: null;
  user: UserSubject;
  /** The record as a whole: verifying and exporting it. */
  ledger: null;
  ledgerEntry: LedgerSubject;
}
export type ResourceKind = keyof Subjects;

type Rule<T> = (actor: Actor, subject: T) => boolean;
type Rules = { [K in ResourceKind]: Partial<Record<string, Rule<Subjects[K]>>> };

const rules: Rules = {
  directory: {
    read: isSignedIn,
    load: isAdmin,
  },
  users: {
    list: isSignedIn,
    create: isAdmin,
  },
  user: {
    read: (a, u) => isSystem(a) || isSecretariat(a) || isSelf(a, u) || canSeeUserAsColleague(a, u),
    update: (a) => isAdmin(a),
    disable: (a, u) => isAdmin(a) && !isSelf(a, u),
  },
  ledger: {
    read: isSignedIn,
    verify: isSignedIn,
    /** A full export hides the payloads the reader may not see behind their hashes. */
    export: (a) => isAdmin(a) || (isMemberDelegation(a) && isHeadOfDelegation(a)),
  },
  ledgerEntry: {
    read: (a, e) => canReadEntry(a, e),
  },
};

function canSeeUserAsColleague(a: Actor, u: UserSubject): boolean {
  if (!isPerson(a)) return false;
  if (u.affiliation === 'secretariat') return true;
  if (a.affiliation === 'delegation') {
    return (u.affiliation === 'delegation' && u.state_code === a.stateCode) || u.role === 'head_of_delegation';
  }
  if (a.affiliation === 'partner') return u.affiliation === 'partner' && u.partner_code === a.partnerCode;
  return false;
}

function audienceTokens(a: Person): string[] {
  if (a.affiliation === 'delegation' && a.stateCode) return [a.stateCode];
  if (a.affiliation === 'partner' && a.partnerCode) return [`partner:${a.partnerCode}`];
  return [];
}

function canReadEntry(a: Actor, e: LedgerSubject): boolean {
  if (isSystem(a)) return true;
  if (!isPerson(a)) return false;
  if (e.classification > a.clearance) return false;
  if (isSecretariat(a)) return true;
  if (e.actor_id === a.id) return true;
  if (e.audience === null) return a.affiliation === 'delegation';
  return e.audience.some((token) => audienceTokens(a).includes(token));
}

// ---- the public interface ---------------------------------------------------------

/** Whether the actor may do the action; false for anything not listed. */
export function can<K extends ResourceKind>(actor: Actor | null, action: string, kind: K, subject: Subjects[K]) {
  if (!actor) return false;
  const rule = rules[kind][action] as Rule<Subjects[K]> | undefined;
  return rule ? rule(actor, subject) : false;
}

/**
 * Throws unless the actor may do the action: 404 when they may not even read the
 * subject, 403 when they may read it but not do this.
 *
 * @example authorize(actor, 'disable', 'user', row); // then disable
 */
export function authorize<K extends ResourceKind>(
  actor: Actor | null,
  action: string,
  kind: K,
  subject: Subjects[K],
  what: string = kind,
): asserts actor is Actor {
  if (can(actor, action, kind, subject)) return;
  if (action !== 'read' && can(actor, 'read', kind, subject)) {
    throw new AppError('forbidden', `you may not ${action} this ${what}`);
  }
  throw notFound(what);
}

/** The abilities sent with an object, so the UI and CLI never repeat the rules. */
export function abilities<K extends ResourceKind>(actor: Actor | null, kind: K, subject: Subjects[K], actions: string[]) {
  return Object.fromEntries(actions.map((action) => [action, can(actor, action, kind, subject)]));
}

// ---- the same rules as SQL, for lists ----------------------------------------------

type Eb<T extends keyof Database> = ExpressionBuilder<Database, T>;
const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/** WHERE condition: the users the actor may read. Mirrors `user.read`. */
export function usersVisibleTo(actor: Actor) {
  return (eb: Eb<'users'>): Expression<SqlBool> => {
    if (isSystem(actor) || isSecretariat(actor)) return TRUE;
    if (!isPerson(actor)) return FALSE;
    const own = eb('users.id', '=', actor.id);
    const secretariat = eb('users.affiliation', '=', 'secretariat');
    if (actor.affiliation === 'delegation') {
      return eb.or([
        own,
        secretariat,
        eb.and([eb('users.affiliation', '=', 'delegation'), eb('users.state_code', '=', actor.stateCode)]),
        eb('users.role', '=', 'head_of_delegation'),
      ]);
    }
    return eb.or([
      own,
      secretariat,
      eb.and([eb('users.affiliation', '=', 'partner'), eb('users.partner_code', '=', actor.partnerCode)]),
    ]);
  };
}

/** WHERE condition: the record entries the actor may read. Mirrors `ledgerEntry.read`. */
export function ledgerEntriesVisibleTo(actor: Actor) {
  return (eb: Eb<'ledger_entries'>): Expression<SqlBool> => {
    if (isSystem(actor)) return TRUE;
    if (!isPerson(actor)) return FALSE;
    const cleared = eb('ledger_entries.classification', '<=', actor.clearance);
    if (isSecretariat(actor)) return cleared;
    const tokens = audienceTokens(actor);
    const audienceMatch =
      tokens.length > 0 ? sql<SqlBool>`ledger_entries.audience && ${sql.val(tokens)}::text[]` : FALSE;
    const openToMembers =
      actor.affiliation === 'delegation' ? eb('ledger_entries.audience', 'is', null) : FALSE;
    return eb.and([cleared, eb.or([eb('ledger_entries.actor_id', '=', actor.id), openToMembers, audienceMatch])]);
  };
}
