import { sql } from 'kysely';
import {
  type NotificationSubjectFacts,
  type NotificationSubjectSpec,
  type SubjectResolver,
  subjectUuids,
} from '../../core/module.ts';
import { consultationsVisibleTo } from './policy.ts';

/** A consultation on the record page, by reference and title, named only to its participants. */
export const consultationSubjects: Record<string, SubjectResolver> = {
  consultation: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('consultations')
      .select(['id', 'reference', 'title'])
      .where('id', 'in', wanted)
      .where(consultationsVisibleTo(actor))
      .execute();
    return new Map(
      rows.map((r) => [r.id, { label: `${r.reference} ${r.title}`, path: `/consultations/${r.id}` }]),
    );
  },
};

/** Notifications about a consultation: listed, counted and e-mailed only while the reader takes part. */
export const consultationNotificationSubjects: Record<string, NotificationSubjectSpec> = {
  consultation: {
    facts: (actor) => (eb) =>
      eb
        .selectFrom('consultations')
        .select(
          sql<NotificationSubjectFacts>`jsonb_build_object('title', consultations.title, 'reference', consultations.reference, 'classification', consultations.classification)`.as(
            'facts',
          ),
        )
        .whereRef('consultations.id', '=', 'notifications.subject_id')
        .where(consultationsVisibleTo(actor))
        .$asScalar(),
    path: (id) => `/consultations/${id}`,
  },
};
