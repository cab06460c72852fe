import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { authorize } from '../../policy/index.ts';
import { type AttachmentInfo, type AttachmentRoutes, listAttachments } from '../attachments/index.ts';
import { audienceOf, lockReport, reportSubject } from './commands.ts';
import { getReport } from './queries.ts';

/**
 * A report's files (photographs, statements, a scan of a protocol), through the shared
 * attachments module: whoever may correct the report adds and removes them. They go with
 * what protection withholds (a photograph shows the place, a statement its source): below
 * the report's protection a reader neither lists nor downloads them, and the record entry
 * naming a file is classified at the protection level.
 */
export const reportAttachments: AttachmentRoutes = {
  subjectType: 'report',
  actions: { added: 'report.attachment_added', removed: 'report.attachment_removed' },
  basePath: '/api/reports/{id}',
  noun: 'report',
  tags: ['Monitoring'],
  when: 'while it may be corrected (its author before review, the reviewers during it)',
  async read(db, actor, id) {
    const { row, sees } = await getReport(db, actor, id);
    if (!sees) throw notFound('attachment');
    return row;
  },
  async write(trx, actor, id) {
    const row = await lockReport(trx, actor, id);
    authorize(actor, 'attach', 'report', reportSubject(row), 'report');
    return {
      classification: Math.max(row.classification, row.protection ?? 0),
      audience: audienceOf(row),
      payload: { reference: row.reference },
    };
  },
};

/** A report's files, oldest first; none for a reader below its protection. Call after reading the report. */
export const reportFiles = (db: Db, id: string, sees: boolean): Promise<AttachmentInfo[]> =>
  sees ? listAttachments(db, 'report', id) : Promise.resolve([]);
