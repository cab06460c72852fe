import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client, ok, type ResponseOf } from '../../api/client.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { KEYS } from '../../queries.ts';
import { useCosignerList, useWitnessStateName } from './standing.ts';

type Witness = ResponseOf<'/api/ledger/witnesses'>['items'][number];
type Checkpoint = ResponseOf<'/api/ledger/checkpoints'>['items'][number];

const PAGE_SIZE = 20;

/** The organisation's witnesses and the quorum; refreshed with the record (KEYS.ledger). */
const useWitnesses = () =>
  useQuery({
    queryKey: [...KEYS.ledger, 'witnesses'],
    queryFn: ({ signal }) => ok(client.GET('/api/ledger/witnesses', { signal })),
  });

/** The checkpoints, newest first, a page at a time. */
const useCheckpoints = () =>
  useInfiniteQuery({
    queryKey: [...KEYS.ledger, 'checkpoints'],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) =>
      ok(
        client.GET('/api/ledger/checkpoints', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) =>
      last.items.length === PAGE_SIZE ? (last.items[last.items.length - 1]?.size ?? undefined) : undefined,
  });

function SectionHeading({ title, description }: { title: string; description: string }) {
  return (
    <Stack gap={2}>
      <Title order={2} fz="lg">
        {title}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {description}
      </Text>
    </Stack>
  );
}

/** Who co-signs the record's checkpoints, for which state, and the last checkpoint each co-signed. */
export function WitnessesPanel() {
  const { t } = useTranslation();
  const { number, dateTime } = useFormat();
  const stateName = useWitnessStateName();
  const witnesses = useWitnesses();
  return (
    <Stack gap="sm" data-testid="witnesses">
      <SectionHeading title={t('record.witnesses.title')} description={t('record.witnesses.description')} />
      <QueryState query={witnesses}>
        {({ quorum, items }) => (
          <Stack gap="sm">
            <Text size="sm" fw={500} data-testid="witness-quorum">
              {quorum > 0
                ? t('record.witnesses.quorum', {
                    count: quorum,
                    quorum: number(quorum),
                    of: number(items.filter((w) => w.active).length),
                  })
                : t('record.witnesses.none')}
            </Text>
            {items.length > 0 ? (
              <DataTable<Witness>
                testId="witness-table"
                caption={t('record.witnesses.title')}
                empty={t('record.witnesses.none')}
                rows={items}
                rowKey={(w) => w.name}
                minWidth={640}
                columns={[
                  {
                    key: 'name',
                    header: t('record.witnesses.columns.name'),
                    cell: (w) => (
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm" ff="monospace">
                          {w.name}
                        </Text>
                        {w.active ? null : (
                          <Badge color="gray" variant="light" radius="sm" tt="none">
                            {t('record.witnesses.inactive')}
                          </Badge>
                        )}
                      </Group>
                    ),
                  },
                  {
                    key: 'state',
                    header: t('record.witnesses.columns.state'),
                    cell: (w) => <Text size="sm">{w.state ? stateName(w.state) : '—'}</Text>,
                  },
                  {
                    key: 'last',
                    header: t('record.witnesses.columns.last'),
                    cell: (w) =>
                      w.lastCosignedSize === null ? (
                        <Text size="sm" c="dimmed">
                          {t('record.witnesses.never')}
                        </Text>
                      ) : (
                        <Stack gap={0}>
                          <Text size="sm">
                            {t('record.witnesses.lastSize', { size: number(w.lastCosignedSize) })}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {dateTime(w.lastCosignedAt)}
                          </Text>
                        </Stack>
                      ),
                  },
                ]}
              />
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** The record's checkpoints, newest first: size, when signed, witnessed or not, and by whom. */
export function CheckpointsList() {
  const { t } = useTranslation();
  const { number, dateTime } = useFormat();
  const cosignerList = useCosignerList();
  const checkpoints = useCheckpoints();
  const rows = checkpoints.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" data-testid="checkpoints">
      <SectionHeading
        title={t('record.checkpoints.title')}
        description={t('record.checkpoints.description')}
      />
      <QueryState query={checkpoints}>
        {() => (
          <Stack gap="sm">
            <DataTable<Checkpoint>
              testId="checkpoint-table"
              caption={t('record.checkpoints.title')}
              empty={t('record.checkpoints.empty')}
              rows={rows}
              rowKey={(c) => String(c.size)}
              minWidth={720}
              columns={[
                {
                  key: 'size',
                  header: t('record.checkpoints.columns.size'),
                  width: 110,
                  cell: (c) => (
                    <Text size="sm" ff="monospace" fw={600}>
                      {number(c.size)}
                    </Text>
                  ),
                },
                {
                  key: 'signedAt',
                  header: t('record.checkpoints.columns.signedAt'),
                  cell: (c) => (
                    <Stack gap={0}>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {dateTime(c.signedAt)}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace" title={t('record.checkpoints.keyId')}>
                        {c.keyId}
                      </Text>
                    </Stack>
                  ),
                },
                {
                  key: 'witnessed',
                  header: t('record.checkpoints.columns.witnessed'),
                  cell: (c) => (
                    <Badge
                      color={c.witnessed ? 'teal' : 'gray'}
                      variant="light"
                      radius="sm"
                      tt="none"
                      fw={600}
                      data-testid="checkpoint-witnessed"
                    >
                      {c.witnessed
                        ? t('record.checkpoints.witnessed', { count: c.cosigners.length, quorum: c.quorum })
                        : c.quorum > 0
                          ? t('record.checkpoints.notWitnessed', {
                              count: c.cosigners.length,
                              quorum: c.quorum,
                            })
                          : t('record.checkpoints.signedOnly')}
                    </Badge>
                  ),
                },
                {
                  key: 'cosigners',
                  header: t('record.checkpoints.columns.cosigners'),
                  cell: (c) => (
                    <Text size="sm" c={c.cosigners.length ? undefined : 'dimmed'}>
                      {c.cosigners.length ? cosignerList(c.cosigners) : t('record.checkpoints.noCosigners')}
                    </Text>
                  ),
                },
              ]}
            />
            <LoadMore pages={checkpoints} label={t('record.loadMore')} testId="checkpoints-more" />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** The record's tab of checkpoints and witnesses. */
export function CheckpointsPanel() {
  return (
    <Card p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="xl">
        <WitnessesPanel />
        <CheckpointsList />
      </Stack>
    </Card>
  );
}
