import { Table, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { levelHistoryQuery } from './api.ts';
import classes from './brief.module.css';
import { LevelBadge } from './labels.tsx';

/** The regions' level changes within the period (each region's history, newest first). */
export function BriefChanges({
  regions,
  start,
  end,
}: {
  regions: { code: string; name: string }[];
  start: number;
  end: number;
}) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const histories = useQueries({
    queries: regions.map((r) => levelHistoryQuery(r.code)),
  });
  const changes = regions
    .flatMap((r, i) =>
      (histories[i]?.data?.items ?? []).map((c) => ({ ...c, regionName: r.name, key: `${r.code}-${c.id}` })),
    )
    .filter((c) => {
      const at = Date.parse(c.at);
      return at >= start && at <= end;
    })
    .sort((a, b) => b.at.localeCompare(a.at));
  return (
    <section className={classes.section}>
      <Title order={2} fz={17} mb="xs">
        {t('alerts.brief.changes')}
      </Title>
      {changes.length === 0 ? (
        <Text size="sm">{t('alerts.brief.noChanges')}</Text>
      ) : (
        <Table withTableBorder withColumnBorders className={classes.table} data-testid="brief-changes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('alerts.brief.when')}</Table.Th>
              <Table.Th>{t('alerts.list.region')}</Table.Th>
              <Table.Th>{t('alerts.brief.change')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {changes.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>{dateTime(c.at)}</Table.Td>
                <Table.Td>{c.regionName}</Table.Td>
                <Table.Td>
                  <LevelBadge level={c.from.level} size="xs" /> → <LevelBadge level={c.to.level} size="xs" />{' '}
                  <Text span size="xs" c="dimmed">
                    {t(`alerts.brief.${c.direction}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
