import type { PolicyRulesFor } from '../../policy/index.ts';
import { isOwner } from '../../policy/predicates.ts';

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
