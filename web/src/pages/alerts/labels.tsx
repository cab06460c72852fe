import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useMonitoringSettings } from '../monitoring/api.ts';
import type { AlertStatus } from './api.ts';

/** Black or white, whichever reads better on the colour (#rrggbb). */
export function inkOn(colour: string): string {
  const hex = /^#?([0-9a-f]{6})$/i.exec(colour)?.[1];
  if (!hex) return '#fff';
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1a1b1e' : '#fff';
}

/** The organisation's alert scale and regions, with names in the reader's language. */
export function useScale() {
  const settings = useMonitoringSettings();
  const { text } = useFormat();
  const monitoring = settings.data?.monitoring;
  const scale = monitoring?.alertScale ?? [];
  const level = (n: number) => {
    const found = scale.find((l) => l.level === n);
    return { level: n, name: found ? text(found.name) : String(n), colour: found?.colour ?? '#868e96' };
  };
  const region = (code: string) => {
    const found = monitoring?.regions.find((r) => r.code === code);
    return found ? text(found.name) : code;
  };
  /**
   * An alert's title in the reader's language: an automatic alert is named by its region and
   * level (the server stores the same words in English, for the record, e-mail and CLI); a
   * raised one by the words its author wrote.
   */
  const alertTitle = (a: { origin: 'automatic' | 'raised'; region: string; level: number; title: string }) =>
    a.origin === 'automatic' && monitoring ? `${region(a.region)}: ${level(a.level).name}` : a.title;
  const indicators = monitoring?.indicators ?? [];
  return {
    ready: !!monitoring,
    scale,
    level,
    region,
    alertTitle,
    regions: monitoring?.regions ?? [],
    indicators,
  };
}

/** A level's badge in the scale's colour. */
export function LevelBadge({ level, size = 'sm' }: { level: number; size?: 'xs' | 'sm' | 'md' }) {
  const { level: of } = useScale();
  const l = of(level);
  return (
    <Badge
      size={size}
      radius="sm"
      styles={{
        root: {
          background: l.colour,
          color: inkOn(l.colour),
          textTransform: 'none',
          flexShrink: 0,
          overflow: 'visible',
        },
        label: { overflow: 'visible' },
      }}
      data-testid="level-badge"
      data-level={level}
    >
      {l.name}
    </Badge>
  );
}

const STATUS_COLOUR: Record<AlertStatus, string> = {
  open: 'red',
  acknowledged: 'blue',
  escalated: 'grape',
  closed: 'gray',
};

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOUR[status]} data-testid="alert-status" data-status={status}>
      {t(`alerts.status.${status}`)}
    </Badge>
  );
}

/** The current time, ticking every `everyMs` while the component is shown. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A span of seconds in words: "2 d 4 h", "3 h 12 min", "45 s". */
export function useDuration() {
  const { t } = useTranslation();
  return (seconds: number) => {
    const s = Math.max(0, Math.round(seconds));
    const d = Math.floor(s / 86_400);
    const h = Math.floor((s % 86_400) / 3600);
    const m = Math.floor((s % 3600) / 60);
    if (d > 0) return t('alerts.duration.days', { d, h });
    if (h > 0) return t('alerts.duration.hours', { h, m });
    if (m > 0) return t('alerts.duration.minutes', { m, s: s % 60 });
    return t('alerts.duration.seconds', { s });
  };
}

/**
 * An alert's age, ticking: the server's age at the moment it answered, plus the time since
 * (a closed alert's age stands still).
 */
export function Age({ seconds, fetchedAt, still }: { seconds: number; fetchedAt: number; still?: boolean }) {
  const now = useNow();
  const duration = useDuration();
  const shown = still ? seconds : seconds + Math.max(0, (now - fetchedAt) / 1000);
  return <span data-testid="alert-age">{duration(shown)}</span>;
}
