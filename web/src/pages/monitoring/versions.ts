import type { ReportVersion } from './api.ts';

/** The fields of a version a reader compares, in the order the history lists them. */
export const COMPARED = [
  'title',
  'category',
  'occurredAt',
  'timePrecision',
  'point',
  'place',
  'region',
  'state',
  'actors',
  'fatalities',
  'injured',
  'source',
  'classification',
  'protection',
  'description',
] as const;
export type ComparedField = (typeof COMPARED)[number];

export interface FieldChange {
  field: ComparedField;
  before: ReportVersion[ComparedField];
  after: ReportVersion[ComparedField];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from one version to the next, field by field (nothing for the first version). */
export function changesBetween(before: ReportVersion | undefined, after: ReportVersion): FieldChange[] {
  if (!before) return [];
  return COMPARED.filter((field) => !same(before[field], after[field])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
}
