import { Button, Grid, Group, Paper, Select, TextInput } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ru';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { type ReportFilters as Filters, REPORT_STATUSES, type ReportStatus } from './api.ts';
import { categoryOptions } from './categories.ts';
import { useMonitoringNames } from './labels.tsx';

/** The reports' filters: words, status, category (a category includes its subcategories), region, days. */
export function ReportFilters({
  filters,
  search,
  onSearch,
  onChange,
}: {
  filters: Filters;
  /** The words as typed (the list follows them a moment later). */
  search: string;
  onSearch: (words: string) => void;
  onChange: (patch: Partial<Filters>) => void;
}) {
  const { t, i18n } = useTranslation();
  const { text } = useFormat();
  const names = useMonitoringNames();

  // The range being picked is kept here; the list changes once both days are picked, or none.
  const [range, setRange] = useState<[string | null, string | null]>([filters.from, filters.to]);
  useEffect(() => setRange([filters.from, filters.to]), [filters.from, filters.to]);
  const pickRange = ([from, to]: [string | null, string | null]) => {
    setRange([from, to]);
    if ((from && to) || (!from && !to))
      onChange({ from: from?.slice(0, 10) ?? null, to: to?.slice(0, 10) ?? null });
  };
  const any =
    !!search || !!filters.status || !!filters.category || !!filters.region || !!filters.from || !!filters.to;

  return (
    <Paper
      p="sm"
      withBorder
      radius="md"
      component="section"
      aria-label={t('monitoring.filters.label')}
      mb="md"
    >
      <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
        <Grid gap="sm" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
            <TextInput
              label={t('monitoring.filters.words')}
              placeholder={t('monitoring.filters.wordsPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              value={search}
              onChange={(e) => onSearch(e.currentTarget.value)}
              data-testid="filter-words"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
            <Select
              label={t('monitoring.filters.status')}
              placeholder={t('monitoring.filters.anyStatus')}
              data={REPORT_STATUSES.map((s) => ({ value: s, label: t(`monitoring.status.${s}`) }))}
              value={filters.status}
              onChange={(v) => onChange({ status: (v as ReportStatus | null) ?? null })}
              clearable
              data-testid="filter-status"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
            <Select
              label={t('monitoring.filters.category')}
              placeholder={t('monitoring.filters.anyCategory')}
              data={categoryOptions(names.categories, text, t)}
              value={filters.category}
              onChange={(category) => onChange({ category })}
              searchable
              clearable
              maxDropdownHeight={360}
              comboboxProps={{ width: 340, position: 'bottom-start' }}
              data-testid="filter-category"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
            <Select
              label={t('monitoring.filters.region')}
              placeholder={t('monitoring.filters.anyRegion')}
              data={names.regions.map((r) => ({ value: r.code, label: text(r.name) }))}
              value={filters.region}
              onChange={(region) => onChange({ region })}
              clearable
              comboboxProps={{ width: 340, position: 'bottom-start' }}
              data-testid="filter-region"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
            <DatePickerInput
              type="range"
              label={t('monitoring.filters.dates')}
              placeholder={t('monitoring.filters.datesPlaceholder')}
              value={range}
              onChange={pickRange}
              allowSingleDateInRange
              valueFormat="D MMM YYYY"
              clearable
              data-testid="filter-dates"
            />
          </Grid.Col>
        </Grid>
        {any ? (
          <Group justify="flex-end" mt="xs">
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={() => {
                onSearch('');
                onChange({ status: null, category: null, region: null, from: null, to: null, q: null });
              }}
              data-testid="filters-clear"
            >
              {t('monitoring.filters.clear')}
            </Button>
          </Group>
        ) : null}
      </DatesProvider>
    </Paper>
  );
}
