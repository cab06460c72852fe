import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisation } from '../../queries.ts';
import type { Locale } from '../../types.ts';
import { DEFAULT_MAX_HORIZON_DAYS } from './procedureDraft.ts';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU' };

/** The reader's own time zone, as the browser knows it. */
export function readerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The current instant, refreshed every `everyMs` while mounted. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export interface ZoneFormatters {
  /** The organisation's reference zone (its seat), or the reader's when none is set. */
  reference: string;
  reader: string;
  /** Whether the reader already lives in the reference zone. */
  same: boolean;
  /** "Moscow time" / "по московскому времени", else the offset ("GMT+3"). */
  zoneName: (zone: string) => string;
  /** "2 Dec 2026, 18:00" in a zone. */
  dateTime: (iso: string, zone: string) => string;
  /** "2 December 2026" in a zone. */
  date: (iso: string, zone: string) => string;
  /** "18:00" in a zone. */
  time: (iso: string, zone: string) => string;
}

/** Formats instants in the reader's zone and in the organisation's reference zone. */
export function useZones(): ZoneFormatters {
  const { t, i18n } = useTranslation();
  const organisation = useOrganisation();
  const locale: Locale = i18n.language === 'ru' ? 'ru' : 'en';
  const reader = readerZone();
  const reference = organisation.data?.organisation?.timeZone ?? reader;
  return useMemo(() => {
    const tag = INTL_LOCALE[locale];
    const format = (options: Intl.DateTimeFormatOptions) => (iso: string, zone: string) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      try {
        return new Intl.DateTimeFormat(tag, { ...options, timeZone: zone }).format(d);
      } catch {
        return new Intl.DateTimeFormat(tag, options).format(d);
      }
    };
    const offset = (zone: string) => {
      try {
        const parts = new Intl.DateTimeFormat(tag, {
          timeZone: zone,
          timeZoneName: 'shortOffset',
        }).formatToParts(new Date());
        return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
      } catch {
        return zone;
      }
    };
    return {
      reference,
      reader,
      same: reference === reader,
      zoneName: (zone) => t(`timeZones.${zone}`, { defaultValue: '' }) || offset(zone),
      dateTime: format({
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
      date: format({ day: 'numeric', month: 'long', year: 'numeric' }),
      time: format({ hour: '2-digit', minute: '2-digit' }),
    };
  }, [locale, reference, reader, t]);
}

/**
 * How far ahead a procedure deadline may be, in days: the organisation file's
 * `procedures.maxHorizonDays`, served with the organisation (the server checks it again).
 */
export function useProcedureHorizon(): number {
  const organisation = useOrganisation();
  const data = organisation.data as { procedures?: { maxHorizonDays?: number } } | undefined;
  return data?.procedures?.maxHorizonDays ?? DEFAULT_MAX_HORIZON_DAYS;
}

/** A duration as its largest parts: "2 d 3 h 12 min", "12 min 5 s". */
export function useDuration() {
  const { t } = useTranslation();
  return (ms: number): string => {
    const total = Math.max(0, Math.floor(ms / 1000));
    const days = Math.floor(total / 86_400);
    const hours = Math.floor((total % 86_400) / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    const parts: string[] = [];
    if (days) parts.push(t('decisions.units.days', { n: days }));
    if (days || hours) parts.push(t('decisions.units.hours', { n: hours }));
    parts.push(t('decisions.units.minutes', { n: minutes }));
    if (!days) parts.push(t('decisions.units.seconds', { n: seconds }));
    return parts.join(' ');
  };
}
