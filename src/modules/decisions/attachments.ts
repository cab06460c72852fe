import { conflict } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { authorize } from '../../policy/index.ts';
import { type AttachmentInfo, type AttachmentRoutes, listAttachments } from '../attachments/index.ts';
import { isDecided, type LoadedProposal, loadProposal } from './load.ts';
import { audienceOf } from './subjects.ts';

/** Attachments change only while the text may: the proposal is neither open nor decided. */
function checkNotFrozen(proposal: LoadedProposal) {
  if (isDecided(proposal.row))
    throw conflict('the proposal has been decided; its attachments can no longer change');
  if (proposal.row.status === 'open')
    throw conflict('a procedure is open on this proposal: its attachments are frozen');
}

/**
 * A proposal carries files through the shared attachments module: whoever may edit the
 * proposal adds and removes them before a procedure opens; whoever reads it downloads them.
 */
export const proposalAttachments: AttachmentRoutes = {
  subjectType: 'proposal',
  actions: { added: 'proposal.attachment_added', removed: 'proposal.attachment_removed' },
  basePath: '/api/proposals/{id}',
  noun: 'proposal',
  tags: ['Decisions'],
  when: 'before a procedure opens (whoever may edit it)',
  read: (db, actor, id) => loadProposal(db, actor, id),
  async write(trx, actor, id) {
    const proposal = await loadProposal(trx, actor, id, { forUpdate: true });
    authorize(actor, 'edit', 'proposal', proposal.subject);
    checkNotFrozen(proposal);
    return { classification: proposal.row.classification, audience: audienceOf(proposal.subject) };
  },
};

/** A proposal's files without their bytes, oldest first. Call after checking the proposal is visible. */
export const listProposalAttachments = (db: Db, id: string): Promise<AttachmentInfo[]> =>
  listAttachments(db, 'proposal', id);
