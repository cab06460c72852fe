import { sql } from 'kysely';
import { type Actor, actorLabel } from '../../core/actor.ts';
import { CsvSyntaxError, parseCsv } from '../../core/csv.ts';
import { AppError, type FieldProblem, fieldsFromZod, invalid } from '../../core/errors.ts';
import { publish } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import { authorize } from '../../policy/index.ts';
import { appendEntry, batchDigest, canonicalJson } from '../ledger/index.ts';
import { contentOf } from './content.ts';
import { columnsOf, contentProblem, loadReportSettings } from './content-check.ts';
import { CreateReportInput } from './schema.ts';

/**
 * CSV import of reports: the whole file or nothing. Every line is checked first, as a report
 * filed through the API would be, and every bad line is named with its column and reason
 * ("line 7: latitude: must be between -90 and 90"); only a file without one is written, in
 * one transaction, as submitted reports (or drafts) of the importer. The record gets one
 * entry for the import, with the Merkle root of the reports' first versions (ledger/batch.ts),
 * rather than thousands.
 */

export const MAX_IMPORT_LINES = 50_000;
/** At most this many bad lines are named in the answer (the count says how many more). */
const MAX_PROBLEMS = 100;
const CHUNK = 500;

/** The columns an import takes, and the field of a report each one fills. */
export const IMPORT_COLUMNS = {
  title: 'title',
  category: 'category',
  occurred_at: 'occurredAt',
  time_precision: 'timePrecision',
  latitude: 'point.latitude',
  longitude: 'point.longitude',
  geo_precision: 'point.precision',
  location: 'place.name',
  distance_km: 'place.distanceKm',
  direction: 'place.direction',
  region: 'region',
  country: 'state',
  actors: 'actors',
  fatalities: 'fatalities',
  injured: 'injured',
  notes: 'description',
  source: 'source.name',
  source_reliability: 'source.reliability',
  source_credibility: 'source.credibility',
  classification: 'classification',
  protection: 'protection',
} as const;
type Column = keyof typeof IMPORT_COLUMNS;
const REQUIRED: Column[] = ['title', 'category', 'occurred_at'];
const NUMBERS: Column[] = [
  'latitude',
  'longitude',
  'distance_km',
  'fatalities',
  'injured',
  'source_credibility',
];
/** ACLED's geo precision codes, read as Accord's words. */
const GEO_PRECISION: Record<string, string> = { '1': 'exact', '2': 'district', '3': 'region' };

/** The column a report field came from: "point.latitude" -> "latitude", "actors.2" -> "actors". */
function columnOf(field: string): string {
  for (const [column, path] of Object.entries(IMPORT_COLUMNS))
    if (field === path || field.startsWith(`${path}.`)) return column;
  if (field.startsWith('point')) return 'latitude';
  if (field.startsWith('place')) return 'location';
  if (field.startsWith('source')) return 'source';
  return field;
}

/** A report body from one line, or the problem with a value that is not even of its type. */
function bodyOf(values: Map<Column, string>): { body: Record<string, unknown> } | { problem: FieldProblem } {
  for (const column of NUMBERS) {
    const v = values.get(column);
    if (v && !Number.isFinite(Number(v))) return { problem: { field: column, reason: 'is not a number' } };
  }
  const get = (c: Column) => values.get(c) || undefined;
  const num = (c: Column) => (get(c) === undefined ? undefined : Number(get(c)));
  let occurredAt = get('occurred_at');
  let precision = get('time_precision');
  if (occurredAt && /^\d{4}-\d{2}-\d{2}$/.test(occurredAt)) {
    occurredAt = `${occurredAt}T00:00:00Z`;
    precision ??= 'day';
  }
  const hasPoint = get('latitude') !== undefined || get('longitude') !== undefined;
  const geo = get('geo_precision');
  const body: Record<string, unknown> = {
    title: get('title'),
    description: get('notes'),
    category: get('category'),
    occurredAt,
    timePrecision: precision,
    point: hasPoint
      ? {
          latitude: num('latitude'),
          longitude: num('longitude'),
          precision: geo ? (GEO_PRECISION[geo] ?? geo) : undefined,
        }
      : null,
    place: get('location')
      ? {
          name: get('location'),
          distanceKm: num('distance_km') ?? null,
          direction: get('direction')?.toUpperCase() ?? null,
        }
      : null,
    region: get('region') ?? null,
    state: get('country') ?? null,
    actors: get('actors')
      ?.split(';')
      .map((a) => a.trim())
      .filter(Boolean),
    fatalities: num('fatalities') ?? null,
    injured: num('injured') ?? null,
    source: {
      name: get('source') ?? null,
      reliability: get('source_reliability')?.toUpperCase(),
      credibility: num('source_credibility'),
    },
    classification: get('classification'),
    protection: get('protection') ?? null,
  };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return { body };
}

export type ImportProgress = (done: number, total: number, phase: 'checking' | 'writing') => void;

/** 400 naming each bad line: fields `lines.<line>.<column>`, the message its first few. */
function refuse(problems: (FieldProblem & { line: number })[], total: number): AppError {
  const fields = problems.map((p) => ({ field: `lines.${p.line}.${p.field}`, reason: p.reason }));
  const more = total > problems.length ? ` (and ${total - problems.length} more)` : '';
  const first = problems
    .slice(0, 3)
    .map((p) => `line ${p.line}: ${p.field}: ${p.reason}`)
    .join('; ');
  return new AppError(
    'validation_failed',
    `${total} bad line${total === 1 ? '' : 's'}, nothing imported: ${first}${more}`,
    fields,
  );
}

