import type { Actor } from '../../core/actor.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { ProcedureRow, ProposalRow, ProposalVersionRow } from '../../db/schema.ts';
import { authorize, type ProcedureSubject, type ProposalSubject } from '../../policy/index.ts';
import { loadPolicyContext, loadProcedureSubject, type PolicyContext, proposalSubject } from './subjects.ts';

/** A proposal loaded for a command, with what the policy sees of it. */
export interface LoadedProposal {
  row: ProposalRow;
  subject: ProposalSubject;
  ctx: PolicyContext;
}

/** Loads a proposal (locked when writing) and answers 404 unless the actor may read it. */
export async function loadProposal(
  trx: Db,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedProposal> {
  let query = trx.selectFrom('proposals').selectAll().where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('proposal');
  const ctx = await loadPolicyContext(trx);
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

/** Loads a procedure (locked when writing); 404 unless the actor may read its proposal. */
export async function loadProcedure(
  trx: Db,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedProcedure> {
  let query = trx.selectFrom('procedures').selectAll().where('id', '=', id);
  if (opts.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('procedure');
  // A procedure is as visible as its proposal, and says so in its own name.
  const proposal = await loadProposal(trx, actor, row.proposal_id).catch((err) => {
    throw err instanceof AppError && err.code === 'not_found' ? notFound('procedure') : err;
  });
  const subject = await loadProcedureSubject(trx, proposal.ctx, proposal.row, row);
  return { row, proposal, subject };
}
