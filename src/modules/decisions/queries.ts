import type { Actor } from '../../core/actor.ts';
import { invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { authorize, decisionsVisibleTo, proposalsVisibleTo } from '../../policy/index.ts';
import { listProposalAttachments } from './attachments.ts';
import { currentStances } from './closing.ts';
import { getVersionRow, loadProcedureView, loadProposal, type ProcedureView } from './load.ts';
import type { DecisionSubject } from './policy.ts';
import { everyoneAnswered } from './procedures.ts';
import type { ListProposalsQuery } from './schema.ts';
import { contextOf, loadPolicyContext, policyContextColumns, proposalSubject } from './subjects.ts';

const DAY_MS = 24 * 3_600_000;

/** `%` and `_` typed by a person are meant literally. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The proposals the actor may read, filtered and paged, each with its open procedure and
 * its decision if any. Scoped in SQL by the same rule as `proposal.read`.
 */
export async function listProposals(db: Db, actor: Actor, q: ListProposalsQuery, now = new Date()) {
  let query = db
    .selectFrom('proposals')
    .leftJoin('procedures as op', (join) =>
      join.onRef('op.proposal_id', '=', 'proposals.id').on('op.status', '=', 'open'),
    )
    .leftJoin('decisions as d', 'd.proposal_id', 'proposals.id')
    .selectAll('proposals')
    .select([
      'op.id as procedure_id',
      'op.kind as procedure_kind',
      'op.deadline as deadline',
      'd.id as decision_id',
      'd.number as decision_number',
      'd.year as decision_year',
    ])
    .where(proposalsVisibleTo(actor));
  switch (q.view) {
    case 'open':
      query = query.where('proposals.status', '=', 'open');
      break;
    case 'closing_soon':
      query = query
        .where('proposals.status', '=', 'open')
        .where('op.deadline', '>', now)
        .where('op.deadline', '<=', new Date(now.getTime() + DAY_MS));
      break;
    case 'adopted':
      query = query.where('proposals.status', 'in', ['adopted', 'partially_adopted']);
      break;
    case 'not_adopted':
      query = query.where('proposals.status', '=', 'not_adopted');
      break;
    case 'drafts':
      query = query.where('proposals.status', '=', 'draft');
      break;
  }
  if (q.body) query = query.where('proposals.body_code', '=', q.body);
  if (q.status) query = query.where('proposals.status', '=', q.status);
  if (q.priority) query = query.where('proposals.priority_code', '=', q.priority);
  if (q.state) query = query.where('proposals.author_state', '=', q.state);
  if (q.q) query = query.where('proposals.title', 'ilike', likePattern(q.q));
  query =
    q.view === 'open' || q.view === 'closing_soon'
      ? query.orderBy('op.deadline', (ob) => ob.asc().nullsLast())
      : query.orderBy('proposals.updated_at', 'desc');
  const rows = await query
    .orderBy('proposals.id')
    .limit(q.limit + 1)
    .offset(q.offset)
    .execute();
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  return { items, nextOffset: more ? q.offset + q.limit : null, ctx: await loadPolicyContext(db) };
}
export type ProposalListRow = Awaited<ReturnType<typeof listProposals>>['items'][number];

/** One proposal with its versions, procedures and decision; 404 unless the actor may read it. */
export async function getProposalView(db: Db, actor: Actor, id: string) {
  const loaded = await loadProposal(db, actor, id);
  const [version, versions, procedures, decision, attachments] = await Promise.all([
    getVersionRow(db, id, loaded.row.latest_version),
    db
      .selectFrom('proposal_versions')
      .select([
        'version',
        'origin',
        'origin_state',
        'origin_procedure_id',
        'created_by_label',
        'created_at',
        'title',
      ])
      .where('proposal_id', '=', id)
      .orderBy('version')
      .execute(),
    db.selectFrom('procedures').selectAll().where('proposal_id', '=', id).orderBy('opened_at').execute(),
    db
      .selectFrom('decisions')
      .select(['id', 'number', 'year'])
      .where('proposal_id', '=', id)
      .orderBy('adopted_at', 'desc')
      .executeTakeFirst(),
    listProposalAttachments(db, id),
  ]);
  const open = procedures.find((p) => p.status === 'open') ?? null;
  const allAnswered = open ? everyoneAnswered(open, await currentStances(db, open.id)) : false;
  return {
    ...loaded,
    version,
    versions,
    procedures,
    open,
    allAnswered,
    decision: decision ?? null,
    attachments,
  };
}
export type ProposalView = Awaited<ReturnType<typeof getProposalView>>;

/** One version of a proposal the actor may read. */
export async function getVersion(db: Db, actor: Actor, id: string, version: number) {
  await loadProposal(db, actor, id);
  return getVersionRow(db, id, version);
}

/**
 * Two versions to compare: by default the latest and the one before it. 400 naming `from`
 * or `to` when the proposal has no such version.
 */
export async function getVersionPair(db: Db, actor: Actor, id: string, pick: { from?: number; to?: number }) {
  const { row } = await loadProposal(db, actor, id);
  const to = pick.to ?? row.latest_version;
  const from = pick.from ?? Math.max(to - 1, 1);
  for (const [field, v] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (v > row.latest_version)
      throw invalid(field, `the proposal has no version ${v} (latest: ${row.latest_version})`);
  return Promise.all([getVersionRow(db, id, from), getVersionRow(db, id, to)]);
}

/** A procedure with its stance board: every stance ever given, current ones unsuperseded. One query. */
export function getProcedureView(db: Db, actor: Actor, id: string): Promise<ProcedureView> {
  return loadProcedureView(db, actor, id);
}
export type { ProcedureView };

const decisionColumns = [
  'decisions.id',
  'decisions.procedure_id',
  'decisions.proposal_id',
  'decisions.year',
  'decisions.number',
  'decisions.title',
  'decisions.result',
  'decisions.adopted_at',
  // The entry that published it, once it has its place (null while pending).
  'ledger_entries.seq as record_seq',
  'ledger_entries.hash as record_hash',
  'proposals.body_code',
  'proposals.classification',
] as const;

/**
 * Adopted decisions the actor may read, newest number first. Scoped in SQL by the same rule
 * as `decision.read` (observers and partners: the published ones).
 */
export async function listDecisions(
  db: Db,
  actor: Actor,
  q: { year?: number; body?: string; limit: number; offset: number },
) {
  let query = db
    .selectFrom('decisions')
    .innerJoin('proposals', 'proposals.id', 'decisions.proposal_id')
    .leftJoin('ledger_entries', 'ledger_entries.record_id', 'decisions.record_id')
    .select(decisionColumns)
    .where(decisionsVisibleTo(actor));
  if (q.year) query = query.where('decisions.year', '=', q.year);
  if (q.body) query = query.where('proposals.body_code', '=', q.body);
  const rows = await query
    .orderBy('decisions.year', 'desc')
    .orderBy('decisions.number', 'desc')
    .limit(q.limit + 1)
    .offset(q.offset)
    .execute();
  const more = rows.length > q.limit;
  return { items: rows.slice(0, q.limit), nextOffset: more ? q.offset + q.limit : null };
}

/**
 * One decision with its text, statements and stances, and what the policy sees of it; 404
 * unless the actor may read it (`decision.read`: its proposal's readers, and observers and
 * partners once it is published).
 */
export async function getDecision(db: Db, actor: Actor, id: string) {
  const found = await db
    .selectFrom('decisions')
    .innerJoin('proposals', 'proposals.id', 'decisions.proposal_id')
    .innerJoin('procedures', 'procedures.id', 'decisions.procedure_id')
    .leftJoin('ledger_entries', 'ledger_entries.record_id', 'decisions.record_id')
    .select([
      ...decisionColumns,
      'procedures.kind as procedure_kind',
      'decisions.text',
      'decisions.points',
      'decisions.statements',
      'decisions.stances',
      'proposals.author_state',
      policyContextColumns.bodyStates.as('policy_body_states'),
      policyContextColumns.presidencyState.as('policy_presidency_state'),
    ])
    .where('decisions.id', '=', id)
    .executeTakeFirst();
  if (!found) throw notFound('decision');
  const { policy_body_states, policy_presidency_state, author_state, ...row } = found;
  const ctx = contextOf(row.body_code, policy_body_states, policy_presidency_state);
  const subject: DecisionSubject = {
    proposal: proposalSubject(ctx, { ...row, author_state }),
    result: row.result,
  };
  authorize(actor, 'read', 'decision', subject);
  return { ...row, subject };
}
export type DecisionView = Awaited<ReturnType<typeof getDecision>>;