/**
 * Imports the reports of a CSV text (a header line, then a report per line) as `actor`, all of
 * them or none. Answers the reports written, in the file's order.
 */
export async function importReports(
  trx: Db,
  actor: Actor,
  text: string,
  options: { submit?: boolean } = {},
  now = new Date(),
  progress: ImportProgress = () => {},
) {
  authorize(actor, 'file', 'reports', {}, 'report');
  if (actor.kind !== 'person')
    throw invalid('author', 'reports are imported by a person (the console files none: name one with --as)');
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw invalid(`lines.${e.line}`, e.message.replace(/^line \d+: /, ''));
    throw e;
  }
  const [header, ...lines] = records;
  if (!header) throw invalid('csv', 'is empty: a header line and a report per line');
  if (lines.length === 0) throw invalid('csv', 'has a header but no report');
  if (lines.length > MAX_IMPORT_LINES)
    throw invalid('csv', `has ${lines.length} reports; at most ${MAX_IMPORT_LINES} in one import`);
  const columns = header.fields.map((h) => h.trim().toLowerCase());
  for (const [i, name] of columns.entries()) {
    if (!(name in IMPORT_COLUMNS))
      throw invalid(
        `columns.${name || i + 1}`,
        `is not a column a report import takes (${Object.keys(IMPORT_COLUMNS).join(', ')})`,
      );
    if (columns.indexOf(name) !== i) throw invalid(`columns.${name}`, 'is named twice');
  }
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) throw invalid(`columns.${missing[0]}`, 'is required');

  const settings = await loadReportSettings(trx);
  const problems: (FieldProblem & { line: number })[] = [];
  let bad = 0;
  const inputs: CreateReportInput[] = [];
  for (const [n, record] of lines.entries()) {
    if (n % 1000 === 0) progress(n, lines.length, 'checking');
    const problem = lineProblem(record.fields, columns);
    let found: FieldProblem | null = problem;
    if (!found) {
      const values = new Map(columns.map((c, i) => [c as Column, (record.fields[i] ?? '').trim()]));
      const built = bodyOf(values);
      if ('problem' in built) found = built.problem;
      else {
        const parsed = CreateReportInput.safeParse(built.body);
        if (!parsed.success) {
          const first = fieldsFromZod(parsed.error)[0];
          found = { field: columnOf(first.field), reason: first.reason };
        } else {
          const checked = contentProblem(actor, parsed.data, now, settings);
          if (checked) found = { field: columnOf(checked.field), reason: checked.reason };
          else inputs.push(parsed.data);
        }
      }
    }
    if (found) {
      bad++;
      if (problems.length < MAX_PROBLEMS) problems.push({ ...found, line: record.line });
    }
  }
  if (bad > 0) throw refuse(problems, bad);
  progress(lines.length, lines.length, 'checking');

  const year = now.getUTCFullYear();
  const numbers = await sql<{ last_number: number }>`
    insert into report_numbers (year, last_number) values (${year}, ${inputs.length})
    on conflict (year) do update set last_number = report_numbers.last_number + ${inputs.length}
    returning last_number`.execute(trx);
  const first = numbers.rows[0].last_number - inputs.length + 1;
  const status: 'draft' | 'submitted' = options.submit === false ? 'draft' : 'submitted';
  const author = {
    status,
    author_id: actor.id,
    author_label: actor.displayName,
    author_state: actor.affiliation === 'delegation' ? actor.stateCode : null,
    reporter_role: actor.affiliation === 'secretariat' ? ('monitor' as const) : ('focal_point' as const),
    created_at: now,
    updated_at: now,
    submitted_at: status === 'submitted' ? now : null,
  };
  const written = [];
  for (let i = 0; i < inputs.length; i += CHUNK) {
    const rows = await trx
      .insertInto('reports')
      .values(
        inputs.slice(i, i + CHUNK).map((input, j) => ({
          ...columnsOf(input, settings),
          ...author,
          reference: `R-${year}-${String(first + i + j).padStart(5, '0')}`,
        })),
      )
      .returningAll()
      .execute();
    rows.sort((a, b) => a.reference.localeCompare(b.reference));
    await trx
      .insertInto('report_versions')
      .values(
        rows.map((row) => ({
          report_id: row.id,
          version: 1,
          snapshot: canonicalJson(contentOf(row)),
          reason: null,
          changed_by_label: actorLabel(actor),
          changed_at: now,
        })),
      )
      .execute();
    written.push(...rows);
    progress(written.length, inputs.length, 'writing');
  }

  const digest = await batchDigest(
    written.map((row) => ({ id: row.id, reference: row.reference, ...contentOf(row) })),
  );
  await appendEntry(trx, actor, {
    action: 'report.imported',
    subjectType: 'report_import',
    subjectId: digest.root,
    classification: Math.max(...written.map((r) => r.classification)),
    audience: author.author_state ? [author.author_state] : [],
    payload: {
      count: written.length,
      status,
      first: written[0].reference,
      last: written.at(-1)!.reference,
      batch: digest,
    },
    at: now,
  });
  await publish(trx, 'monitoring.reports_imported', {
    at: now,
    actorId: actor.id,
    count: written.length,
    status,
    regions: [...new Set(written.map((r) => r.region_code).filter((r): r is string => !!r))],
    categories: [...new Set(written.map((r) => r.category_code))],
  });
  return written;
}

/** A line with more values than the header has columns is refused, not cut. */
function lineProblem(fields: string[], columns: string[]): FieldProblem | null {
  if (fields.length > columns.length)
    return { field: 'columns', reason: `has ${fields.length} values for ${columns.length} columns` };
  return null;
}
