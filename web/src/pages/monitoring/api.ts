import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type BodyOf, client, ok, type QueryOf, type Schema } from '../../api/client.ts';
import { allOf } from '../../types.ts';

/** What the monitoring API answers, from the server's schemas (src/modules/monitoring/present.ts, routes). */

export type Report = Schema<'Report'>;
export type ReportStatus = Report['status'];
export type ReportAbilities = Report['abilities'];
export type ReportVersion = Schema<'ReportVersion'>;
export type QueueItem = Schema<'ReportQueueItem'>;
export type MonitoringSettings = Schema<'MonitoringSettings'>;
export type ReportCategory = MonitoringSettings['categories'][number];
export type MonitoringRegion = MonitoringSettings['regions'][number];
export type CreateReportBody = BodyOf<'/api/reports', 'post'>;
export type CorrectReportBody = BodyOf<'/api/reports/{id}', 'put'>;
export type Direction = NonNullable<NonNullable<CreateReportBody['place']>['direction']>;
export type TimePrecision = CreateReportBody['timePrecision'];
export type PointPrecision = NonNullable<CreateReportBody['point']>['precision'];
export type Classification = CreateReportBody['classification'];
export type Protection = NonNullable<CreateReportBody['protection']>;

export const REPORT_STATUSES = allOf<ReportStatus>()([
  'draft',
  'submitted',
  'under_review',
  'verified',
  'published',
  'archived',
]);
/** The 16 points of the compass, clockwise from north. */
export const DIRECTIONS = allOf<Direction>()([
  'N',
  'NNE',
  'NE',
  'ENE',
  'E',
  'ESE',
  'SE',
  'SSE',
  'S',
  'SSW',
  'SW',
  'WSW',
  'W',
  'WNW',
  'NW',
  'NNW',
]);
export const TIME_PRECISIONS = allOf<TimePrecision>()(['exact', 'day', 'week']);
export const POINT_PRECISIONS = allOf<PointPrecision>()(['exact', 'district', 'region']);
export const CLASSIFICATIONS = allOf<Classification>()(['public', 'restricted', 'confidential', 'secret']);
export const PROTECTIONS = allOf<Protection>()(['restricted', 'confidential', 'secret']);
/** The admiralty scale: how reliable the source is (A..F), how credible the information (1..6). */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;

export const REPORT_KEYS = {
  all: ['reports'],
  list: (filters: object) => ['reports', 'list', filters],
  map: (filters: object) => ['reports', 'map', filters],
  one: (id: string) => ['reports', 'one', id],
  versions: (id: string) => ['reports', 'versions', id],
  queue: ['reports', 'queue'],
  settings: ['organisation', 'monitoring'],
} as const;

const PAGE_SIZE = 50;
/** How many reports the map draws at most (the newest that match the filters). */
export const MAP_LIMIT = 500;

export interface ReportFilters {
  status: ReportStatus | null;
  category: string | null;
  region: string | null;
  /** Days, `2026-12-01` (UTC); the last included. */
  from: string | null;
  to: string | null;
  q: string | null;
  /** The observation mission the reports were filed for. */
  mission?: string | null;
  /** A collection the reports are in. */
  collection?: string | null;
}

/** The filters that are set, as the list's query (a day range as instants, the last day whole). */
function listQuery(filters: ReportFilters): QueryOf<'/api/reports'> {
  const query: QueryOf<'/api/reports'> = {};
  if (filters.status) query.status = [filters.status];
  if (filters.category) query.category = [filters.category];
  if (filters.region) query.region = [filters.region];
  if (filters.from) query.from = `${filters.from}T00:00:00Z`;
  if (filters.to) query.to = `${filters.to}T23:59:59.999Z`;
  if (filters.q) query.q = filters.q;
  if (filters.mission) query.mission = filters.mission;
  if (filters.collection) query.collection = filters.collection;
  return query;
}

/** The organisation's monitoring settings: categories, regions with outlines, alert scale. */
export const useMonitoringSettings = () =>
  useQuery({
    queryKey: REPORT_KEYS.settings,
    queryFn: ({ signal }) => ok(client.GET('/api/organisation/monitoring', { signal })),
    staleTime: 10 * 60_000,
  });

/** The reports matching the filters, newest first, a page at a time (`next` cursor). */
export const useReportList = (filters: ReportFilters) =>
  useInfiniteQuery({
    queryKey: REPORT_KEYS.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      ok(
        client.GET('/api/reports', {
          params: {
            query: { ...listQuery(filters), limit: PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) },
          },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });

/** The newest reports matching the filters for the map, in one answer. */
export const useReportPoints = (filters: ReportFilters) =>
  useQuery({
    queryKey: REPORT_KEYS.map(filters),
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/reports', {
          params: { query: { ...listQuery(filters), limit: MAP_LIMIT } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useReport = (id: string | undefined) =>
  useQuery({
    queryKey: REPORT_KEYS.one(id ?? ''),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/reports/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
  });

export const useReportVersions = (id: string) =>
  useQuery({
    queryKey: REPORT_KEYS.versions(id),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/reports/{id}/versions', { params: { path: { id } }, signal })),
  });

export const useReviewQueue = () =>
  useQuery({
    queryKey: REPORT_KEYS.queue,
    queryFn: ({ signal }) => ok(client.GET('/api/reports/queue', { signal })),
  });

/** A change to a report: stores the answer, refreshes every reports query, then `onDone`. */
export function useReportMutation<V>(
  mutationFn: (variables: V) => Promise<{ report: Report }>,
  onDone?: (report: Report) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: ({ report }) => {
      queryClient.setQueryData(REPORT_KEYS.one(report.id), { report });
      void queryClient.invalidateQueries({ queryKey: REPORT_KEYS.all });
      onDone?.(report);
    },
  });
}
export type Reliability = CreateReportBody['source']['reliability'];
