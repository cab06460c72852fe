import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from './schema.ts';

/** Kysely's view of the hotline's tables (migration 0024). Keep in step with the SQL. */

export const HOTLINE_URGENCIES = ['routine', 'urgent'] as const;
export type HotlineUrgency = (typeof HOTLINE_URGENCIES)[number];
/** Whom an unacknowledged message is escalated to. */
export const ESCALATION_TARGETS = ['secretariat', 'heads_of_delegation'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

export interface HotlinesTable {
  id: Generated<string>;
  code: string;
  state_a: string;
  state_b: string;
  acknowledge_within_minutes: number;
  escalate_to: EscalationTarget[];
  active: ColumnType<boolean, boolean | undefined, boolean>;
  position: number;
}
export type HotlineRow = Selectable<HotlinesTable>;

export interface HotlineContactsTable {
  hotline_id: string;
  state_code: string;
  user_id: string;
  designated_by_label: string;
  designated_at: CreatedAt;
}

export interface HotlineMessagesTable {
  id: Generated<string>;
  hotline_id: string;
  reply_to: string | null;
  from_state: string;
  from_user_id: string;
  from_label: string;
  body: string;
  urgency: HotlineUrgency;
  classification: number;
  report_id: string | null;
  region_code: string | null;
  sent_at: Timestamp;
  due_at: Timestamp;
  acknowledged_at: NullableTimestamp;
  acknowledged_by: string | null;
  acknowledged_by_label: string | null;
  escalated_at: NullableTimestamp;
}
export type HotlineMessageRow = Selectable<HotlineMessagesTable>;
