import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BodyOf, client, ok } from '../../api/client.ts';
import { REPORT_KEYS } from './api.ts';

/** What the observation missions' API answers (src/modules/monitoring/missions/routes.ts). */

const getMission = (id: string, signal?: AbortSignal) =>
  ok(client.GET('/api/missions/{id}', { params: { path: { id } }, signal }));
const getDaily = (id: string, day: string, signal?: AbortSignal) =>
  ok(client.GET('/api/missions/{id}/daily/{day}', { params: { path: { id, day } }, signal }));

// As the client answers them (its tuples read as arrays: `area` is [longitude, latitude] pairs).
export type Mission = Awaited<ReturnType<typeof getMission>>['mission'];
export type MissionStatus = Mission['status'];
export type DailyReport = Awaited<ReturnType<typeof getDaily>>['daily'];
export type CreateMissionBody = BodyOf<'/api/missions', 'post'>;

export const MISSION_KEYS = {
  all: ['missions'],
  list: ['missions', 'list'],
  one: (id: string) => ['missions', 'one', id],
  daily: (id: string, day: string) => ['missions', 'daily', id, day],
} as const;

export const useMissions = () =>
  useQuery({
    queryKey: MISSION_KEYS.list,
    queryFn: ({ signal }) => ok(client.GET('/api/missions', { signal })),
  });

export const useMission = (id: string | null | undefined) =>
  useQuery({
    queryKey: MISSION_KEYS.one(id ?? ''),
    queryFn: ({ signal }) =>
      ok(client.GET('/api/missions/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: !!id,
    retry: false,
  });

/** A day's report: as approved, or compiled now from the day's reports. */
export const useDailyReport = (id: string, day: string | null) =>
  useQuery({
    queryKey: MISSION_KEYS.daily(id, day ?? ''),
    queryFn: ({ signal }) => getDaily(id, day ?? '', signal),
    enabled: !!day,
  });

/** A change to missions: refreshes them (and the reports, which name their mission), then `onDone`. */
function useMissionMutation<V, R>(mutationFn: (variables: V) => Promise<R>, onDone?: (result: R) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: MISSION_KEYS.all });
      void queryClient.invalidateQueries({ queryKey: REPORT_KEYS.all });
      onDone?.(result);
    },
  });
}

export const useCreateMission = (onDone?: (m: Mission) => void) =>
  useMissionMutation(
    async (body: CreateMissionBody) => (await ok(client.POST('/api/missions', { body }))).mission,
    onDone,
  );

export type ChangeMissionBody = BodyOf<'/api/missions/{id}', 'patch'>;

export const useChangeMission = (id: string, onDone?: (m: Mission) => void) =>
  useMissionMutation(
    async (body: ChangeMissionBody) =>
      (await ok(client.PATCH('/api/missions/{id}', { params: { path: { id } }, body }))).mission,
    onDone,
  );

export const useChangeMembers = (id: string, onDone?: (m: Mission) => void) =>
  useMissionMutation(
    async ({ add = [], remove = [] }: { add?: string[]; remove?: string[] }) =>
      (
        await ok(
          client.POST('/api/missions/{id}/members', { params: { path: { id } }, body: { add, remove } }),
        )
      ).mission,
    onDone,
  );

export const useApproveDaily = (id: string, day: string, onDone?: (d: DailyReport) => void) =>
  useMissionMutation(
    async (summary: string) =>
      (
        await ok(
          client.POST('/api/missions/{id}/daily/{day}/approve', {
            params: { path: { id, day } },
            body: { summary },
          }),
        )
      ).daily,
    onDone,
  );

/** An instant's calendar day in a time zone ("2026-12-01"), as the server counts a mission's days. */
export function dayIn(zone: string, iso: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}
