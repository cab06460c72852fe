import type { ColumnType, Generated, Selectable } from 'kysely';

/** Kysely's view of the early-warning tables (migration 0022). Keep in step with the SQL. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A jsonb column written as JSON text, read back as the value. */
type Json<T> = ColumnType<T, string, string>;

export type IndicatorValueSource = 'entered' | 'imported' | 'computed';

export interface IndicatorValuesTable {
  indicator_code: string;
  /** The instant or period the value is for. */
  at: Timestamp;
  value: number;
  source: IndicatorValueSource;
  entered_by: string | null;
  created_at: CreatedAt;
}
export type IndicatorValueRow = Selectable<IndicatorValuesTable>;

export interface RegionLevelsTable {
  region_code: string;
  level: number;
  since: Timestamp;
  /** The readings that made the level (LevelFigures, src/modules/alerts/levels.ts). */
  figures: Json<unknown>;
}
export type RegionLevelRow = Selectable<RegionLevelsTable>;

export interface LevelChangesTable {
  id: Generated<string>;
  region_code: string;
  from_level: number;
  to_level: number;
  at: Timestamp;
  figures: Json<unknown>;
  alert_id: string | null;
}
export type LevelChangeRow = Selectable<LevelChangesTable>;

export type AlertStatus = 'open' | 'acknowledged' | 'escalated' | 'closed';
export type AlertOrigin = 'automatic' | 'raised';

export interface AlertsTable {
  id: Generated<string>;
  reference: string;
  region_code: string;
  /** The region's member states when it was opened. */
  states: string[];
  level: number;
  origin: AlertOrigin;
  status: ColumnType<AlertStatus, AlertStatus | undefined, AlertStatus>;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  classification: number;
  raised_by: string | null;
  raised_by_label: string;
  raised_at: Timestamp;
  first_response_at: NullableTimestamp;
  acknowledged_at: NullableTimestamp;
  acknowledged_by: string | null;
  escalated_at: NullableTimestamp;
  escalated_by: string | null;
  escalation_note: string | null;
  closed_at: NullableTimestamp;
  closed_by: string | null;
  close_reason: string | null;
  updated_at: Timestamp;
}
export type AlertRow = Selectable<AlertsTable>;

export type AlertEventKind = 'opened' | 'acknowledged' | 'escalated' | 'closed';

export interface AlertEventsTable {
  id: Generated<number>;
  alert_id: string;
  kind: AlertEventKind;
  from_status: 'open' | 'acknowledged' | 'escalated' | null;
  to_status: AlertStatus;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  note: string | null;
}
export type AlertEventRow = Selectable<AlertEventsTable>;
