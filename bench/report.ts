/**
 * One line of the final table. Every figure stands beside a limit measured in the same
 * run on the same machine, so the ratio says something on any machine; nothing here
 * asserts a time.
 */
export interface BenchRow {
  benchmark: string;
  measured: string;
  limit: string;
  /** measured / limit, as a number (higher is better unless `lowerIsBetter`). */
  ratio: number | null;
  /** The ratio aimed for, if any. */
  aim?: number;
  lowerIsBetter?: boolean;
  /** How the ratio reads, e.g. "×" for a multiple of the limit's unit. */
  ratioUnit?: string;
}

export const elapsedMs = (since: number) => performance.now() - since;

/** Times an async function, in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: elapsedMs(start), value };
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const perSecond = (count: number, ms: number) => (count * 1000) / ms;

export function formatRate(rate: number, unit: string): string {
  return `${Math.round(rate).toLocaleString('en-GB')} ${unit}/s`;
}

export const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(ms < 1000 ? 3 : 2)} s`;

function verdict(row: BenchRow): string {
  if (row.ratio === null || row.aim === undefined) return '';
  const meets = row.lowerIsBetter ? row.ratio <= row.aim : row.ratio >= row.aim;
  return meets ? 'meets aim' : 'BELOW AIM';
}

function formatRatio(row: BenchRow): string {
  if (row.ratio === null) return '—';
  const digits = row.ratio >= 10 ? 1 : 2;
  return `${row.ratioUnit === '×' ? '×' : ''}${row.ratio.toFixed(digits)}`;
}

function formatAim(row: BenchRow): string {
  if (row.aim === undefined) return '';
  return `${row.lowerIsBetter ? '≤' : '≥'} ${row.ratioUnit === '×' ? '×' : ''}${row.aim}`;
}

/** Prints the rows as an aligned text table. */
export function printTable(rows: BenchRow[], write: (line: string) => void = console.log) {
  const header = ['benchmark', 'measured', 'limit (same run)', 'ratio', 'aim', ''];
  const lines = rows.map((row) => [
    row.benchmark,
    row.measured,
    row.limit,
    formatRatio(row),
    formatAim(row),
    verdict(row),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  write(format(header));
  write(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) write(format(line));
}
