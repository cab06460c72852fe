import { useQuery } from '@tanstack/react-query';
import { api } from './api.ts';
import type {
  ApiTokenItem,
  Body,
  ListResponse,
  MemberState,
  OrganisationResponse,
  Partner,
  UsersResponse,
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
} as const;

export const LIVE_KEYS = [
  KEYS.organisation,
  KEYS.states,
  KEYS.bodies,
  KEYS.partners,
  KEYS.users,
  KEYS.ledger,
];

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
