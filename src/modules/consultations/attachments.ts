import { authorize } from '../../policy/index.ts';
import type { AttachmentRoutes } from '../attachments/index.ts';
import { checkOpen } from './commands.ts';
import { audienceOf, loadConsultation } from './load.ts';

/**
 * A consultation's documents, through the shared attachments module: any participant adds
 * and removes them while the talks are open; only the participants read them (404 for
 * everyone else, as the consultation itself).
 */
export const consultationAttachments: AttachmentRoutes = {
  subjectType: 'consultation',
  actions: { added: 'consultation.attachment_added', removed: 'consultation.attachment_removed' },
  basePath: '/api/consultations/{id}',
  noun: 'consultation',
  tags: ['Consultations'],
  when: 'while it is open (its participants; nobody else reads it)',
  read: (db, actor, id) => loadConsultation(db, actor, id),
  async write(trx, actor, id) {
    const loaded = await loadConsultation(trx, actor, id, { forUpdate: true });
    checkOpen(loaded.row);
    authorize(actor, 'attach', 'consultation', loaded.subject, 'consultation');
    return {
      classification: loaded.row.classification,
      audience: audienceOf(loaded.subject),
      payload: { reference: loaded.row.reference },
    };
  },
};
