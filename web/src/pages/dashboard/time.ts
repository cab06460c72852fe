import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The current instant, refreshed every `everyMs` while mounted. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "2 d 4 h", "3 h 12 min", "12 min": a remaining time to the minute, for a summary. */
export function useShortDuration() {
  const { t } = useTranslation();
  return (ms: number): string => {
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    if (days) return `${t('home.units.days', { n: days })} ${t('home.units.hours', { n: hours })}`;
    if (hours)
      return `${t('home.units.hours', { n: hours })} ${t('home.units.minutes', { n: minutes % 60 })}`;
    return t('home.units.minutes', { n: Math.max(minutes, 1) });
  };
}

/** "3 hours ago", "yesterday": how long ago an instant was, in the reader's language. */
export function useAgo() {
  const { i18n } = useTranslation();
  const format = new Intl.RelativeTimeFormat(i18n.language === 'ru' ? 'ru' : 'en', { numeric: 'auto' });
  return (iso: string, now: number): string => {
    const seconds = Math.round((Date.parse(iso) - now) / 1000);
    const abs = Math.abs(seconds);
    if (abs < 60) return format.format(0, 'minute');
    if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
    if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
    return format.format(Math.round(seconds / 86_400), 'day');
  };
}
