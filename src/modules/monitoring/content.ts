import type { ReportRow } from '../../db/schema-reports.ts';
import { toDistrict, withheldPrecision } from './place.ts';

/**
 * A report's content as one object: what a version keeps (report_versions.snapshot), what
 * the API shows, and what protection withholds. One shape, so a correction, its history and
 * the record's hash all speak of the same fields.
 */
export interface ReportContentView {
  title: string;
  description: string;
  category: string;
  occurredAt: string;
  timePrecision: string;
  point: { latitude: number; longitude: number; precision: string } | null;
  place: { name: string; distanceKm: number | null; direction: string | null } | null;
  region: string | null;
  state: string | null;
  actors: string[];
  fatalities: number | null;
  injured: number | null;
  source: { name: string | null; reliability: string; credibility: number };
  classification: number;
  protection: number | null;
}

type ContentColumns = Pick<
  ReportRow,
  | 'title'
  | 'description'
  | 'category_code'
  | 'occurred_at'
  | 'time_precision'
  | 'latitude'
  | 'longitude'
  | 'location_precision'
  | 'place_name'
  | 'distance_km'
  | 'direction'
  | 'region_code'
  | 'state_code'
  | 'actors'
  | 'fatalities'
  | 'injured'
  | 'source_name'
  | 'source_reliability'
  | 'source_credibility'
  | 'classification'
  | 'protection'
>;

/** The content of a report row. */
export function contentOf(row: ContentColumns): ReportContentView {
  return {
    title: row.title,
    description: row.description,
    category: row.category_code,
    occurredAt: new Date(row.occurred_at).toISOString(),
    timePrecision: row.time_precision,
    point:
      row.latitude === null || row.longitude === null
        ? null
        : { latitude: row.latitude, longitude: row.longitude, precision: row.location_precision ?? 'exact' },
    place: row.place_name
      ? { name: row.place_name, distanceKm: row.distance_km, direction: row.direction }
      : null,
    region: row.region_code,
    state: row.state_code?.trim() ?? null,
    actors: row.actors,
    fatalities: row.fatalities,
    injured: row.injured,
    source: {
      name: row.source_name,
      reliability: row.source_reliability.trim(),
      credibility: row.source_credibility,
    },
    classification: row.classification,
    protection: row.protection,
  };
}

/**
 * The content as a reader below the protection level sees it: no source name, the point on
 * the district grid, no named place (a village and "2 km north" would tell the exact spot).
 */
export function withheld(content: ReportContentView): ReportContentView {
  return {
    ...content,
    point: content.point && {
      latitude: toDistrict(content.point.latitude),
      longitude: toDistrict(content.point.longitude),
      precision: withheldPrecision(content.point.precision),
    },
    place: null,
    source: { ...content.source, name: null },
  };
}
