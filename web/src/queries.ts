import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './api.ts';
import type {
  ApiTokenItem,
  Body,
  Decision,
  DecisionListPage,
  ListResponse,
  MemberState,
  OrganisationResponse,
  Partner,
  Procedure,
  Proposal,
  ProposalListPage,
  UsersResponse,
  VersionDiff,
} from './types.ts';

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

export const LIVE_KEYS = [
  KEYS.organisation,
  KEYS.states,
  KEYS.bodies,
  KEYS.partners,
  KEYS.users,
  KEYS.ledger,
];

/** What an entry about proposals, procedures, stances or decisions may change. */
export const DECISION_KEYS = [KEYS.proposals, KEYS.procedures, KEYS.decisions];

export const useOrganisation = () =>
  useQuery({
    queryKey: KEYS.organisation,
    queryFn: ({ signal }) => api.get<OrganisationResponse>('/api/organisation', signal),
  });

export const useStates = () =>
  useQuery({
    queryKey: KEYS.states,
    queryFn: ({ signal }) => api.get<ListResponse<MemberState>>('/api/states', signal),
  });

export const useBodies = () =>
  useQuery({
    queryKey: KEYS.bodies,
    queryFn: ({ signal }) => api.get<ListResponse<Body>>('/api/bodies', signal),
  });

export const usePartners = () =>
  useQuery({
    queryKey: KEYS.partners,
    queryFn: ({ signal }) => api.get<ListResponse<Partner>>('/api/partners', signal),
  });

export const useUsers = () =>
  useQuery({
    queryKey: KEYS.users,
    queryFn: ({ signal }) => api.get<UsersResponse>('/api/users', signal),
  });

export const useTokens = () =>
  useQuery({
    queryKey: KEYS.tokens,
    queryFn: ({ signal }) => api.get<ListResponse<ApiTokenItem>>('/api/me/tokens', signal),
  });

// ---- decisions ----------------------------------------------------------------------

const PAGE_SIZE = 50;

/** Drops empty filters so equal filters share one cache entry. */
function searchParams(params: Record<string, string | number | null | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') out.set(key, String(value));
  }
  return out;
}

export interface ProposalFilters {
  view?: string | null;
  body?: string | null;
  status?: string | null;
  priority?: string | null;
  q?: string | null;
}

export const useProposalList = (filters: ProposalFilters) =>
  useInfiniteQuery({
    queryKey: [...KEYS.proposals, 'list', filters],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) => {
      const params = searchParams({ ...filters, limit: PAGE_SIZE, offset: pageParam || null });
      return api.get<ProposalListPage>(`/api/proposals?${params}`, signal);
    },
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useProposal = (id: string | undefined) =>
  useQuery({
    queryKey: [...KEYS.proposals, id],
    queryFn: ({ signal }) => api.get<{ proposal: Proposal }>(`/api/proposals/${id}`, signal),
    enabled: !!id,
  });

/** Versions never change once written, so a diff between two of them is kept. */
export const useVersionDiff = (id: string, from: number | null, to: number | null) =>
  useQuery({
    queryKey: ['diff', id, from, to],
    queryFn: ({ signal }) => api.get<VersionDiff>(`/api/proposals/${id}/diff?from=${from}&to=${to}`, signal),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });

export const useProcedure = (id: string | null | undefined) =>
  useQuery({
    queryKey: [...KEYS.procedures, id],
    queryFn: ({ signal }) => api.get<{ procedure: Procedure }>(`/api/procedures/${id}`, signal),
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
    queryFn: ({ pageParam, signal }) => {
      const params = searchParams({ ...filters, limit: PAGE_SIZE, offset: pageParam || null });
      return api.get<DecisionListPage>(`/api/decisions?${params}`, signal);
    },
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useDecision = (id: string | undefined) =>
  useQuery({
    queryKey: [...KEYS.decisions, id],
    queryFn: ({ signal }) => api.get<{ decision: Decision }>(`/api/decisions/${id}`, signal),
    enabled: !!id,
  });
