import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { type ReportFilters, useReportPoints } from '../monitoring/api.ts';
import { useMonitoringNames } from '../monitoring/labels.tsx';
import { useAlerts, useLevels } from './api.ts';
import { BriefChanges } from './BriefChanges.tsx';
import classes from './brief.module.css';
import { LevelBadge, useDuration, useScale } from './labels.tsx';

/** How many reports the brief names: those with the most people killed or hurt, then the newest. */
const NOTABLE = 8;

/**
 * A brief of the period for print: the regions' levels, the alerts raised or still open in
 * it, reports counted by category, and the notable reports. Plain tables on white; the
 * browser's print leaves out the navigation (brief.module.css, @media print).
 */
export function BriefPage() {
  const { t } = useTranslation();
  const { text, date, dateTime } = useFormat();
  const names = useMonitoringNames();
  const duration = useDuration();
  const { indicators, alertTitle } = useScale();
  const indicatorName = (code: string) => {
    const found = indicators.find((i) => i.code === code);
    return found ? text(found.name) : code;
  };
  const [params] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const region = params.get('region');
  const category = params.get('category');
  const levels = useLevels();
  const alerts = useAlerts({ status: null, region, level: null }, 200);
  const filters: ReportFilters = { status: null, category, region, from, to, q: null };
  const reports = useReportPoints(filters);

  const start = from ? Date.parse(`${from}T00:00:00Z`) : Number.NEGATIVE_INFINITY;
  const end = to ? Date.parse(`${to}T23:59:59.999Z`) : Number.POSITIVE_INFINITY;
  const inPeriod = (alerts.data?.items ?? []).filter((a) => {
    const raised = Date.parse(a.raisedAt);
    const closed = a.closedAt ? Date.parse(a.closedAt) : Number.POSITIVE_INFINITY;
    return raised <= end && closed >= start;
  });
  const items = reports.data?.items ?? [];
  const byCategory = new Map<string, number>();
  for (const r of items) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + 1);
  const harm = (r: (typeof items)[number]) => (r.fatalities ?? 0) * 10 + (r.injured ?? 0);
  const notable = [...items]
    .sort((a, b) => harm(b) - harm(a) || b.occurredAt.localeCompare(a.occurredAt))
    .slice(0, NOTABLE);
  const period =
    from || to
      ? t('alerts.brief.period', { from: from ? date(from) : '…', to: to ? date(to) : '…' })
      : t('alerts.brief.allTime');

  return (
    <div className={`${classes.brief} print-document`} data-testid="brief">
      <Group justify="space-between" className="no-print" mb="md">
        <Anchor component={Link} to={`/situation${window.location.search}`} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {t('alerts.brief.back')}
          </Group>
        </Anchor>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          {t('alerts.brief.print')}
        </Button>
      </Group>
      <header className={classes.header}>
        <Text size="xs" tt="uppercase" c="dimmed" fw={600}>
          {t('alerts.brief.kicker')}
        </Text>
        <Title order={1} fz={26}>
          {t('alerts.brief.heading')}
        </Title>
        <Text size="sm">
          {period}
          {region ? ` · ${names.region(region)}` : ''}
          {category ? ` · ${names.category(category)}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          {t('alerts.brief.prepared', { when: dateTime(new Date().toISOString()) })}
        </Text>
      </header>

      <Stack gap="lg" mt="lg">
        <section className={classes.section}>
          <Title order={2} fz={17} mb="xs">
            {t('alerts.brief.levels')}
          </Title>
          <QueryState query={levels}>
            {(data) => (
              <Table withTableBorder withColumnBorders className={classes.table}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('alerts.list.region')}</Table.Th>
                    <Table.Th>{t('alerts.list.level')}</Table.Th>
                    <Table.Th>{t('alerts.brief.since')}</Table.Th>
                    <Table.Th>{t('alerts.brief.readings')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items
                    .filter((l) => !region || l.region.code === region)
                    .map((l) => (
                      <Table.Tr key={l.region.code}>
                        <Table.Td>{text(l.region.name)}</Table.Td>
                        <Table.Td>
                          <LevelBadge level={l.level.level} />
                        </Table.Td>
                        <Table.Td>{l.since ? dateTime(l.since) : '—'}</Table.Td>
                        <Table.Td>
                          {l.readings
                            .filter((r) => r.value !== null)
                            .map((r) => `${indicatorName(r.indicator)}: ${r.value}`)
                            .join('; ') || '—'}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            )}
          </QueryState>
        </section>

        <BriefChanges
          regions={(levels.data?.items ?? [])
            .filter((l) => !region || l.region.code === region)
            .map((l) => ({ code: l.region.code, name: text(l.region.name) }))}
          start={start}
          end={end}
        />

        <section className={classes.section}>
          <Title order={2} fz={17} mb="xs">
            {t('alerts.brief.alerts', { count: inPeriod.length })}
          </Title>
          {inPeriod.length === 0 ? (
            <Text size="sm">{t('alerts.brief.noAlerts')}</Text>
          ) : (
            <Table withTableBorder withColumnBorders className={classes.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('alerts.list.reference')}</Table.Th>
                  <Table.Th>{t('alerts.list.title')}</Table.Th>
                  <Table.Th>{t('alerts.list.level')}</Table.Th>
                  <Table.Th>{t('alerts.list.status')}</Table.Th>
                  <Table.Th>{t('alerts.list.raised')}</Table.Th>
                  <Table.Th>{t('alerts.list.firstResponse')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {inPeriod.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.reference}</Table.Td>
                    <Table.Td>
                      {alertTitle(a)}
                      <Text size="xs" c="dimmed">
                        {names.region(a.region)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <LevelBadge level={a.level} />
                    </Table.Td>
                    <Table.Td>{t(`alerts.status.${a.status}`)}</Table.Td>
                    <Table.Td>{dateTime(a.raisedAt)}</Table.Td>
                    <Table.Td>
                      {a.timeToFirstResponseSeconds !== null ? duration(a.timeToFirstResponseSeconds) : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>

        <section className={classes.section}>
          <Title order={2} fz={17} mb="xs">
            {t('alerts.brief.byCategory', { count: items.length })}
          </Title>
          <QueryState query={reports}>
            {() =>
              byCategory.size === 0 ? (
                <Text size="sm">{t('alerts.brief.noReports')}</Text>
              ) : (
                <Table withTableBorder withColumnBorders className={classes.table} maw={520}>
                  <Table.Tbody>
                    {[...byCategory.entries()]
                      .sort((a, b) => b[1] - a[1])
                      .map(([code, n]) => (
                        <Table.Tr key={code}>
                          <Table.Td>{names.category(code)}</Table.Td>
                          <Table.Td ta="right" w={80}>
                            {n}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              )
            }
          </QueryState>
        </section>

        {notable.length > 0 ? (
          <section className={classes.section}>
            <Title order={2} fz={17} mb="xs">
              {t('alerts.brief.notable')}
            </Title>
            <Table withTableBorder withColumnBorders className={classes.table}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('alerts.list.reference')}</Table.Th>
                  <Table.Th>{t('alerts.brief.when')}</Table.Th>
                  <Table.Th>{t('alerts.list.title')}</Table.Th>
                  <Table.Th>{t('alerts.brief.harm')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {notable.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.reference}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(r.occurredAt)}</Table.Td>
                    <Table.Td>
                      {r.title}
                      <Text size="xs" c="dimmed">
                        {names.category(r.category)} · {names.region(r.region)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {t('alerts.brief.harmFigures', { killed: r.fatalities ?? 0, injured: r.injured ?? 0 })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </section>
        ) : null}
      </Stack>
    </div>
  );
}
