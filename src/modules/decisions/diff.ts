import type { PointText } from '../../db/schema.ts';

export interface DiffLine {
  op: 'same' | 'added' | 'removed';
  text: string;
  /** Line number in the old text (1-based), for same and removed lines. */
  from: number | null;
  /** Line number in the new text (1-based), for same and added lines. */
  to: number | null;
}

/** Above this many cells (old lines × new lines after trimming) the diff gives up on alignment. */
const MAX_CELLS = 25_000_000;

/**
 * A line diff by longest common subsequence: common lines are kept, the rest shown as
 * removed then added. The common head and tail are trimmed first, so a small edit in a
 * long text costs little.
 *
 * @example diffLines('a\nb', 'a\nc') // same a, removed b, added c
 */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = oldText.split('\n');
  const b = newText.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ op: 'same', text: a[i], from: i + 1, to: i + 1 });
  out.push(...middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail), head));
  for (let k = tail; k > 0; k--) {
    const i = a.length - k;
    const j = b.length - k;
    out.push({ op: 'same', text: a[i], from: i + 1, to: j + 1 });
  }
  return out;
}

function middle(a: string[], b: string[], offset: number): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const removed = (i: number): DiffLine => ({ op: 'removed', text: a[i], from: offset + i + 1, to: null });
  const added = (j: number): DiffLine => ({ op: 'added', text: b[j], from: null, to: offset + j + 1 });
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    return [...a.map((_, i) => removed(i)), ...b.map((_, j) => added(j))];
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i], from: offset + i + 1, to: offset + j + 1 });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      out.push(removed(i++));
    } else {
      out.push(added(j++));
    }
  }
  while (i < n) out.push(removed(i++));
  while (j < m) out.push(added(j++));
  return out;
}

/** A version as one readable document: the title, the text, then each point. */
export function versionDocument(v: { title: string; text: string; points: PointText[] }): string {
  const points = v.points.map((p) => `${p.key}. ${p.text}`);
  return [`# ${v.title}`, '', ...(v.text ? [v.text, ''] : []), ...points].join('\n');
}
