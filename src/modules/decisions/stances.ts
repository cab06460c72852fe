import { sql } from 'kysely';
import { type Actor, actorLabel } from '../../core/actor.ts';
import { AppError, conflict, invalid } from '../../core/errors.ts';
import { publish } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import type { StanceRow } from '../../db/schema.ts';
import { can } from '../../policy/index.ts';
import { appendEntry, type RecordInput } from '../ledger/index.ts';
import {
  type LoadedProcedure,
  loadProcedure,
  loadProcedureView,
  type ProcedureView,
  type StanceJson,
  stancesFromJson,
} from './load.ts';
import type { StanceKind } from './outcome.ts';
import { addAmendmentVersion } from './proposals.ts';
import type { BreakSilenceInput, GiveStancesInput } from './schema.ts';

const BREAKS_SILENCE: StanceKind[] = ['object', 'propose_amendment'];

export interface GiveOptions {
  /** Breaking silence: refused unless the procedure is a silence procedure. */
  silenceOnly?: boolean;
  /** Load the procedure's page with it and return it, the new stances included. */
  view?: boolean;
  /** The input field that names the i-th point (default `stances.<i>.point`). */
  pointField?: (i: number) => string;
}

export interface StanceToRecord {
  point: string;
  kind: StanceKind;
  text?: string | null;
}

/**
 * Gives (or changes) the stances of one state on points of an open procedure. The caller
 * answers for their own state (its head of delegation, or a delegate the head authorised);
 * at a meeting the chair may record for a state. Refused, writing nothing: a closed
 * procedure (409), a passed deadline even before the runner closed it (409), an unknown
 * point (400), another state's stance (403), a person not eligible (403).
 */
export function giveStances(
  trx: Db,
  actor: Actor,
  procedureId: string,
  input: GiveStancesInput,
  now: Date | undefined,
  opts: GiveOptions & { view: true },
): Promise<ProcedureView>;
export function giveStances(
  trx: Db,
  actor: Actor,
  procedureId: string,
  input: GiveStancesInput,
  now?: Date,
  opts?: GiveOptions,
): Promise<LoadedProcedure>;
export async function giveStances(
  trx: Db,
  actor: Actor,
  procedureId: string,
  input: GiveStancesInput,
  now = new Date(),
  opts: GiveOptions = {},
): Promise<LoadedProcedure> {
  // With `view` the same one query also reads the procedure's page, which the caller
  // presents once the stances are written; the history comes back with the write.
  const view = opts.view ? await loadProcedureView(trx, actor, procedureId, { forUpdate: true }) : null;
  const loaded = view ?? (await loadProcedure(trx, actor, procedureId, { forUpdate: true }));
  const { row, subject } = loaded;
  const own = actor.kind === 'person' && actor.affiliation === 'delegation' ? actor.stateCode : null;
  const state = input.state ?? own;
  if (!state) throw invalid('state', 'is required: name the state the stance is for');
  if (state === own) {
    if (!row.eligible.includes(state))
      throw new AppError('forbidden', `${state} is not a party to this procedure`, [
        { field: 'state', reason: 'not a party to this procedure' },
      ]);
    if (!can(actor, 'giveStance', 'procedure', subject))
      throw new AppError(
        'forbidden',
        `only the head of delegation of ${state}, or a delegate the head authorised, answers for ${state}`,
      );
  } else {
    if (!can(actor, 'recordForStates', 'procedure', subject)) {
      const reason = own ? `you answer for ${own}, not for ${state}` : `you do not answer for ${state}`;
      throw new AppError('forbidden', `a stance for another state: ${reason}`, [{ field: 'state', reason }]);
    }
    if (!row.eligible.includes(state)) throw invalid('state', `${state} is not a party to this procedure`);
  }
  if (row.status !== 'open') throw conflict('the procedure is closed: stances can no longer change');
  if (row.deadline && now.getTime() >= row.deadline.getTime())
    throw conflict(
      `the deadline passed at ${row.deadline.toISOString()}: no more stances or breaks`,
      'deadline',
    );
  if (opts.silenceOnly && row.kind !== 'silence')
    throw conflict(`this is a ${row.kind} procedure: there is no silence to break`);
  input.stances.forEach((s, i) => {
    if (!row.points.includes(s.point))
      throw invalid(
        opts.pointField?.(i) ?? `stances.${i}.point`,
        `is unknown: no point ${s.point} in this procedure (points: ${row.points.join(', ')})`,
      );
  });
  const { history } = await recordStances(trx, actor, loaded, state, input.stances, now, { history: !!view });
  if (view && history) view.history = history;
  return loaded;
}

