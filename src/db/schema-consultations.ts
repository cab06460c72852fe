import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, NullableTimestamp } from './schema.ts';

/** Kysely's view of the consultations' tables (migration 0023). Keep in step with the SQL. */

export const CONSULTATION_STATUSES = ['open', 'concluded', 'closed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const AGENDA_ITEM_STATUSES = ['open', 'done'] as const;
export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number];

type Updated = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ConsultationsTable {
  id: Generated<string>;
  reference: string;
  title: string;
  purpose: ColumnType<string, string | undefined, string>;
  status: ColumnType<ConsultationStatus, ConsultationStatus | undefined, ConsultationStatus>;
  classification: number;
  convened_by: string;
  facilitator: string;
  alert_ref: string | null;
  region_code: string | null;
  outcome: string | null;
  close_reason: string | null;
  proposal_id: string | null;
  created_at: CreatedAt;
  updated_at: Updated;
  concluded_at: NullableTimestamp;
}
export type ConsultationRow = Selectable<ConsultationsTable>;

export interface ConsultationParticipantsTable {
  consultation_id: string;
  state_code: string;
}

export interface ConsultationStaffTable {
  consultation_id: string;
  user_id: string;
}

export interface ConsultationAgendaItemsTable {
  id: Generated<string>;
  consultation_id: string;
  position: number;
  text: string;
  status: ColumnType<AgendaItemStatus, AgendaItemStatus | undefined, AgendaItemStatus>;
  added_by_label: string;
  created_at: CreatedAt;
  done_at: NullableTimestamp;
}
export type AgendaItemRow = Selectable<ConsultationAgendaItemsTable>;

export interface ConsultationMessagesTable {
  id: Generated<string>;
  consultation_id: string;
  author_id: string;
  author_label: string;
  author_state: string | null;
  body: string;
  created_at: CreatedAt;
}
export type ConsultationMessageRow = Selectable<ConsultationMessagesTable>;

export interface ConsultationPointsTable {
  id: Generated<string>;
  consultation_id: string;
  position: number;
  text: string;
  proposed_by_label: string;
  proposed_by_state: string | null;
  agreed_by: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  agreed_at: NullableTimestamp;
}
export type ConsultationPointRow = Selectable<ConsultationPointsTable>;
