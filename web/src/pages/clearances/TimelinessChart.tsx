import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import type { TimelinessFigure } from './api.ts';
import { useStateName } from './labels.tsx';

const ROW = 34;
const LABEL = 240;
const WIDTH = 780;
/** Room above the bars (the rows' axis title) and below them (the hours axis and its title). */
const TOP = 24;
const BOTTOM = 52;
/** Room right of the longest bar for its figures. */
const RIGHT = 110;

/**
 * Ticks for an axis from 0 to at least `max`: a round step (1, 2 or 5 times a power of ten)
 * giving about five intervals, and the axis end on a tick.
 *
 * @example hourTicks(37) // { step: 10, end: 40, ticks: [0, 10, 20, 30, 40] }
 */
export function hourTicks(max: number, intervals = 5) {
  const raw = Math.max(max, 1) / intervals;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const end = Math.ceil(Math.max(max, 1) / step) * step;
  const ticks = Array.from(
    { length: Math.round(end / step) + 1 },
    (_, i) => Math.round(i * step * 100) / 100,
  );
  return { step, end, ticks };
}

/**
 * Hours to decide per state: the median as a solid bar, the 90th percentile as a lighter
 * bar behind it, the figures written at the end, on an hours axis with its ticks and title.
 * The table beneath carries the same numbers (and tacit consents, escalations) for screen
 * readers and for print.
 */
export function TimelinessChart({ rows }: { rows: TimelinessFigure[] }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const stateName = useStateName();
  const axis = hourTicks(Math.max(0, ...rows.map((r) => r.p90Hours ?? r.medianHours ?? 0)));
  const plotWidth = WIDTH - LABEL - RIGHT;
  const scale = (h: number) => (plotWidth * h) / axis.end;
  const plotBottom = TOP + rows.length * ROW;
  const height = plotBottom + BOTTOM;
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
        <text x={LABEL - 8} y={14} textAnchor="end" fontSize={11} fontWeight={600} fill="#495057">
          {t('clearances.timeliness.axisRows')}
        </text>
        {axis.ticks.map((tick) => (
          <g key={tick} data-testid="timeliness-tick">
            <line
              x1={LABEL + scale(tick)}
              x2={LABEL + scale(tick)}
              y1={TOP}
              y2={plotBottom + 4}
              stroke={tick === 0 ? '#adb5bd' : '#e9ecef'}
            />
            <text
              x={LABEL + scale(tick)}
              y={plotBottom + 18}
              textAnchor="middle"
              fontSize={11}
              fill="#495057"
            >
              {number(tick)}
            </text>
          </g>
        ))}
        <line x1={LABEL} x2={LABEL + plotWidth} y1={plotBottom} y2={plotBottom} stroke="#adb5bd" />
        <text
          x={LABEL + plotWidth / 2}
          y={plotBottom + 40}
          textAnchor="middle"
          fontSize={12}
          fontWeight={600}
          fill="#343a40"
          data-testid="timeliness-axis-title"
        >
          {t('clearances.timeliness.axisHours')}
        </text>
        {rows.map((r, i) => {
          const y = TOP + i * ROW + 3;
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
