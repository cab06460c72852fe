import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';
import { notifySuccess } from '../../components/notify.ts';
import type { Attachment, Localized } from '../../types.ts';
import type { AssetInput, ClearanceContent, ConditionKind, Framework, Urgency } from './draft.ts';

/** What the clearance API answers (see src/modules/clearances/present*.ts). */

export type RequestStatus = 'draft' | 'pending' | 'awaiting_acceptance' | 'cleared' | 'denied' | 'withdrawn';
export type LegStatus =
  | 'draft'
  | 'pending'
  | 'info_requested'
  | 'escalated'
  | 'approved'
  | 'denied'
  | 'withdrawn';
export const REQUEST_STATUSES: RequestStatus[] = [
  'draft',
  'pending',
  'awaiting_acceptance',
  'cleared',
  'denied',
  'withdrawn',
];
export const LEG_STATUSES: LegStatus[] = [
  'draft',
  'pending',
  'info_requested',
  'escalated',
  'approved',
  'denied',
  'withdrawn',
];

export interface CrossingPoint {
  code: string;
  name: Localized;
  kind: 'road' | 'rail' | 'air' | 'sea';
  states: string[];
  lat: number;
  lon: number;
}

export interface ClearanceWindow {
  state: string;
  timeZone: string;
  urgency: Urgency;
  hours: number;
  onSilence: 'consent' | 'refusal' | 'escalation';
}

export interface Condition {
  kind: ConditionKind;
  text: string;
  window?: { from: string; to: string };
  point?: string;
}

export interface LegAbilities {
  decide: boolean;
  askInfo: boolean;
  decideEscalated: boolean;
  /** The requester answers the state's question. */
  giveInfo: boolean;
}

/** A leg as the list shows it. */
export interface LegSummary {
  state: string;
  status: LegStatus;
  dueAt: string | null;
  remainingSeconds: number | null;
  /** Only on a request's own page, and only when the caller may see the details. */
  conditions?: Condition[] | null;
  clearanceNumber?: string | null;
}

/** Where and when a leg enters or leaves its state: UTC, and the state's own time with its offset. */
export interface LegPassage {
  point: string;
  from: string;
  to: string;
  fromLocal: string;
  toLocal: string;
}

export interface Leg extends LegSummary {
  id: string;
  position: number;
  timeZone: string;
  version: number;
  openedAt: string | null;
  onSilence: 'consent' | 'refusal' | 'escalation' | null;
  pausedAt: string | null;
  /** The leg as the version in force plans it (null for a state taken off the route). */
  entry: LegPassage | null;
  /** Null when the state hosts the movement. */
  exit: LegPassage | null;
  route: string | null;
  stops: string[];
  decidedAt: string | null;
  decidedHow: 'state' | 'tacit' | 'standing_permission' | 'secretariat' | null;
  decidedBy: string | null;
  clearanceNumber: string | null;
  conditions: Condition[] | null;
  conditionsAcceptedAt: string | null;
  reason: string | null;
  /** The number of the standing permission that cleared it. */
  standingPermission: string | null;
  internalNote: string | null;
  /** Whether the caller sees this leg's decision details. */
  details: boolean;
  abilities: LegAbilities;
}

export interface LegEvent {
  state: string;
  at: string;
  kind: string;
  actor: string;
  details: Record<string, unknown>;
}

export interface RequestVersion {
  version: number;
  createdAt: string;
  createdBy: string;
  submittedAt: string | null;
}

export interface RequestAbilities {
  attach: boolean;
  edit: boolean;
  submit: boolean;
  amend: boolean;
  withdraw: boolean;
  acceptConditions: boolean;
}

