import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useStates } from '../../queries.ts';
import { useDuration, useNow } from '../decisions/time.ts';
import type { CrossingPoint, LegStatus, LegSummary, RequestStatus } from './api.ts';
import { StatusSwatch } from './map/patterns.tsx';

export const REQUEST_COLOR: Record<RequestStatus, string> = {
  draft: 'gray',
  pending: 'blue',
  awaiting_acceptance: 'yellow',
  cleared: 'teal',
  denied: 'red',
  withdrawn: 'gray',
};

export const LEG_COLOR: Record<LegStatus | 'conditions', string> = {
  draft: 'gray',
  pending: 'yellow',
  info_requested: 'orange',
  escalated: 'violet',
  approved: 'teal',
  conditions: 'green',
  denied: 'red',
  withdrawn: 'gray',
};

/** A leg's status as the map and the chips draw it: "approved with conditions" apart. */
export const legLook = (leg: Pick<LegSummary, 'status' | 'conditions'>): LegStatus | 'conditions' =>
  leg.status === 'approved' && (leg.conditions?.length ?? 0) > 0 ? 'conditions' : leg.status;

export function useLegStatusLabel() {
  const { t } = useTranslation();
  return (status: string) => t(`clearances.legStatus.${status}`, { defaultValue: status });
}

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={REQUEST_COLOR[status]}
      variant="light"
      radius="sm"
      miw="max-content"
      data-testid="request-status"
      data-status={status}
    >
      {t(`clearances.status.${status}`)}
    </Badge>
  );
}

/** A leg on the board: the state's code, its status (pattern swatch as on the map), time left. */
export function LegChip({ leg, withTime = true }: { leg: LegSummary; withTime?: boolean }) {
  const { t } = useTranslation();
  const stateName = useStateName();
  const label = useLegStatusLabel();
  const look = legLook(leg);
  const tip = [
    `${stateName(leg.state)}: ${label(look)}`,
    leg.clearanceNumber ? t('clearances.leg.number', { number: leg.clearanceNumber }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip label={tip} withArrow>
      <Badge
        variant="outline"
        color={LEG_COLOR[look]}
        radius="sm"
        tt="none"
        fw={600}
        miw="max-content"
        leftSection={<StatusSwatch status={look} />}
        data-testid="leg-chip"
        data-state={leg.state}
        data-status={leg.status}
        aria-label={tip}
      >
        <Group gap={6} wrap="nowrap">
          <span>{leg.state}</span>
          <Text span size="xs" fw={500} c="dark.5">
            {label(look)}
          </Text>
          {withTime && leg.dueAt && (leg.status === 'pending' || leg.status === 'escalated') ? (
            <TimeLeft dueAt={leg.dueAt} />
          ) : null}
          {withTime && leg.status === 'info_requested' && leg.remainingSeconds !== null ? (
            <PausedLeft seconds={leg.remainingSeconds} />
          ) : null}
        </Group>
      </Badge>
    </Tooltip>
  );
}

/** "5 h 12 min" to a leg's window end, red once it has passed. */
export function TimeLeft({ dueAt }: { dueAt: string }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const duration = useDuration();
  const left = Date.parse(dueAt) - now;
  return (
    <Text
      span
      size="xs"
      fw={500}
      c={left <= 0 ? 'red.8' : left < 3_600_000 ? 'orange.8' : 'dimmed'}
      data-testid="time-left"
    >
      {left <= 0 ? t('clearances.leg.windowClosed') : duration(left)}
    </Text>
  );
}

/** The time a paused leg had left when its clock stopped: it does not run until the answer. */
export function PausedLeft({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const duration = useDuration();
  return (
    <Text span size="xs" fw={500} c="orange.8" data-testid="time-left-paused">
      {t('clearances.leg.pausedLeft', { time: duration(seconds * 1000) })}
    </Text>
  );
}

/** Member state names by code, in the reader's language. */
export function useStateName() {
  const { text } = useFormat();
  const states = useStates();
  return (code: string): string => {
    const state = states.data?.items.find((s) => s.code === code);
    return state ? text(state.name) : code;
  };
}

/** A member state's time zone, for the local time beside UTC. */
export function useStateZone() {
  const states = useStates();
  return (code: string | null): string | null =>
    states.data?.items.find((s) => s.code === code)?.timeZone ?? null;
}

export function usePointName(points: CrossingPoint[] | undefined) {
  const { text } = useFormat();
  return (code: string | null | undefined): string => {
    if (!code) return '—';
    const point = points?.find((p) => p.code === code);
    return point ? text(point.name) : code;
  };
}

/** "14:00 UTC · 17:00 Minsk": an instant in UTC and in a state's own zone. */
export function useUtcAndLocal() {
  const { i18n } = useTranslation();
  const tag = i18n.language === 'ru' ? 'ru-RU' : 'en-GB';
  return (iso: string | null | undefined, zone: string | null) => {
    if (!iso) return { utc: '—', local: null as string | null };
    const d = new Date(iso);
    const options: Intl.DateTimeFormatOptions = {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    };
    const utc = `${new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(d)} UTC`;
    let local: string | null = null;
    if (zone) {
      try {
        local = `${new Intl.DateTimeFormat(tag, { ...options, timeZone: zone }).format(d)} (${zone.split('/').pop()?.replace('_', ' ')})`;
      } catch {
        local = null;
      }
    }
    return { utc, local };
  };
}
