import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../core/actor.ts';
import type { Database } from '../db/schema.ts';
import {
  audienceTokens,
  isObserver,
  isPerson,
  isSecretariat,
  isSystem,
  PUBLISHED_DECISION_RESULTS,
  SEALED,
} from './predicates.ts';

/**
 * The policy's rules again as SQL conditions for lists, so a list can never hold a row the
 * rules in index.ts would refuse; tests hold the two in step.
 */

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

/** WHERE condition: the proposals the actor may read. Mirrors `proposal.read`. */
export function proposalsVisibleTo(actor: Actor) {
  return (eb: Eb<'proposals'>): Expression<SqlBool> => {
    if (isSystem(actor)) return TRUE;
    if (!isPerson(actor) || isObserver(actor)) return FALSE;
    const withinLevel = eb('proposals.classification', '<=', actor.accessLevel);
    if (isSecretariat(actor)) return withinLevel;
    if (actor.affiliation !== 'delegation' || !actor.stateCode) return FALSE;
    const sitsInBody = eb.exists(
      eb
        .selectFrom('body_members')
        .select('body_members.state_code')
        .whereRef('body_members.body_code', '=', 'proposals.body_code')
        .where('body_members.state_code', '=', actor.stateCode),
    );
    return eb.and([withinLevel, sitsInBody]);
  };
}

/**
 * WHERE condition over `decisions` joined to their `proposals`: the decisions the actor may
 * read. Mirrors `decision.read`: those of the proposals the actor reads, and for observers
 * and partners (who read no proposal) the published ones, adopted at classification 0.
 */
export function decisionsVisibleTo(actor: Actor) {
  return (eb: Eb<'decisions' | 'proposals'>): Expression<SqlBool> => {
    // An observer reads no proposal (proposalsVisibleTo is false): only the published part is left.
    if (!(isPerson(actor) && isObserver(actor))) return proposalsVisibleTo(actor)(eb);
    return eb.and([
      eb('proposals.classification', '=', 0),
      eb('decisions.result', 'in', [...PUBLISHED_DECISION_RESULTS]),
    ]);
  };
}

/** WHERE condition: the record entries the actor may read. Mirrors `ledgerEntry.read`. */
export function ledgerEntriesVisibleTo(actor: Actor) {
  return (eb: Eb<'ledger_entries'>): Expression<SqlBool> => {
    if (isSystem(actor)) return TRUE;
    if (!isPerson(actor)) return FALSE;
    const withinLevel = eb('ledger_entries.classification', '<=', actor.accessLevel);
    const own = eb('ledger_entries.actor_id', '=', actor.id);
    // A sealed entry (SEALED) is read by those it names alone: not the secretariat as a whole, nor observers.
    const notSealed = sql<SqlBool>`not coalesce(ledger_entries.audience @> ${sql.val([SEALED])}::text[], false)`;
    const tokens = audienceTokens(actor);
    const audienceMatch = sql<SqlBool>`ledger_entries.audience && ${sql.val(tokens)}::text[]`;
    if (isSecretariat(actor))
      return eb.and([withinLevel, eb.or([own, notSealed, ...(isObserver(actor) ? [] : [audienceMatch])])]);
    const openToMembers =
      actor.affiliation === 'delegation' ? eb('ledger_entries.audience', 'is', null) : FALSE;
    const named = isObserver(actor) ? eb.and([notSealed, audienceMatch]) : audienceMatch;
    return eb.and([withinLevel, eb.or([own, openToMembers, named])]);
  };
}

/**
 * WHERE condition: the clearance requests the actor may read. Mirrors `clearanceRequest.read`:
 * a draft (never submitted) is its requesting state's alone; once submitted, the secretariat
 * and the states on the route read it too.
 */
export function clearanceRequestsVisibleTo(actor: Actor) {
  return (eb: Eb<'clearance_requests'>): Expression<SqlBool> => {
    if (isSystem(actor)) return TRUE;
    if (!isPerson(actor) || isObserver(actor)) return FALSE;
    const withinLevel = eb('clearance_requests.classification', '<=', actor.accessLevel);
    const submitted = eb('clearance_requests.submitted_at', 'is not', null);
    if (isSecretariat(actor)) return eb.and([withinLevel, submitted]);
    if (actor.affiliation !== 'delegation' || !actor.stateCode) return FALSE;
    const onRoute = eb.exists(
      eb
        .selectFrom('clearance_legs')
        .select('clearance_legs.id')
        .whereRef('clearance_legs.request_id', '=', 'clearance_requests.id')
        .where('clearance_legs.state_code', '=', actor.stateCode),
    );
    return eb.and([
      withinLevel,
      eb.or([eb('clearance_requests.requesting_state', '=', actor.stateCode), eb.and([submitted, onRoute])]),
    ]);
  };
}

/**
 * WHERE condition: the notifications the actor may read, their own. Mirrors
 * `notification.read`; lists also apply what the subject's module declares
 * (`notificationSubjects`), so a notification about a proposal the person can no longer
 * read (its classification rose) is not shown.
 */
export function notificationsVisibleTo(actor: Actor) {
  return (eb: Eb<'notifications'>): Expression<SqlBool> =>
    isPerson(actor) ? eb('notifications.user_id', '=', actor.id) : FALSE;
}