interface Envelope {
  id: string;
  reference: string;
  kind: 'request' | 'notification';
  requestingState: string;
  status: RequestStatus;
  version: number;
  title: string;
  framework: Framework;
  urgency: Urgency;
  classification: string;
  deploymentId: string | null;
  createdBy: string;
  createdAt: string;
  submittedAt: string | null;
  clearedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

export interface ClearanceRequestSummary extends Envelope {
  legs: LegSummary[];
  /** A leg of the caller's state is open now. */
  toDecide: boolean;
}

export interface ClearanceRequest extends Envelope {
  content: ClearanceContent;
  legs: Leg[];
  events: LegEvent[];
  versions: RequestVersion[];
  attachments: Attachment[];
  abilities: RequestAbilities;
  /** The certificate's verification code, once cleared (when the server sends it). */
  verificationCode?: string | null;
}

export interface AssetList {
  id: string;
  state: string;
  name: string;
  assets: AssetInput[];
  updatedBy: string;
  updatedAt: string;
  abilities: { write: boolean };
}

export interface StandingPermission {
  id: string;
  number: string;
  grantingState: string;
  grantee: string;
  pattern: {
    frameworks: Framework[];
    crossingPoints?: string[];
    assetKinds: string[];
    maxPersonnel?: number;
  };
  validFrom: string;
  validTo: string;
  note: string | null;
  grantedBy: string;
  grantedAt: string;
  revokedAt: string | null;
  abilities: { revoke: boolean };
}

export interface Deployment {
  id: string;
  reference: string;
  hostState: string;
  title: string;
  purpose: string;
  classification: string;
  status: 'requested' | 'adopted' | 'not_adopted';
  proposalId: string;
  procedureId: string | null;
  movements: Record<string, unknown>[];
  requestedBy: string;
  requestedAt: string;
  decidedAt: string | null;
  requests: { id: string; reference: string; status: RequestStatus; requestingState: string }[];
}

/** Per state and urgency (src/modules/clearances/timeliness.ts). */
export interface TimelinessFigure {
  state: string;
  urgency: Urgency;
  legs: number;
  decided: number;
  medianHours: number | null;
  p90Hours: number | null;
  tacitConsents: number;
  tacitRefusals: number;
  escalations: number;
  standingPermissions: number;
  open: number;
}

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

const params = (filters: Record<string, string | number | boolean | null | undefined>) => {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(filters))
    if (v !== null && v !== undefined && v !== '' && v !== false) out.set(k, String(v));
  return out;
};

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
      api.get<{ items: ClearanceRequestSummary[]; abilities: { create: boolean } }>(
        `/api/clearances?${params({ ...filters, limit: 200 })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const useRequest = (id: string | undefined) =>
  useQuery({
    queryKey: CLEARANCE_KEYS.one(id ?? ''),
    queryFn: ({ signal }) => api.get<{ request: ClearanceRequest }>(`/api/clearances/${id}`, signal),
    enabled: !!id,
  });

export const useCrossingPoints = () =>
  useQuery({
    queryKey: CLEARANCE_KEYS.points,
    queryFn: ({ signal }) => api.get<{ items: CrossingPoint[] }>('/api/crossing-points', signal),
    staleTime: 10 * 60_000,
  });

export const useClearanceWindows = () =>
  useQuery({
    queryKey: CLEARANCE_KEYS.windows,
    queryFn: ({ signal }) => api.get<{ items: ClearanceWindow[] }>('/api/clearance-windows', signal),
    staleTime: 10 * 60_000,
  });

export const useAssetLists = () =>
  useQuery({
    queryKey: CLEARANCE_KEYS.assetLists,
    queryFn: ({ signal }) => api.get<{ items: AssetList[] }>('/api/asset-lists', signal),
  });

export const useStandingPermissions = () =>
  useQuery({
    queryKey: CLEARANCE_KEYS.permissions,
    queryFn: ({ signal }) =>
      api.get<{ items: StandingPermission[]; abilities: { grant: boolean } }>(
        '/api/standing-permissions',
        signal,
      ),
  });

export const useDeployments = () =>
  useQuery({
    queryKey: CLEARANCE_KEYS.deployments,
    queryFn: ({ signal }) => api.get<{ items: Deployment[] }>('/api/deployments', signal),
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
      api.get<{ items: TimelinessFigure[]; range: { from: string | null; to: string | null } }>(
        `/api/clearance-timeliness?${params({ from: range.from, to: range.to })}`,
        signal,
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
