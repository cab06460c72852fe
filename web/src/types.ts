/**
 * The UI's names for the server's shapes. Every shape is taken from the generated schema
 * (web/src/api/schema.d.ts, `npm run api:generate`), never copied by hand; what is written
 * here is the enumerations the UI lists in forms and filters (checked against the schema's
 * unions, so a value added on the server is a compile error until it is listed) and a few
 * UI-only types.
 */
import type { QueryOf, ResponseOf, Schema } from './api/client.ts';

/**
 * Every value of a union, in the order the UI shows them: a missing or unknown value is a
 * compile error naming it.
 */
export const allOf =
  <T extends string>() =>
  <const L extends readonly T[]>(
    list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> }),
  ) =>
    list as unknown as T[];

export type Locale = Schema<'Me'>['locale'];
export type Localized = Schema<'Bilingual'>;

export type Affiliation = Schema<'User'>['affiliation'];
export type Role = Schema<'User'>['role'];
/** A person's access level: the highest classification they may read. */
export type AccessLevel = Schema<'User'>['accessLevel'];
/** A subject's classification: a place on the same scale as the access levels. */
export type Classification = AccessLevel;

export const AFFILIATIONS = allOf<Affiliation>()(['delegation', 'secretariat', 'partner']);
export const ROLES = allOf<Role>()([
  'secretariat_admin',
  'head_of_delegation',
  'delegate',
  'point_of_contact',
  'observer',
]);
export const ACCESS_LEVELS = allOf<AccessLevel>()(['public', 'restricted', 'confidential', 'secret']);
export const CLASSIFICATIONS: readonly Classification[] = ACCESS_LEVELS;

export type Me = Schema<'Me'>;
export type SessionResponse = Schema<'Session'>;
export type Meta = ResponseOf<'/api/meta'>;

export type OrganisationResponse = ResponseOf<'/api/organisation'>;
export type Presidency = NonNullable<Schema<'Presidency'>>;
export type Priority = Presidency['priorities'][number];
export type MemberState = Schema<'MemberState'>;
export type Body = Schema<'Body'>;
export type Partner = Schema<'Partner'>;

/** A list answer. */
export interface ListResponse<T> {
  items: T[];
}

export type User = Schema<'User'>;
export type UsersResponse = ResponseOf<'/api/users'>;
export type ApiTokenItem = Schema<'ApiToken'>;

export type LedgerEntry = Schema<'LedgerEntry'>;
export type LedgerPage = ResponseOf<'/api/ledger'>;
export type VerifyResult = Schema<'VerifyResult'>;

// ---- decisions ----------------------------------------------------------------------

export type ProcedureKind = Schema<'Procedure'>['kind'];
export const PROCEDURE_KINDS = allOf<ProcedureKind>()([
  'silence',
  'meeting_consensus',
  'written',
  'unanimity',
  'qualified_majority',
]);

export type Stance = Schema<'Stance'>;
export type StanceKind = Stance['kind'];
export const STANCE_KINDS = allOf<StanceKind>()([
  'agree',
  'abstain',
  'constructive_abstention',
  'object',
  'propose_amendment',
  'not_participating',
  'reservation',
  'interpretative_statement',
]);
/** Stances the server refuses without a text: the objection, amendment, declaration, reservation or statement. */
export const STANCES_WITH_TEXT: StanceKind[] = [
  'object',
  'propose_amendment',
  'constructive_abstention',
  'reservation',
  'interpretative_statement',
];

export type ProposalStatus = Schema<'ProposalListItem'>['status'];
export const PROPOSAL_STATUSES = allOf<ProposalStatus>()([
  'draft',
  'open',
  'adopted',
  'partially_adopted',
  'not_adopted',
]);
export type ProposalView = NonNullable<QueryOf<'/api/proposals'>['view']>;
export const PROPOSAL_VIEWS = allOf<ProposalView>()([
  'open',
  'closing_soon',
  'adopted',
  'not_adopted',
  'drafts',
]);
export type ProcedureResult = NonNullable<Schema<'ProcedureSummary'>['result']>;

export type Point = Schema<'Point'>;
export type DecisionRef = NonNullable<Schema<'ProposalListItem'>['decision']>;
export type ProposalListItem = Schema<'ProposalListItem'>;
export type ProposalListPage = ResponseOf<'/api/proposals'>;
export type VersionInfo = Schema<'VersionInfo'>;
export type ProcedureSummary = Schema<'ProcedureSummary'>;
export type Proposal = Schema<'Proposal'>;
export type Attachment = Schema<'Attachment'>;
export type VersionDiff = Schema<'VersionDiff'>;

export type Rule = Schema<'Rule'>;
export type Share = NonNullable<Rule['majority']>['states'];
export type Weights = NonNullable<NonNullable<Rule['majority']>['weights']>;

export type Outcome = NonNullable<Schema<'Outcome'>>;
export type PointOutcome = Outcome['points'][number];
/** Why a point was or was not adopted. */
export type VerdictReason = PointOutcome['verdict']['reason'];
export type Procedure = Schema<'Procedure'>;

export type DecisionListItem = Schema<'DecisionListItem'>;
export type DecisionListPage = ResponseOf<'/api/decisions'>;
export type Decision = Schema<'Decision'>;
