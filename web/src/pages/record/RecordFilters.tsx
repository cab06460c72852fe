import { Badge, Button, CloseButton, Grid, Group, MultiSelect, Paper, Select, Stack } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconFilterOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, ok } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { usePartners, useStates, useUsers } from '../../queries.ts';
import { type RecordFilters as Filters, hasFilters, SUBJECT_TYPES } from './filters.ts';
import { useActionLabel, useModuleLabel, useSubjectTypeLabel } from './labels.ts';

/** Every kind of record entry, with the module that writes it. */
export function useActionKinds() {
  return useQuery({
    queryKey: ['ledger-actions'],
    queryFn: ({ signal }) => ok(client.GET('/api/ledger/actions', { signal })),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/**
 * The record's filters: actions (grouped by module), kind of subject, who acted, on behalf
 * of which delegation, and a range of days. `subjectName` names the subject the page is
 * narrowed to, when it is.
 */
export function RecordFilters({
  filters,
  onChange,
  subjectName,
  actorName,
}: {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
  subjectName: string | null;
  actorName: string | null;
}) {
  const { t, i18n } = useTranslation();
  const { text } = useFormat();
  const actionLabel = useActionLabel();
  const moduleLabel = useModuleLabel();
  const subjectTypeLabel = useSubjectTypeLabel();
  const kinds = useActionKinds();
  const users = useUsers();
  const states = useStates();
  const partners = usePartners();

  // Actions grouped by the module that writes them, in the modules' order, each group sorted by label.
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const kind of kinds.data?.items ?? []) {
    const items = groups.get(kind.module) ?? [];
    items.push({ value: kind.action, label: actionLabel(kind.action) });
    groups.set(kind.module, items);
  }
  const actionData = [...groups].map(([module, items]) => ({
    group: moduleLabel(module),
    items: items.sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
  }));
  // An action in a shared link that this server does not list still shows (the API says why it refuses it).
  const listed = new Set((kinds.data?.items ?? []).map((k) => k.action));
  const unlisted = filters.actions.filter((a) => !listed.has(a)).map((a) => ({ value: a, label: a }));

  const actorData = (users.data?.items ?? [])
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  if (filters.actor && !actorData.some((o) => o.value === filters.actor)) {
    actorData.unshift({ value: filters.actor, label: actorName ?? filters.actor });
  }

  const stateData = [
    ...(states.data?.items ?? []).map((s) => ({ value: s.code, label: text(s.name) })),
    { value: 'secretariat', label: t('record.filters.secretariat') },
    ...(partners.data?.items ?? []).map((p) => ({ value: `partner:${p.code}`, label: text(p.shortName) })),
  ];

  // The range being picked is kept here; the address (and the list) changes once both days
  // are picked, or the range is cleared, not after the first click.
  const [range, setRange] = useState<[string | null, string | null]>([filters.from, filters.to]);
  useEffect(() => setRange([filters.from, filters.to]), [filters.from, filters.to]);
  const pickRange = ([from, to]: [string | null, string | null]) => {
    setRange([from, to]);
    if ((from && to) || (!from && !to))
      onChange({ from: from?.slice(0, 10) ?? null, to: to?.slice(0, 10) ?? null });
  };

  return (
    <Paper p="sm" withBorder radius="md" component="section" aria-label={t('record.filters.label')}>
      <Stack gap="xs">
        <DatesProvider settings={{ locale: i18n.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <MultiSelect
                label={t('record.filters.actions')}
                placeholder={filters.actions.length ? undefined : t('record.filters.actionsPlaceholder')}
                data={[...actionData, ...unlisted]}
                value={filters.actions}
                onChange={(actions) => onChange({ actions })}
                searchable
                clearable
                hidePickedOptions
                maxDropdownHeight={320}
                comboboxProps={{ width: 320, position: 'bottom-start' }}
                nothingFoundMessage="—"
                data-testid="filter-actions"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
              <Select
                label={t('record.filters.subjectType')}
                placeholder={t('record.filters.subjectTypePlaceholder')}
                data={SUBJECT_TYPES.map((type) => ({ value: type, label: subjectTypeLabel(type) }))}
                value={filters.subjectType}
                onChange={(subjectType) => onChange({ subjectType, subjectId: null })}
                clearable
                data-testid="filter-subject-type"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
              <Select
                label={t('record.filters.actor')}
                placeholder={t('record.filters.actorPlaceholder')}
                data={actorData}
                value={filters.actor}
                onChange={(actor) => onChange({ actor })}
                searchable
                clearable
                data-testid="filter-actor"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 2 }}>
              <Select
                label={t('record.filters.state')}
                placeholder={t('record.filters.statePlaceholder')}
                data={stateData}
                value={filters.state}
                onChange={(state) => onChange({ state })}
                searchable
                clearable
                data-testid="filter-state"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
              <DatePickerInput
                type="range"
                label={t('record.filters.dates')}
                placeholder={t('record.filters.datesPlaceholder')}
                value={range}
                onChange={pickRange}
                allowSingleDateInRange
                valueFormat="D MMM YYYY"
                clearable
                data-testid="filter-dates"
              />
            </Grid.Col>
          </Grid>
        </DatesProvider>
        {filters.subjectId || hasFilters(filters) ? (
          <Group gap="xs" justify="space-between">
            {filters.subjectType && filters.subjectId ? (
              <Badge
                variant="light"
                radius="sm"
                tt="none"
                size="lg"
                fw={500}
                data-testid="subject-filter"
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={t('record.filters.allSubjects')}
                    onClick={() => onChange({ subjectId: null })}
                  />
                }
              >
                {t('record.filters.onlySubject', {
                  name: `${subjectTypeLabel(filters.subjectType)}: ${subjectName ?? filters.subjectId}`,
                })}
              </Badge>
            ) : (
              <span />
            )}
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={() =>
                onChange({
                  actions: [],
                  subjectType: null,
                  subjectId: null,
                  actor: null,
                  state: null,
                  from: null,
                  to: null,
                })
              }
              data-testid="clear-filters"
            >
              {t('record.filters.clear')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
