import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.ts';

/** What the webhook API answers (see src/modules/webhooks/present.ts). */

/** The event kinds a webhook may subscribe to (WEBHOOK_EVENTS in src/modules/webhooks/schema.ts). */
export const WEBHOOK_EVENTS = [
  'leg_arrived',
  'leg_due_1h',
  'leg_decided',
  'request_cleared',
  'request_denied',
  'request_withdrawn',
  'request_amended',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Webhook {
  id: string;
  state: string;
  url: string;
  events: WebhookEvent[];
  active: boolean;
  description: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  abilities: { manage: boolean };
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface Attempt {
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface Delivery {
  id: string;
  webhookId: string;
  event: string;
  occurredAt: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  attemptLog: Attempt[];
}

export interface WebhookInput {
  url: string;
  events: WebhookEvent[];
  active: boolean;
  description: string | null;
}

const base = (state: string) => `/api/delegations/${encodeURIComponent(state)}/webhooks`;

export const WEBHOOK_KEYS = {
  all: ['webhooks'] as const,
  list: (state: string) => ['webhooks', state] as const,
  deliveries: (state: string, id: string) => ['webhooks', state, id, 'deliveries'] as const,
};

/** How often an open deliveries panel asks again. */
export const DELIVERIES_REFRESH_MS = 3_000;

export const useWebhooks = (state: string | null) =>
  useQuery({
    queryKey: WEBHOOK_KEYS.list(state ?? ''),
    queryFn: ({ signal }) => api.get<{ items: Webhook[] }>(base(state ?? ''), signal),
    enabled: state !== null,
  });

/** A webhook's newest deliveries, asked again every few seconds while shown. */
export const useDeliveries = (state: string, id: string) =>
  useQuery({
    queryKey: WEBHOOK_KEYS.deliveries(state, id),
    queryFn: ({ signal }) =>
      api.get<{ items: Delivery[]; nextOffset: number | null }>(
        `${base(state)}/${id}/deliveries?limit=50`,
        signal,
      ),
    refetchInterval: DELIVERIES_REFRESH_MS,
  });

/** Invalidates a delegation's webhooks (and their deliveries) after a change. */
function useInvalidate(state: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: WEBHOOK_KEYS.list(state) });
}

export function useCreateWebhook(state: string) {
  const invalidate = useInvalidate(state);
  return useMutation({
    mutationFn: (input: WebhookInput) => api.post<{ webhook: Webhook; secret: string }>(base(state), input),
    onSuccess: () => void invalidate(),
  });
}

export function useUpdateWebhook(state: string) {
  const invalidate = useInvalidate(state);
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<WebhookInput> & { id: string; rotateSecret?: boolean }) =>
      api.patch<{ webhook: Webhook; secret: string | null }>(`${base(state)}/${id}`, input),
    onSuccess: () => void invalidate(),
  });
}

export function useDeleteWebhook(state: string) {
  const invalidate = useInvalidate(state);
  return useMutation({
    mutationFn: (id: string) => api.delete<{ deleted: true }>(`${base(state)}/${id}`),
    onSuccess: () => void invalidate(),
  });
}

export function useTestWebhook(state: string) {
  const invalidate = useInvalidate(state);
  return useMutation({
    mutationFn: (id: string) => api.post<{ delivery: Delivery }>(`${base(state)}/${id}/test`),
    onSuccess: () => void invalidate(),
  });
}

export function useRedeliver(state: string) {
  const invalidate = useInvalidate(state);
  return useMutation({
    mutationFn: (id: string) =>
      api.post<{ delivery: Delivery }>(
        `/api/delegations/${encodeURIComponent(state)}/deliveries/${id}/redeliver`,
      ),
    onSuccess: () => void invalidate(),
  });
}