/**
 * Breaks silence under a silence procedure: a written objection, or a proposed amendment
 * (which rewrites one point in a new version of the proposal), on the named points or all.
 */
export function breakSilence(
  trx: Db,
  actor: Actor,
  procedureId: string,
  input: BreakSilenceInput,
  now: Date | undefined,
  opts: { view: true },
): Promise<ProcedureView>;
export function breakSilence(
  trx: Db,
  actor: Actor,
  procedureId: string,
  input: BreakSilenceInput,
  now?: Date,
  opts?: { view?: boolean },
): Promise<LoadedProcedure>;
export async function breakSilence(
  trx: Db,
  actor: Actor,
  procedureId: string,
  input: BreakSilenceInput,
  now = new Date(),
  opts: { view?: boolean } = {},
): Promise<LoadedProcedure> {
  const points =
    input.points ??
    (await trx.selectFrom('procedures').select('points').where('id', '=', procedureId).executeTakeFirst())
      ?.points ??
    [];
  const stances = points.map((point) => ({ point, kind: input.kind, text: input.text }));
  return giveStances(trx, actor, procedureId, { state: input.state, stances }, now, {
    silenceOnly: true,
    view: opts.view,
    // The caller named points, not stances: an unknown one is `points.<i>` of their input.
    pointField: (i) => `points.${i}`,
  });
}

/**
 * Writes the stances once the checks have passed: each replaces the state's current stance
 * on its point (the old one is kept, superseded); a proposed amendment becomes a new
 * version of the proposal; one record entry, `silence.broken` when it breaks silence.
 * The record entries are appended last, so the record's head stays locked only for the
 * commit. Returns the stances written and, with `history`, every stance of the procedure
 * after the write (read by the same statement).
 */
export async function recordStances(
  trx: Db,
  actor: Actor,
  loaded: LoadedProcedure,
  state: string,
  stances: StanceToRecord[],
  now: Date,
  opts: { history?: boolean } = {},
): Promise<{ written: StanceRow[]; history: StanceRow[] | null }> {
  const { row } = loaded;
  const amendments: RecordInput[] = [];
  const recorded: RecordedStance[] = [];
  for (const s of stances) {
    const text = s.text?.trim() || null;
    let amendmentVersion: number | null = null;
    if (s.kind === 'propose_amendment' && text) {
      const amended = await addAmendmentVersion(
        trx,
        actor,
        loaded.proposal,
        { procedureId: row.id, version: row.version },
        { state, point: s.point, text },
      );
      amendmentVersion = amended.version;
      amendments.push(amended.entry);
    }
    recorded.push({ point: s.point, kind: s.kind, text, amendmentVersion });
  }
  const written: StanceRow[] = [];
  let history: StanceRow[] | null = null;
  const batches = distinctPoints(recorded);
  for (const [i, batch] of batches.entries()) {
    const last = i === batches.length - 1;
    const result = await replaceStances(trx, actor, row.id, state, batch, now, !!opts.history && last);
    written.push(...result.written);
    history = result.history;
  }
  const broke = row.kind === 'silence' && recorded.some((s) => BREAKS_SILENCE.includes(s.kind));
  if (broke) {
    const breaks = recorded.filter((s) => BREAKS_SILENCE.includes(s.kind));
    await publish(trx, 'decisions.silence_broken', {
      procedureId: row.id,
      proposalId: row.proposal_id,
      state,
      stanceKind: breaks.some((s) => s.kind === 'object') ? 'object' : 'propose_amendment',
      points: breaks.map((s) => s.point),
      at: now,
      actorId: actor.kind === 'person' ? actor.id : null,
    });
  }
  const onBehalf = !(
    actor.kind === 'person' &&
    actor.affiliation === 'delegation' &&
    actor.stateCode === state
  );
  for (const entry of amendments) await appendEntry(trx, actor, entry);
  await appendEntry(trx, actor, {
    action: broke ? 'silence.broken' : 'stance.given',
    subjectType: 'procedure',
    subjectId: row.id,
    payload: { proposalId: row.proposal_id, state, onBehalf, stances: recorded },
    classification: loaded.proposal.row.classification,
    audience: row.eligible,
  });
  return { written, history };
}

