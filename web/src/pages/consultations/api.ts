import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BodyOf, client, ok, type ResponseOf, type Schema } from '../../api/client.ts';
import { HOME_KEY } from '../dashboard/home.ts';

/** What the consultations API answers, from the server's schemas (src/modules/consultations/present.ts). */

export type Consultation = Schema<'Consultation'>;
export type ConsultationSummary = Schema<'ConsultationSummary'>;
export type ConsultationStatus = ConsultationSummary['status'];
export type ConsultationPoint = Schema<'ConsultationPoint'>;
export type AgendaItem = Schema<'ConsultationAgendaItem'>;
export type ConsultationMessage = Schema<'ConsultationMessage'>;
export type ConsultationList = ResponseOf<'/api/consultations'>;
export type ConveneBody = BodyOf<'/api/consultations', 'post'>;
export type ProposalBody = BodyOf<'/api/consultations/{id}/proposal', 'post'>;

export const STATUSES: ConsultationStatus[] = ['open', 'concluded', 'closed'];

/**
 * Every answer of the module sits under `consultations` (the situation room's panel too), so a
 * live record entry of a consultation refreshes them all at once.
 */
export const CONSULTATION_KEYS = {
  all: ['consultations'],
  list: (status: ConsultationStatus | null) => ['consultations', 'list', status ?? 'all'],
  one: (id: string) => ['consultations', 'one', id],
  messages: (id: string) => ['consultations', 'messages', id],
} as const;

/** What a live record entry of a consultation may change: its pages, and the home page's points to agree. */
export const CONSULTATION_LIVE_KEYS = [CONSULTATION_KEYS.all, HOME_KEY];

/** The consultations the person takes part in, with whether they may convene one. */
export const useConsultationList = (status: ConsultationStatus | null = null) =>
  useQuery({
    queryKey: CONSULTATION_KEYS.list(status),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/consultations', { params: { query: status ? { status } : {} }, signal })),
  });

/** Whether the person may convene a consultation (the list's abilities); false while unknown. */
export function useMayConvene(): boolean {
  return useConsultationList().data?.abilities.convene ?? false;
}

export const useConsultation = (id: string) =>
  useQuery({
    queryKey: CONSULTATION_KEYS.one(id),
    queryFn: ({ signal }) => ok(client.GET('/api/consultations/{id}', { params: { path: { id } }, signal })),
    // A 404 (not there, or not a participant) is an answer, not a hiccup.
    retry: false,
  });

const MESSAGE_PAGE = 50;

/** A consultation's messages, newest first, page by page (each page older than the one before). */
export const useMessages = (id: string) =>
  useInfiniteQuery({
    queryKey: CONSULTATION_KEYS.messages(id),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      ok(
        client.GET('/api/consultations/{id}/messages', {
          params: {
            path: { id },
            query: { limit: MESSAGE_PAGE, ...(pageParam ? { before: pageParam } : {}) },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });

/** Convenes a consultation; answers it. */
export function useConvene(onDone: (consultation: Consultation) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConveneBody) => ok(client.POST('/api/consultations', { body })),
    onSuccess: ({ consultation }) => {
      queryClient.setQueryData(CONSULTATION_KEYS.one(consultation.id), { consultation });
      void queryClient.invalidateQueries({ queryKey: CONSULTATION_KEYS.all });
      onDone(consultation);
    },
  });
}

/** A step that answers the consultation as it then stands: the cache takes it, the lists are asked again. */
function useStep<V>(
  id: string,
  step: (variables: V) => Promise<{ consultation: Consultation }>,
  onDone?: (consultation: Consultation) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: step,
    onSuccess: ({ consultation }) => {
      queryClient.setQueryData(CONSULTATION_KEYS.one(id), { consultation });
      void queryClient.invalidateQueries({ queryKey: CONSULTATION_KEYS.all });
      onDone?.(consultation);
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const useAddAgendaItem = (id: string, onDone?: () => void) =>
  useStep(
    id,
    (text: string) => ok(client.POST('/api/consultations/{id}/agenda', { ...path(id), body: { text } })),
    onDone,
  );

export const useCompleteAgendaItem = (id: string) =>
  useStep(id, (itemId: string) =>
    ok(
      client.POST('/api/consultations/{id}/agenda/{itemId}/done', {
        params: { path: { id, itemId } },
      }),
    ),
  );

export const useProposePoint = (id: string, onDone?: () => void) =>
  useStep(
    id,
    (text: string) => ok(client.POST('/api/consultations/{id}/points', { ...path(id), body: { text } })),
    onDone,
  );

export const useAgreePoint = (id: string) =>
  useStep(id, (pointId: string) =>
    ok(
      client.POST('/api/consultations/{id}/points/{pointId}/agree', {
        params: { path: { id, pointId } },
      }),
    ),
  );

export const useConclude = (id: string, onDone?: (c: Consultation) => void) =>
  useStep(
    id,
    (outcome: string) =>
      ok(client.POST('/api/consultations/{id}/conclude', { ...path(id), body: { outcome } })),
    onDone,
  );

export const useCloseConsultation = (id: string, onDone?: (c: Consultation) => void) =>
  useStep(
    id,
    (reason: string) => ok(client.POST('/api/consultations/{id}/close', { ...path(id), body: { reason } })),
    onDone,
  );

/** Writes a message; the thread and the consultation (its last activity) are asked again. */
export function usePostMessage(id: string, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      ok(client.POST('/api/consultations/{id}/messages', { ...path(id), body: { body } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CONSULTATION_KEYS.all });
      onDone?.();
    },
  });
}

/** Turns the outcome into a proposal of the decisions module; answers the proposal's id. */
export function useMakeProposal(id: string, onDone: (proposalId: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposalBody) =>
      ok(client.POST('/api/consultations/{id}/proposal', { ...path(id), body })),
    onSuccess: ({ consultation, proposalId }) => {
      queryClient.setQueryData(CONSULTATION_KEYS.one(id), { consultation });
      void queryClient.invalidateQueries({ queryKey: CONSULTATION_KEYS.all });
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      onDone(proposalId);
    },
  });
}
