import { sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { preparedQuery } from '../../db/prepared.ts';
import type { ProcedureRow, ProposalRow, ProposalVersionRow, StanceRow } from '../../db/schema.ts';
import { authorize } from '../../policy/index.ts';
import type { ProcedureSubject, ProposalSubject } from './policy.ts';
import {
  authorisedDelegatesColumn,
  contextOf,
  type PolicyContext,
  policyContextColumns,
  procedureSubject,
  proposalSubject,
} from './subjects.ts';

/** A proposal loaded for a command, with what the policy sees of it. */
export interface LoadedProposal {
  row: ProposalRow;
  subject: ProposalSubject;
  /** The policy context around this proposal (its own body and the presidency). */
  ctx: PolicyContext;
}

/**
 * Loads a proposal (locked when writing) and answers 404 unless the actor may read it.
 * One query: the row and its policy context together.
 */
export async function loadProposal(
  trx: Db,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedProposal> {
  let query = trx
    .selectFrom('proposals')
    .selectAll('proposals')
    .select([
      policyContextColumns.bodyStates.as('policy_body_states'),
      policyContextColumns.presidencyState.as('policy_presidency_state'),
    ])
    .where('proposals.id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  const found = await query.executeTakeFirst();
  if (!found) throw notFound('proposal');
  const { policy_body_states, policy_presidency_state, ...row } = found;
  const ctx = contextOf(row.body_code, policy_body_states, policy_presidency_state);
  const subject = proposalSubject(ctx, row);
  authorize(actor, 'read', 'proposal', subject);
  return { row, subject, ctx };
}

export async function getVersionRow(
  db: Db,
  proposalId: string,
  version: number,
): Promise<ProposalVersionRow> {
  const row = await db
    .selectFrom('proposal_versions')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound('version');
  return row;
}

/** Whether a proposal has reached a decision: its text can no longer change. */
export const isDecided = (row: Pick<ProposalRow, 'status'>) =>
  row.status === 'adopted' || row.status === 'partially_adopted';

/** A procedure loaded for a command, with its proposal and what the policy sees. */
export interface LoadedProcedure {
  row: ProcedureRow;
  proposal: LoadedProposal;
  subject: ProcedureSubject;
}

/** A procedure with what its page shows: the version's title and points, every stance, the decision. */
export interface ProcedureView extends LoadedProcedure {
  version: Pick<ProposalVersionRow, 'title' | 'points'>;
  /** Every stance ever given, oldest first; the current ones are not superseded. */
  history: StanceRow[];
  decision: { id: string; number: number; year: number } | null;
}

/**
 * The procedure row with its proposal's columns (prefixed `proposal_`), the policy context
 * and the authorised delegates: everything `loadProcedure` needs, in one query.
 */
function procedureQuery(db: Db, id: string) {
  return db
    .selectFrom('procedures')
    .innerJoin('proposals', 'proposals.id', 'procedures.proposal_id')
    .selectAll('procedures')
    .select([
      'proposals.body_code as proposal_body_code',
      'proposals.title as proposal_title',
      'proposals.classification as proposal_classification',
      'proposals.author_state as proposal_author_state',
      'proposals.priority_code as proposal_priority_code',
      'proposals.status as proposal_status',
      'proposals.latest_version as proposal_latest_version',
      'proposals.created_by as proposal_created_by',
      'proposals.created_at as proposal_created_at',
      'proposals.updated_at as proposal_updated_at',
      policyContextColumns.bodyStates.as('policy_body_states'),
      policyContextColumns.presidencyState.as('policy_presidency_state'),
      authorisedDelegatesColumn.as('policy_delegates'),
    ])
    .where('procedures.id', '=', id);
}

type ProcedureQueryRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof procedureQuery>['executeTakeFirst']>>
>;

/** Splits a `procedureQuery` row into the procedure and its proposal, and applies the read rule. */
function loadedFrom(actor: Actor, found: ProcedureQueryRow): LoadedProcedure {
  const {
    proposal_body_code,
    proposal_title,
    proposal_classification,
    proposal_author_state,
    proposal_priority_code,
    proposal_status,
    proposal_latest_version,
    proposal_created_by,
    proposal_created_at,
    proposal_updated_at,
    policy_body_states,
    policy_presidency_state,
    policy_delegates,
    ...row
  } = found;
  const proposalRow: ProposalRow = {
    id: row.proposal_id,
    body_code: proposal_body_code,
    title: proposal_title,
    classification: proposal_classification,
    author_state: proposal_author_state,
    priority_code: proposal_priority_code,
    status: proposal_status,
    latest_version: proposal_latest_version,
    created_by: proposal_created_by,
    created_at: proposal_created_at,
    updated_at: proposal_updated_at,
  };
  const ctx = contextOf(proposalRow.body_code, policy_body_states, policy_presidency_state);
  const proposal = { row: proposalRow, subject: proposalSubject(ctx, proposalRow), ctx };
  // A procedure is as visible as its proposal, and says so in its own name.
  try {
    authorize(actor, 'read', 'proposal', proposal.subject);
  } catch (err) {
    throw err instanceof AppError && err.code === 'not_found' ? notFound('procedure') : err;
  }
  return { row, proposal, subject: procedureSubject(proposal.subject, row, policy_delegates) };
}

/**
 * Loads a procedure (locked when writing: the procedure row only) with its proposal and
 * what the policy needs, in one query; 404 unless the actor may read its proposal.
 */
export async function loadProcedure(
  trx: Db,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedProcedure> {
  const found = await (opts.forUpdate ? procedureLocked : procedureRead).takeFirst(trx, id);
  if (!found) throw notFound('procedure');
  return loadedFrom(actor, found);
}

// Every command on a procedure asks one of these: built and compiled once.
const procedureRead = preparedQuery((db, id: string) => procedureQuery(db, id));
const procedureLocked = preparedQuery((db, id: string) => procedureQuery(db, id).forUpdate(['procedures']));

/** A stance as json_agg writes it: timestamps as text. */
export type StanceJson = Omit<StanceRow, 'given_at' | 'superseded_at'> & {
  given_at: string;
  superseded_at: string | null;
};

/** Stances read back from `json_agg`, with their timestamps as dates again. */
export const stancesFromJson = (rows: StanceJson[]): StanceRow[] =>
  rows.map((s) => ({
    ...s,
    given_at: new Date(s.given_at),
    superseded_at: s.superseded_at === null ? null : new Date(s.superseded_at),
  }));

/**
 * `loadProcedure` and, in the same query, what the procedure's page shows: the title and
 * points of its version, its whole stance history and its decision.
 *
 * Locked (`forUpdate`) the history is left empty: the query's snapshot is taken before the
 * lock is granted, so it could miss stances committed while it waited. A command that
 * answers with the page reads the history with its write instead (`recordStances`).
 */
export async function loadProcedureView(
  db: Db,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ProcedureView> {
  const found = await (opts.forUpdate ? procedureViewLocked : procedureViewRead).takeFirst(db, id);
  if (!found) throw notFound('procedure');
  const { view_title, view_points, view_history, view_decision, ...rest } = found;
  const loaded = loadedFrom(actor, rest);
  if (view_title === null || view_points === null) throw notFound('version');
  return {
    ...loaded,
    version: { title: view_title, points: view_points },
    history: stancesFromJson(view_history),
    decision: view_decision,
  };
}

/** `procedureQuery` and the page's columns; locked, the history is left empty (see `loadProcedureView`). */
function procedureViewQuery(db: Db, id: string, forUpdate: boolean) {
  const query = procedureQuery(db, id).select([
    sql<ProposalVersionRow['title'] | null>`(select v.title from proposal_versions v
      where v.proposal_id = procedures.proposal_id and v.version = procedures.version)`.as('view_title'),
    sql<ProposalVersionRow['points'] | null>`(select v.points from proposal_versions v
      where v.proposal_id = procedures.proposal_id and v.version = procedures.version)`.as('view_points'),
    (forUpdate
      ? sql<StanceJson[]>`'[]'::json`
      : sql<StanceJson[]>`coalesce((select json_agg(s order by s.id) from stances s
          where s.procedure_id = procedures.id), '[]')`
    ).as('view_history'),
    sql<ProcedureView['decision']>`(select json_build_object('id', d.id, 'number', d."number", 'year', d.year)
      from decisions d where d.procedure_id = procedures.id)`.as('view_decision'),
  ]);
  return forUpdate ? query.forUpdate(['procedures']) : query;
}

const procedureViewRead = preparedQuery((db, id: string) => procedureViewQuery(db, id, false));
const procedureViewLocked = preparedQuery((db, id: string) => procedureViewQuery(db, id, true));
