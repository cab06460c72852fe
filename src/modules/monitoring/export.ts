import type { Actor } from '../../core/actor.ts';
import { csvLine } from '../../core/csv.ts';
import type { Db } from '../../db/connect.ts';
import { presentReport, type ReportView } from './present.ts';
import { listReports } from './queries.ts';
import type { ReportListQuery } from './schema.ts';

/**
 * Exports of the reports a reader may read, with the list's filters: CSV with ACLED's column
 * names where they apply (so the files open in the tools analysts already use), and GeoJSON
 * for GIS. Both are written as they are read, a page of rows at a time on the list's cursor:
 * the first bytes leave at once and memory stays flat however many reports there are (the
 * exports of field-reporting tools are known to time out at a few thousand). What protection
 * withholds stays withheld.
 */

const PAGE = 1_000;

/** The reports of the query, page by page, as the reader is shown them. */
async function* reportsOf(db: Db, actor: Actor, query: Omit<ReportListQuery, 'limit' | 'before'>) {
  let before: string | undefined;
  do {
    const { rows, next } = await listReports(db, actor, { ...query, limit: PAGE, before });
    for (const row of rows) yield presentReport(actor, row, row.sees);
    before = next ?? undefined;
  } while (before);
}

interface CategoryNames {
  name: string;
  parent: string | null;
}

async function categoryNames(db: Db): Promise<Map<string, CategoryNames>> {
  const rows = await db.selectFrom('report_categories').select(['code', 'parent_code', 'name_en']).execute();
  const names = new Map(rows.map((r) => [r.code, r.name_en]));
  return new Map(
    rows.map((r) => [
      r.code,
      { name: r.name_en, parent: r.parent_code ? (names.get(r.parent_code) ?? null) : null },
    ]),
  );
}

/** ACLED's columns first (event_id_cnty ... timestamp), then Accord's own. */
export const CSV_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'assoc_actor_1',
  'country',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
  'timestamp',
  'title',
  'accord_status',
  'accord_version',
  'monitoring_region',
  'injured',
  'source_reliability',
  'source_credibility',
  'classification',
  'location_withheld',
  'occurred_at_utc',
] as const;

/** ACLED's time precision: 1 the day is known, 2 the week, 3 the month. */
const TIME_PRECISION = { exact: 1, day: 1, week: 2 } as const;
/** ACLED's geo precision: 1 the exact place, 2 near it or part of a district, 3 a larger region. */
const GEO_PRECISION = { exact: 1, district: 2, region: 3 } as const;

function csvRow(r: ReportView, categories: Map<string, CategoryNames>) {
  const category = categories.get(r.category);
  const place = r.place
    ? `${r.place.distanceKm ? `${r.place.distanceKm} km ${r.place.direction} of ` : ''}${r.place.name}`
    : null;
  return csvLine([
    r.reference,
    r.occurredAt.slice(0, 10),
    r.occurredAt.slice(0, 4),
    TIME_PRECISION[r.timePrecision],
    category?.parent ?? category?.name ?? r.category,
    category?.parent ? category.name : null,
    r.actors[0] ?? null,
    r.actors[1] ?? null,
    r.actors.slice(2).join('; ') || null,
    r.state,
    place,
    r.point?.latitude ?? null,
    r.point?.longitude ?? null,
    r.point ? GEO_PRECISION[r.point.precision] : r.region ? 3 : null,
    r.source.name,
    r.description,
    r.fatalities,
    Math.floor(Date.parse(r.updatedAt) / 1000),
    r.title,
    r.status,
    r.version,
    r.region,
    r.injured,
    r.source.reliability,
    r.source.credibility,
    r.classification,
    r.withheld,
    r.occurredAt,
  ]);
}

/** The CSV export, a chunk of text at a time (the header first). */
export async function* exportCsv(db: Db, actor: Actor, query: Omit<ReportListQuery, 'limit' | 'before'>) {
  const categories = await categoryNames(db);
  yield csvLine([...CSV_COLUMNS]);
  let chunk = '';
  for await (const r of reportsOf(db, actor, query)) {
    chunk += csvRow(r, categories);
    if (chunk.length > 64_000) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * The GeoJSON export (RFC 7946): a FeatureCollection of the reports that have a point, each a
 * Point feature ([longitude, latitude]) with the report's facts as properties.
 */
export async function* exportGeoJson(db: Db, actor: Actor, query: Omit<ReportListQuery, 'limit' | 'before'>) {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  let chunk = '';
  for await (const r of reportsOf(db, actor, query)) {
    if (!r.point) continue;
    const feature = {
      type: 'Feature',
      id: r.id,
      geometry: { type: 'Point', coordinates: [r.point.longitude, r.point.latitude] },
      properties: {
        reference: r.reference,
        title: r.title,
        category: r.category,
        occurredAt: r.occurredAt,
        timePrecision: r.timePrecision,
        precision: r.point.precision,
        withheld: r.withheld,
        region: r.region,
        state: r.state,
        status: r.status,
        fatalities: r.fatalities,
        injured: r.injured,
        reliability: r.source.reliability,
        credibility: r.source.credibility,
      },
    };
    chunk += `${first ? '' : ','}${JSON.stringify(feature)}`;
    first = false;
    if (chunk.length > 64_000) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]}`;
}
