import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from './schema.ts';

/** Kysely types of the clearance, certificate, attachment and webhook tables (migrations 0005-0008). */

// ---- clearances (0005) --------------------------------------------------------------

export interface CrossingPointsTable {
  code: string;
  name_en: string;
  name_ru: string;
  kind: 'road' | 'rail' | 'air' | 'sea';
  states: string[];
  latitude: number;
  longitude: number;
  position: number;
}
export type CrossingPointRow = Selectable<CrossingPointsTable>;

export interface ClearanceWindowsTable {
  state_code: string;
  urgency: 'emergency' | 'urgent' | 'routine';
  /** numeric: a string from both drivers; read with Number(). */
  hours: ColumnType<string, number | string, number | string>;
  on_silence: 'consent' | 'refusal' | 'escalation';
}
export type ClearanceWindowRow = Selectable<ClearanceWindowsTable>;

export interface ClearanceSettingsTable {
  id: Generated<number>;
  deployment_body: string;
  deployment_procedure: string;
  deployment_hours: ColumnType<string, number | string, number | string>;
}

export interface AssetListsTable {
  id: Generated<string>;
  state_code: string;
  name: string;
  assets: ColumnType<unknown, string, string>;
  updated_by_label: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export type AssetListRow = Selectable<AssetListsTable>;

export interface StandingPermissionsTable {
  id: Generated<string>;
  number: string;
  granting_state: string;
  grantee_state: string;
  pattern: ColumnType<unknown, string, string>;
  valid_from: Timestamp;
  valid_to: Timestamp;
  note: string | null;
  granted_by: string | null;
  granted_by_label: string;
  granted_at: CreatedAt;
  revoked_at: NullableTimestamp;
  revoked_by_label: string | null;
}
export type StandingPermissionRow = Selectable<StandingPermissionsTable>;

export interface DeploymentsTable {
  id: Generated<string>;
  reference: string;
  host_state: string;
  title: string;
  purpose: string;
  classification: number;
  movements: ColumnType<unknown, string | undefined, string>;
  proposal_id: string;
  procedure_id: string | null;
  status: ColumnType<
    'requested' | 'adopted' | 'not_adopted',
    'requested' | 'adopted' | 'not_adopted' | undefined,
    'requested' | 'adopted' | 'not_adopted'
  >;
  requested_by: string | null;
  requested_by_label: string;
  requested_at: CreatedAt;
  decided_at: NullableTimestamp;
}
export type DeploymentRow = Selectable<DeploymentsTable>;

type RequestStatusValue = 'draft' | 'pending' | 'awaiting_acceptance' | 'cleared' | 'denied' | 'withdrawn';
export interface ClearanceRequestsTable {
  id: Generated<string>;
  reference: string;
  requesting_state: string;
  kind: ColumnType<
    'request' | 'notification',
    'request' | 'notification' | undefined,
    'request' | 'notification'
  >;
  status: ColumnType<RequestStatusValue, RequestStatusValue | undefined, RequestStatusValue>;
  version: ColumnType<number, number | undefined, number>;
  title: string;
  framework: 'collective_forces' | 'peacekeeping' | 'exercise' | 'training' | 'humanitarian';
  urgency: 'emergency' | 'urgent' | 'routine';
  classification: ColumnType<number, number | undefined, number>;
  deployment_id: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
  submitted_at: NullableTimestamp;
  cleared_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  verification_code: string | null;
  /** The record entry of the current certificate (ledger_entries.record_id; it may still be pending). */
  certificate_record_id: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export type ClearanceRequestRow = Selectable<ClearanceRequestsTable>;

export interface ClearanceRequestVersionsTable {
  request_id: string;
  version: number;
  content: ColumnType<unknown, string, string>;
  created_by_label: string;
  created_at: CreatedAt;
  submitted_at: NullableTimestamp;
}
export type ClearanceRequestVersionRow = Selectable<ClearanceRequestVersionsTable>;

type LegStatusValue =
  | 'draft'
  | 'pending'
  | 'info_requested'
  | 'escalated'
  | 'approved'
  | 'denied'
  | 'withdrawn';
export interface ClearanceLegsTable {
  id: Generated<string>;
  request_id: string;
  position: number;
  state_code: string;
  version: number;
  status: ColumnType<LegStatusValue, LegStatusValue | undefined, LegStatusValue>;
  opened_at: NullableTimestamp;
  due_at: NullableTimestamp;
  window_seconds: number | null;
  on_silence: 'consent' | 'refusal' | 'escalation' | null;
  /** numeric: a string from both drivers; read with Number(). */
  paused_seconds: ColumnType<string, number | string | undefined, number | string>;
  paused_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  decided_by_label: string | null;
  clearance_number: string | null;
  conditions: ColumnType<unknown, string | null | undefined, string | null>;
  conditions_accepted_at: NullableTimestamp;
  conditions_accepted_by_label: string | null;
  reason: string | null;
  decided_how: 'state' | 'tacit' | 'standing_permission' | 'secretariat' | null;
  standing_permission_id: string | null;
  internal_note: string | null;
}
export type ClearanceLegRow = Selectable<ClearanceLegsTable>;

export interface ClearanceLegEventsTable {
  id: Generated<number>;
  leg_id: string;
  at: ColumnType<Date, Date | string | undefined, never>;
  kind:
    | 'opened'
    | 'info_requested'
    | 'info_given'
    | 'decided'
    | 'tacit'
    | 'escalated'
    | 'reopened'
    | 'kept'
    | 'conditions_accepted'
    | 'withdrawn'
    | 'standing_permission';
  actor_label: string;
  details: ColumnType<unknown, string | undefined, never>;
}
export type ClearanceLegEventRow = Selectable<ClearanceLegEventsTable>;

export interface WebhooksTable {
  id: Generated<string>;
  state_code: string;
  url: string;
  secret: string;
  events: string[];
  active: ColumnType<boolean, boolean | undefined, boolean>;
  description: string | null;
  created_by: string | null;
  created_by_label: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}
export type WebhookRow = Selectable<WebhooksTable>;

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';
export interface WebhookDeliveriesTable {
  id: Generated<string>;
  webhook_id: string;
  event: string;
  data: ColumnType<unknown, string, never>;
  occurred_at: Timestamp;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: NullableTimestamp;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: NullableTimestamp;
  created_at: CreatedAt;
}
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  at: Timestamp;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface ClearanceCertificatesTable {
  code: string;
  request_id: string;
  version: number;
  document: ColumnType<unknown, string, never>;
  digest: string;
  /** The record entry that published the digest (ledger_entries.record_id; it may still be pending). */
  record_id: number;
  issued_at: ColumnType<Date, Date | string, never>;
}
export type ClearanceCertificateRow = Selectable<ClearanceCertificatesTable>;
