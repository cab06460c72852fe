import { type Actor, actorLabel } from '../../../core/actor.ts';
import { conflict, invalid } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { ClearanceLegRow } from '../../../db/schema.ts';
import { authorize } from '../../../policy/index.ts';
import { appendEntry } from '../../ledger/index.ts';
import { publishClearanceEvent } from '../events.ts';
import {
  addLegEvent,
  audienceOf,
  eventBase,
  type LegRequest,
  type LoadedRequest,
  legColumns,
  legOf,
  legSubject,
  loadLegRequest,
  loadPoints,
  loadRequest,
  nextNumber,
  notifyClearances,
  trimState,
} from '../load.ts';
import { applyLegEvent, type Leg, type LegEvent, TransitionRefused } from '../machine.ts';
import type { AcceptConditionsInput, DecideLegInput } from '../schema.ts';
import { recordSettled, settleRequest } from './opening.ts';
import { lockForOutcome, updateLeg } from './settling.ts';

/** The machine's step, with a refusal answered 409 and its reason. */
function step(leg: ClearanceLegRow, event: LegEvent): Leg {
  try {
    return applyLegEvent(legOf(leg), event);
  } catch (err) {
    if (err instanceof TransitionRefused) throw conflict(err.message, 'decision');
    throw err;
  }
}

function requireOpenRequest(loaded: Pick<LoadedRequest, 'row'>) {
  const { status } = loaded.row;
  if (status !== 'pending' && status !== 'awaiting_acceptance')
    throw conflict(`the request is ${status}: its legs are not open`);
}

/** Record entries about one leg are read by the requester and the leg's state (and the secretariat). */
const legEntry = (loaded: LegRequest, state: string) => ({
  classification: loaded.row.classification,
  audience: [...new Set([loaded.subject.requestingState, state])],
});

const replaceLeg = (legs: ClearanceLegRow[], leg: ClearanceLegRow) =>
  legs.map((l) => (l.id === leg.id ? leg : l));

async function checkConditionPoints(trx: Db, input: DecideLegInput) {
  if (!input.conditions.some((c) => c.point)) return;
  const points = await loadPoints(trx);
  input.conditions.forEach((c, i) => {
    if (c.point && !points.has(c.point))
      throw invalid(`conditions.${i}.point`, `${c.point} is not a known crossing point`);
  });
}

async function writeDecision(
  trx: Db,
  actor: Actor,
  loaded: LegRequest,
  row: ClearanceLegRow,
  state: string,
  input: DecideLegInput,
  how: 'state' | 'secretariat',
  now: Date,
) {
  const approve = input.decision !== 'deny';
  const leg = step(row, {
    kind: how === 'state' ? 'decide' : 'secretariat',
    at: now,
    approve,
    conditions: input.conditions,
  });
  await checkConditionPoints(trx, input);
  const clearanceNumber = input.clearanceNumber ?? (await nextNumber(trx, `${state}-CLR`, now));
  const updated = await updateLeg(trx, row, {
    ...legColumns(leg),
    decided_by_label: actorLabel(actor),
    clearance_number: clearanceNumber,
    reason: input.reason ?? null,
    internal_note: how === 'state' ? (input.internalNote ?? null) : row.internal_note,
  });
  await addLegEvent(
    trx,
    row.id,
    'decided',
    actorLabel(actor),
    now,
    {
      decision: input.decision,
      how,
      clearanceNumber,
      conditions: input.conditions,
      reason: input.reason ?? null,
    },
    { sentWithCommit: true },
  );
  await publishClearanceEvent(trx, {
    kind: 'leg_decided',
    ...eventBase(loaded.row, replaceLeg(loaded.legs, updated), now, actor),
    state,
    legId: row.id,
    outcome: approve ? (input.conditions.length ? 'approved_with_conditions' : 'approved') : 'denied',
    how,
    clearanceNumber,
  });
  // The last step before COMMIT: the request's row lock, and its legs as every decision that
  // locked before this one left them (legs/settling.ts).
  const { request, legs } = await lockForOutcome(trx, loaded.row.id, now);
  // A denial (or silence meaning refusal) on another leg committed since this one read it.
  requireOpenRequest({ row: request });
  const settled = await settleRequest(trx, request, legs, now, { touched: true });
  const entry = legEntry(loaded, state);
  await appendEntry(trx, actor, {
    action: how === 'state' ? 'clearance.leg_decided' : 'clearance.leg_escalation_decided',
    subjectType: 'clearance_request',
    subjectId: loaded.row.id,
    payload: {
      reference: loaded.row.reference,
      version: updated.version,
      state,
      decision: input.decision,
      clearanceNumber,
      conditions: input.conditions,
      reason: input.reason ?? null,
      status: settled.status,
    },
    ...entry,
  });
  await recordSettled(trx, actor, settled, legs, {
    classification: loaded.row.classification,
    audience: audienceOf(loaded.subject),
  });
  return { request: settled.request, legs };
}

