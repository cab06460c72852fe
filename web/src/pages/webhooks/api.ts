import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BodyOf, client, ok, type Schema } from '../../api/client.ts';
import { WEB_MODULES } from '../../modules.ts';

/** What the webhook API answers (src/modules/webhooks/present.ts), as its OpenAPI schema says. */
export type Webhook = Schema<'Webhook'>;
export type WebhookEvent = Webhook['events'][number];
/** The event kinds a webhook may subscribe to, as the modules declare them (web/src/modules.ts), in order. */
export const webhookEventKinds = (): string[] => WEB_MODULES.flatMap((m) => m.webhookEvents ?? []);

export type Delivery = Schema<'WebhookDelivery'>;
export type DeliveryStatus = Delivery['status'];
export type Attempt = Schema<'WebhookAttempt'>;

export type WebhookInput = Required<BodyOf<'/api/delegations/{state}/webhooks', 'post'>>;
type WebhookChanges = BodyOf<'/api/delegations/{state}/webhooks/{id}', 'patch'>;

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
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/delegations/{state}/webhooks', { params: { path: { state: state ?? '' } }, signal }),
      ),
    enabled: state !== null,
  });

/** A webhook's newest deliveries, asked again every few seconds while shown. */
export const useDeliveries = (state: string, id: string) =>
  useQuery({
    queryKey: WEBHOOK_KEYS.deliveries(state, id),
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/delegations/{state}/webhooks/{id}/deliveries', {
          params: { path: { state, id }, query: { limit: 50 } },
          signal,
        }),
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
    mutationFn: (input: WebhookInput) =>
      ok(client.POST('/api/delegations/{state}/webhooks', { params: { path: { state } }, body: input })),
    onSuccess: () => void invalidate(),
  });
}

export function useUpdateWebhook(state: string) {
  const invalidate = useInvalidate(state);
  return useMutation({
    mutationFn: ({ id, ...input }: WebhookChanges & { id: string }) =>
      ok(
        client.PATCH('/api/delegations/{state}/webhooks/{id}', {
          params: { path: { state, id } },
          body: input,
        }),
      ),
    onSuccess: () => void invalidate(),
  });
}

export function useDeleteWebhook(state: string) {
  const invalidate = useInvalidate(state);
  return useMutation({
    mutationFn: (id: string) =>
      ok(client.DELETE('/api/delegations/{state}/webhooks/{id}', { params: { path: { state, id } } })),
    onSuccess: () => void invalidate(),
  });
}

export function useTestWebhook(state: string) {
  const invalidate = useInvalidate(state);
  return useMutation({
    mutationFn: (id: string) =>
      ok(client.POST('/api/delegations/{state}/webhooks/{id}/test', { params: { path: { state, id } } })),
    onSuccess: () => void invalidate(),
  });
}

export function useRedeliver(state: string) {
  const invalidate = useInvalidate(state);
  return useMutation({
    mutationFn: (id: string) =>
      ok(
        client.POST('/api/delegations/{state}/deliveries/{id}/redeliver', {
          params: { path: { state, id } },
        }),
      ),
    onSuccess: () => void invalidate(),
  });
}
