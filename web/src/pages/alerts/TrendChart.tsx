import { Box } from '@mantine/core';
import { useId } from 'react';

const WIDTH = 760;
const HEIGHT = 300;
const PAD = { left: 56, right: 170, top: 16, bottom: 36 };

export interface ChartThreshold {
  at: number;
  name: string;
  colour: string;
}

/** A scale from a domain onto a range, as a function. */
const linear = (d0: number, d1: number, r0: number, r1: number) => (v: number) =>
  d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);

/** About `count` round steps between two numbers (1, 2 or 5 times a power of ten). */
export function ticks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * An indicator's values over time: a line with a dot per value, each threshold in view a
 * horizontal line in its level's colour and named at the right, dates along the bottom and the unit up
 * the side. Plain SVG; the values are also given as a table beside it for screen readers.
 */
export function TrendChart({
  values,
  thresholds,
  from,
  to,
  unit,
  title,
  formatDate,
  formatNumber,
}: {
  values: { at: string; value: number; colour: string }[];
  thresholds: ChartThreshold[];
  from: string;
  to: string;
  unit: string;
  title: string;
  formatDate: (iso: string) => string;
  formatNumber: (n: number) => string;
}) {
  const uid = useId().replace(/:/g, '');
  const t0 = Date.parse(from);
  const t1 = Date.parse(to);
  // Up to the values and the next threshold above them: a far threshold would flatten the line.
  const highest = Math.max(0, ...values.map((v) => v.value));
  const next = Math.min(...thresholds.map((t) => t.at).filter((at) => at > highest));
  const top = (Number.isFinite(next) ? next : highest) * 1.15 || Math.max(1, ...thresholds.map((t) => t.at));
  const shown = thresholds.filter((t) => t.at <= top);
  const x = linear(t0, t1, PAD.left, WIDTH - PAD.right);
  const y = linear(0, top, HEIGHT - PAD.bottom, PAD.top);
  const yTicks = ticks(0, top, 5);
  const days = (t1 - t0) / 86_400_000;
  const xStep = Math.max(1, Math.ceil(days / 6)) * 86_400_000;
  const xTicks: number[] = [];
  for (let at = t1; at >= t0; at -= xStep) xTicks.unshift(at);
  const sorted = [...values].sort((a, b) => a.at.localeCompare(b.at));
  const line = sorted
    .map((v, i) => `${i ? 'L' : 'M'}${x(Date.parse(v.at)).toFixed(1)},${y(v.value).toFixed(1)}`)
    .join(' ');

  return (
    <Box data-testid="trend-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${uid}-t`}>
        <title id={`${uid}-t`}>{title}</title>
        <rect
          x={PAD.left}
          y={PAD.top}
          width={WIDTH - PAD.left - PAD.right}
          height={HEIGHT - PAD.top - PAD.bottom}
          fill="#fbfcfd"
        />
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke="#e9ecef" />
            <text x={PAD.left - 6} y={y(v)} dy="0.32em" textAnchor="end" fontSize={11} fill="#495057">
              {formatNumber(v)}
            </text>
          </g>
        ))}
        {xTicks.map((at) => (
          <g key={at}>
            <line
              x1={x(at)}
              x2={x(at)}
              y1={HEIGHT - PAD.bottom}
              y2={HEIGHT - PAD.bottom + 4}
              stroke="#868e96"
            />
            <text x={x(at)} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" fontSize={11} fill="#495057">
              {formatDate(new Date(at).toISOString())}
            </text>
          </g>
        ))}
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={HEIGHT - PAD.bottom}
          y2={HEIGHT - PAD.bottom}
          stroke="#868e96"
        />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} stroke="#868e96" />
        <text
          transform={`translate(14,${(PAD.top + HEIGHT - PAD.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={11}
          fill="#495057"
        >
          {unit}
        </text>
        {shown.map((th) => (
          <g key={`${th.at}-${th.name}`} data-testid="threshold-line">
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(th.at)}
              y2={y(th.at)}
              stroke={th.colour}
              strokeWidth={1.6}
              strokeDasharray="6 4"
            />
            <rect x={WIDTH - PAD.right + 6} y={y(th.at) - 5} width={10} height={10} rx={2} fill={th.colour} />
            <text x={WIDTH - PAD.right + 20} y={y(th.at)} dy="0.32em" fontSize={11} fill="#343a40">
              {th.name} · {formatNumber(th.at)}
            </text>
          </g>
        ))}
        {line ? <path d={line} fill="none" stroke="#1b365d" strokeWidth={2} /> : null}
        {sorted.map((v) => (
          <circle
            key={v.at}
            cx={x(Date.parse(v.at))}
            cy={y(v.value)}
            r={4}
            fill={v.colour}
            stroke="#1b365d"
            strokeWidth={1.2}
            data-testid="chart-value"
          >
            <title>{`${formatDate(v.at)}: ${formatNumber(v.value)}`}</title>
          </circle>
        ))}
      </svg>
    </Box>
  );
}
