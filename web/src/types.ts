/** Shapes of the server's JSON responses (see the API contract). */

export type Locale = 'en' | 'ru';
export type Localized = { en: string; ru: string };

export type Affiliation = 'delegation' | 'secretariat' | 'partner';
export type Role = 'secretariat_admin' | 'head_of_delegation' | 'delegate' | 'point_of_contact' | 'observer';
export type Clearance = 'public' | 'restricted' | 'confidential' | 'secret';

export const AFFILIATIONS: Affiliation[] = ['delegation', 'secretariat', 'partner'];
export const ROLES: Role[] = [
  'secretariat_admin',
  'head_of_delegation',
  'delegate',
  'point_of_contact',
  'observer',
];
export const CLEARANCES: Clearance[] = ['public', 'restricted', 'confidential', 'secret'];

export interface Me {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  affiliation: Affiliation;
  stateCode: string | null;
  partnerCode: string | null;
  role: Role;
  clearance: Clearance;
  locale: Locale;
  isDemo: boolean;
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface Meta {
  demo: boolean;
  organisation: { shortName: Localized; name: Localized } | null;
  version: string;
}

export interface Priority {
  code: string;
  title: Localized;
  items: Localized[];
}

export interface Presidency {
  state: { code: string; name: Localized };
  from: string;
  to: string;
  slogan: Localized;
  priorities: Priority[];
}

export interface OrganisationResponse {
  organisation: {
    shortName: Localized;
    name: Localized;
    workingLanguages: string[];
    timeZone: string;
  } | null;
  presidency: Presidency | null;
}

export interface MemberState {
  code: string;
  name: Localized;
  timeZone: string;
  bodies: string[];
}

export interface Body {
  code: string;
  kind: string;
  name: Localized;
  members: string[];
}

export interface Partner {
  code: string;
  shortName: Localized;
  name: Localized;
}

export interface ListResponse<T> {
  items: T[];
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  affiliation: Affiliation;
  stateCode: string | null;
  partnerCode: string | null;
  role: Role;
  clearance: Clearance;
  disabled: boolean;
  lockedUntil: string | null;
  abilities: { update: boolean; disable: boolean };
}

export interface UsersResponse {
  items: User[];
  abilities: { create: boolean };
}

export interface ApiTokenItem {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface LedgerEntry {
  seq: number;
  at: string;
  actorLabel: string;
  delegation: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  classification: Clearance | string | number;
  payload: Record<string, unknown> | null;
  hash: string;
  prevHash: string;
}

export interface LedgerPage {
  items: LedgerEntry[];
  nextBefore: number | null;
  abilities: { export: boolean; verify: boolean };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  checkpoint: { seq: number; signedAt: string; keyId: string; valid: boolean } | null;
  firstBad: { seq: number; reason: string } | null;
  /** Entries whose details are above the caller's clearance (their hashes are still checked). */
  hiddenPayloads?: number;
}
