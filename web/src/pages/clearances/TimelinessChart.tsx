import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import type { TimelinessFigure } from './api.ts';
import { useStateName } from './labels.tsx';

const ROW = 34;
const LABEL = 150;
const WIDTH = 720;

/**
 * Hours to decide per state: the median as a solid bar, the 90th percentile as a lighter
 * bar behind it, the figures written at the end. The table beneath carries the same numbers
 * (and tacit consents, escalations) for screen readers and for print.
 */
export function TimelinessChart({ rows }: { rows: TimelinessFigure[] }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const stateName = useStateName();
  const max = Math.max(1, ...rows.map((r) => r.p90Hours ?? r.medianHours ?? 0));
  const scale = (h: number) => ((WIDTH - LABEL - 90) * h) / max;
  const height = rows.length * ROW + 28;
  const hours = (h: number | null) =>
    h === null
      ? '—'
      : h < 1
        ? t('clearances.timeliness.minutes', { n: number(Math.max(1, Math.round(h * 60))) })
        : t('clearances.timeliness.hours', { n: number(Math.round(h * 10) / 10) });
  return (
    <Stack gap="md">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        aria-hidden
        data-testid="timeliness-chart"
        style={{ display: 'block', maxWidth: WIDTH }}
      >
        {rows.map((r, i) => {
          const y = i * ROW + 6;
          return (
            <g key={`${r.state}-${r.urgency}`}>
              <text x={LABEL - 8} y={y + 17} textAnchor="end" fontSize={12} fill="#343a40">
                {`${stateName(r.state)} · ${t(`clearances.urgency.${r.urgency}`)}`}
              </text>
              {r.p90Hours !== null ? (
                <rect x={LABEL} y={y + 4} width={scale(r.p90Hours)} height={20} fill="#b3c2d6" rx={2} />
              ) : null}
              {r.medianHours !== null ? (
                <rect x={LABEL} y={y + 8} width={scale(r.medianHours)} height={12} fill="#264673" rx={2} />
              ) : null}
              <text
                x={LABEL + scale(r.p90Hours ?? r.medianHours ?? 0) + 6}
                y={y + 18}
                fontSize={11}
                fill="#495057"
              >
                {r.medianHours === null
                  ? t('clearances.timeliness.noDecisions')
                  : `${hours(r.medianHours)} / ${hours(r.p90Hours)}`}
              </text>
            </g>
          );
        })}
        <line x1={LABEL} x2={LABEL} y1={0} y2={height - 20} stroke="#adb5bd" />
      </svg>
      <Group gap="lg">
        <Group gap={6}>
          <svg width={18} height={10} aria-hidden>
            <title>{t('clearances.timeliness.median')}</title>
            <rect width={18} height={10} fill="#264673" rx={2} />
          </svg>
          <Text size="xs">{t('clearances.timeliness.median')}</Text>
        </Group>
        <Group gap={6}>
          <svg width={18} height={10} aria-hidden>
            <title>{t('clearances.timeliness.p90')}</title>
            <rect width={18} height={10} fill="#b3c2d6" rx={2} />
          </svg>
          <Text size="xs">{t('clearances.timeliness.p90')}</Text>
        </Group>
      </Group>
      <DataTable<TimelinessFigure>
        testId="timeliness-table"
        caption={t('clearances.timeliness.title')}
        empty={t('clearances.timeliness.empty')}
        rows={rows}
        rowKey={(r) => `${r.state}-${r.urgency}`}
        minWidth={720}
        columns={[
          {
            key: 'state',
            header: t('clearances.timeliness.state'),
            cell: (r) => <Text size="sm">{stateName(r.state)}</Text>,
          },
          {
            key: 'urgency',
            header: t('clearances.timeliness.urgency'),
            cell: (r) => <Text size="sm">{t(`clearances.urgency.${r.urgency}`)}</Text>,
          },
          {
            key: 'decided',
            header: t('clearances.timeliness.decided'),
            cell: (r) => <Text size="sm">{`${number(r.decided)} / ${number(r.legs)}`}</Text>,
          },
          {
            key: 'median',
            header: t('clearances.timeliness.median'),
            cell: (r) => <Text size="sm">{hours(r.medianHours)}</Text>,
          },
          {
            key: 'p90',
            header: t('clearances.timeliness.p90'),
            cell: (r) => <Text size="sm">{hours(r.p90Hours)}</Text>,
          },
          {
            key: 'tacit',
            header: t('clearances.timeliness.tacit'),
            cell: (r) => <Text size="sm">{number(r.tacitConsents)}</Text>,
          },
          {
            key: 'escalations',
            header: t('clearances.timeliness.escalations'),
            cell: (r) => <Text size="sm">{number(r.escalations)}</Text>,
          },
        ]}
      />
    </Stack>
  );
}
