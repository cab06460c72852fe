import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { actorLabel } from '../../core/actor.ts';
import { publish } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import type { DecisionRow, ProcedureRow, StanceRow } from '../../db/schema.ts';
import { wakeUp } from '../../db/wake-up.ts';
import { appendEntry, appendReferencedEntry } from '../ledger/index.ts';
import { getVersionRow } from './load.ts';
import { computeOutcome, type Outcome, type Rule, type StanceKind } from './outcome.ts';

/** The channel a NOTIFY goes out on when a procedure opens or its deadline moves. */
export const PROCEDURES_CHANNEL = 'accord_procedures';

export const notifyProcedures = (trx: Db, procedureId: string) =>
  wakeUp(trx, PROCEDURES_CHANNEL, procedureId);

/** The current stances of a procedure (one per state and point). */
export function currentStances(trx: Db, procedureId: string): Promise<StanceRow[]> {
  return trx
    .selectFrom('stances')
    .selectAll()
    .where('procedure_id', '=', procedureId)
    .where('superseded_at', 'is', null)
    .orderBy('id')
    .execute();
}

export function outcomeOf(
  proc: ProcedureRow,
  stances: Pick<StanceRow, 'point' | 'state_code' | 'kind'>[],
): Outcome {
  const byPoint: Record<string, Record<string, StanceKind>> = {};
  for (const s of stances) {
    byPoint[s.point] ??= {};
    byPoint[s.point][s.state_code.trim()] = s.kind;
  }
  return computeOutcome({
    rule: proc.rule as Rule,
    eligible: proc.eligible,
    points: proc.points,
    stances: byPoint,
    extended: proc.extended,
  });
}

export type Closing =
  | { status: 'extended'; procedure: ProcedureRow }
  | { status: 'closed'; procedure: ProcedureRow; outcome: Outcome; decision: DecisionRow | null };

/**
 * Records the outcome of an open procedure, which the caller has locked (FOR UPDATE): the
 * outcome and result, the proposal's status, the record entries and, when anything was
 * adopted, the numbered decision. A written procedure whose missing answers extend the
 * deadline once is extended instead.
 */
