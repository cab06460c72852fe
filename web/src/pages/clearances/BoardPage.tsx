import {
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useStates } from '../../queries.ts';
import {
  type ClearanceRequestSummary,
  REQUEST_STATUSES,
  useCrossingPoints,
  useRequest,
  useRequestList,
} from './api.ts';
import { ClearancesNav } from './ClearancesNav.tsx';
import { LegChip, legLook, RequestStatusBadge, useStateName } from './labels.tsx';
import { MapPanel } from './MapPanel.tsx';

/** The legs of a request for the map, from its current content and its legs' statuses. */
export function useMapData(
  request: {
    legs: ClearanceRequestSummary['legs'];
    content?: { legs: { state: string; entry: { point: string }; exit: { point: string } | null }[] };
  } | null,
) {
  const { text } = useFormat();
  const points = useCrossingPoints();
  const states = useStates();
  const legs = (request?.legs ?? []).map((leg, i) => {
    const planned = request?.content?.legs.find((l) => l.state === leg.state) ?? request?.content?.legs[i];
    return {
      state: leg.state,
      entry: planned?.entry.point ?? null,
      exit: planned?.exit?.point ?? null,
      status: legLook(leg),
    };
  });
  return {
    legs,
    points: (points.data?.items ?? []).map((p) => ({
      code: p.code,
      name: text(p.name),
      lat: p.lat,
      lon: p.lon,
    })),
    members: (states.data?.items ?? []).map((s) => s.code),
  };
}

function SelectedMap({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const one = useRequest(id ?? undefined);
  const data = useMapData(one.data?.request ?? null);
  return (
    <Card p="md" data-testid="board-map">
      <Stack gap="xs">
        <Title order={2} fz="md">
          {one.data
            ? `${one.data.request.reference} · ${one.data.request.title}`
            : t('clearances.board.mapTitle')}
        </Title>
        {!id ? (
          <Text size="sm" c="dimmed">
            {t('clearances.board.pickOne')}
          </Text>
        ) : null}
        <MapPanel legs={id ? data.legs : []} points={data.points} members={data.members} />
      </Stack>
    </Card>
  );
}

/**
 * The live board: open requests with each state's leg (status, decision, time left), and
 * the route of the selected one on the map. A decision taken elsewhere arrives through the
 * record's live stream, which refreshes the list.
 */
export function BoardPage() {
  const { t } = useTranslation();
  const { shortDate } = useFormat();
  const stateName = useStateName();
  const states = useStates();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const status = params.get('status');
  const state = params.get('state');
  const toDecide = params.get('toDecide') === 'true';
  const list = useRequestList({ status, state, toDecide, q });
  const items = list.data?.items ?? [];
  const selected = params.get('selected') ?? items[0]?.id ?? null;
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
      <PageHeader
        title={t('clearances.board.title')}
        description={t('clearances.board.description')}
        actions={
          list.data?.abilities.create ? (
            <Button
              component={Link}
              to="/clearances/new"
              leftSection={<IconPlus size={16} aria-hidden />}
              data-testid="new-request"
            >
              {t('clearances.board.new')}
            </Button>
          ) : null
        }
      />
      <ClearancesNav />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <TextInput
          label={t('clearances.board.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label={t('clearances.board.status')}
          placeholder={t('clearances.board.openOnly')}
          data={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`clearances.status.${s}`) }))}
          value={status}
          onChange={(v) => setParam('status', v)}
          clearable
          data-testid="filter-status"
        />
        <Select
          label={t('clearances.board.state')}
          placeholder={t('clearances.board.anyState')}
          data={(states.data?.items ?? []).map((s) => ({ value: s.code, label: stateName(s.code) }))}
          value={state}
          onChange={(v) => setParam('state', v)}
          clearable
        />
        <Switch
          mt={30}
          label={t('clearances.board.toDecide')}
          checked={toDecide}
          onChange={(e) => setParam('toDecide', e.currentTarget.checked ? 'true' : null)}
          data-testid="filter-to-decide"
        />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <QueryState query={list}>
            {() =>
              items.length === 0 ? (
                <Card>
                  <Text c="dimmed" size="sm" ta="center">
                    {t('clearances.board.empty')}
                  </Text>
                </Card>
              ) : (
                <Stack
                  gap="sm"
                  component="ul"
                  p={0}
                  m={0}
                  style={{ listStyle: 'none' }}
                  data-testid="request-board"
                  aria-label={t('clearances.board.title')}
                >
                  {items.map((r) => (
                    <Card
                      key={r.id}
                      component="li"
                      p="md"
                      data-testid="request-card"
                      data-reference={r.reference}
                      style={
                        r.id === selected
                          ? {
                              borderColor: 'var(--mantine-color-navy-6)',
                              boxShadow: '0 0 0 1px var(--mantine-color-navy-6)',
                            }
                          : undefined
                      }
                    >
                      <Stack gap="xs">
                        <Group justify="space-between" wrap="nowrap" align="flex-start">
                          <Stack gap={2} style={{ minWidth: 0 }}>
                            <Anchor
                              component={Link}
                              to={`/clearances/${r.id}`}
                              fw={600}
                              c="navy.8"
                              data-testid="request-link"
                            >
                              {r.title}
                            </Anchor>
                            <Text size="xs" c="dimmed">
                              {[
                                r.reference,
                                stateName(r.requestingState),
                                t(`clearances.urgency.${r.urgency}`),
                                t(`clearances.framework.${r.framework}`),
                                r.submittedAt ? shortDate(r.submittedAt) : null,
                              ]
                                .filter(Boolean)
                                .join(' · ')}
                            </Text>
                          </Stack>
                          <RequestStatusBadge status={r.status} />
                        </Group>
                        <Group gap={6}>
                          {r.legs.map((leg) => (
                            <LegChip key={leg.state} leg={leg} />
                          ))}
                        </Group>
                        <Group justify="flex-end">
                          <UnstyledButton
                            onClick={() => setParam('selected', r.id)}
                            aria-pressed={r.id === selected}
                            fz="xs"
                            c="navy.7"
                            fw={500}
                          >
                            {t('clearances.board.showOnMap')}
                          </UnstyledButton>
                        </Group>
                      </Stack>
                    </Card>
                  ))}
                </Stack>
              )
            }
          </QueryState>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <div style={{ position: 'sticky', top: 76 }}>
            <SelectedMap id={selected} />
          </div>
        </Grid.Col>
      </Grid>
    </>
  );
}
