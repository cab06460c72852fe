import { Anchor, Badge, Card, Grid, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useSeries } from './api.ts';
import { EnterValueForm, ImportValuesForm } from './IndicatorForms.tsx';
import { LevelBadge, useScale } from './labels.tsx';
import { TrendChart } from './TrendChart.tsx';

const SPANS = [30, 90, 365] as const;

/** The window of the chart: the last `days`, to the end of today (UTC). */
function rangeOf(days: number) {
  const to = new Date();
  to.setUTCHours(23, 59, 59, 999);
  const from = new Date(to.getTime() - days * 86_400_000 + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

/**
 * One indicator: its trend against its thresholds, and for an entered indicator (to those
 * who may enter its values) a form for one value and an import of many from a CSV file.
 */
export function IndicatorPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { text, date, dateTime, number } = useFormat();
  const scale = useScale();
  const [days, setDays] = useState<number>(90);
  const [range] = useState(() => Object.fromEntries(SPANS.map((d) => [d, rangeOf(d)])));
  const series = useSeries(code, range[days] ?? rangeOf(days));

  return (
    <QueryState query={series}>
      {(s) => {
        const i = s.indicator;
        const latest = s.values.at(-1);
        return (
          <>
            <Anchor component={Link} to={`/situation?region=${i.region}`} size="sm">
              {t('alerts.indicator.back', { region: scale.region(i.region) })}
            </Anchor>
            <PageHeader
              title={text(i.name)}
              description={
                <Group gap="xs" component="span">
                  <span>{scale.region(i.region)}</span>
                  <Badge variant="light" color={i.source === 'entered' ? 'blue' : 'gray'} size="sm">
                    {t(`alerts.indicator.source.${i.source}`)}
                  </Badge>
                  <span>{t(`alerts.indicator.direction.${i.direction}`)}</span>
                </Group>
              }
            />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 8 }}>
                <Card p="md" withBorder>
                  <Group justify="space-between" mb="sm">
                    <Stack gap={0}>
                      <Text size="xs" c="dimmed">
                        {t('alerts.indicator.latest')}
                      </Text>
                      {latest ? (
                        <Group gap="xs">
                          <Text fw={700} size="lg" data-testid="latest-value">
                            {number(latest.value)} {text(i.unit)}
                          </Text>
                          <LevelBadge level={latest.level} />
                        </Group>
                      ) : (
                        <Text size="sm">{t('alerts.indicator.noValues')}</Text>
                      )}
                    </Stack>
                    <SegmentedControl
                      size="xs"
                      value={String(days)}
                      onChange={(v) => setDays(Number(v))}
                      data={SPANS.map((d) => ({
                        value: String(d),
                        label: t('alerts.indicator.days', { count: d }),
                      }))}
                      aria-label={t('alerts.indicator.span')}
                    />
                  </Group>
                  <TrendChart
                    values={s.values.map((v) => ({ ...v, colour: scale.level(v.level).colour }))}
                    thresholds={i.thresholds.map((th) => ({
                      at: th.at,
                      name: text(th.name),
                      colour: th.colour,
                    }))}
                    from={s.from}
                    to={s.to}
                    unit={text(i.unit)}
                    title={t('alerts.indicator.chartTitle', { name: text(i.name) })}
                    formatDate={(iso) => date(iso).replace(/\s\d{4}.*$/, '')}
                    formatNumber={number}
                  />
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 4 }}>
                <Stack gap="md">
                  <Card p="md" withBorder>
                    <Text fw={600} size="sm" mb="xs">
                      {t('alerts.indicator.thresholds')}
                    </Text>
                    <Stack gap={4}>
                      {i.thresholds.map((th) => (
                        <Group key={th.level} justify="space-between">
                          <LevelBadge level={th.level} />
                          <Text size="sm">
                            {i.direction === 'rising' ? '≥' : '≤'} {number(th.at)}
                          </Text>
                        </Group>
                      ))}
                    </Stack>
                  </Card>
                  {s.abilities.enter ? (
                    <>
                      <EnterValueForm code={i.code} unit={text(i.unit)} />
                      <ImportValuesForm />
                    </>
                  ) : null}
                </Stack>
              </Grid.Col>
            </Grid>
            {s.values.length > 0 ? (
              <Card p="md" withBorder mt="md">
                <Text fw={600} size="sm" mb="xs">
                  {t('alerts.indicator.values')}
                </Text>
                <Table striped withTableBorder data-testid="values-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('alerts.indicator.at')}</Table.Th>
                      <Table.Th ta="right">{text(i.unit)}</Table.Th>
                      <Table.Th>{t('alerts.list.level')}</Table.Th>
                      <Table.Th>{t('alerts.indicator.how')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...s.values]
                      .reverse()
                      .slice(0, 20)
                      .map((v) => (
                        <Table.Tr key={v.at}>
                          <Table.Td>{dateTime(v.at)}</Table.Td>
                          <Table.Td ta="right">{number(v.value)}</Table.Td>
                          <Table.Td>
                            <LevelBadge level={v.level} size="xs" />
                          </Table.Td>
                          <Table.Td>{t(`alerts.indicator.valueSource.${v.source}`)}</Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </Card>
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
}
