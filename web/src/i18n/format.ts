import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale, Localized } from '../types.ts';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU' };

export interface Formatters {
  locale: Locale;
  /** Picks the text in the current language, falling back to the other one. */
  text: (value: Localized | null | undefined) => string;
  /** A calendar date ("YYYY-MM-DD" or ISO instant) as a long date. */
  date: (value: string | null | undefined) => string;
  /** A compact date for tables ("29 Nov 2026"). */
  shortDate: (value: string | null | undefined) => string;
  /** The time of day of an instant ("19:42:58"). */
  time: (value: string | null | undefined) => string;
  /** An instant as date and time. */
  dateTime: (value: string | null | undefined) => string;
  number: (value: number) => string;
}

/** Parses "YYYY-MM-DD" as a calendar date (no time-zone shift); anything else as an instant. */
function parse(value: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return new Date(value);
}

export function makeFormatters(locale: Locale): Formatters {
  const tag = INTL_LOCALE[locale];
  const dateFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric' });
  const calendarFormat = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const shortDateFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric' });
  const timeFormat = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const numberFormat = new Intl.NumberFormat(tag);
  const safe = (format: (d: Date) => string) => (value: string | null | undefined) => {
    if (!value) return '—';
    const d = parse(value);
    return Number.isNaN(d.getTime()) ? value : format(d);
  };
  return {
    locale,
    text: (value) => (value ? value[locale] || value.en || value.ru || '' : ''),
    date: (value) =>
      value && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? calendarFormat.format(parse(value))
        : safe((d) => dateFormat.format(d))(value),
    shortDate: safe((d) => shortDateFormat.format(d)),
    time: safe((d) => timeFormat.format(d)),
    dateTime: safe((d) => dateTimeFormat.format(d)),
    number: (value) => numberFormat.format(value),
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'ru' ? 'ru' : 'en';
  return useMemo(() => makeFormatters(locale), [locale]);
}
