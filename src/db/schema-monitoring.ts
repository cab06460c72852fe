import type { ColumnType, Selectable } from 'kysely';

/** Kysely's view of the monitoring tables (migration 0020). Keep in step with the SQL. */
export interface AlertLevelsTable {
  level: number;
  code: string;
  name_en: string;
  name_ru: string;
  colour: string;
}
export type AlertLevelRow = Selectable<AlertLevelsTable>;

export interface ReportCategoriesTable {
  code: string;
  parent_code: string | null;
  name_en: string;
  name_ru: string;
  violent: ColumnType<boolean, boolean | undefined, boolean>;
  position: number;
}

export interface MonitoringRegionsTable {
  code: string;
  name_en: string;
  name_ru: string;
  states: string[];
  /** [longitude, latitude] pairs, as JSON. */
  area: ColumnType<[number, number][] | null, string | null, string | null>;
  position: number;
}

export interface IndicatorsTable {
  code: string;
  region_code: string;
  name_en: string;
  name_ru: string;
  unit_en: string;
  unit_ru: string;
  source: 'computed' | 'entered';
  categories: string[] | null;
  measure: 'reports' | 'casualties' | null;
  time_window: 'day' | 'week' | 'month' | null;
  direction: 'rising' | 'falling';
  thresholds: ColumnType<{ level: number; at: number }[], string, string>;
  position: number;
}

export interface MonitoringSettingsTable {
  id: ColumnType<number, number | undefined, never>;
  escalate_indicators: number | null;
  escalate_at_level: number | null;
}
