import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { NotificationSubjectFacts } from '../../core/module.ts';
import { notificationSubjects } from '../../core/registry.ts';
import type { Database } from '../../db/schema.ts';
import { isPerson } from '../../policy/predicates.ts';

// What a notification is about is another module's subject. Each module that sends
// notifications declares its subject types (`notificationSubjects` in its index.ts): one
// scalar subquery on its own table giving the subject's facts when the reader may still be
// told of it. Lists, the count and e-mails read them here, inside the one statement that
// reads the notifications: a list stays one query with its paging, the count one count.

type Eb = ExpressionBuilder<Database, 'notifications'>;

/**
 * WHERE condition on `notifications`: the subject is of a type some module declares, still
 * exists, and the actor may still be told of it (a proposal they may read, a clearance
 * request within their level...). Nobody but a person is told of anything.
 */
export function notificationSubjectsVisibleTo(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    const types = [...notificationSubjects()];
    if (!isPerson(actor) || types.length === 0) return sql<SqlBool>`false`;
    return eb.or(
      types.map(([type, spec]) =>
        eb.and([eb('notifications.subject_type', '=', type), eb(spec.facts(actor)(eb), 'is not', null)]),
      ),
    );
  };
}

/**
 * SELECT expression `subject`: the subject's facts (title, reference, classification) as its
 * module names them, by the notification's subject type; null when the actor may not be told
 * of it (the WHERE above leaves those out) or no module declares the type.
 */
export function notificationSubjectFacts(actor: Actor) {
  return (eb: Eb) => {
    const types = [...notificationSubjects()];
    if (types.length === 0) return sql<NotificationSubjectFacts | null>`null`.as('subject');
    const branches = types.map(([type, spec]) => sql`when ${type} then ${spec.facts(actor)(eb)}`);
    return sql<NotificationSubjectFacts | null>`case notifications.subject_type ${sql.join(branches, sql` `)} end`.as(
      'subject',
    );
  };
}

/** The web path that opens a notification's subject, as its module declares it ("/" when none does). */
export const notificationSubjectPath = (type: string, id: string): string =>
  notificationSubjects().get(type)?.path(id) ?? '/';
