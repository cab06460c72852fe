import { z } from '@hono/zod-openapi';

/** How far in the future a value's instant may lie (clocks differ a little): 5 minutes. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** The earliest time a figure may be for: a year like 0202 for 2020 is a typing slip. */
export const EARLIEST_VALUE = new Date('1990-01-01T00:00:00Z');
export const EARLIEST_REASON = 'is before 1990: check the year';
/** Values in one entry request; larger sets go through the CSV import. */
export const MAX_ENTERED_VALUES = 500;
/** Lines of one CSV import (without its header). */
export const MAX_IMPORT_LINES = 100_000;
/** Values per statement while importing (and per step of the progress bar). */
export const IMPORT_CHUNK = 1_000;

const Code = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'is not an indicator code')
  .openapi({ example: 'tj-af-bread-price' });
const RegionCode = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'is not a region code')
  .openapi({ example: 'tj-af-border' });

/** An instant with its offset, or a date (midnight UTC): "2026-03-02T06:00:00Z", "2026-03-02". */
export const Instant = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const at = parseInstant(s);
    if (!at) {
      ctx.addIssue({
        code: 'custom',
        message: 'is not a time (ISO 8601, e.g. 2026-03-02 or 2026-03-02T06:00:00Z)',
      });
      return z.NEVER;
    }
    if (at < EARLIEST_VALUE) {
      ctx.addIssue({ code: 'custom', message: EARLIEST_REASON });
      return z.NEVER;
    }
    return at;
  })
  .openapi({ type: 'string', example: '2026-03-02T06:00:00Z' });

/** A date, or a date and time with an offset (Z or ±hh:mm); null for anything else. */
export function parseInstant(s: string): Date | null {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(s);
  const dateTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s);
  if (!date && !dateTime) return null;
  const at = new Date(date ? `${s}T00:00:00Z` : s.replace(' ', 'T'));
  if (Number.isNaN(at.getTime())) return null;
  // 2026-02-30 would roll over into March: refuse it.
  if (at.toISOString().slice(0, 10) !== s.slice(0, 10) && date) return null;
  return at;
}

const FiniteNumber = z
  .number({ error: 'must be a number' })
  .refine((n) => Number.isFinite(n), 'must be a finite number');

export const IndicatorParam = z.object({ code: Code });

export const EnterValuesInput = z
  .strictObject({
    values: z
      .array(z.strictObject({ at: Instant, value: FiniteNumber }))
      .min(1, 'give at least one value')
      .max(MAX_ENTERED_VALUES, `at most ${MAX_ENTERED_VALUES} values: import a CSV file for more`),
  })
  .openapi('EnterIndicatorValuesInput');
export type EnterValuesInput = z.infer<typeof EnterValuesInput>;

export const SeriesQuery = z.object({
  from: Instant.optional().openapi({
    description: 'From this instant (inclusive); default: 90 days before `to`',
  }),
  to: Instant.optional().openapi({ description: 'Up to this instant (inclusive); default: now' }),
});
export type SeriesQuery = z.infer<typeof SeriesQuery>;

export const ImportInput = z
  .strictObject({
    csv: z.string().min(1, 'is empty').openapi({
      description: 'The file: a header `indicator,at,value`, then one value a line',
      example: 'indicator,at,value\ntj-af-bread-price,2026-03-02,6.4\n',
    }),
  })
  .openapi('ImportIndicatorValuesInput');

export const RegionParam = z.object({ region: RegionCode });

const Status = z.enum(['open', 'acknowledged', 'escalated', 'closed']);
export const ListAlertsQuery = z.object({
  status: z
    .union([Status, z.literal('active')])
    .optional()
    .openapi({ description: 'One status, or `active`: every one not closed' }),
  region: RegionCode.optional(),
  level: z.coerce.number().int().min(1).max(9).optional().openapi({ description: 'At this level or above' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListAlertsQuery = z.infer<typeof ListAlertsQuery>;

export const AlertParam = z.object({ id: z.uuid('is not an alert id') });

export const RaiseAlertInput = z
  .strictObject({
    region: RegionCode,
    level: z.number().int('must be a whole number').min(1).max(9),
    title: z.string().trim().min(1, 'is empty').max(200),
    description: z.string().trim().max(10_000).default(''),
    classification: z
      .number()
      .int()
      .min(0)
      .max(3)
      .default(1)
      .openapi({ description: '0 public, 1 restricted (the default), 2 confidential, 3 secret' }),
  })
  .openapi('RaiseAlertInput');
export type RaiseAlertInput = z.infer<typeof RaiseAlertInput>;

const Note = z.string().trim().min(1, 'is empty').max(2_000);
export const AcknowledgeInput = z.strictObject({ note: Note.optional() }).openapi('AcknowledgeAlertInput');
export const EscalateInput = z.strictObject({ note: Note.optional() }).openapi('EscalateAlertInput');
export const CloseInput = z
  .strictObject({ reason: z.string({ error: 'is required' }).trim().min(1, 'is required').max(2_000) })
  .openapi('CloseAlertInput');
export type StepInput = { note?: string; reason?: string };
