import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { AppError, type FieldProblem, invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { IndicatorValueSource } from '../../db/schema.ts';
import { authorize, can } from '../../policy/index.ts';
import { isPerson } from '../../policy/predicates.ts';
import { getMonitoringSettings, type MonitoringSettingsView } from '../directory/index.ts';
import { appendEntry, batchDigest } from '../ledger/index.ts';
import { describeProblem, lineProblem, parseValuesCsv } from './csv.ts';
import { type LevelOutcome, recomputeRegion } from './levels.ts';
import { MONITORING_CLASSIFICATION } from './policy.ts';
import { type EnterValuesInput, FUTURE_TOLERANCE_MS, IMPORT_CHUNK, MAX_IMPORT_LINES } from './schema.ts';

type Settings = MonitoringSettingsView;
export type IndicatorView = Settings['indicators'][number] & { states: string[] };

/** An indicator of the file with its region's states; null when unknown. */
export function findIndicator(settings: Settings, code: string): IndicatorView | null {
  const indicator = settings.indicators.find((i) => i.code === code);
  const region = indicator && settings.regions.find((r) => r.code === indicator.region);
  return indicator && region ? { ...indicator, states: region.states } : null;
}

/** An indicator the actor may read (404 otherwise, as for an unknown one). */
export async function readableIndicator(db: Db, actor: Actor, code: string) {
  const settings = await getMonitoringSettings(db);
  const indicator = findIndicator(settings, code);
  if (!indicator) throw notFound('indicator');
  authorize(actor, 'read', 'monitoringRegion', { states: indicator.states }, 'indicator');
  return { settings, indicator };
}

interface NewValue {
  indicator: string;
  at: Date;
  value: number;
}

/**
 * Writes values (one statement per `IMPORT_CHUNK`): a value for an instant already there
 * replaces it. Answers, in the order given, the value each one replaced (null for a new one).
 */
async function writeValues(
  trx: Db,
  values: NewValue[],
  source: IndicatorValueSource,
  enteredBy: string | null,
  onProgress?: (done: number) => void,
): Promise<(number | null)[]> {
  const previous: (number | null)[] = [];
  for (let start = 0; start < values.length; start += IMPORT_CHUNK) {
    const chunk = values.slice(start, start + IMPORT_CHUNK);
    const input = JSON.stringify(
      chunk.map((v, ord) => ({ indicator_code: v.indicator, at: v.at.toISOString(), value: v.value, ord })),
    );
    const { rows } = await sql<{ ord: number; previous: number | null }>`
      with input as (
        select * from jsonb_to_recordset(${input}::jsonb)
          as x(indicator_code text, at timestamptz, value double precision, ord integer)
      ),
      old as (
        select v.indicator_code, v.at, v.value
        from indicator_values v join input i on i.indicator_code = v.indicator_code and i.at = v.at
        for update of v
      ),
      written as (
        insert into indicator_values (indicator_code, at, value, source, entered_by)
        select indicator_code, at, value, ${source}, ${enteredBy}::uuid from input order by ord
        on conflict (indicator_code, at) do update
          set value = excluded.value, source = excluded.source, entered_by = excluded.entered_by, created_at = now()
        returning 1
      )
      select i.ord, o.value as previous, (select count(*) from written) as written
      from input i left join old o on o.indicator_code = i.indicator_code and o.at = i.at
      order by i.ord`.execute(trx);
    for (const r of rows) previous.push(r.previous === null ? null : Number(r.previous));
    onProgress?.(start + chunk.length);
  }
  return previous;
}

const tooFarAhead = (at: Date, now: Date) => at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS;
const FUTURE = `is more than ${FUTURE_TOLERANCE_MS / 60_000} minutes in the future`;
const COMPUTED = 'is computed from the reports: only entered indicators accept values';

/**
 * Enters values of an entered indicator (the secretariat's staff, or a head or point of
 * contact of a state of its region): 404 for an indicator the caller may not read, 403 when
 * they may read but not enter, 400 for a computed indicator, a time more than 5 minutes
 * ahead or the same time twice. One `indicator.values_entered` entry, then the region's
 * level worked out again (same transaction).
 */
export async function enterValues(
  trx: Db,
  actor: Actor,
  code: string,
  input: EnterValuesInput,
  now = new Date(),
): Promise<{ written: number; replaced: number; level: LevelOutcome | null }> {
  const { settings, indicator } = await readableIndicator(trx, actor, code);
  if (!can(actor, 'enterValues', 'monitoringRegion', { states: indicator.states }))
    throw new AppError('forbidden', 'you may not enter values of this indicator');
  if (indicator.source !== 'entered') throw invalid('path.code', COMPUTED);
  const seen = new Map<number, number>();
  input.values.forEach((v, i) => {
    if (tooFarAhead(v.at, now)) throw invalid(`values.${i}.at`, FUTURE);
    const first = seen.get(v.at.getTime());
    if (first !== undefined) throw invalid(`values.${i}.at`, `repeats the time of values.${first}`);
    seen.set(v.at.getTime(), i);
  });
  const values = input.values.map((v) => ({ indicator: code, at: v.at, value: v.value }));
  const previous = await writeValues(trx, values, 'entered', isPerson(actor) ? actor.id : null);
  await appendEntry(trx, actor, {
    action: 'indicator.values_entered',
    subjectType: 'indicator',
    subjectId: code,
    classification: MONITORING_CLASSIFICATION,
    audience: indicator.states,
    payload: {
      indicator: code,
      region: indicator.region,
      values: values.map((v, i) => ({
        at: v.at.toISOString(),
        value: v.value,
        previous: previous[i] ?? null,
      })),
    },
  });
  const level = await recomputeRegion(trx, indicator.region, now, settings);
  return { written: values.length, replaced: previous.filter((p) => p !== null).length, level };
}

/** The answer to an import: what it wrote, and every region's level it touched. */
export interface ImportResult {
  importId: string;
  lines: number;
  replaced: number;
  indicators: string[];
  regions: string[];
  levels: LevelOutcome[];
}

/** A 400 (or 403) naming every bad line: "line 7: value: not a number". At most the first 100 lines named. */
function lineError(code: 'validation_failed' | 'forbidden', problems: FieldProblem[]): AppError {
  const shown = problems.slice(0, 100);
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError(code, `${describeProblem(shown[0]!)}${more}`, shown);
}

/**
 * Imports a CSV file of values (`indicator,at,value`), whole or not at all: every line is
 * checked first (its fields, the indicator known to the caller and entered, not computed,
 * the time at most 5 minutes ahead, no line repeated), and one bad line refuses the file with
 * a 400 naming each bad line, its field and why (403 when the caller may read but not enter an
 * indicator). Then one record entry for the whole file, with the Merkle root of its lines
 * (`indicator.values_imported`, src/modules/ledger/batch.ts), and each region's level again.
 * `onProgress(done, total)` follows the writing.
 */
export async function importValues(
  trx: Db,
  actor: Actor,
  csv: string,
  now = new Date(),
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  const { values, problems } = parseValuesCsv(csv, now, FUTURE_TOLERANCE_MS, MAX_IMPORT_LINES);
  const settings = await getMonitoringSettings(trx);
  const forbidden: FieldProblem[] = [];
  const found = new Map<string, IndicatorView | null>();
  for (const v of values) {
    if (!found.has(v.indicator)) found.set(v.indicator, findIndicator(settings, v.indicator));
    const indicator = found.get(v.indicator);
    const subject = indicator ? { states: indicator.states } : null;
    if (!indicator || !subject || !can(actor, 'read', 'monitoringRegion', subject))
      problems.push(lineProblem(v.line, 'indicator', 'is not an indicator of the organisation file'));
    else if (indicator.source !== 'entered') problems.push(lineProblem(v.line, 'indicator', COMPUTED));
    else if (!can(actor, 'enterValues', 'monitoringRegion', subject))
      forbidden.push(lineProblem(v.line, 'indicator', 'you may not enter values of this indicator'));
  }
  if (problems.length) {
    problems.sort((a, b) => lineOf(a) - lineOf(b));
    throw lineError('validation_failed', problems);
  }
  if (forbidden.length) throw lineError('forbidden', forbidden);

  onProgress?.(0, values.length);
  const previous = await writeValues(trx, values, 'imported', isPerson(actor) ? actor.id : null, (done) =>
    onProgress?.(done, values.length),
  );
  const objects = values.map((v, i) => ({
    indicator: v.indicator,
    at: v.at.toISOString(),
    value: v.value,
    previous: previous[i] ?? null,
  }));
  const indicators = [...new Set(values.map((v) => v.indicator))].sort();
  const regions = [...new Set(indicators.map((c) => found.get(c)!.region))].sort();
  const states = [...new Set(indicators.flatMap((c) => found.get(c)!.states))].sort();
  const times = values.map((v) => v.at.getTime());
  const importId = randomUUID();
  const replaced = previous.filter((p) => p !== null).length;
  await appendEntry(trx, actor, {
    action: 'indicator.values_imported',
    subjectType: 'indicator_import',
    subjectId: importId,
    classification: MONITORING_CLASSIFICATION,
    audience: states,
    payload: {
      lines: values.length,
      replaced,
      indicators,
      regions,
      from: new Date(Math.min(...times)).toISOString(),
      to: new Date(Math.max(...times)).toISOString(),
      batch: await batchDigest(objects),
    },
  });
  const levels: LevelOutcome[] = [];
  for (const region of regions) {
    const outcome = await recomputeRegion(trx, region, now, settings);
    if (outcome) levels.push(outcome);
  }
  return { importId, lines: values.length, replaced, indicators, regions, levels };
}

const lineOf = (p: FieldProblem) => Number(/^lines\.(\d+)/.exec(p.field)?.[1] ?? 0);

/**
 * Records the value of a computed indicator (the monitoring module's count of its reports),
 * replacing the value for the same instant, and works its region's level out again. No record
 * entry of its own: the reports it counts are recorded, and a change of level records the
 * readings. An indicator that is unknown or not computed is a programming error (400).
 *
 * @example await recordComputedValue(trx, 'tj-af-incidents', weekStart, 7);
 */
export async function recordComputedValue(
  trx: Db,
  indicatorCode: string,
  at: Date,
  value: number,
  now = new Date(),
): Promise<LevelOutcome | null> {
  const settings = await getMonitoringSettings(trx);
  const indicator = findIndicator(settings, indicatorCode);
  if (!indicator) throw invalid('indicator', 'is not an indicator of the organisation file');
  if (indicator.source !== 'computed') throw invalid('indicator', 'is entered, not computed');
  if (!Number.isFinite(value)) throw invalid('value', 'must be a finite number');
  if (tooFarAhead(at, now)) throw invalid('at', FUTURE);
  await writeValues(trx, [{ indicator: indicatorCode, at, value }], 'computed', null);
  return recomputeRegion(trx, indicator.region, now, settings);
}
