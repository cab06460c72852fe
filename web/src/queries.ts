import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { client, ok, type QueryOf } from './api/client.ts';

/** Query keys of the lists a new record entry may change; live updates invalidate them. */
export const KEYS = {
  organisation: ['organisation'],
  states: ['states'],
  bodies: ['bodies'],
  partners: ['partners'],
  users: ['users'],
  ledger: ['ledger'],
  tokens: ['tokens'],
  proposals: ['proposals'],
  procedures: ['procedures'],
  decisions: ['decisions'],
} as const;

/** What an entry about proposals, procedures, stances or decisions may change. */
export const DECISION_KEYS = [KEYS.proposals, KEYS.procedures, KEYS.decisions];

export const useOrganisation = () =>
  useQuery({
    queryKey: KEYS.organisation,
    queryFn: ({ signal }) => ok(client.GET('/api/organisation', { signal })),
  });

export const useStates = () =>
  useQuery({
    queryKey: KEYS.states,
    queryFn: ({ signal }) => ok(client.GET('/api/states', { signal })),
  });

export const useBodies = () =>
  useQuery({
    queryKey: KEYS.bodies,
    queryFn: ({ signal }) => ok(client.GET('/api/bodies', { signal })),
  });

export const usePartners = () =>
  useQuery({
    queryKey: KEYS.partners,
    queryFn: ({ signal }) => ok(client.GET('/api/partners', { signal })),
  });

export const useUsers = () =>
  useQuery({
    queryKey: KEYS.users,
    queryFn: ({ signal }) => ok(client.GET('/api/users', { signal })),
  });

export const useTokens = () =>
  useQuery({
    queryKey: KEYS.tokens,
    queryFn: ({ signal }) => ok(client.GET('/api/me/tokens', { signal })),
  });

// ---- decisions ----------------------------------------------------------------------

const PAGE_SIZE = 50;

/**
 * The filters that are set, as the path's query. Filters come from the page's address, so
 * they are strings the server checks (a wrong value answers 400 naming the parameter).
 */
function query<Q>(filters: Record<string, string | number | null | undefined>): Q {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  ) as Q;
}

/** Filters of the proposals list; empty ones are left out. */
export type ProposalFilters = {
  [K in 'view' | 'body' | 'status' | 'priority' | 'q']?: string | null;
};

export const useProposalList = (filters: ProposalFilters) =>
  useInfiniteQuery({
    queryKey: [...KEYS.proposals, 'list', filters],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      ok(
        client.GET('/api/proposals', {
          params: {
            query: query<QueryOf<'/api/proposals'>>({
              ...filters,
              limit: PAGE_SIZE,
              offset: pageParam || null,
            }),
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useProposal = (id: string | undefined) =>
  useQuery({
    queryKey: [...KEYS.proposals, id],
    queryFn: ({ signal }) =>
      ok(client.GET('/api/proposals/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });

/** Versions never change once written, so a diff between two of them is kept. */
export const useVersionDiff = (id: string, from: number | null, to: number | null) =>
  useQuery({
    queryKey: ['diff', id, from, to],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/proposals/{id}/diff', {
          params: { path: { id }, query: { from: from ?? 0, to: to ?? 0 } },
          signal,
        }),
      ),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });

export const useProcedure = (id: string | null | undefined) =>
  useQuery({
    queryKey: [...KEYS.procedures, id],
    queryFn: ({ signal }) =>
      ok(client.GET('/api/procedures/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
    // Past its deadline but not yet closed: the outcome is moments away; ask until it is there.
    refetchInterval: (query) => {
      const procedure = query.state.data?.procedure;
      const due =
        procedure?.status === 'open' && procedure.deadline && Date.parse(procedure.deadline) <= Date.now();
      return due ? 3000 : false;
    },
  });

export interface DecisionFilters {
  year?: number | null;
  body?: string | null;
}

export const useDecisionList = (filters: DecisionFilters) =>
  useInfiniteQuery({
    queryKey: [...KEYS.decisions, 'list', filters],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      ok(
        client.GET('/api/decisions', {
          params: {
            query: query<QueryOf<'/api/decisions'>>({
              ...filters,
              limit: PAGE_SIZE,
              offset: pageParam || null,
            }),
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useDecision = (id: string | undefined) =>
  useQuery({
    queryKey: [...KEYS.decisions, id],
    queryFn: ({ signal }) =>
      ok(client.GET('/api/decisions/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });
