import { conflict } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { authorize } from '../../../policy/index.ts';
import { type AttachmentRoutes, listAttachments } from '../../attachments/index.ts';
import { audienceOf, type LoadedRequest, loadRequest } from '../load.ts';

/** Files change while the request is alive: not once it is denied or withdrawn. */
function checkOpen(loaded: LoadedRequest) {
  if (loaded.row.status === 'denied' || loaded.row.status === 'withdrawn')
    throw conflict(`the request is ${loaded.row.status}: its attachments can no longer change`);
}

/**
 * A clearance request carries files (a movement order, a cargo manifest, a map) through the
 * shared attachments module: its requester adds and removes them while the request is alive,
 * every state on the route reads them.
 */
export const requestAttachments: AttachmentRoutes = {
  subjectType: 'clearance_request',
  actions: { added: 'clearance.attachment_added', removed: 'clearance.attachment_removed' },
  basePath: '/api/clearances/{id}',
  noun: 'clearance request',
  tags: ['Clearances'],
  when: 'while it is neither denied nor withdrawn (the requester; every state on the route reads it)',
  read: (db, actor, id) => loadRequest(db, actor, id),
  async write(trx, actor, id) {
    const loaded = await loadRequest(trx, actor, id, { forUpdate: true });
    authorize(actor, 'edit', 'clearanceRequest', loaded.subject, 'clearance request');
    checkOpen(loaded);
    return {
      classification: loaded.row.classification,
      audience: audienceOf(loaded.subject),
      payload: { reference: loaded.row.reference },
    };
  },
};

/** A request's files without their bytes, oldest first. Call after checking the request is visible. */
export const listClearanceAttachments = (db: Db, id: string) => listAttachments(db, 'clearance_request', id);
