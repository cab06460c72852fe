import type { Actor } from '../../core/actor.ts';
import { systemActor } from '../../core/actor.ts';
import type { EventSubscriptions } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import type { ProcedureRow } from '../../db/schema.ts';
import { can } from '../../policy/index.ts';
import { emit, recipients } from '../notifications/index.ts';
import type { ProcedureClosed, ProcedureOpened, SilenceBroken } from './events.ts';
import type { ProcedureSubject, ProposalSubject } from './policy.ts';
import { loadPolicyContext, proposalSubject } from './subjects.ts';

// Who hears of a procedure: the decisions engine publishes its events (events.ts) and these
// subscribers, in the same transaction, pick the people the policy lets read the proposal
// (or answer it) and write their notifications through the notifications module.

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
/** The person whose action caused the event is not told of it; the system is nobody. */
const causeOf = (actorId: string | null): Actor | { kind: 'person'; id: string } =>
  actorId ? { kind: 'person', id: actorId } : systemActor('decisions');

/** A procedure's notifications are about its proposal (the procedure's id is in the details). */
const aboutProposal = (proposalId: string) => ({ subjectType: 'proposal', subjectId: proposalId });

async function loadProposal(trx: Db, proposalId: string): Promise<ProposalSubject> {
  const row = await trx
    .selectFrom('proposals')
    .selectAll()
    .where('id', '=', proposalId)
    .executeTakeFirstOrThrow();
  return proposalSubject(await loadPolicyContext(trx), row);
}

/**
 * A procedure opened: to the people of the body's delegations who may read the proposal,
 * which takes in every eligible state's head of delegation and authorised delegates.
 */
async function onProcedureOpened(trx: Db, e: ProcedureOpened) {
  const proposal = await loadProposal(trx, e.proposalId);
  const eligible = await trx
    .selectFrom('procedures')
    .select('eligible')
    .where('id', '=', e.procedureId)
    .executeTakeFirstOrThrow();
  const states = [...new Set([...proposal.bodyStates, ...eligible.eligible])];
  const people = await recipients(
    trx,
    'procedure_opened',
    { states, secretariat: false },
    (person) => can(person, 'read', 'proposal', proposal),
    causeOf(e.actorId),
  );
  await emit(trx, people, {
    kind: 'procedure_opened',
    ...aboutProposal(e.proposalId),
    key: `${e.procedureId}:${e.at.toISOString()}`,
    details: { procedureId: e.procedureId, procedureKind: e.procedureKind, deadline: iso(e.deadline) },
    at: e.at,
  });
}

/** A state broke silence (an objection or a proposed amendment): to everyone who can read the proposal. */
async function onSilenceBroken(trx: Db, e: SilenceBroken) {
  const proposal = await loadProposal(trx, e.proposalId);
  const procedure = await trx
    .selectFrom('procedures')
    .select(['kind', 'deadline'])
    .where('id', '=', e.procedureId)
    .executeTakeFirstOrThrow();
  const people = await recipients(
    trx,
    'silence_broken',
    { states: proposal.bodyStates, secretariat: true },
    (person) => can(person, 'read', 'proposal', proposal),
    causeOf(e.actorId),
  );
  await emit(trx, people, {
    kind: 'silence_broken',
    ...aboutProposal(e.proposalId),
    key: `${e.procedureId}/${e.state}:${e.at.toISOString()}`,
    details: {
      procedureId: e.procedureId,
      procedureKind: procedure.kind,
      deadline: iso(procedure.deadline),
      state: e.state,
      stanceKind: e.stanceKind,
      points: e.points,
    },
    at: e.at,
  });
}

/** A procedure closed with its outcome: to everyone who can read the proposal. */
async function onProcedureClosed(trx: Db, e: ProcedureClosed) {
  const proposal = await loadProposal(trx, e.proposalId);
  const people = await recipients(
    trx,
    'outcome',
    { states: proposal.bodyStates, secretariat: true },
    (person) => can(person, 'read', 'proposal', proposal),
    causeOf(e.actorId),
  );
  await emit(trx, people, {
    kind: 'outcome',
    ...aboutProposal(e.proposalId),
    key: `${e.procedureId}:${e.at.toISOString()}`,
    details: { procedureId: e.procedureId, procedureKind: e.procedureKind, result: e.result },
    at: e.at,
  });
}

/** The decisions module's own subscriptions: its events, worded as notifications. */
export const decisionNotices: EventSubscriptions = {
  'decisions.procedure_opened': onProcedureOpened,
  'decisions.silence_broken': onSilenceBroken,
  'decisions.procedure_closed': onProcedureClosed,
};

/**
 * A deadline is near: to the heads of delegation and authorised delegates of the states
 * that have not answered, each only if the policy lets them answer (the reminder runner).
 */
export async function notifyDeadlineNear(
  trx: Db,
  actor: Actor,
  kind: 'deadline_24h' | 'deadline_1h',
  procedure: ProcedureRow,
  subject: ProcedureSubject,
  notAnswered: string[],
  instant: Date,
  now: Date,
) {
  const people = await recipients(
    trx,
    kind,
    { states: notAnswered, secretariat: false },
    (person) => can(person, 'giveStance', 'procedure', subject),
    actor,
  );
  return emit(trx, people, {
    kind,
    ...aboutProposal(procedure.proposal_id),
    key: `${procedure.id}:${instant.toISOString()}`,
    details: { procedureId: procedure.id, procedureKind: procedure.kind, deadline: iso(procedure.deadline) },
    at: now,
  });
}
