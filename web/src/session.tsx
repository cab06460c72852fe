import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, use, useEffect, useMemo, useRef } from 'react';
import { ApiError, client, ok, setCsrfToken, setUnauthenticatedHandler } from './api/client.ts';
import i18n, { isLocale, rememberLocale } from './i18n/index.ts';
import type { Me, Meta, SessionResponse } from './types.ts';

export const SESSION_KEY = ['session'] as const;
export const META_KEY = ['meta'] as const;

interface SessionState {
  /** Undefined while the session probe is in flight. */
  user: Me | null | undefined;
  loading: boolean;
  meta: Meta | undefined;
  /** Stores a fresh session (after sign-in) or clears it (after sign-out / expiry). */
  setSession: (session: SessionResponse | null) => void;
  updateUser: (user: Me) => void;
}

const SessionContext = createContext<SessionState | null>(null);

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    return await ok(client.GET('/api/auth/session'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Stores a session; clearing it also drops every cached answer that belonged to the person. */
function storeSession(queryClient: QueryClient, next: SessionResponse | null): void {
  setCsrfToken(next?.csrfToken ?? null);
  queryClient.setQueryData(SESSION_KEY, next);
  if (!next) {
    queryClient.removeQueries({
      predicate: (q) => q.queryKey[0] !== META_KEY[0] && q.queryKey[0] !== SESSION_KEY[0],
    });
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meta = useQuery({
    queryKey: META_KEY,
    queryFn: ({ signal }) => ok(client.GET('/api/meta', { signal })),
    staleTime: Infinity,
  });
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
  const data = session.data;

  setCsrfToken(data?.csrfToken ?? null);

  useEffect(() => {
    setUnauthenticatedHandler(() => storeSession(queryClient, null));
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  // The person's remembered language wins once per sign-in; later switches are local first.
  const appliedFor = useRef<string | null>(null);
  const userId = data?.user.id ?? null;
  const userLocale = data?.user.locale;
  useEffect(() => {
    if (!userId) {
      appliedFor.current = null;
      return;
    }
    if (appliedFor.current === userId) return;
    appliedFor.current = userId;
    if (isLocale(userLocale) && userLocale !== i18n.language) {
      void i18n.changeLanguage(userLocale);
      rememberLocale(userLocale);
    }
  }, [userId, userLocale]);

  const value = useMemo<SessionState>(
    () => ({
      user: session.isPending ? undefined : (data?.user ?? null),
      loading: session.isPending,
      meta: meta.data,
      setSession: (next) => storeSession(queryClient, next),
      updateUser: (user) => {
        queryClient.setQueryData<SessionResponse | null>(SESSION_KEY, (old) =>
          old ? { ...old, user } : old,
        );
      },
    }),
    [session.isPending, data, meta.data, queryClient],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const value = use(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** The signed-in person; only for components rendered behind the sign-in guard. */
export function useMe(): Me {
  const { user } = useSession();
  if (!user) throw new Error('useMe called without a signed-in user');
  return user;
}
