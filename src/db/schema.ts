import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  AlertEventsTable,
  AlertsTable,
  IndicatorValuesTable,
  LevelChangesTable,
  RegionLevelsTable,
} from './schema-alerts.ts';
import type {
  AssetListsTable,
  ClearanceCertificatesTable,
  ClearanceLegEventsTable,
  ClearanceLegsTable,
  ClearanceRequestsTable,
  ClearanceRequestVersionsTable,
  ClearanceSettingsTable,
  ClearanceWindowsTable,
  CrossingPointsTable,
  DeploymentsTable,
  StandingPermissionsTable,
  WebhookAttemptsTable,
  WebhookDeliveriesTable,
  WebhooksTable,
} from './schema-clearances.ts';
import type {
  ConsultationAgendaItemsTable,
  ConsultationMessagesTable,
  ConsultationParticipantsTable,
  ConsultationPointsTable,
  ConsultationStaffTable,
  ConsultationsTable,
} from './schema-consultations.ts';
import type { HotlineContactsTable, HotlineMessagesTable, HotlinesTable } from './schema-hotline.ts';
import type {
  LedgerCheckpointsTable,
  LedgerCosignaturesTable,
  LedgerEntriesTable,
  LedgerPendingTable,
  LedgerWitnessesTable,
  SigningKeysTable,
  WakeUpsTable,
} from './schema-ledger.ts';
import type {
  AlertLevelsTable,
  IndicatorsTable,
  MonitoringRegionsTable,
  MonitoringSettingsTable,
  ReportCategoriesTable,
} from './schema-monitoring.ts';
import type {
  MissionDailyReportsTable,
  ObservationMissionMembersTable,
  ObservationMissionsTable,
  ReportCollectionItemsTable,
  ReportCollectionsTable,
  ReportsTable,
  ReportVersionsTable,
  SavedReportFiltersTable,
} from './schema-reports.ts';

/** Kysely's view of the tables in src/db/migrations. Keep in step with the SQL. */
export interface Database {
  schema_migrations: { version: number; name: string; applied_at: Generated<Date> };
  organisation: OrganisationTable;
  member_states: MemberStatesTable;
  partners: PartnersTable;
  bodies: BodiesTable;
  body_members: { body_code: string; state_code: string };
  presidencies: PresidenciesTable;
  priorities: PrioritiesTable;
  priority_items: PriorityItemsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_failures: SignInFailuresTable;
  ledger_entries: LedgerEntriesTable;
  ledger_pending: LedgerPendingTable;
  wake_ups: WakeUpsTable;
  ledger_head: { id: Generated<number>; seq: number; hash: string };
  signing_keys: SigningKeysTable;
  ledger_checkpoints: LedgerCheckpointsTable;
  ledger_tree: { level: number; idx: number; hash: Uint8Array };
  ledger_witnesses: LedgerWitnessesTable;
  ledger_settings: { id: Generated<number>; witness_quorum: Generated<number> };
  ledger_cosignatures: LedgerCosignaturesTable;
  proposals: ProposalsTable;
  proposal_versions: ProposalVersionsTable;
  procedures: ProceduresTable;
  stances: StancesTable;
  delegate_authorisations: DelegateAuthorisationsTable;
  decision_numbers: { year: number; last_number: number };
  decisions: DecisionsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  procedure_reminders: ProcedureRemindersTable;
  calendar_feeds: CalendarFeedsTable;
  attachments: AttachmentsTable;
  crossing_points: CrossingPointsTable;
  clearance_windows: ClearanceWindowsTable;
  clearance_settings: ClearanceSettingsTable;
  asset_lists: AssetListsTable;
  clearance_numbers: { scope: string; year: number; last_number: number };
  standing_permissions: StandingPermissionsTable;
  deployments: DeploymentsTable;
  clearance_requests: ClearanceRequestsTable;
  clearance_request_versions: ClearanceRequestVersionsTable;
  clearance_legs: ClearanceLegsTable;
  clearance_leg_reminders: { leg_id: string; due_at: Timestamp; sent: boolean; handled_at: CreatedAt };
  clearance_leg_events: ClearanceLegEventsTable;
  clearance_certificates: ClearanceCertificatesTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  notification_emails: NotificationEmailsTable;
  notification_email_attempts: NotificationEmailAttemptsTable;
  alert_levels: AlertLevelsTable;
  report_categories: ReportCategoriesTable;
  monitoring_regions: MonitoringRegionsTable;
  indicators: IndicatorsTable;
  monitoring_settings: MonitoringSettingsTable;
  report_numbers: { year: number; last_number: number };
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  report_collections: ReportCollectionsTable;
  report_collection_items: ReportCollectionItemsTable;
  saved_report_filters: SavedReportFiltersTable;
  observation_missions: ObservationMissionsTable;
  observation_mission_members: ObservationMissionMembersTable;
  mission_daily_reports: MissionDailyReportsTable;
  indicator_values: IndicatorValuesTable;
  region_levels: RegionLevelsTable;
  level_changes: LevelChangesTable;
  alert_numbers: { year: number; last_number: number };
  alerts: AlertsTable;
  alert_events: AlertEventsTable;
  hotlines: HotlinesTable;
  hotline_contacts: HotlineContactsTable;
  hotline_messages: HotlineMessagesTable;
  consultation_numbers: { year: number; last_number: number };
  consultations: ConsultationsTable;
  consultation_participants: ConsultationParticipantsTable;
  consultation_staff: ConsultationStaffTable;
  consultation_agenda_items: ConsultationAgendaItemsTable;
  consultation_messages: ConsultationMessagesTable;
  consultation_points: ConsultationPointsTable;
}

