import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { LIVE_STREAM } from './api/links.ts';
import { NOTIFICATION_KEYS } from './notifications.ts';
import { CLEARANCE_KEYS } from './pages/clearances/api.ts';
import { HOME_KEY } from './pages/dashboard/home.ts';
import { DECISION_KEYS, LIVE_KEYS } from './queries.ts';

/** Record actions that change proposals, procedures, stances or decisions. */
const DECISION_ACTION = /^(proposal|procedure|stance|silence|decision)\./;

/** Record actions that change movement clearances, deployments, asset lists or standing permissions. */
const CLEARANCE_ACTION = /^(clearance|leg|standing_permission|asset_list|deployment)/;

/** Whether an `entry` event's action matches; an unreadable event counts as one, to be safe. */
function isAbout(data: unknown, pattern: RegExp): boolean {
  try {
    const { action } = JSON.parse(String(data)) as { action?: unknown };
    return typeof action !== 'string' || pattern.test(action);
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
    const source = new EventSource(LIVE_STREAM, { withCredentials: true });
    let pending: ReturnType<typeof setTimeout> | null = null;
    let decisions = false;
    let clearances = false;
    const onEntry = (event: MessageEvent) => {
      if (isAbout(event.data, DECISION_ACTION)) decisions = true;
      if (isAbout(event.data, CLEARANCE_ACTION)) clearances = true;
      // Entries often arrive in bursts; refresh once per burst.
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        const keys = [
          ...LIVE_KEYS,
          ...(decisions ? DECISION_KEYS : []),
          ...(clearances ? [CLEARANCE_KEYS.all] : []),
          ...(decisions || clearances ? [HOME_KEY] : []),
        ];
        decisions = false;
        clearances = false;
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
