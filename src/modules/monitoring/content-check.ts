import type { Insertable } from 'kysely';
import { type Actor, classificationOf } from '../../core/actor.ts';
import type { FieldProblem } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { ReportsTable } from '../../db/schema-reports.ts';
import { type Outline, regionOf } from './place.ts';
import { EARLIEST_OCCURRENCE, FUTURE_TOLERANCE_MS, type ReportContent } from './schema.ts';

/** What a report's content is checked against: the organisation file's categories and regions. */
export interface ReportSettings {
  categories: Set<string>;
  regions: { code: string; area: Outline | null }[];
}

export async function loadReportSettings(db: Db): Promise<ReportSettings> {
  const [categories, regions] = await Promise.all([
    db.selectFrom('report_categories').select('code').execute(),
    db.selectFrom('monitoring_regions').select(['code', 'area']).orderBy('position').execute(),
  ]);
  return { categories: new Set(categories.map((c) => c.code)), regions };
}

/**
 * What is wrong with a report's content that its schema cannot tell, or null: the category
 * and region must be the organisation file's, the time neither in the future beyond a
 * tolerance nor before 1990, the classification within the author's access level, the
 * protection above the classification (else every reader would see what it withholds).
 */
export function contentProblem(
  actor: Actor,
  input: ReportContent,
  now: Date,
  settings: ReportSettings,
): FieldProblem | null {
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    return {
      field: 'occurredAt',
      reason: `is in the future (after ${now.toISOString()}, beyond a tolerance of 15 minutes)`,
    };
  if (occurredAt < EARLIEST_OCCURRENCE)
    return { field: 'occurredAt', reason: 'is before 1990: not a monitoring report' };
  const classification = classificationOf(input.classification);
  if (actor.kind === 'person' && classification > actor.accessLevel)
    return { field: 'classification', reason: 'is above your access level' };
  if (input.protection !== null && classificationOf(input.protection) <= classification)
    return {
      field: 'protection',
      reason: 'must be above the classification: every reader of the report would see what it withholds',
    };
  if (!settings.categories.has(input.category))
    return { field: 'category', reason: 'is not a category of the organisation file' };
  if (input.region !== null && !settings.regions.some((r) => r.code === input.region))
    return { field: 'region', reason: 'is not a monitoring region of the organisation file' };
  return null;
}

/** The columns of checked content; a point without a region is placed in the region whose outline holds it. */
export function columnsOf(input: ReportContent, settings: ReportSettings) {
  const region =
    input.region ??
    (input.point ? regionOf(input.point.longitude, input.point.latitude, settings.regions) : null);
  return {
    title: input.title,
    description: input.description,
    category_code: input.category,
    occurred_at: new Date(input.occurredAt),
    time_precision: input.timePrecision,
    latitude: input.point?.latitude ?? null,
    longitude: input.point?.longitude ?? null,
    location_precision: input.point?.precision ?? null,
    place_name: input.place?.name ?? null,
    distance_km: input.place?.distanceKm ?? null,
    direction: input.place?.direction ?? null,
    region_code: region,
    state_code: input.state,
    actors: input.actors,
    fatalities: input.fatalities,
    injured: input.injured,
    source_name: input.source.name || null,
    source_reliability: input.source.reliability,
    source_credibility: input.source.credibility,
    classification: classificationOf(input.classification),
    protection: input.protection === null ? null : classificationOf(input.protection),
  } satisfies Partial<Insertable<ReportsTable>>;
}
