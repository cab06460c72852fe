import type { Affiliation, Locale, Role, UserRow } from '../db/schema.ts';

/**
 * The one scale of secrecy, lowest first, kept as 0 to 3 in the database. A person's access
 * level is a place on it (the highest classification they may read), and so is a subject's
 * classification: a person reads what is classified at or below their access level.
 * ("Clearance" is the movement permission of the clearances module, never a person's level.)
 */
export const ACCESS_LEVELS = ['public', 'restricted', 'confidential', 'secret'] as const;
export type AccessLevelName = (typeof ACCESS_LEVELS)[number];

/** The name of a level kept as a number: `accessLevelName(2)` is `'confidential'`. */
export const accessLevelName = (level: number): AccessLevelName => ACCESS_LEVELS[level] ?? 'public';
/** The number a level is kept as: `accessLevelOf('confidential')` is 2. */
export const accessLevelOf = (name: AccessLevelName): number => ACCESS_LEVELS.indexOf(name);

/** A subject's classification: a place on the same scale as the access levels. */
export const CLASSIFICATIONS = ACCESS_LEVELS;
export type ClassificationName = AccessLevelName;
export const classificationName: (level: number) => ClassificationName = accessLevelName;
export const classificationOf: (name: ClassificationName) => number = accessLevelOf;

export const ROLES = [
  'secretariat_admin',
  'head_of_delegation',
  'delegate',
  'point_of_contact',
  'observer',
] as const satisfies readonly Role[];
export const AFFILIATIONS = [
  'delegation',
  'secretariat',
  'partner',
] as const satisfies readonly Affiliation[];

/** A signed-in person, as every policy and command sees them. */
export interface Person {
  kind: 'person';
  id: string;
  username: string;
  displayName: string;
  affiliation: Affiliation;
  stateCode: string | null;
  partnerCode: string | null;
  role: Role;
  /** The highest classification the person may read (0 public ... 3 secret). */
  accessLevel: number;
  locale: Locale;
  isDemo: boolean;
}

/** The operator at the console (CLI commands run in-process): acts as the system. */
export interface SystemActor {
  kind: 'system';
  label: string;
}

export type Actor = Person | SystemActor;

export const systemActor = (label = 'system'): SystemActor => ({ kind: 'system', label });

/** The label written to the record for an actor. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'system' ? actor.label : actor.username;
}

/** The delegation an actor speaks for in the record: a state code, "secretariat", "partner:UN", or null. */
export function actorDelegation(actor: Actor): string | null {
  if (actor.kind === 'system') return null;
  if (actor.affiliation === 'delegation') return actor.stateCode;
  if (actor.affiliation === 'partner') return `partner:${actor.partnerCode}`;
  return 'secretariat';
}

/** The person an account row stands for (as the policy and the commands see them). */
export function personFromRow(row: UserRow): Person {
  return {
    kind: 'person',
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    affiliation: row.affiliation,
    stateCode: row.state_code?.trim() ?? null,
    partnerCode: row.partner_code,
    role: row.role,
    accessLevel: row.access_level,
    locale: row.locale,
    isDemo: row.is_demo,
  };
}
