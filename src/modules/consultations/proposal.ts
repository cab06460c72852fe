import { type Actor, accessLevelName, classificationOf } from '../../core/actor.ts';
import { conflict, invalid } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { authorize } from '../../policy/index.ts';
import { createProposal } from '../decisions/index.ts';
import { appendEntry } from '../ledger/index.ts';
import { agreedPoints } from './commands.ts';
import { audienceOf, loadConsultation } from './load.ts';
import type { MakeProposalInput } from './schema.ts';

/**
 * Turns a concluded consultation's outcome into a proposal of the decisions module, in one
 * action: the outcome is its text (headed by the consultation's reference, the link the
 * proposal keeps), the agreed points its points, on the body the caller names, classified at
 * least as the consultation. The consultation keeps the proposal's id (`proposalId`), once.
 *
 * This is the one step that lets the talks' result out of the consultation: the proposal is
 * read by the body's states, as every proposal is. The convener or facilitator takes it.
 */
export async function makeProposal(
  trx: Db,
  actor: Actor,
  id: string,
  input: MakeProposalInput,
  now = new Date(),
) {
  const loaded = await loadConsultation(trx, actor, id, { forUpdate: true });
  const { row } = loaded;
  if (row.proposal_id) throw conflict('a proposal was already made from this consultation', 'proposalId');
  if (row.status !== 'concluded')
    throw conflict(`the consultation is ${row.status}: only a concluded one becomes a proposal`, 'status');
  authorize(actor, 'makeProposal', 'consultation', loaded.subject, 'consultation');
  const classification = input.classification ? classificationOf(input.classification) : row.classification;
  if (classification < row.classification)
    throw invalid(
      'classification',
      `must be at least the consultation's (${accessLevelName(row.classification)})`,
    );
  const points = await agreedPoints(trx, loaded);
  if (points.length === 0)
    throw conflict('no point was agreed by every state: there is nothing to propose', 'points');
  const states = loaded.subject.states.join(', ');
  const concluded = row.concluded_at ? new Date(row.concluded_at).toISOString().slice(0, 10) : '';
  const proposal = await createProposal(trx, actor, {
    body: input.body,
    title: input.title ?? row.title,
    text: `Outcome of consultation ${row.reference} (${states}), concluded ${concluded}.\n\n${row.outcome ?? ''}`,
    classification: accessLevelName(classification),
    priority: null,
    points: points.map((p) => ({ text: p.text })),
  });
  const updated = await trx
    .updateTable('consultations')
    .set({ proposal_id: proposal.id, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = { row: updated, subject: { ...loaded.subject, proposal_id: proposal.id } };
  await appendEntry(trx, actor, {
    action: 'consultation.proposal_made',
    subjectType: 'consultation',
    subjectId: id,
    classification: row.classification,
    audience: audienceOf(after.subject),
    payload: { reference: row.reference, proposalId: proposal.id, body: input.body, points: points.length },
    at: now,
  });
  return { ...after, proposalId: proposal.id };
}
