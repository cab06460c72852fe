import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BodyOf, client, ok, type Schema } from '../../api/client.ts';
import { HOME_KEY } from '../dashboard/home.ts';

/** What the hotline API answers, from the server's schemas (src/modules/hotline/present.ts). */

export type Hotline = Schema<'Hotline'>;
export type HotlineWaiting = Schema<'HotlineWaiting'>;
export type HotlineMessage = Schema<'HotlineMessage'>;
export type MessageStatus = HotlineMessage['status'];
export type SendBody = BodyOf<'/api/hotlines/{code}/messages', 'post'>;
export type Urgency = NonNullable<SendBody['urgency']>;
export type MessageClassification = NonNullable<SendBody['classification']>;

export const URGENCIES: Urgency[] = ['routine', 'urgent'];
export const MESSAGE_CLASSIFICATIONS: MessageClassification[] = ['restricted', 'confidential', 'secret'];

export const HOTLINE_KEYS = {
  all: ['hotlines'],
  list: ['hotlines', 'list'],
  one: (code: string) => ['hotlines', 'one', code],
  messages: (code: string) => ['hotlines', 'messages', code],
  waiting: (code: string) => ['hotlines', 'waiting', code],
  message: (id: string) => ['hotlines', 'message', id],
} as const;

/** How many messages a page of the thread holds. */
const PAGE_SIZE = 50;

/** The hotlines the reader speaks on or oversees, with what waits on each. */
export const useHotlines = () =>
  useQuery({
    queryKey: HOTLINE_KEYS.list,
    queryFn: ({ signal }) => ok(client.GET('/api/hotlines', { signal })),
  });

export const useHotline = (code: string) =>
  useQuery({
    queryKey: HOTLINE_KEYS.one(code),
    queryFn: ({ signal }) => ok(client.GET('/api/hotlines/{code}', { params: { path: { code } }, signal })),
    retry: false,
  });

/** A hotline's thread, newest first, a page at a time. */
export const useMessages = (code: string, enabled = true) =>
  useInfiniteQuery({
    queryKey: HOTLINE_KEYS.messages(code),
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) =>
      ok(
        client.GET('/api/hotlines/{code}/messages', {
          params: { path: { code }, query: { limit: PAGE_SIZE, offset: pageParam } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextOffset ?? undefined,
    enabled,
  });

/** The messages of a hotline not yet acknowledged (the list page shows them under each hotline). */
export const waitingQuery = (code: string) => ({
  queryKey: HOTLINE_KEYS.waiting(code),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    ok(
      client.GET('/api/hotlines/{code}/messages', {
        params: { path: { code }, query: { waiting: 'true', limit: 20 } },
        signal,
      }),
    ),
});

/** A message by its id alone (where a notification leads). */
export const useMessageById = (id: string | null) =>
  useQuery({
    queryKey: HOTLINE_KEYS.message(id ?? ''),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/hotline-messages/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
    retry: false,
  });

/** A change on a hotline: refreshes every hotline answer and the home page, then `onDone`. */
function useHotlineMutation<V, R>(mutationFn: (variables: V) => Promise<R>, onDone?: (result: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: HOTLINE_KEYS.all });
      void queryClient.invalidateQueries({ queryKey: HOME_KEY });
      onDone?.(result);
    },
  });
}

/** Sends a message, or (with `replyTo`) answers one through its replies route. */
export const useSendMessage = (code: string, onDone?: (m: HotlineMessage) => void) =>
  useHotlineMutation(
    async ({ replyTo, ...body }: SendBody) =>
      (
        await ok(
          replyTo
            ? client.POST('/api/hotlines/{code}/messages/{id}/replies', {
                params: { path: { code, id: replyTo } },
                body,
              })
            : client.POST('/api/hotlines/{code}/messages', { params: { path: { code } }, body }),
        )
      ).message,
    onDone,
  );

export const useAcknowledge = (code: string, onDone?: (m: HotlineMessage) => void) =>
  useHotlineMutation(
    async (id: string) =>
      (
        await ok(
          client.POST('/api/hotlines/{code}/messages/{id}/acknowledge', { params: { path: { code, id } } }),
        )
      ).message,
    onDone,
  );

export const useDesignateContacts = (code: string, onDone?: (h: Hotline) => void) =>
  useHotlineMutation(
    async ({ state, usernames }: { state: string; usernames: string[] }) =>
      (
        await ok(
          client.PUT('/api/hotlines/{code}/contacts/{state}', {
            params: { path: { code, state } },
            body: { usernames },
          }),
        )
      ).hotline,
    onDone,
  );