export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export interface OrganisationTable {
  id: Generated<number>;
  short_name_en: string;
  short_name_ru: string;
  name_en: string;
  name_ru: string;
  working_languages: string[];
  time_zone: string;
  /** How far ahead a procedure deadline may be, in days (`procedures.maxHorizonDays` of the file). */
  procedure_max_horizon_days: Generated<number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface MemberStatesTable {
  code: string;
  name_en: string;
  name_ru: string;
  time_zone: string;
  position: number;
}

export interface PartnersTable {
  code: string;
  name_en: string;
  name_ru: string;
  short_name_en: string;
  short_name_ru: string;
  position: number;
}

export type BodyKind = 'council' | 'permanent' | 'secretariat' | 'committee' | 'other';
export interface BodiesTable {
  code: string;
  name_en: string;
  name_ru: string;
  kind: BodyKind;
  position: number;
}

export interface PresidenciesTable {
  id: Generated<number>;
  state_code: string;
  starts_on: ColumnType<Date, string, string>;
  ends_on: ColumnType<Date, string, string>;
  slogan_en: string;
  slogan_ru: string;
}

export interface PrioritiesTable {
  id: Generated<number>;
  presidency_id: number;
  code: string;
  position: number;
  title_en: string;
  title_ru: string;
}

export interface PriorityItemsTable {
  id: Generated<number>;
  priority_id: number;
  position: number;
  text_en: string;
  text_ru: string;
}

export type Affiliation = 'delegation' | 'secretariat' | 'partner';
export type Role = 'secretariat_admin' | 'head_of_delegation' | 'delegate' | 'point_of_contact' | 'observer';
export type Locale = 'en' | 'ru';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  affiliation: Affiliation;
  state_code: string | null;
  partner_code: string | null;
  role: Role;
  /** The highest classification the person may read: 0 public, 1 restricted, 2 confidential, 3 secret. */
  access_level: number;
  locale: Generated<Locale>;
  is_demo: Generated<boolean>;
  disabled_at: NullableTimestamp;
  password_changed_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: CreatedAt;
}
export type UserRow = Selectable<UsersTable>;

