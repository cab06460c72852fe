import { sql } from 'kysely';
import {
  type NotificationSubjectFacts,
  type NotificationSubjectSpec,
  type SubjectResolver,
  subjectUuids,
} from '../../core/module.ts';
import { hotlineMessagesVisibleTo, hotlinesVisibleTo } from './policy.ts';

/** The web path of a hotline, and of one of its messages. */
export const hotlinePath = (code: string) => `/hotlines/${code}`;

/**
 * The record page's names of hotline subjects: a hotline by its code, a message by its
 * hotline and sender; only for readers the hotline's rules admit (the same SQL as the lists).
 */
export const hotlineSubjects: Record<string, SubjectResolver> = {
  hotline: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('hotlines')
      .select(['id', 'code'])
      .where('id', 'in', wanted)
      .where(hotlinesVisibleTo(actor))
      .execute();
    return new Map(rows.map((r) => [r.id, { label: `Hotline ${r.code}`, path: hotlinePath(r.code) }]));
  },
  hotline_message: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('hotline_messages')
      .innerJoin('hotlines', 'hotlines.id', 'hotline_messages.hotline_id')
      .select(['hotline_messages.id', 'hotlines.code', 'hotline_messages.from_state'])
      .where('hotline_messages.id', 'in', wanted)
      .where(hotlineMessagesVisibleTo(actor))
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        { label: `Hotline ${r.code}: message from ${r.from_state.trim()}`, path: hotlinePath(r.code) },
      ]),
    );
  },
};

/**
 * The notifications about a hotline message: told only while the reader may read it (the
 * hotline's rules and the message's classification, one SQL with the lists); named by the
 * first 120 characters of its text, with the hotline's code as the reference.
 */
export const hotlineNotificationSubjects: Record<string, NotificationSubjectSpec> = {
  hotline_message: {
    facts: (actor) => (eb) =>
      eb
        .selectFrom('hotline_messages')
        .innerJoin('hotlines', 'hotlines.id', 'hotline_messages.hotline_id')
        .select(
          sql<NotificationSubjectFacts>`jsonb_build_object('title', left(hotline_messages.body, 120), 'reference', hotlines.code, 'classification', hotline_messages.classification)`.as(
            'facts',
          ),
        )
        .whereRef('hotline_messages.id', '=', 'notifications.subject_id')
        .where(hotlineMessagesVisibleTo(actor))
        .$asScalar(),
    path: (id) => `/hotlines?message=${id}`,
  },
};
