import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, ok, type QueryOf, type Schema } from '../../api/client.ts';
import { notifySuccess } from '../../components/notify.ts';
import { allOf } from '../../types.ts';

/** What the clearance API answers, from the server's schemas (src/modules/clearances/present.ts, routes). */

export type ClearanceRequest = Schema<'ClearanceRequest'>;
export type ClearanceRequestSummary = Schema<'ClearanceRequestListItem'>;
export type RequestStatus = ClearanceRequest['status'];
export type Leg = Schema<'ClearanceLeg'>;
export type LegStatus = Leg['status'];
export const REQUEST_STATUSES = allOf<RequestStatus>()([
  'draft',
  'pending',
  'awaiting_acceptance',
  'cleared',
  'denied',
  'withdrawn',
]);
export const LEG_STATUSES = allOf<LegStatus>()([
  'draft',
  'pending',
  'info_requested',
  'escalated',
  'approved',
  'denied',
  'withdrawn',
]);

export type CrossingPoint = Schema<'CrossingPoint'>;
export type ClearanceWindow = Schema<'ClearanceWindow'>;
export type Condition = Schema<'ClearanceCondition'>;
export type LegAbilities = Leg['abilities'];
/** A leg as the list shows it; on a request's own page also its conditions and number. */
export type LegSummary = ClearanceRequestSummary['legs'][number] &
  Partial<Pick<Leg, 'conditions' | 'clearanceNumber'>>;
/** Where and when a leg enters or leaves its state: UTC, and the state's own time with its offset. */
export type LegPassage = NonNullable<Schema<'ClearanceLegPassage'>>;
export type LegEvent = Schema<'ClearanceLegEvent'>;
export type RequestVersion = ClearanceRequest['versions'][number];
export type RequestAbilities = ClearanceRequest['abilities'];
export type AssetList = Schema<'AssetList'>;
export type StandingPermission = Schema<'StandingPermission'>;
export type Deployment = Schema<'Deployment'>;
/** Per state and urgency (src/modules/clearances/timeliness.ts). */
export type TimelinessFigure = Schema<'TimelinessFigure'>;

/**
 * A body as a clearance form sends it, as the path's body type `B`. The generated body types require every
 * field the server has a default for (openapi-typescript's `defaultNonNullable`), which the
 * forms leave out, and the forms send what was typed (an empty choice too): the server fills
 * in its defaults and answers 400 naming each field that is wrong.
 */
export const formBody = <B>(body: Record<string, unknown>) => body as B;

export const CLEARANCE_KEYS = {
  all: ['clearances'],
  list: (filters: object) => ['clearances', 'list', filters],
  one: (id: string) => ['clearances', 'one', id],
  points: ['clearances', 'crossing-points'],
  windows: ['clearances', 'windows'],
  assetLists: ['clearances', 'asset-lists'],
  permissions: ['clearances', 'standing-permissions'],
  deployments: ['clearances', 'deployments'],
  timeliness: ['clearances', 'timeliness'],
} as const;

/** The filters that are set, as the path's query (empty ones and `false` left out). */
function query<Q>(filters: Record<string, string | number | boolean | null | undefined>): Q {
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false),
  ) as Q;
}

export interface RequestFilters {
  status?: string | null;
  state?: string | null;
  toDecide?: boolean;
  q?: string | null;
}

export const useRequestList = (filters: RequestFilters) =>
  useQuery({
    queryKey: CLEARANCE_KEYS.list(filters),
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/clearances', {
          params: { query: query<QueryOf<'/api/clearances'>>({ ...filters, limit: 200 }) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useRequest = (id: string | undefined) =>
  useQuery({
    queryKey: CLEARANCE_KEYS.one(id ?? ''),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/clearances/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });

export const useCrossingPoints = () =>
  useQuery({
    queryKey: CLEARANCE_KEYS.points,
    queryFn: ({ signal }) => ok(client.GET('/api/crossing-points', { signal })),
    staleTime: 10 * 60_000,
  });

export const useClearanceWindows = () =>
  useQuery({
    queryKey: CLEARANCE_KEYS.windows,
    queryFn: ({ signal }) => ok(client.GET('/api/clearance-windows', { signal })),
    staleTime: 10 * 60_000,
  });

export const useAssetLists = () =>
  useQuery({
    queryKey: CLEARANCE_KEYS.assetLists,
    queryFn: ({ signal }) => ok(client.GET('/api/asset-lists', { signal })),
  });

export const useStandingPermissions = () =>
  useQuery({
    queryKey: CLEARANCE_KEYS.permissions,
    queryFn: ({ signal }) => ok(client.GET('/api/standing-permissions', { signal })),
  });

export const useDeployments = () =>
  useQuery({
    queryKey: CLEARANCE_KEYS.deployments,
    queryFn: ({ signal }) => ok(client.GET('/api/deployments', { signal })),
  });

/** A range of days (`2026-01-31`, UTC; the last day included); either end open when null. */
export interface DayRange {
  from: string | null;
  to: string | null;
}

export const useTimeliness = (range: DayRange = { from: null, to: null }) =>
  useQuery({
    queryKey: [...CLEARANCE_KEYS.timeliness, range],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/clearance-timeliness', {
          params: { query: query<QueryOf<'/api/clearance-timeliness'>>({ from: range.from, to: range.to }) },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });

/** A change to a request: stores what the server answers, refreshes the lists, confirms. */
export function useRequestMutation<V>(
  mutationFn: (variables: V) => Promise<{ request: ClearanceRequest }>,
  success?: (request: ClearanceRequest) => string,
  onDone?: (request: ClearanceRequest) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: ({ request }) => {
      queryClient.setQueryData(CLEARANCE_KEYS.one(request.id), { request });
      void queryClient.invalidateQueries({ queryKey: CLEARANCE_KEYS.all });
      if (success) notifySuccess(success(request));
      onDone?.(request);
    },
  });
}

/** Any other clearance change (asset lists, permissions, deployments): refresh and confirm. */
export function useClearanceMutation<V, R>(
  mutationFn: (variables: V) => Promise<R>,
  success?: string,
  onDone?: (r: R) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: CLEARANCE_KEYS.all });
      if (success) notifySuccess(success);
      onDone?.(result);
    },
  });
}