/** A failed sign-in, kept for the throttling window only: where from, and the account if the name was one. */
export interface SignInFailuresTable {
  id: Generated<number>;
  at: Timestamp;
  address: string;
  user_id: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export type ProposalStatus = 'draft' | 'open' | 'adopted' | 'partially_adopted' | 'not_adopted';
export interface ProposalsTable {
  id: Generated<string>;
  body_code: string;
  title: string;
  classification: number;
  author_state: string | null;
  priority_code: string | null;
  status: Generated<ProposalStatus>;
  latest_version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export type ProposalRow = Selectable<ProposalsTable>;

/** A point of a proposal as stored in a version: its key ("1", "2", …) and text. */
export interface PointText {
  key: string;
  text: string;
}

export type VersionOrigin = 'draft' | 'edit' | 'amendment';
export interface ProposalVersionsTable {
  proposal_id: string;
  version: number;
  title: string;
  text: string;
  points: ColumnType<PointText[], string, never>;
  origin: VersionOrigin;
  origin_state: string | null;
  origin_procedure_id: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
}
export type ProposalVersionRow = Selectable<ProposalVersionsTable>;

export interface ProceduresTable {
  id: Generated<string>;
  proposal_id: string;
  version: number;
  kind: 'meeting_consensus' | 'silence' | 'written' | 'unanimity' | 'qualified_majority';
  rule: ColumnType<unknown, string, never>;
  eligible: string[];
  points: string[];
  deadline: ColumnType<Date | null, Date | string | null, Date | string | null>;
  extension_hours: number | null;
  extended: Generated<boolean>;
  status: Generated<'open' | 'closed'>;
  opened_by: string | null;
  opened_by_label: string;
  opened_at: CreatedAt;
  closed_at: NullableTimestamp;
  closed_by_label: string | null;
  result: 'adopted' | 'partially_adopted' | 'not_adopted' | null;
  outcome: ColumnType<unknown, string | null | undefined, string | null>;
}
export type ProcedureRow = Selectable<ProceduresTable>;

export interface StancesTable {
  id: Generated<number>;
  procedure_id: string;
  point: string;
  state_code: string;
  kind:
    | 'agree'
    | 'abstain'
    | 'constructive_abstention'
    | 'object'
    | 'propose_amendment'
    | 'not_participating'
    | 'reservation'
    | 'interpretative_statement';
  text: string | null;
  given_by: string | null;
  given_by_label: string;
  given_at: CreatedAt;
  superseded_at: NullableTimestamp;
  amendment_version: number | null;
}
export type StanceRow = Selectable<StancesTable>;

export interface DelegateAuthorisationsTable {
  state_code: string;
  user_id: string;
  granted_by_label: string;
  granted_at: CreatedAt;
}

export interface DecisionsTable {
  id: string;
  procedure_id: string;
  proposal_id: string;
  year: number;
  number: number;
  title: string;
  text: string;
  points: ColumnType<unknown, string, never>;
  statements: ColumnType<unknown, string, never>;
  stances: ColumnType<unknown, string, never>;
  result: 'adopted' | 'partially_adopted';
  adopted_at: Timestamp;
  /** The record entry that published the decision (ledger_entries.record_id; it may still be pending). */
  record_id: number;
}
export type DecisionRow = Selectable<DecisionsTable>;

/** A kind of notification, as the modules declare them (`notificationKinds`); the database's CHECK follows. */
export type NotificationKind = string;
export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: NotificationKind;
  /** The subject (migration 0012): its type ('proposal', 'clearance_request'...) and id; no foreign key. */
  subject_type: string;
  subject_id: string;
  details: ColumnType<unknown, string, never>;
  dedupe_key: string;
  created_at: CreatedAt;
  read_at: NullableTimestamp;
  /** False when written only for the e-mail its person wants (not listed in the app). */
  in_app: Generated<boolean>;
}
export type NotificationRow = Selectable<NotificationsTable>;

/** A person's choice for one kind (migration 0010); no row: in the app, no e-mail. */
export interface NotificationPreferencesTable {
  user_id: string;
  kind: NotificationKind;
  in_app: Generated<boolean>;
  email: Generated<boolean>;
}

/** The e-mail outbox (migration 0010): one per notification its person wants by e-mail. */
export interface NotificationEmailsTable {
  id: Generated<string>;
  notification_id: string;
  status: Generated<'pending' | 'sent' | 'failed' | 'cancelled'>;
  attempts: Generated<number>;
  next_attempt_at: NullableTimestamp;
  sent_to: string | null;
  last_error: string | null;
  sent_at: NullableTimestamp;
  created_at: CreatedAt;
}
export type NotificationEmailRow = Selectable<NotificationEmailsTable>;

export interface NotificationEmailAttemptsTable {
  id: Generated<number>;
  email_id: string;
  at: Timestamp;
  response: string | null;
  error: string | null;
  duration_ms: number;
}

export interface ProcedureRemindersTable {
  procedure_id: string;
  kind: 'deadline_24h' | 'deadline_1h';
  deadline: Timestamp;
  sent: boolean;
  handled_at: CreatedAt;
}

export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Files on any module's subject (a proposal, a clearance request...), by subject type and id. */
export interface AttachmentsTable {
  id: Generated<string>;
  subject_type: string;
  subject_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  /** A Buffer from node-postgres, a Uint8Array from PGlite. */
  data: ColumnType<Uint8Array, Uint8Array, never>;
  added_by: string | null;
  added_by_label: string;
  added_at: CreatedAt;
}
export type AttachmentRow = Selectable<AttachmentsTable>;

export * from './schema-alerts.ts';
export * from './schema-clearances.ts';
export * from './schema-ledger.ts';