export async function recordOutcome(trx: Db, actor: Actor, proc: ProcedureRow, now: Date): Promise<Closing> {
  if (proc.status !== 'open') throw new Error(`procedure ${proc.id} is not open`);
  const proposal = await trx
    .selectFrom('proposals')
    .selectAll()
    .where('id', '=', proc.proposal_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const entry = { classification: proposal.classification, audience: proc.eligible };
  const stances = await currentStances(trx, proc.id);
  const outcome = outcomeOf(proc, stances);

  if (outcome.extend && !proc.extended && proc.extension_hours && proc.deadline) {
    // From the deadline as set, not from when the runner got to it: if the server was down
    // past the extension too, the procedure is still due and closes on the next look.
    const deadline = new Date(proc.deadline.getTime() + proc.extension_hours * 3_600_000);
    const procedure = await trx
      .updateTable('procedures')
      .set({ deadline, extended: true })
      .where('id', '=', proc.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const missing = [...new Set(outcome.points.flatMap((p) => p.tally.no_answer))];
    await appendEntry(trx, actor, {
      action: 'procedure.extended',
      subjectType: 'procedure',
      subjectId: proc.id,
      payload: { proposalId: proc.proposal_id, from: proc.deadline, deadline, missing },
      ...entry,
    });
    await notifyProcedures(trx, proc.id);
    return { status: 'extended', procedure };
  }

  const procedure = await trx
    .updateTable('procedures')
    .set({
      status: 'closed',
      closed_at: now,
      closed_by_label: actorLabel(actor),
      result: outcome.result,
      outcome: JSON.stringify(outcome),
    })
    .where('id', '=', proc.id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('proposals')
    .set({ status: outcome.result, updated_at: now })
    .where('id', '=', proc.proposal_id)
    .execute();
  await appendEntry(trx, actor, {
    action: 'procedure.closed',
    subjectType: 'procedure',
    subjectId: proc.id,
    payload: {
      proposalId: proc.proposal_id,
      version: proc.version,
      kind: proc.kind,
      result: outcome.result,
      points: outcome.points.map((p) => ({
        point: p.point,
        verdict: recordedVerdict(p.verdict),
        tally: p.tally,
      })),
    },
    ...entry,
  });
  // Whoever waits on an outcome (a deployment request, say; the proposal's readers) hears
  // of it in this same transaction, so what they do happens exactly once, with the close.
  await publish(trx, 'decisions.procedure_closed', {
    procedureId: proc.id,
    proposalId: proc.proposal_id,
    procedureKind: proc.kind,
    result: outcome.result,
    at: now,
    actorId: actor.kind === 'person' ? actor.id : null,
  });
  if (outcome.result === 'not_adopted') return { status: 'closed', procedure, outcome, decision: null };

  const decision = await publishDecision(trx, actor, procedure, outcome, stances, now, entry);
  return { status: 'closed', procedure, outcome, decision };
}

/** Statement-like stances: their text is attached to the adopted decision. */
const ATTACHED: StanceKind[] = ['constructive_abstention', 'reservation', 'interpretative_statement'];

async function publishDecision(
  trx: Db,
  actor: Actor,
  proc: ProcedureRow,
  outcome: Outcome,
  stances: StanceRow[],
  now: Date,
  entry: { classification: number; audience: string[] },
): Promise<DecisionRow> {
  const version = await getVersionRow(trx, proc.proposal_id, proc.version);
  const verdicts = new Map(outcome.points.map((p) => [p.point, p.verdict]));
  const points = version.points
    .filter((p) => verdicts.has(p.key))
    .map((p) => ({ key: p.key, text: p.text, ...verdictSummary(verdicts.get(p.key)!) }));
  const statements = stances
    .filter((s) => ATTACHED.includes(s.kind) && s.text)
    .map((s) => ({ state: s.state_code.trim(), point: s.point, kind: s.kind, text: s.text! }));
  const excluded = new Set((proc.rule as Rule).excludedParties);
  const current = new Map(stances.map((s) => [`${s.point}/${s.state_code.trim()}`, s.kind]));
  const board = proc.points.flatMap((point) =>
    proc.eligible.map((state) => ({
      state,
      point,
      kind: excluded.has(state) ? 'excluded' : (current.get(`${point}/${state}`) ?? 'no_answer'),
    })),
  );
  const adoptedAt = proc.deadline && proc.deadline <= now ? proc.deadline : now;
  const year = await yearInOrganisationZone(trx, adoptedAt);
  const counter = await sql<{ last_number: number }>`
    insert into decision_numbers (year, last_number) values (${year}, 1)
    on conflict (year) do update set last_number = decision_numbers.last_number + 1
    returning last_number`.execute(trx);
  const number = Number(counter.rows[0].last_number);
  const id = randomUUID();
  const result = outcome.result as 'adopted' | 'partially_adopted';
  const content = {
    decisionId: id,
    number,
    year,
    label: `No. ${number}, ${year}`,
    procedureId: proc.id,
    proposalId: proc.proposal_id,
    version: proc.version,
    title: version.title,
    text: version.text,
    points,
    statements,
    stances: board,
    result,
    adoptedAt: adoptedAt.toISOString(),
  };
  const recorded = await appendReferencedEntry(trx, actor, {
    action: 'decision.published',
    subjectType: 'decision',
    subjectId: id,
    payload: content,
    ...entry,
  });
  return trx
    .insertInto('decisions')
    .values({
      id,
      procedure_id: proc.id,
      proposal_id: proc.proposal_id,
      year,
      number,
      title: version.title,
      text: version.text,
      points: JSON.stringify(points),
      statements: JSON.stringify(statements),
      stances: JSON.stringify(board),
      result,
      adopted_at: adoptedAt,
      record_id: recorded.recordId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A verdict as the `procedure.closed` entry declares it: the figures of a qualified
 * majority stay with the procedure's outcome (and, in words, the decision's points).
 */
function recordedVerdict(verdict: Outcome['points'][number]['verdict']) {
  return verdict.adopted
    ? { adopted: true, reason: verdict.reason }
    : { adopted: false, reason: verdict.reason, states: verdict.states, detail: verdict.detail };
}

function verdictSummary(verdict: Outcome['points'][number]['verdict']) {
  return verdict.adopted
    ? { adopted: true, reason: verdict.reason, detail: verdict.detail ?? null }
    : { adopted: false, reason: verdict.reason, detail: verdict.detail };
}

/** The calendar year of an instant in the organisation's reference time zone (UTC if unset). */
async function yearInOrganisationZone(trx: Db, at: Date): Promise<number> {
  const org = await trx.selectFrom('organisation').select('time_zone').executeTakeFirst();
  try {
    return Number(
      new Intl.DateTimeFormat('en-US', { timeZone: org?.time_zone ?? 'UTC', year: 'numeric' }).format(at),
    );
  } catch {
    return at.getUTCFullYear();
  }
}
