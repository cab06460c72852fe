import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CreatedAt, NullableTimestamp, Timestamp } from './schema.ts';

/** Kysely's view of the field reports' tables (migration 0021). Keep in step with the SQL. */

export const REPORT_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'verified',
  'published',
  'archived',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORTER_ROLES = ['focal_point', 'monitor', 'mission_member'] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];
export const TIME_PRECISIONS = ['exact', 'day', 'week'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];
export const LOCATION_PRECISIONS = ['exact', 'district', 'region'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];
/** The 16 points of the compass a monitoring mission writes ("4 km SE of X"). */
export const DIRECTIONS = [
  'N',
  'NNE',
  'NE',
  'ENE',
  'E',
  'ESE',
  'SE',
  'SSE',
  'S',
  'SSW',
  'SW',
  'WSW',
  'W',
  'WNW',
  'NW',
  'NNW',
] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface ReportsTable {
  id: Generated<string>;
  reference: string;
  version: ColumnType<number, number | undefined, number>;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  author_id: string;
  author_label: string;
  author_state: string | null;
  reporter_role: ReporterRole;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  category_code: string;
  occurred_at: Timestamp;
  time_precision: TimePrecision;
  latitude: number | null;
  longitude: number | null;
  location_precision: LocationPrecision | null;
  place_name: string | null;
  distance_km: number | null;
  direction: Direction | null;
  region_code: string | null;
  state_code: string | null;
  actors: ColumnType<string[], string[] | undefined, string[]>;
  fatalities: number | null;
  injured: number | null;
  source_name: string | null;
  source_reliability: ColumnType<string, string | undefined, string>;
  source_credibility: ColumnType<number, number | undefined, number>;
  classification: ColumnType<number, number | undefined, number>;
  protection: number | null;
  published_to: 'members' | 'partners' | null;
  duplicate_of: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  submitted_at: NullableTimestamp;
  review_started_at: NullableTimestamp;
  reviewer_label: string | null;
  verified_at: NullableTimestamp;
  published_at: NullableTimestamp;
  archived_at: NullableTimestamp;
  archive_reason: string | null;
  mission_id: string | null;
}
export type ReportRow = Selectable<ReportsTable>;

export interface ReportVersionsTable {
  report_id: string;
  version: number;
  snapshot: ColumnType<unknown, string, string>;
  reason: string | null;
  changed_by_label: string;
  changed_at: CreatedAt;
}

export interface ReportCollectionsTable {
  id: Generated<string>;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  owner_state: string | null;
  created_by_label: string;
  created_at: CreatedAt;
}

export interface ReportCollectionItemsTable {
  collection_id: string;
  report_id: string;
  added_at: CreatedAt;
}

export interface SavedReportFiltersTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  filter: ColumnType<Record<string, unknown>, string, string>;
  created_at: CreatedAt;
}

export interface ObservationMissionsTable {
  id: Generated<string>;
  reference: string;
  name: string;
  mandate: ColumnType<string, string | undefined, string>;
  mandate_decision_id: string | null;
  head_id: string;
  regions: ColumnType<string[], string[] | undefined, string[]>;
  /** [longitude, latitude] pairs, as JSON. */
  area: ColumnType<[number, number][] | null, string | null, string | null>;
  /** Calendar dates: written as 'YYYY-MM-DD', read back as text (`starts_on::text`), as presidencies are. */
  starts_on: ColumnType<Date, string, string>;
  ends_on: ColumnType<Date, string, string>;
  classification: ColumnType<number, number | undefined, number>;
  created_by_label: string;
  created_at: CreatedAt;
}
export type ObservationMissionRow = Selectable<ObservationMissionsTable>;

export interface ObservationMissionMembersTable {
  mission_id: string;
  user_id: string;
  added_at: CreatedAt;
}

export interface MissionDailyReportsTable {
  mission_id: string;
  day: ColumnType<Date, string, string>;
  compiled: ColumnType<unknown, string, string>;
  summary: ColumnType<string, string | undefined, string>;
  status: ColumnType<'draft' | 'approved', 'draft' | 'approved' | undefined, 'draft' | 'approved'>;
  compiled_at: Timestamp;
  approved_at: NullableTimestamp;
  approved_by_label: string | null;
}
