import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { Report, ReportStatus } from './api.ts';
import { useMonitoringSettings } from './api.ts';

export const STATUS_COLOR: Record<ReportStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  under_review: 'yellow',
  verified: 'teal',
  published: 'green',
  archived: 'gray',
};

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      radius="sm"
      miw="max-content"
      data-testid="report-status"
      data-status={status}
    >
      {t(`monitoring.status.${status}`)}
    </Badge>
  );
}

/**
 * The organisation's taxonomy and regions in the reader's language: a category or
 * subcategory's name (with its parent's), a region's name.
 */
export function useMonitoringNames() {
  const { text } = useFormat();
  const settings = useMonitoringSettings();
  const monitoring = settings.data?.monitoring;
  const categories = monitoring?.categories ?? [];
  const regions = monitoring?.regions ?? [];
  const find = (code: string) => {
    for (const c of categories) {
      if (c.code === code) return { name: text(c.name), parent: null as string | null };
      const sub = c.subcategories.find((s) => s.code === code);
      if (sub) return { name: text(sub.name), parent: text(c.name) };
    }
    return null;
  };
  return {
    loaded: !!monitoring,
    categories,
    regions,
    /** "Explosions/Remote violence › Shelling/artillery/missile attack", or the name of a category. */
    category: (code: string) => {
      const found = find(code);
      if (!found) return code;
      return found.parent ? `${found.parent} › ${found.name}` : found.name;
    },
    /** The category or subcategory's own name, and its parent's (null for a category). */
    categoryParts: (code: string) => find(code) ?? { name: code, parent: null },
    region: (code: string | null) => {
      if (!code) return '—';
      const region = regions.find((r) => r.code === code);
      return region ? text(region.name) : code;
    },
  };
}

/** When it happened, as precisely as the report says: a minute, a day or a week. */
export function useOccurredAt() {
  const { t, i18n } = useTranslation();
  const tag = i18n.language === 'ru' ? 'ru-RU' : 'en-GB';
  return (iso: string, precision: Report['timePrecision']): string => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const day = new Intl.DateTimeFormat(tag, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(d);
    if (precision === 'day') return t('monitoring.when.day', { day });
    if (precision === 'week') return t('monitoring.when.week', { day });
    const time = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(
      d,
    );
    return t('monitoring.when.exact', { day, time });
  };
}

/** "4 km SE of Isfara", or the place's name alone. */
export function usePlaceText() {
  const { t } = useTranslation();
  return (place: NonNullable<Report['place']>): string =>
    place.distanceKm && place.direction
      ? t('monitoring.place.away', {
          distance: place.distanceKm,
          direction: t(`monitoring.direction.short.${place.direction}`),
          name: place.name,
        })
      : t('monitoring.place.at', { name: place.name });
}

/** A point in degrees with its hemispheres, as read aloud on a radio net: "39.85960° N, 70.73987° E". */
export function usePointText() {
  const { t } = useTranslation();
  return (point: { latitude: number; longitude: number }): string =>
    t('monitoring.point.format', {
      latitude: Math.abs(point.latitude).toFixed(5),
      ns: t(point.latitude >= 0 ? 'monitoring.point.north' : 'monitoring.point.south'),
      longitude: Math.abs(point.longitude).toFixed(5),
      ew: t(point.longitude >= 0 ? 'monitoring.point.east' : 'monitoring.point.west'),
    });
}

/** "B2 — usually reliable, probably true": the admiralty grading and what it means. */
export function useSourceGrading() {
  const { t } = useTranslation();
  return (source: Pick<Report['source'], 'reliability' | 'credibility'>): string =>
    `${source.reliability}${source.credibility} — ${t(`monitoring.reliability.${source.reliability}`)}, ${t(
      `monitoring.credibility.${source.credibility}`,
    )}`;
}

/** A wait in its two largest parts, without seconds: "5 h 12 min", "2 d 3 h", "4 h", "4 min". */
export function useWait() {
  const { t } = useTranslation();
  return (seconds: number): string => {
    const total = Math.max(0, Math.floor(seconds / 60));
    const days = Math.floor(total / 1440);
    const hours = Math.floor((total % 1440) / 60);
    const minutes = total % 60;
    if (days) return `${t('decisions.units.days', { n: days })} ${t('decisions.units.hours', { n: hours })}`;
    if (hours)
      return `${t('decisions.units.hours', { n: hours })} ${t('decisions.units.minutes', { n: minutes })}`;
    return t('decisions.units.minutes', { n: minutes });
  };
}