/** The request and its legs as a leg command committed them: what its answer shows. */
export type LegOutcome = Awaited<ReturnType<typeof writeDecision>>;

/**
 * A state decides its leg: approve, approve with conditions, or deny with a reason; with its
 * clearance number (the next of its series, `KZ-CLR-2026-0042`, when not given). Refused:
 * a caller who cannot see the request (404), a state with no leg on the route (404), a
 * person who does not decide for that state (403), a closed window or a decided leg (409).
 * Decisions on the other legs of the request go on at the same time: this one waits only for
 * a request-wide command and, at its last step, for the others' COMMITs (legs/settling.ts).
 */
export async function decideLeg(
  trx: Db,
  actor: Actor,
  id: string,
  state: string,
  input: DecideLegInput,
  now?: Date,
) {
  return (await decideLegOutcome(trx, actor, id, state, input, now)).request;
}

/** `decideLeg`, answering the request with its legs as the decision committed them. */
export async function decideLegOutcome(
  trx: Db,
  actor: Actor,
  id: string,
  state: string,
  input: DecideLegInput,
  now?: Date,
): Promise<LegOutcome> {
  const loaded = await loadLegRequest(trx, actor, id);
  const { leg, subject } = await legSubject(trx, loaded, state);
  authorize(actor, 'decide', 'clearanceLeg', subject, 'leg');
  requireOpenRequest(loaded);
  return writeDecision(trx, actor, loaded, leg, state, input, 'state', now ?? new Date());
}

/** The secretariat decides a leg that escalated when its window closed in silence. */
export async function decideEscalated(
  trx: Db,
  actor: Actor,
  id: string,
  state: string,
  input: DecideLegInput,
  now?: Date,
) {
  return (await decideEscalatedOutcome(trx, actor, id, state, input, now)).request;
}

/** `decideEscalated`, answering the request with its legs as the decision committed them. */
export async function decideEscalatedOutcome(
  trx: Db,
  actor: Actor,
  id: string,
  state: string,
  input: DecideLegInput,
  now?: Date,
): Promise<LegOutcome> {
  const loaded = await loadLegRequest(trx, actor, id);
  const { leg, subject } = await legSubject(trx, loaded, state);
  authorize(actor, 'decideEscalated', 'clearanceLeg', subject, 'leg');
  requireOpenRequest(loaded);
  return writeDecision(trx, actor, loaded, leg, state, input, 'secretariat', now ?? new Date()); // as in decideLeg
}

/** A state asks the requester for more information: its clock pauses until the answer. */
export async function askInfo(
  trx: Db,
  actor: Actor,
  id: string,
  state: string,
  input: { question: string },
  now = new Date(),
) {
  const loaded = await loadRequest(trx, actor, id, { forUpdate: true });
  const { leg: row, subject } = await legSubject(trx, loaded, state);
  authorize(actor, 'askInfo', 'clearanceLeg', subject, 'leg');
  requireOpenRequest(loaded);
  return writeInfoStep(trx, actor, loaded, row, state, now, {
    step: 'ask_info',
    event: 'info_requested',
    action: 'clearance.info_requested',
    details: { question: input.question },
  });
}

