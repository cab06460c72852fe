import { Anchor, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useBodies, useDecisionList } from '../../queries.ts';
import type { DecisionListItem } from '../../types.ts';
import { ResultBadge } from './badges.tsx';
import { useBodyName } from './labels.ts';

const FIRST_YEAR = 2020;

export function DecisionsPage() {
  const { t } = useTranslation();
  const { text, date } = useFormat();
  const [params, setParams] = useSearchParams();
  const bodies = useBodies();
  const bodyName = useBodyName();
  const year = params.get('year');
  const list = useDecisionList({ year: year ? Number(year) : null, body: params.get('body') });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 2 }, (_, i) => String(thisYear + 1 - i));

  const setParam = (key: string, value: string | null) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title={t('decisions.register.title')} description={t('decisions.register.description')} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Select
            label={t('decisions.register.year')}
            placeholder={t('decisions.list.any')}
            data={years}
            value={year}
            onChange={(v) => setParam('year', v)}
            clearable
          />
          <Select
            label={t('decisions.list.body')}
            placeholder={t('decisions.list.any')}
            data={(bodies.data?.items ?? []).map((b) => ({ value: b.code, label: text(b.name) }))}
            value={params.get('body')}
            onChange={(v) => setParam('body', v)}
            clearable
          />
        </SimpleGrid>
        <QueryState query={list}>
          {() => (
            <Stack gap="md">
              <DataTable<DecisionListItem>
                testId="decisions-table"
                caption={t('decisions.register.title')}
                empty={t('decisions.register.empty')}
                rows={items}
                rowKey={(d) => d.id}
                minWidth={720}
                columns={[
                  {
                    key: 'number',
                    header: t('decisions.register.columns.number'),
                    width: 140,
                    cell: (d) => (
                      <Anchor
                        component={Link}
                        to={`/decisions/${d.id}`}
                        size="sm"
                        fw={600}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {t('decisions.decision.number', { number: d.number, year: d.year })}
                      </Anchor>
                    ),
                  },
                  {
                    key: 'title',
                    header: t('decisions.register.columns.title'),
                    cell: (d) => (
                      <Stack gap={2}>
                        <Text size="sm" fw={500}>
                          {d.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {bodyName(d.body)}
                        </Text>
                      </Stack>
                    ),
                  },
                  {
                    key: 'result',
                    header: t('decisions.register.columns.result'),
                    width: 170,
                    cell: (d) => <ResultBadge result={d.result} />,
                  },
                  {
                    key: 'adoptedAt',
                    header: t('decisions.register.columns.adoptedAt'),
                    width: 170,
                    cell: (d) => (
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {date(d.adoptedAt)}
                      </Text>
                    ),
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