type RecordedStance = StanceToRecord & { text: string | null; amendmentVersion: number | null };

/** Splits stances into runs with one stance per point (a later one on the same point replaces the earlier). */
function distinctPoints<T extends { point: string }>(stances: T[]): T[][] {
  const batches: T[][] = [];
  let points = new Set<string>();
  for (const s of stances) {
    if (batches.length === 0 || points.has(s.point)) {
      batches.push([]);
      points = new Set();
    }
    batches[batches.length - 1].push(s);
    points.add(s.point);
  }
  return batches;
}

/**
 * One statement for a state's stances on distinct points: supersede the current ones, then
 * insert the new ones (the INSERT reads the count of superseded rows, so the UPDATE has
 * finished before the first row goes in: one current stance per point and state).
 *
 * With `withHistory` the same statement reads the procedure's stances as they were before
 * it (its snapshot does not see its own changes) and the history after the write is put
 * together from those, the superseded ids and the inserted rows. The caller holds the
 * procedure's lock, so nobody else changes its stances meanwhile.
 */
async function replaceStances(
  trx: Db,
  actor: Actor,
  procedureId: string,
  state: string,
  stances: RecordedStance[],
  now: Date,
  withHistory: boolean,
): Promise<{ written: StanceRow[]; history: StanceRow[] | null }> {
  const rows = stances.map((s, ord) => ({
    ord,
    point: s.point,
    kind: s.kind,
    body: s.text,
    amendment_version: s.amendmentVersion,
  }));
  const before = withHistory
    ? sql<StanceJson[]>`coalesce((select json_agg(s order by s.id) from stances s
        where s.procedure_id = ${procedureId}), '[]')`
    : sql<null>`null::json`;
  const result = await sql<{ inserted: StanceJson[]; superseded: number[]; before: StanceJson[] | null }>`
    with superseded as (
      update stances set superseded_at = ${now}
      where procedure_id = ${procedureId} and state_code = ${state} and superseded_at is null
        and point = any(${stances.map((s) => s.point)}::text[])
      returning id
    ),
    inserted as (
      insert into stances (procedure_id, point, state_code, kind, text, given_by, given_by_label, given_at,
        amendment_version)
      select ${procedureId}::uuid, x.point, ${state}, x.kind, x.body,
        ${actor.kind === 'person' ? actor.id : null}::uuid, ${actorLabel(actor)}, ${now}::timestamptz,
        x.amendment_version
      from (select count(*) from superseded) as done,
        jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as x(ord int, point text, kind text, body text, amendment_version int)
      order by x.ord
      returning *
    )
    select coalesce((select json_agg(i order by i.id) from inserted i), '[]') as inserted,
      coalesce((select json_agg(id) from superseded), '[]') as superseded,
      ${before} as before`.execute(trx);
  const { inserted, superseded, before: earlier } = result.rows[0];
  const written = stancesFromJson(inserted);
  if (!earlier) return { written, history: null };
  const replaced = new Set(superseded.map(Number));
  const history = [
    ...stancesFromJson(earlier).map((s) => (replaced.has(Number(s.id)) ? { ...s, superseded_at: now } : s)),
    ...written,
  ];
  return { written, history };
}
