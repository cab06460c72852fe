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

// ---- decisions ----------------------------------------------------------------------

export type ProcedureKind = 'meeting_consensus' | 'silence' | 'written' | 'unanimity' | 'qualified_majority';
export const PROCEDURE_KINDS: ProcedureKind[] = [
  'silence',
  'meeting_consensus',
  'written',
  'unanimity',
  'qualified_majority',
];

export type StanceKind =
  | 'agree'
  | 'abstain'
  | 'constructive_abstention'
  | 'object'
  | 'propose_amendment'
  | 'not_participating'
  | 'reservation'
  | 'interpretative_statement';
export const STANCE_KINDS: StanceKind[] = [
  'agree',
  'abstain',
  'constructive_abstention',
  'object',
  'propose_amendment',
  'not_participating',
  'reservation',
  'interpretative_statement',
];
/** Stances the server refuses without a text: the objection, amendment, declaration, reservation or statement. */
export const STANCES_WITH_TEXT: StanceKind[] = [
  'object',
  'propose_amendment',
  'constructive_abstention',
  'reservation',
  'interpretative_statement',
];

export type ProposalStatus = 'draft' | 'open' | 'adopted' | 'partially_adopted' | 'not_adopted';
export const PROPOSAL_STATUSES: ProposalStatus[] = [
  'draft',
  'open',
  'adopted',
  'partially_adopted',
  'not_adopted',
];
export type ProposalView = 'open' | 'closing_soon' | 'adopted' | 'not_adopted' | 'drafts';
export const PROPOSAL_VIEWS: ProposalView[] = ['open', 'closing_soon', 'adopted', 'not_adopted', 'drafts'];
export type ProcedureResult = 'adopted' | 'partially_adopted' | 'not_adopted';

export interface Point {
  key: string;
  text: string;
}

export interface DecisionRef {
  id: string;
  number: number;
  year: number;
  label: string;
}

export interface ProposalListItem {
  id: string;
  body: string;
  title: string;
  classification: Clearance;
  status: ProposalStatus;
  priority: string | null;
  author: { kind: 'delegation' | 'secretariat'; state: string | null };
  latestVersion: number;
  openProcedure: { id: string; kind: ProcedureKind; deadline: string | null } | null;
  decision: DecisionRef | null;
  updatedAt: string;
  abilities: { edit: boolean; openProcedure: boolean; close: boolean };
}

export interface ProposalListPage {
  items: ProposalListItem[];
  nextOffset: number | null;
  abilities: { create: boolean };
}

export interface VersionInfo {
  version: number;
  title: string;
  origin: 'draft' | 'edit' | 'amendment';
  originState: string | null;
  originProcedureId: string | null;
  createdBy: string;
  createdAt: string;
}

export interface ProcedureSummary {
  id: string;
  kind: ProcedureKind;
  version: number;
  status: 'open' | 'closed';
  deadline: string | null;
  openedAt: string;
  closedAt: string | null;
  result: ProcedureResult | null;
}

export interface Proposal extends ProposalListItem {
  text: string;
  points: Point[];
  createdAt: string;
  versions: VersionInfo[];
  procedures: ProcedureSummary[];
  attachments: Attachment[];
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  addedAt: string;
}

export interface VersionDiff {
  from: number;
  to: number;
  lines: { op: 'same' | 'added' | 'removed'; text: string; from: number | null; to: number | null }[];
}

export interface Share {
  num: number;
  den: number;
}

export interface Weights {
  share: Share;
  byState: Record<string, number>;
}

export interface Rule {
  kind: ProcedureKind;
  excludedParties: string[];
  missingAnswer?: 'blocks' | 'extend_once';
  majority?: {
    states: Share;
    weights?: Weights;
    abstention: 'against' | 'not_counted';
    blockingMinority?: number;
  };
  constructiveAbstentionLimit?: { states: Share; weights?: Weights };
}

export type VerdictReason =
  | 'no_objection'
  | 'silence_kept'
  | 'unanimous'
  | 'majority_reached'
  | 'objected'
  | 'silence_broken'
  | 'no_answer'
  | 'constructive_abstention_limit'
  | 'states_threshold'
  | 'weights_threshold'
  | 'no_participants'
  | 'no_support';

export interface PointOutcome {
  point: string;
  verdict: { adopted: boolean; reason: VerdictReason; states?: string[]; detail?: string };
  participating: string[];
  tally: Partial<Record<StanceKind | 'no_answer', string[]>>;
}

export interface Outcome {
  result: ProcedureResult;
  points: PointOutcome[];
  extend: boolean;
}

export interface Stance {
  id: number;
  point: string;
  state: string;
  kind: StanceKind;
  text: string | null;
  givenBy: string;
  givenAt: string;
  supersededAt: string | null;
  amendmentVersion: number | null;
}

export interface Procedure {
  id: string;
  proposal: { id: string; title: string; classification: Clearance };
  version: number;
  kind: ProcedureKind;
  rule: Rule;
  eligible: string[];
  points: Point[];
  deadline: string | null;
  extended: boolean;
  extensionHours: number | null;
  status: 'open' | 'closed';
  openedBy: string;
  openedAt: string;
  closedBy: string | null;
  closedAt: string | null;
  result: ProcedureResult | null;
  outcome: Outcome | null;
  board: { state: string; excluded: boolean; points: { point: string; stance: Stance | null }[] }[];
  notAnswered: { point: string; states: string[] }[];
  history: Stance[];
  decision: { id: string; number: number; year: number; label: string } | null;
  abilities: { giveStance: boolean; breakSilence: boolean; recordForStates: boolean; close: boolean };
}

export interface DecisionListItem {
  id: string;
  number: number;
  year: number;
  label: string;
  title: string;
  body: string;
  classification: Clearance;
  result: 'adopted' | 'partially_adopted';
  adoptedAt: string;
  proposalId: string;
  procedureId: string;
  record: { seq: number; hash: string };
}

export interface DecisionListPage {
  items: DecisionListItem[];
  nextOffset: number | null;
}

export interface Decision extends DecisionListItem {
  procedureKind: ProcedureKind;
  text: string;
  points: { key: string; text: string; adopted: boolean; reason: VerdictReason; detail: string | null }[];
  statements: { state: string; point: string; kind: StanceKind; text: string }[];
  /** A stance kind, `no_answer` or `excluded`. */
  stances: { state: string; point: string; kind: StanceKind | 'no_answer' | 'excluded' }[];
}
