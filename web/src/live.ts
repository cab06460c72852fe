import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { LIVE_KEYS } from './queries.ts';

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
    const onEntry = () => {
      // Entries often arrive in bursts; refresh once per burst.
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        for (const queryKey of LIVE_KEYS) void queryClient.invalidateQueries({ queryKey });
      }, 150);
    };
    source.addEventListener('entry', onEntry);
    return () => {
      source.removeEventListener('entry', onEntry);
      source.close();
      if (pending) clearTimeout(pending);
    };
  }, [enabled, queryClient]);
}
