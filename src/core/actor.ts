import type { Affiliation, Locale, Role, UserRow } from '../db/schema.ts';

export const CLEARANCE_LEVELS = ['public', 'restricted', 'confidential', 'secret'] as const;
export type ClearanceName = (typeof CLEARANCE_LEVELS)[number];

export const clearanceName = (level: number): ClearanceName => CLEARANCE_LEVELS[level] ?? 'public';
export const clearanceLevel = (name: ClearanceName): number => CLEARANCE_LEVELS.indexOf(name);

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
  clearance: number;
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
    clearance: row.clearance,
    locale: row.locale,
    isDemo: row.is_demo,
  };
}
