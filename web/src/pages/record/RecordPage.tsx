import { Badge, Button, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert, QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { KEYS, usePartners, useStates } from '../../queries.ts';
import type { LedgerEntry, LedgerPage, VerifyResult } from '../../types.ts';
import { EntryDetails } from './EntryDetails.tsx';
import { useActionLabel, useClassificationLabel } from './labels.ts';
import { VerifyResultPanel } from './VerifyResult.tsx';

const PAGE_SIZE = 50;

function useLedger() {
  return useInfiniteQuery({
    queryKey: KEYS.ledger,
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam !== null) params.set('before', String(pageParam));
      return api.get<LedgerPage>(`/api/ledger?${params}`, signal);
    },
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function RecordPage() {
  const { t, i18n } = useTranslation();
  const { number, dateTime, shortDate, time, text } = useFormat();
  const actionLabel = useActionLabel();
  const classification = useClassificationLabel();
  const ledger = useLedger();
  const states = useStates();
  const partners = usePartners();
  const delegationName = (code: string) => {
    const state = states.data?.items.find((s) => s.code === code);
    if (state) return text(state.name);
    const partner = partners.data?.items.find((p) => p.code === code);
    if (partner) return text(partner.shortName);
    return i18n.exists(`affiliations.${code}`) ? t(`affiliations.${code}`) : code;
  };
  const [selected, setSelected] = useState<LedgerEntry | null>(null);
  const verify = useMutation({ mutationFn: () => api.post<VerifyResult>('/api/ledger/verify') });

  const abilities = ledger.data?.pages[0]?.abilities;
  const entries = (ledger.data?.pages.flatMap((p) => p.items) ?? []).sort((a, b) => b.seq - a.seq);

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
            {abilities?.verify !== false ? (
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
        <QueryState query={ledger}>
          {() => (
            <Stack gap="md">
              <DataTable<LedgerEntry>
                testId="ledger-table"
                caption={t('record.title')}
                empty={t('record.empty')}
                rows={entries}
                rowKey={(e) => String(e.seq)}
                minWidth={700}
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
                      <Text size="sm" fw={500} title={e.action}>
                        {actionLabel(e.action)}
                      </Text>
                    ),
                  },
                  {
                    key: 'actor',
                    header: t('record.columns.actor'),
                    cell: (e) => (
                      <Stack gap={0}>
                        <Text size="sm">{e.actorLabel}</Text>
                        {e.delegation ? (
                          <Text size="xs" c="dimmed">
                            {delegationName(e.delegation)}
                          </Text>
                        ) : null}
                      </Stack>
                    ),
                  },
                  {
                    key: 'subject',
                    header: t('record.columns.subject'),
                    cell: (e) => (
                      <Text
                        size="xs"
                        c="dimmed"
                        ff="monospace"
                        lineClamp={1}
                        title={`${e.subjectType}: ${e.subjectId}`}
                      >
                        {e.subjectType}: {e.subjectId}
                      </Text>
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
                  entries.length > 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('record.end', { count: entries.length, shown: number(entries.length) })}
                    </Text>
                  ) : null
                }
              />
            </Stack>
          )}
        </QueryState>
      </Stack>
      <EntryDetails entry={selected} onClose={() => setSelected(null)} />
    </>
  );
}
