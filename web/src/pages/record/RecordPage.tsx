import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Tabs,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  IconDownload,
  IconFilter,
  IconListDetails,
  IconShieldCheck,
  IconSignature,
} from '@tabler/icons-react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { client, ok } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert, QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { KEYS } from '../../queries.ts';
import { CheckpointsPanel } from './CheckpointsPanel.tsx';
import { EntryDetails } from './EntryDetails.tsx';
import {
  apiQuery,
  type RecordFilters as Filters,
  filtersFromParams,
  filtersToParams,
  hasFilters,
} from './filters.ts';
import { useActionLabel, useClassificationLabel, useSubjectTypeLabel } from './labels.ts';
import { useDelegationName, useSubjectName } from './names.ts';
import { RecordFilters } from './RecordFilters.tsx';
import type { RecordEntry } from './types.ts';
import { VerifyResultPanel } from './VerifyResult.tsx';

const PAGE_SIZE = 50;

/** The record's two views: its entries, and its checkpoints with the witnesses who co-sign them. */
type RecordTab = 'entries' | 'checkpoints';

/** The entries the reader may read that match the filters, newest first, a page at a time. */
function useLedger(filters: Filters) {
  return useInfiniteQuery({
    // Under KEYS.ledger, so a new entry on the live stream refreshes every filtered list.
    queryKey: [...KEYS.ledger, filters],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) =>
      ok(
        client.GET('/api/ledger', {
          params: { query: apiQuery(filters, { before: pageParam, limit: PAGE_SIZE }) },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/**
 * The record: every entry the reader may read, each action worded in their language, its
 * subject named (and linked to its page) when they may read it. Filters live in the address,
 * so a filtered view can be shared as a link.
 */
export function RecordPage() {
  const { t } = useTranslation();
  const { number, dateTime, shortDate, time } = useFormat();
  const actionLabel = useActionLabel();
  const classification = useClassificationLabel();
  const subjectTypeLabel = useSubjectTypeLabel();
  const delegationName = useDelegationName();
  const subjectName = useSubjectName();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const tab: RecordTab = params.get('tab') === 'checkpoints' ? 'checkpoints' : 'entries';
  const setTab = (next: string | null) =>
    setParams(next === 'checkpoints' ? { tab: 'checkpoints' } : filtersToParams(filters), { replace: true });
  const setFilters = (patch: Partial<Filters>) =>
    setParams(filtersToParams({ ...filters, ...patch }), { replace: true });
  const ledger = useLedger(filters);
  const [selected, setSelected] = useState<RecordEntry | null>(null);
  const verify = useMutation({ mutationFn: () => ok(client.POST('/api/ledger/verify')) });

  const abilities = ledger.data?.pages[0]?.abilities;
  const entries = (ledger.data?.pages.flatMap((p) => p.items) ?? []).sort((a, b) => b.seq - a.seq);
  const filtered = hasFilters(filters);
  const aboutSubject = filters.subjectId
    ? entries.find((e) => e.subjectType === filters.subjectType && e.subjectId === filters.subjectId)
    : undefined;
  const byActor = filters.actor ? entries.find((e) => e.actorId === filters.actor) : undefined;

  return (
    <>
      <PageHeader
        title={t('record.title')}
        description={t('record.description')}
        actions={
          <>
            {abilities?.export ? (
              <Button
                component="a"
                href="/api/ledger/export"
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('record.export')}
              </Button>
            ) : null}
            {abilities?.verify ? (
              <Button
                leftSection={<IconShieldCheck size={16} aria-hidden />}
                onClick={() => verify.mutate()}
                loading={verify.isPending}
                data-testid="verify-record"
              >
                {t('record.verify.button')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        {verify.data ? <VerifyResultPanel result={verify.data} /> : null}
        {verify.error ? <ErrorAlert error={verify.error} /> : null}
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab
              value="entries"
              leftSection={<IconListDetails size={16} aria-hidden />}
              data-testid="record-tab-entries"
            >
              {t('record.tabs.entries')}
            </Tabs.Tab>
            <Tabs.Tab
              value="checkpoints"
              leftSection={<IconSignature size={16} aria-hidden />}
              data-testid="record-tab-checkpoints"
            >
              {t('record.tabs.checkpoints')}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
        {tab === 'checkpoints' ? <CheckpointsPanel /> : null}
        {tab === 'entries' ? (
          <>
            <RecordFilters
              filters={filters}
              onChange={setFilters}
              subjectName={aboutSubject ? subjectName(aboutSubject) : null}
              actorName={byActor ? (byActor.actorName ?? byActor.actorLabel) : null}
            />
            <QueryState query={ledger}>
              {() => (
                <Stack gap="md">
                  <DataTable<RecordEntry>
                    testId="ledger-table"
                    caption={t('record.title')}
                    empty={filtered ? t('record.filters.empty') : t('record.empty')}
                    rows={entries}
                    rowKey={(e) => String(e.seq)}
                    minWidth={760}
                    columns={[
                      {
                        key: 'seq',
                        header: t('record.columns.seq'),
                        width: 70,
                        cell: (e) => (
                          <UnstyledButton
                            onClick={() => setSelected(e)}
                            aria-label={t('record.details.open', { seq: number(e.seq) })}
                          >
                            <Text size="sm" ff="monospace" c="navy.7" fw={600} td="underline">
                              {number(e.seq)}
                            </Text>
                          </UnstyledButton>
                        ),
                      },
                      {
                        key: 'at',
                        header: t('record.columns.at'),
                        cell: (e) => (
                          <Stack gap={0} style={{ whiteSpace: 'nowrap' }} title={dateTime(e.at)}>
                            <Text size="sm">{shortDate(e.at)}</Text>
                            <Text size="xs" c="dimmed">
                              {time(e.at)}
                            </Text>
                          </Stack>
                        ),
                      },
                      {
                        key: 'action',
                        header: t('record.columns.action'),
                        cell: (e) => (
                          <Text size="sm" fw={500} title={e.action} data-testid="entry-action">
                            {actionLabel(e.action)}
                          </Text>
                        ),
                      },
                      {
                        key: 'subject',
                        header: t('record.columns.subject'),
                        cell: (e) => {
                          const name = subjectName(e);
                          const only =
                            filters.subjectType === e.subjectType && filters.subjectId === e.subjectId;
                          return (
                            <Stack gap={0} data-testid="entry-subject">
                              <Text size="xs" c="dimmed">
                                {subjectTypeLabel(e.subjectType)}
                              </Text>
                              <Group gap={4} wrap="nowrap">
                                {e.subjectPath ? (
                                  <Anchor
                                    component={Link}
                                    to={e.subjectPath}
                                    size="sm"
                                    lineClamp={1}
                                    title={name}
                                  >
                                    {name}
                                  </Anchor>
                                ) : (
                                  <Text
                                    size="sm"
                                    lineClamp={1}
                                    ff={e.subjectLabel ? undefined : 'monospace'}
                                    title={`${e.subjectType}: ${e.subjectId}`}
                                  >
                                    {name}
                                  </Text>
                                )}
                                {only ? null : (
                                  <Tooltip label={t('record.filters.showOnlySubject', { name })} withArrow>
                                    <ActionIcon
                                      variant="subtle"
                                      color="gray"
                                      size="sm"
                                      aria-label={t('record.filters.showOnlySubject', { name })}
                                      onClick={() =>
                                        setFilters({ subjectType: e.subjectType, subjectId: e.subjectId })
                                      }
                                      data-testid="filter-by-subject"
                                    >
                                      <IconFilter size={14} aria-hidden />
                                    </ActionIcon>
                                  </Tooltip>
                                )}
                              </Group>
                            </Stack>
                          );
                        },
                      },
                      {
                        key: 'actor',
                        header: t('record.columns.actor'),
                        cell: (e) => (
                          <Stack gap={0}>
                            <Text size="sm" title={e.actorLabel}>
                              {e.actorName ?? e.actorLabel}
                            </Text>
                            {e.delegation ? (
                              <Text size="xs" c="dimmed">
                                {delegationName(e.delegation)}
                              </Text>
                            ) : null}
                          </Stack>
                        ),
                      },
                      {
                        key: 'classification',
                        header: t('record.columns.classification'),
                        width: 140,
                        cell: (e) => (
                          <Badge variant="light" color="gray" radius="sm" tt="none" fw={500}>
                            {classification(e.classification)}
                          </Badge>
                        ),
                      },
                    ]}
                  />
                  <LoadMore
                    pages={ledger}
                    label={t('record.loadMore')}
                    testId="load-more"
                    end={
                      entries.length > 0 && !filtered ? (
                        <Text size="sm" c="dimmed">
                          {t('record.end', { count: entries.length, shown: number(entries.length) })}
                        </Text>
                      ) : null
                    }
                  />
                </Stack>
              )}
            </QueryState>
          </>
        ) : null}
      </Stack>
      <EntryDetails entry={selected} onClose={() => setSelected(null)} />
    </>
  );
}
