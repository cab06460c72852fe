import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { NOTIFICATION_KEYS } from './notifications.ts';
import { DECISION_KEYS, LIVE_KEYS } from './queries.ts';

/** Record actions that change proposals, procedures, stances or decisions. */
const DECISION_ACTION = /^(proposal|procedure|stance|silence|decision)\./;

/** Whether an `entry` event is about decisions; an unreadable event counts as one, to be safe. */
function isAboutDecisions(data: unknown): boolean {
  try {
    const { action } = JSON.parse(String(data)) as { action?: unknown };
    return typeof action !== 'string' || DECISION_ACTION.test(action);
  } catch {
    return true;
  }
}

/**
 * While someone is signed in, listens to the record's live stream and refreshes the
 * lists a new entry may have changed. EventSource reconnects on its own after a drop.
 */
export function useLiveUpdates(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/live', { withCredentials: true });
    let pending: ReturnType<typeof setTimeout> | null = null;
    let decisions = false;
    const onEntry = (event: MessageEvent) => {
      if (isAboutDecisions(event.data)) decisions = true;
      // Entries often arrive in bursts; refresh once per burst.
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        const keys = decisions ? [...LIVE_KEYS, ...DECISION_KEYS] : LIVE_KEYS;
        decisions = false;
        for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
      }, 150);
    };
    // A notification was written for the signed-in person: refresh the bell and the list.
    const onNotification = () => {
      void queryClient.invalidateQueries({ queryKey: NOTIFICATION_KEYS.all });
    };
    source.addEventListener('entry', onEntry);
    source.addEventListener('notification', onNotification);
    return () => {
      source.removeEventListener('entry', onEntry);
      source.removeEventListener('notification', onNotification);
      source.close();
      if (pending) clearTimeout(pending);
    };
  }, [enabled, queryClient]);
}
