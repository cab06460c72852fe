import { Anchor, Button, Select, SimpleGrid, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useBodies, useProposalList } from '../../queries.ts';
import type { ProposalListItem } from '../../types.ts';
import { PROPOSAL_STATUSES, PROPOSAL_VIEWS } from '../../types.ts';
import { StatusBadge } from './badges.tsx';
import { CountdownText } from './Countdown.tsx';
import { useBodyName, useDecisionLabel, usePriorities } from './labels.ts';
import { useAuthorLabel } from './ProposalPage.tsx';
import { useZones } from './time.ts';

const TABS = ['all', ...PROPOSAL_VIEWS] as const;

function Deadline({ item }: { item: ProposalListItem }) {
  const { t } = useTranslation();
  const zones = useZones();
  const deadline = item.openProcedure?.deadline;
  if (!item.openProcedure) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  if (!deadline) {
    return <Text size="sm">{t('decisions.list.atMeeting')}</Text>;
  }
  return (
    <Stack gap={0} style={{ whiteSpace: 'nowrap' }} data-testid="deadline">
      <Text
        size="sm"
        title={`${zones.dateTime(deadline, zones.reference)} ${zones.zoneName(zones.reference)}`}
      >
        {zones.dateTime(deadline, zones.reader)}
      </Text>
      <CountdownText deadline={deadline} />
    </Stack>
  );
}

export function ProposalsPage() {
  const { t } = useTranslation();
  const { text } = useFormat();
  const [params, setParams] = useSearchParams();
  const bodies = useBodies();
  const bodyName = useBodyName();
  const authorLabel = useAuthorLabel();
  const priorities = usePriorities();
  const decisionLabel = useDecisionLabel();
  const view = params.get('view') ?? 'all';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value && !(key === 'view' && value === 'all')) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed search drives this
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) setParam('q', debounced || null);
  }, [debounced]);

  const filters = {
    view: view === 'all' ? null : view,
    body: params.get('body'),
    status: params.get('status'),
    priority: params.get('priority'),
    q: params.get('q'),
  };
  const list = useProposalList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // The server says whether the caller may draft in any body.
  const mayDraft = list.data?.pages[0]?.abilities.create ?? false;

  return (
    <>
      <PageHeader
        title={t('decisions.list.title')}
        description={t('decisions.list.description')}
        actions={
          mayDraft ? (
            <Button
              component={Link}
              to="/proposals/new"
              leftSection={<IconPlus size={16} aria-hidden />}
              data-testid="new-proposal"
            >
              {t('decisions.list.new')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Tabs value={view} onChange={(v) => setParam('view', v)} keepMounted={false}>
          <Tabs.List>
            {TABS.map((tab) => (
              <Tabs.Tab key={tab} value={tab} data-testid={`view-${tab}`}>
                {t(`decisions.views.${tab}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            label={t('decisions.list.search')}
            placeholder={t('decisions.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="proposal-search"
          />
          <Select
            label={t('decisions.list.body')}
            placeholder={t('decisions.list.any')}
            data={(bodies.data?.items ?? []).map((b) => ({ value: b.code, label: text(b.name) }))}
            value={params.get('body')}
            onChange={(v) => setParam('body', v)}
            clearable
            searchable
            nothingFoundMessage={t('common.nothingFound')}
          />
          <Select
            label={t('decisions.list.status')}
            placeholder={t('decisions.list.any')}
            data={PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`decisions.status.${s}`) }))}
            value={params.get('status')}
            onChange={(v) => setParam('status', v)}
            clearable
          />
          <Select
            label={t('decisions.list.priority')}
            placeholder={t('decisions.list.any')}
            data={priorities.options}
            value={params.get('priority')}
            onChange={(v) => setParam('priority', v)}
            clearable
            comboboxProps={{ width: 420, position: 'bottom-end' }}
          />
        </SimpleGrid>
        <QueryState query={list}>
          {() => (
            <Stack gap="md">
              <DataTable<ProposalListItem>
                testId="proposals-table"
                caption={t('decisions.list.title')}
                empty={t('decisions.list.empty')}
                rows={items}
                rowKey={(p) => p.id}
                minWidth={760}
                columns={[
                  {
                    key: 'title',
                    header: t('decisions.list.columns.title'),
                    cell: (p) => (
                      <Stack gap={2}>
                        <Anchor component={Link} to={`/proposals/${p.id}`} size="sm" fw={600} c="navy.8">
                          {p.title}
                        </Anchor>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {[authorLabel(p.author), priorities.title(p.priority)].filter(Boolean).join(' · ')}
                        </Text>
                      </Stack>
                    ),
                  },
                  {
                    key: 'body',
                    header: t('decisions.list.columns.body'),
                    width: 200,
                    cell: (p) => <Text size="sm">{bodyName(p.body)}</Text>,
                  },
                  {
                    key: 'status',
                    header: t('decisions.list.columns.status'),
                    width: 170,
                    cell: (p) => (
                      <Stack gap={4} align="flex-start">
                        <StatusBadge status={p.status} />
                        {p.openProcedure ? (
                          <Text size="xs" c="dimmed">
                            {t(`decisions.kind.${p.openProcedure.kind}`)}
                          </Text>
                        ) : null}
                        {p.decision ? (
                          <Anchor component={Link} to={`/decisions/${p.decision.id}`} size="xs">
                            {decisionLabel(p.decision)}
                          </Anchor>
                        ) : null}
                      </Stack>
                    ),
                  },
                  {
                    key: 'deadline',
                    header: t('decisions.list.columns.deadline'),
                    width: 190,
                    cell: (p) => <Deadline item={p} />,
                  },
                ]}
              />
              <LoadMore pages={list} label={t('decisions.list.more')} />
            </Stack>
          )}
        </QueryState>
      </Stack>
    </>
  );
}
