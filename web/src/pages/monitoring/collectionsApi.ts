import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BodyOf, client, ok, type Schema } from '../../api/client.ts';
import { REPORT_KEYS, type ReportFilters } from './api.ts';

export type Collection = Schema<'ReportCollection'>;
export type SavedFilter = Schema<'SavedReportFilter'>;
type SaveFilterBody = BodyOf<'/api/me/report-filters', 'post'>;

const KEYS = { collections: ['report-collections'], filters: ['report-filters'] } as const;

export const useCollections = () =>
  useQuery({
    queryKey: KEYS.collections,
    queryFn: ({ signal }) => ok(client.GET('/api/report-collections', { signal })),
  });

export const useSavedFilters = () =>
  useQuery({
    queryKey: KEYS.filters,
    queryFn: ({ signal }) => ok(client.GET('/api/me/report-filters', { signal })),
  });

/** A change to collections or saved filters, refreshing them (and the reports, which lists count). */
function useCollectionMutation<I, O>(run: (input: I) => Promise<O>, onDone?: (out: O) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (out) => {
      void queryClient.invalidateQueries({ queryKey: KEYS.collections });
      void queryClient.invalidateQueries({ queryKey: KEYS.filters });
      void queryClient.invalidateQueries({ queryKey: REPORT_KEYS.all });
      onDone?.(out);
    },
  });
}

export const useCreateCollection = (onDone?: (c: Collection) => void) =>
  useCollectionMutation(
    async (body: { name: string; description: string }) =>
      (await ok(client.POST('/api/report-collections', { body }))).collection,
    onDone,
  );

export const useChangeCollection = () =>
  useCollectionMutation(
    async ({ id, add = [], remove = [] }: { id: string; add?: string[]; remove?: string[] }) =>
      ok(
        client.POST('/api/report-collections/{id}/reports', {
          params: { path: { id } },
          body: { add, remove },
        }),
      ),
  );

export const useSaveFilter = (onDone?: () => void) =>
  useCollectionMutation(
    async (body: SaveFilterBody) => ok(client.POST('/api/me/report-filters', { body })),
    onDone,
  );

export const useDeleteFilter = () =>
  useCollectionMutation(async (id: string) =>
    ok(client.DELETE('/api/me/report-filters/{id}', { params: { path: { id } } })),
  );

/** The page's filters as a saved filter stores them (the list's own query, without paging). */
export function savedFilterOf(f: ReportFilters): SaveFilterBody['filter'] {
  const out: Record<string, unknown> = {};
  if (f.status) out.status = [f.status];
  if (f.category) out.category = [f.category];
  if (f.region) out.region = [f.region];
  if (f.from) out.from = `${f.from}T00:00:00Z`;
  if (f.to) out.to = `${f.to}T23:59:59.999Z`;
  if (f.q) out.q = f.q;
  if (f.mission) out.mission = f.mission;
  if (f.collection) out.collection = f.collection;
  return out as SaveFilterBody['filter'];
}

/** A saved filter back as the page's filters (the first of each list; days from instants). */
export function filtersOfSaved(saved: Record<string, unknown>): Partial<ReportFilters> {
  const first = (v: unknown) =>
    Array.isArray(v) ? ((v[0] as string | undefined) ?? null) : ((v as string) ?? null);
  const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : null);
  return {
    status: first(saved.status) as ReportFilters['status'],
    category: first(saved.category),
    region: first(saved.region),
    from: day(saved.from),
    to: day(saved.to),
    q: (saved.q as string | undefined) ?? null,
    mission: (saved.mission as string | undefined) ?? null,
    collection: (saved.collection as string | undefined) ?? null,
  };
}
