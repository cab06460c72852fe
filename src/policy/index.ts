import type { Actor } from '../core/actor.ts';
import { AppError, notFound } from '../core/errors.ts';
import { ruleFor } from '../core/registry.ts';

/**
 * Every read and write in Accord is decided here, and nowhere else. Default deny: an
 * action not listed for a resource is refused. Reads that fail answer 404 (the caller
 * must not learn the thing exists); writes on something the caller can read answer 403.
 * The same rules are written twice, once as predicates over a loaded object and once as
 * SQL conditions for lists, and tests hold the two in step.
 */

// ---- resources and their rules ----------------------------------------------------

/** Something that belongs to one member state: its delegation, asset lists, webhooks. */
export interface DelegationSubject {
  state: string;
}

/** Something that belongs to one person alone: a notification, their preferences, their calendar feed. */
export interface OwnedSubject {
  user_id: string;
}

/**
 * Every subject kind the rules speak of, and what the policy needs to know of it: each
 * module declares its own kinds by merging into this interface from its policy.ts, beside
 * the rules over them (see src/modules/decisions/policy.ts).
 */
// biome-ignore lint/suspicious/noEmptyInterface: modules merge their subject kinds into it
export interface Subjects {}
export type ResourceKind = keyof Subjects;

type Rule<T> = (actor: Actor, subject: T) => boolean;

/**
 * A module's rules for some subject kinds (its `policy.ts`): action -> rule over the
 * subject. The module lists them in its index.ts; `can` finds them through the registry.
 */
export type PolicyRulesFor<K extends ResourceKind> = { [P in K]: Record<string, Rule<Subjects[P]>> };

// ---- the public interface ---------------------------------------------------------

/** Whether the actor may do the action; false for anything not listed. */
export function can<K extends ResourceKind>(
  actor: Actor | null,
  action: string,
  kind: K,
  subject: Subjects[K],
) {
  if (!actor) return false;
  const rule = ruleFor(kind, action) as Rule<Subjects[K]> | undefined;
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
    throw new AppError('forbidden', `you may not ${actionWords(action)} this ${what}`);
  }
  throw notFound(what);
}

/** "openProcedure" -> "open a procedure on": the action as a reader would say it. */
function actionWords(action: string): string {
  const words = action
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .trim();
  return ACTION_WORDS[action] ?? words;
}
const ACTION_WORDS: Record<string, string> = {
  openProcedure: 'open a procedure on',
  giveStance: 'give a stance in',
  recordForStates: 'record stances for states in',
  askInfo: 'ask for information on',
  giveInfo: 'answer questions on',
  decideEscalated: 'decide the escalated leg of',
  acceptConditions: 'accept the conditions of',
  readDetails: 'read the details of',
  readInternalNote: "read the deciding state's note on",
  markRead: 'mark as read',
  approveDaily: 'approve the daily report of',
};

/** The abilities sent with an object, so the UI and CLI never repeat the rules. */
export function abilities<K extends ResourceKind>(
  actor: Actor | null,
  kind: K,
  subject: Subjects[K],
  actions: string[],
) {
  return Object.fromEntries(actions.map((action) => [action, can(actor, action, kind, subject)]));
}

export * from './scopes.ts';
