import type { OwnedSubject, PolicyRulesFor } from '../../policy/index.ts';
import { isOwner } from '../../policy/predicates.ts';

declare module '../../policy/index.ts' {
  interface Subjects {
    /** A notification: its recipient's alone. */
    notification: OwnedSubject;
    /** The kinds of notification a person turned off, and how each reaches them. */
    notificationPreferences: OwnedSubject;
    /** A person's secret calendar feed link. */
    calendarFeed: OwnedSubject;
  }
}

/** A person's own things: nobody else reads or changes them, not even an administrator. Default deny: an action not listed is refused. */
export const notificationsRules: PolicyRulesFor<'notification' | 'notificationPreferences' | 'calendarFeed'> =
  {
    // A person's own things: nobody else reads or changes them, not even an administrator.
    notification: {
      read: (a, n) => isOwner(a, n),
      markRead: (a, n) => isOwner(a, n),
    },
    notificationPreferences: {
      read: (a, s) => isOwner(a, s),
      update: (a, s) => isOwner(a, s),
    },
    calendarFeed: {
      read: (a, s) => isOwner(a, s),
      rotate: (a, s) => isOwner(a, s),
    },
  };
