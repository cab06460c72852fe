import { Button, Grid, Group, Paper, Select } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ru';
import { IconFilterOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { categoryOptions } from '../monitoring/categories.ts';
import { useMonitoringNames } from '../monitoring/labels.tsx';

export interface SituationFilters {
  from: string | null;
  to: string | null;
  region: string | null;
  category: string | null;
  /** A cell the reader zoomed to: west,south,east,north. */
  bbox: string | null;
}
const KEYS = ['from', 'to', 'region', 'category', 'bbox'] as const;

/** The situation room's filters, kept in the page's address (a view can be shared as a link). */
export function useSituationFilters() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(KEYS.map((k) => [k, params.get(k)])) as unknown as SituationFilters;
  const change = (patch: Partial<SituationFilters>) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const key of KEYS) {
          if (!(key in patch)) continue;
          const value = patch[key];
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { filters, change };
}

/** The filters' query string (without the zoomed cell), for links to the brief and the exports. */
export function filterQuery(f: SituationFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  for (const key of ['from', 'to', 'region', 'category'] as const) {
    const value = f[key];
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Time range, region and category of what the situation room shows. */
export function SituationFilterBar({
  filters,
  onChange,
}: {
  filters: SituationFilters;
  onChange: (patch: Partial<SituationFilters>) => void;
}) {
  const { t, i18n } = useTranslation();
  const { text } = useFormat();
  const names = useMonitoringNames();
  const [range, setRange] = useState<[string | null, string | null]>([filters.from, filters.to]);
  useEffect(() => setRange([filters.from, filters.to]), [filters.from, filters.to]);
  const pickRange = ([from, to]: [string | null, string | null]) => {
    setRange([from, to]);
    if ((from && to) || (!from && !to))
      onChange({ from: from?.slice(0, 10) ?? null, to: to?.slice(0, 10) ?? null });
  };
  const any = !!(filters.from || filters.to || filters.region || filters.category || filters.bbox);
  return (
    <Paper
      p="sm"
      withBorder
      radius="md"
      component="section"
      aria-label={t('alerts.situation.filters')}
      mb="md"
    >
      <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <DatePickerInput
              type="range"
              label={t('alerts.situation.period')}
              placeholder={t('alerts.situation.anyPeriod')}
              value={range}
              onChange={pickRange}
              allowSingleDateInRange
              valueFormat="D MMM YYYY"
              clearable
              data-testid="situation-dates"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('alerts.situation.region')}
              placeholder={t('alerts.situation.anyRegion')}
              data={names.regions.map((r) => ({ value: r.code, label: text(r.name) }))}
              value={filters.region}
              onChange={(region) => onChange({ region, bbox: null })}
              clearable
              comboboxProps={{ width: 360, position: 'bottom-start' }}
              data-testid="situation-region"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('alerts.situation.category')}
              placeholder={t('alerts.situation.anyCategory')}
              data={categoryOptions(names.categories, text, t)}
              value={filters.category}
              onChange={(category) => onChange({ category })}
              searchable
              clearable
              maxDropdownHeight={360}
              comboboxProps={{ width: 340, position: 'bottom-start' }}
              data-testid="situation-category"
            />
          </Grid.Col>
        </Grid>
        {any ? (
          <Group justify="flex-end" mt="xs">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={() => onChange({ from: null, to: null, region: null, category: null, bbox: null })}
            >
              {t('alerts.situation.clear')}
            </Button>
          </Group>
        ) : null}
      </DatesProvider>
    </Paper>
  );
}