/** The requester answers a state's question: that state's window runs again, moved by the pause. */
export async function giveInfo(
  trx: Db,
  actor: Actor,
  id: string,
  state: string,
  input: { answer: string },
  now = new Date(),
) {
  const loaded = await loadRequest(trx, actor, id, { forUpdate: true });
  const { leg: row } = await legSubject(trx, loaded, state);
  authorize(actor, 'giveInfo', 'clearanceRequest', loaded.subject, 'clearance request');
  requireOpenRequest(loaded);
  return writeInfoStep(trx, actor, loaded, row, state, now, {
    step: 'give_info',
    event: 'info_given',
    action: 'clearance.info_given',
    details: { answer: input.answer },
  });
}

/**
 * A question asked or answered: the leg's clock pauses or runs again (moved by the pause),
 * the history, the news and the record say so.
 */
async function writeInfoStep(
  trx: Db,
  actor: Actor,
  loaded: Awaited<ReturnType<typeof loadRequest>>,
  row: ClearanceLegRow,
  state: string,
  now: Date,
  what: {
    step: 'ask_info' | 'give_info';
    event: 'info_requested' | 'info_given';
    action: 'clearance.info_requested' | 'clearance.info_given';
    details: { question: string } | { answer: string };
  },
) {
  const leg = step(row, { kind: what.step, at: now });
  const updated = await trx
    .updateTable('clearance_legs')
    .set(legColumns(leg))
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const dueAt = what.step === 'give_info' ? { dueAt: leg.dueAt?.toISOString() ?? null } : {};
  await addLegEvent(trx, row.id, what.event, actorLabel(actor), now, { ...what.details, ...dueAt });
  await publishClearanceEvent(trx, {
    kind: 'leg_decided',
    ...eventBase(loaded.row, loaded.legs, now, actor),
    state,
    legId: row.id,
    outcome: what.event,
    how: null,
    clearanceNumber: null,
  });
  await notifyClearances(trx, loaded.row.id);
  await appendEntry(trx, actor, {
    action: what.action,
    subjectType: 'clearance_request',
    subjectId: loaded.row.id,
    payload: {
      reference: loaded.row.reference,
      state,
      ...what.details,
      ...(what.step === 'give_info' ? { dueAt: leg.dueAt } : {}),
    },
    ...legEntry(loaded, state),
  });
  return { request: loaded.row, leg: updated };
}

/**
 * The requester accepts the conditions of the named states' legs, or of every leg with
 * conditions not yet accepted; once every condition is accepted and every leg approved the
 * request is cleared.
 */
export async function acceptConditions(
  trx: Db,
  actor: Actor,
  id: string,
  input: AcceptConditionsInput,
  at?: Date,
) {
  const loaded = await loadRequest(trx, actor, id, { forUpdate: true });
  const now = at ?? new Date(); // under the lock, as in decideLeg
  authorize(actor, 'acceptConditions', 'clearanceRequest', loaded.subject, 'clearance request');
  requireOpenRequest(loaded);
  const waiting = loaded.legs.filter(
    (l) => l.status === 'approved' && (l.conditions as unknown[] | null)?.length && !l.conditions_accepted_at,
  );
  const states = input.states ?? waiting.map((l) => trimState(l.state_code));
  states.forEach((s, i) => {
    if (!waiting.some((l) => trimState(l.state_code) === s))
      throw invalid(`states.${i}`, `${s} has no approved leg with conditions waiting for acceptance`);
  });
  if (states.length === 0) throw conflict('no conditions are waiting for acceptance');
  let legs = loaded.legs;
  for (const row of waiting.filter((l) => states.includes(trimState(l.state_code)))) {
    const leg = step(row, { kind: 'accept_conditions', at: now });
    const updated = await trx
      .updateTable('clearance_legs')
      .set({ ...legColumns(leg), conditions_accepted_by_label: actorLabel(actor) })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await addLegEvent(trx, row.id, 'conditions_accepted', actorLabel(actor), now);
    legs = replaceLeg(legs, updated);
  }
  const settled = await settleRequest(trx, loaded.row, legs, now);
  const entry = {
    classification: loaded.row.classification,
    audience: audienceOf(loaded.subject),
  };
  await appendEntry(trx, actor, {
    action: 'clearance.conditions_accepted',
    subjectType: 'clearance_request',
    subjectId: id,
    payload: { reference: loaded.row.reference, states, status: settled.status },
    ...entry,
  });
  await recordSettled(trx, actor, settled, legs, entry);
  return settled.request;
}
