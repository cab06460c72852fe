import { type Actor, actorLabel } from '../../core/actor.ts';
import { conflict, invalid } from '../../core/errors.ts';
import { publish } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import type { ProcedureRow } from '../../db/schema.ts';
import { authorize } from '../../policy/index.ts';
import { getProcedureSettings } from '../directory/index.ts';
import { appendEntry } from '../ledger/index.ts';
import { type Closing, currentStances, notifyProcedures, recordOutcome } from './closing.ts';
import { getVersionRow, isDecided, loadProcedure, loadProposal } from './load.ts';
import type { Rule } from './outcome.ts';
import type { CloseProcedureInput, OpenProcedureInput } from './schema.ts';
import { recordStances } from './stances.ts';

const DAY_MS = 86_400_000;

/**
 * The chair opens a procedure on a version of a proposal (the latest by default). The
 * rule is fixed now and stored with the procedure; the states sitting in the body now
 * are the ones that answer; the text is frozen until the procedure closes.
 */
export async function openProcedure(
  trx: Db,
  actor: Actor,
  proposalId: string,
  input: OpenProcedureInput,
  now = new Date(),
): Promise<ProcedureRow> {
  const proposal = await loadProposal(trx, actor, proposalId, { forUpdate: true });
  const { row, subject } = proposal;
  authorize(actor, 'openProcedure', 'proposal', subject);
  if (isDecided(row)) throw conflict('the proposal has been decided');
  if (row.status === 'open') throw conflict('a procedure is already open on this proposal');

  const versionNumber = input.version ?? row.latest_version;
  if (versionNumber > row.latest_version)
    throw invalid('version', `the proposal has no version ${versionNumber}`);
  const version = await getVersionRow(trx, proposalId, versionNumber);
  const keys = version.points.map((p) => p.key);
  const points = input.points ?? keys;
  points.forEach((key, i) => {
    if (!keys.includes(key)) throw invalid(`points.${i}`, `version ${versionNumber} has no point ${key}`);
  });

  let deadline: Date | null = null;
  if (input.deadline) {
    deadline = new Date(input.deadline);
    if (deadline.getTime() <= now.getTime())
      throw invalid(
        'deadline',
        `must be in the future (it is ${deadline.toISOString()}, now is ${now.toISOString()})`,
      );
    // The organisation file bounds how far ahead a chair may set it (year 9999 is a typo).
    const { maxHorizonDays } = await getProcedureSettings(trx);
    const latest = new Date(now.getTime() + maxHorizonDays * DAY_MS);
    if (deadline.getTime() > latest.getTime())
      throw invalid(
        'deadline',
        `must be at most ${maxHorizonDays} days ahead, by ${latest.toISOString()} (it is ${deadline.toISOString()}; the organisation file's procedures.maxHorizonDays)`,
      );
  }

  const eligible = subject.bodyStates;
  if (eligible.length === 0) throw conflict(`no state sits in ${row.body_code}: nobody could answer`);
  input.excludedParties.forEach((state, i) => {
    if (!eligible.includes(state))
      throw invalid(`excludedParties.${i}`, `${state} does not sit in ${row.body_code}`);
  });
  if (eligible.every((state) => input.excludedParties.includes(state)))
    throw invalid(
      'excludedParties',
      `excludes every state sitting in ${row.body_code} (${eligible.join(', ')}): no state would be left to decide`,
    );
  for (const [path, weights] of [
    ['majority.weights.byState', input.majority?.weights],
    ['constructiveAbstentionLimit.weights.byState', input.constructiveAbstentionLimit?.weights],
  ] as const) {
    const missing = weights ? eligible.filter((s) => weights.byState[s] === undefined) : [];
    if (missing.length) throw invalid(path, `give a weight for ${missing.join(', ')}`);
  }

  const rule: Rule = {
    kind: input.kind,
    excludedParties: input.excludedParties,
    ...(input.kind === 'written' ? { missingAnswer: input.missingAnswer ?? 'blocks' } : {}),
    ...(input.majority ? { majority: input.majority } : {}),
    ...(input.constructiveAbstentionLimit
      ? { constructiveAbstentionLimit: input.constructiveAbstentionLimit }
      : {}),
  };
  const procedure = await trx
    .insertInto('procedures')
    .values({
      proposal_id: proposalId,
      version: versionNumber,
      kind: input.kind,
      rule: JSON.stringify(rule),
      eligible,
      points,
      deadline,
      extension_hours: input.extensionHours ?? null,
      opened_by: actor.kind === 'person' ? actor.id : null,
      opened_by_label: actorLabel(actor),
      opened_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('proposals')
    .set({ status: 'open', updated_at: now })
    .where('id', '=', proposalId)
    .execute();
  await publish(trx, 'decisions.procedure_opened', {
    procedureId: procedure.id,
    proposalId,
    procedureKind: procedure.kind,
    deadline: procedure.deadline,
    at: now,
    actorId: actor.kind === 'person' ? actor.id : null,
  });
  await appendEntry(trx, actor, {
    action: 'procedure.opened',
    subjectType: 'procedure',
    subjectId: procedure.id,
    payload: {
      proposalId,
      version: versionNumber,
      kind: input.kind,
      rule,
      eligible,
      points,
      deadline,
      extensionHours: input.extensionHours ?? null,
    },
    classification: row.classification,
    audience: eligible,
  });
  await notifyProcedures(trx, procedure.id);
  return procedure;
}

/** Whether every participating state has answered every point (not counting excluded parties). */
export function everyoneAnswered(
  proc: Pick<ProcedureRow, 'eligible' | 'points' | 'rule'>,
  stances: { point: string; state_code: string }[],
): boolean {
  const excluded = new Set((proc.rule as Rule).excludedParties);
  const answered = new Set(stances.map((s) => `${s.point}/${s.state_code.trim()}`));
  return proc.points.every((point) =>
    proc.eligible.every((state) => excluded.has(state) || answered.has(`${point}/${state}`)),
  );
}

/**
 * When the chair may close an open procedure: a meeting consensus at any time; any
 * procedure once its deadline has passed; a written procedure or a vote once every state
 * answered. A silence procedure only closes at its expiry.
 */
export function closableNow(
  proc: Pick<ProcedureRow, 'kind' | 'deadline' | 'status'>,
  allAnswered: boolean,
  now: Date,
): boolean {
  if (proc.status !== 'open') return false;
  if (proc.kind === 'meeting_consensus') return true;
  if (proc.deadline && proc.deadline.getTime() <= now.getTime()) return true;
  return proc.kind !== 'silence' && allAnswered;
}

/**
 * The chair closes a procedure. At a meeting the chair first records, point by point, the
 * states that objected (as their `object` stances, given by the chair); the outcome is
 * then computed and recorded exactly as at a deadline.
 */
export async function closeProcedure(
  trx: Db,
  actor: Actor,
  id: string,
  input: CloseProcedureInput,
  now = new Date(),
): Promise<Closing> {
  const loaded = await loadProcedure(trx, actor, id, { forUpdate: true });
  const { row } = loaded;
  authorize(actor, 'close', 'procedure', loaded.subject);
  if (row.status !== 'open') throw conflict('the procedure is already closed');
  if (input.objections.length && row.kind !== 'meeting_consensus')
    throw invalid('objections', 'only a meeting consensus takes objections from the chair');
  const stances = await currentStances(trx, id);
  if (!closableNow(row, everyoneAnswered(row, stances), now)) {
    throw conflict(
      row.kind === 'silence'
        ? `a silence procedure closes at its expiry (${row.deadline?.toISOString()})`
        : `states have not all answered and the deadline (${row.deadline?.toISOString()}) has not passed`,
      'deadline',
    );
  }
  if (input.objections.length) {
    for (const [i, o] of input.objections.entries()) {
      if (!row.points.includes(o.point))
        throw invalid(`objections.${i}.point`, `no point ${o.point} in this procedure`);
      for (const [j, state] of o.states.entries())
        if (!row.eligible.includes(state))
          throw invalid(`objections.${i}.states.${j}`, `${state} is not a party to this procedure`);
    }
    for (const o of input.objections)
      for (const state of o.states)
        await recordStances(
          trx,
          actor,
          loaded,
          state,
          [
            {
              point: o.point,
              kind: 'object',
              text: o.text ?? 'objection recorded by the chair at the meeting',
            },
          ],
          now,
        );
  }
  return recordOutcome(trx, actor, row, now);
}
