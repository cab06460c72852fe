import type { FieldProblem } from '../../core/errors.ts';
import { EARLIEST_REASON, EARLIEST_VALUE, parseInstant } from './schema.ts';

/**
 * The CSV of indicator values, read without the database: a header `indicator,at,value`
 * (any order, any case), then one value a line. Fields may be quoted ("…", "" for a quote).
 * Every bad line is named, by its line number in the file (the header is line 1), its field
 * and the reason; nothing of a file with a bad line is imported. Pure.
 */
export interface CsvValue {
  line: number;
  indicator: string;
  at: Date;
  value: number;
}

export const CSV_COLUMNS = ['indicator', 'at', 'value'] as const;

/** The problem of one line as the API and the CLI name it: field `lines.7.value`, "line 7: value: not a number". */
export const lineProblem = (line: number, field: string | null, reason: string): FieldProblem => ({
  field: field ? `lines.${line}.${field}` : `lines.${line}`,
  reason,
});

/** "line 7: value: not a number", from a problem `lineProblem` made. */
export function describeProblem(p: FieldProblem): string {
  const m = /^lines\.(\d+)(?:\.(\w+))?$/.exec(p.field);
  if (!m) return `${p.field}: ${p.reason}`;
  return m[2] ? `line ${m[1]}: ${m[2]}: ${p.reason}` : `line ${m[1]}: ${p.reason}`;
}

/** Splits one line into fields; null when a quote is left open. */
function splitLine(text: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field.trim());
  return fields;
}

/** A number as a CSV writes it: 12, -3.5, 1e3 (no thousands separators, no hex, no blanks). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface ParsedCsv {
  values: CsvValue[];
  problems: FieldProblem[];
}

/**
 * Reads the file's lines; `now` and `toleranceMs` bound how far in the future an instant may
 * be. Blank lines are skipped; the same indicator and instant twice is a problem on the second.
 */
export function parseValuesCsv(text: string, now: Date, toleranceMs: number, maxLines: number): ParsedCsv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const problems: FieldProblem[] = [];
  const values: CsvValue[] = [];
  const header = splitLine(lines[0] ?? '')?.map((h) => h.toLowerCase());
  const columns = CSV_COLUMNS.map((c) => header?.indexOf(c) ?? -1);
  if (!header || columns.some((i) => i < 0) || header.length !== CSV_COLUMNS.length) {
    return { values, problems: [lineProblem(1, null, `the header must be ${CSV_COLUMNS.join(',')}`)] };
  }
  const [iIndicator, iAt, iValue] = columns as [number, number, number];
  const seen = new Map<string, number>();
  const latest = now.getTime() + toleranceMs;
  let count = 0;
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n]!;
    if (raw.trim() === '') continue;
    const line = n + 1;
    if (++count > maxLines) {
      problems.push(lineProblem(line, null, `the file has more than ${maxLines} lines: split it`));
      break;
    }
    const fields = splitLine(raw);
    if (!fields) {
      problems.push(lineProblem(line, null, 'a quote is not closed'));
      continue;
    }
    if (fields.length !== CSV_COLUMNS.length) {
      problems.push(
        lineProblem(
          line,
          null,
          `has ${fields.length} fields, expected ${CSV_COLUMNS.length} (${CSV_COLUMNS.join(',')})`,
        ),
      );
      continue;
    }
    const indicator = fields[iIndicator]!;
    const atText = fields[iAt]!;
    const valueText = fields[iValue]!;
    let bad = false;
    if (!/^[a-z][a-z0-9-]{1,63}$/.test(indicator)) {
      problems.push(lineProblem(line, 'indicator', indicator ? 'is not an indicator code' : 'is empty'));
      bad = true;
    }
    const at = parseInstant(atText);
    if (!at) {
      problems.push(
        lineProblem(line, 'at', 'is not a time (ISO 8601, e.g. 2026-03-02 or 2026-03-02T06:00:00Z)'),
      );
      bad = true;
    } else if (at.getTime() > latest) {
      problems.push(lineProblem(line, 'at', `is more than ${toleranceMs / 60_000} minutes in the future`));
      bad = true;
    } else if (at < EARLIEST_VALUE) {
      problems.push(lineProblem(line, 'at', EARLIEST_REASON));
      bad = true;
    }
    let value = Number.NaN;
    if (/^[+-]?(nan|inf(inity)?)$/i.test(valueText)) {
      problems.push(lineProblem(line, 'value', 'must be a finite number'));
      bad = true;
    } else if (!NUMBER.test(valueText)) {
      problems.push(lineProblem(line, 'value', valueText ? 'not a number' : 'is empty'));
      bad = true;
    } else {
      value = Number(valueText);
      if (!Number.isFinite(value)) {
        problems.push(lineProblem(line, 'value', 'must be a finite number'));
        bad = true;
      }
    }
    if (bad || !at) continue;
    const key = `${indicator}\u0000${at.toISOString()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(lineProblem(line, 'at', `repeats line ${first} (the same indicator and time)`));
      continue;
    }
    seen.set(key, line);
    values.push({ line, indicator, at, value });
  }
  if (problems.length === 0 && values.length === 0) problems.push({ field: 'csv', reason: 'has no values' });
  return { values, problems };
}
