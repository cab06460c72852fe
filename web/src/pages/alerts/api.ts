import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BodyOf, client, ok, type Schema } from '../../api/client.ts';
import { postWithProgress } from '../../lib/upload.ts';
import { KEYS } from '../../queries.ts';
import { REPORT_KEYS } from '../monitoring/api.ts';

/** What early warning's API answers, from the server's schemas (src/modules/alerts/present.ts). */

export type Alert = Schema<'Alert'>;
export type AlertStatus = Alert['status'];
export type RegionLevel = Schema<'RegionLevel'>;
export type AlertLevel = Schema<'AlertLevel'>;
export type IndicatorSeries = Schema<'IndicatorSeries'>;
export type ImportResult = Schema<'IndicatorImport'>;
export type RaiseAlertBody = BodyOf<'/api/alerts', 'post'>;
export type AlertStep = 'acknowledge' | 'escalate' | 'close';
export type StatusFilter = AlertStatus | 'active';

export const STATUS_FILTERS: StatusFilter[] = ['active', 'open', 'acknowledged', 'escalated', 'closed'];
/** 0 public … 3 secret, as the server numbers them. */
export const CLASSIFICATION_LEVELS = ['public', 'restricted', 'confidential', 'secret'] as const;

export const ALERT_KEYS = {
  all: ['alerts'],
  levels: ['alerts', 'levels'],
  history: (region: string) => ['alerts', 'levels', 'history', region],
  list: (filters: object) => ['alerts', 'list', filters],
  one: (id: string) => ['alerts', 'one', id],
  series: (code: string, range: object) => ['alerts', 'series', code, range],
  consultations: ['consultations', 'situation'],
} as const;

/** What a live record entry of early warning, reports or consultations may change here. */
export const SITUATION_KEYS = [ALERT_KEYS.all, REPORT_KEYS.all, ALERT_KEYS.consultations];

/** A day range (`2026-12-01`, UTC; the last day whole) as the API's instants. */
export function dayRange(from: string | null, to: string | null): { from?: string; to?: string } {
  return {
    ...(from ? { from: `${from}T00:00:00Z` } : {}),
    ...(to ? { to: `${to}T23:59:59.999Z` } : {}),
  };
}

export const useLevels = () =>
  useQuery({
    queryKey: ALERT_KEYS.levels,
    queryFn: ({ signal }) => ok(client.GET('/api/monitoring/levels', { signal })),
  });

/** A region's level changes, newest first (for useQueries over several regions). */
export const levelHistoryQuery = (region: string) => ({
  queryKey: ALERT_KEYS.history(region),
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    ok(client.GET('/api/monitoring/levels/{region}/history', { params: { path: { region } }, signal })),
});

export interface AlertFilters {
  /** Every status when null. */
  status: StatusFilter | null;
  region: string | null;
  level: number | null;
}

export const useAlerts = (filters: AlertFilters, limit = 100) =>
  useQuery({
    queryKey: ALERT_KEYS.list({ ...filters, limit }),
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/alerts', {
          params: {
            query: {
              limit,
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.region ? { region: filters.region } : {}),
              ...(filters.level ? { level: filters.level } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useAlert = (id: string) =>
  useQuery({
    queryKey: ALERT_KEYS.one(id),
    queryFn: ({ signal }) => ok(client.GET('/api/alerts/{id}', { params: { path: { id } }, signal })),
  });

export const useSeries = (code: string, range: { from?: string; to?: string }) =>
  useQuery({
    queryKey: ALERT_KEYS.series(code, range),
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/indicators/{code}/values', {
          params: { path: { code }, query: range },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export interface MapFilters {
  region: string | null;
  category: string | null;
  from: string | null;
  to: string | null;
  bbox: string | null;
}

/** The reports' filters as the reports API takes them (map, export). */
export function reportQuery(f: Omit<MapFilters, 'bbox'> & { bbox?: string | null }) {
  return {
    ...(f.region ? { region: [f.region] } : {}),
    ...(f.category ? { category: [f.category] } : {}),
    ...(f.bbox ? { bbox: f.bbox } : {}),
    ...dayRange(f.from, f.to),
  };
}

/** Reports gathered in cells of the map (a cell with one report names it), and counts by region. */
export const useReportClusters = (filters: MapFilters) =>
  useQuery({
    queryKey: [...REPORT_KEYS.all, 'clusters', filters],
    queryFn: ({ signal }) =>
      ok(
        client.GET('/api/reports/map', {
          params: { query: { ...reportQuery(filters), cells: 48 } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useConsultations = () =>
  useQuery({
    queryKey: ALERT_KEYS.consultations,
    queryFn: ({ signal }) => ok(client.GET('/api/consultations', { signal })),
  });

/** Open decision procedures (proposals open for a decision), soonest deadline first. */
export const useOpenProcedures = () =>
  useQuery({
    queryKey: [...KEYS.proposals, 'situation'],
    queryFn: ({ signal }) =>
      ok(client.GET('/api/proposals', { params: { query: { view: 'open', limit: 20 } }, signal })),
  });

/** A step on an alert; the answer replaces the cached alert and the lists are asked again. */
export function useAlertStep(id: string, step: AlertStep, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { note?: string; reason?: string }) => {
      const options = { params: { path: { id } } };
      if (step === 'close')
        return ok(client.POST('/api/alerts/{id}/close', { ...options, body: { reason: body.reason ?? '' } }));
      const note = body.note?.trim() ? { note: body.note.trim() } : {};
      return step === 'acknowledge'
        ? ok(client.POST('/api/alerts/{id}/acknowledge', { ...options, body: note }))
        : ok(client.POST('/api/alerts/{id}/escalate', { ...options, body: note }));
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ALERT_KEYS.all });
      onDone?.();
    },
  });
}

export function useRaiseAlert(onDone: (alert: Alert) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RaiseAlertBody) => ok(client.POST('/api/alerts', { body })),
    onSuccess: ({ alert }) => {
      void queryClient.invalidateQueries({ queryKey: ALERT_KEYS.all });
      onDone(alert);
    },
  });
}

export function useEnterValue(code: string, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: { at: string; value: number }) =>
      ok(
        client.POST('/api/indicators/{code}/values', {
          params: { path: { code } },
          body: { values: [value] },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ALERT_KEYS.all });
      onDone?.();
    },
  });
}

/** Sends a CSV file of values, reporting the upload's progress (0..1). */
export const importValues = (csv: string, onProgress: (share: number) => void) =>
  postWithProgress<ImportResult>('/api/indicators/values/import', { csv }, onProgress);
