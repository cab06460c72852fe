import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { LIVE_STREAM } from './api/links.ts';
import type { LiveRefresh } from './module.ts';
import { WEB_MODULES } from './modules.ts';
import { SESSION_KEY } from './session.tsx';

type EntryRefresh = Extract<LiveRefresh, { on: 'entry' }>;

/** What the modules (web/src/modules.ts) refresh on each kind of live event. */
function refreshes() {
  const all = WEB_MODULES.flatMap((m) => m.live ?? []);
  return {
    entry: all.filter((r): r is EntryRefresh => r.on === 'entry'),
    notification: all.filter((r) => r.on === 'notification').flatMap((r) => r.keys),
  };
}

/** Whether an `entry` event's action is one of the prefixes; an unreadable event counts as one, to be safe. */
function isAbout(data: unknown, prefixes: string[] | undefined): boolean {
  if (!prefixes) return true;
  try {
    const { action } = JSON.parse(String(data)) as { action?: unknown };
    return typeof action !== 'string' || prefixes.some((prefix) => action.startsWith(prefix));
  } catch {
    return true;
  }
}

/** The keys, each once. */
function distinct(keys: QueryKey[]): QueryKey[] {
  const seen = new Map(keys.map((key) => [JSON.stringify(key), key]));
  return [...seen.values()];
}

/**
 * While someone is signed in, listens to the record's live stream and refreshes the
 * answers a new entry or notification may have changed, as each module declares them.
 * EventSource reconnects on its own after a drop. The server ends the stream with an `end`
 * event when the session no longer stands (signed out elsewhere, ended by a password change,
 * expired, the account disabled): then it stays closed and the session is asked again, which
 * brings the sign-in page.
 */
export function useLiveUpdates(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const { entry, notification } = refreshes();
    const source = new EventSource(LIVE_STREAM, { withCredentials: true });
    let pending: ReturnType<typeof setTimeout> | null = null;
    let stale: QueryKey[] = [];
    const onEntry = (event: MessageEvent) => {
      for (const refresh of entry) if (isAbout(event.data, refresh.actions)) stale.push(...refresh.keys);
      // Entries often arrive in bursts; refresh once per burst.
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        const keys = distinct(stale);
        stale = [];
        for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
      }, 150);
    };
    // A notification was written for the signed-in person: refresh the bell and the list.
    const onNotification = () => {
      for (const queryKey of notification) void queryClient.invalidateQueries({ queryKey });
    };
    const onEnd = () => {
      source.close();
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    };
    source.addEventListener('entry', onEntry);
    source.addEventListener('notification', onNotification);
    source.addEventListener('end', onEnd);
    return () => {
      source.removeEventListener('entry', onEntry);
      source.removeEventListener('notification', onNotification);
      source.removeEventListener('end', onEnd);
      source.close();
      if (pending) clearTimeout(pending);
    };
  }, [enabled, queryClient]);
}
