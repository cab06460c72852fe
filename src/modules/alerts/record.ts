import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';
import { BatchDigestSchema } from '../ledger/index.ts';

/**
 * The record entries of early warning: values entered or imported (an import is one entry
 * with the Merkle root of its lines), every change of a region's level with the readings that
 * caused it, and each step of an alert.
 */

const Region = z.string().describe("The monitoring region's code, as the organisation file names it");
const Instant = z.string().describe('An instant, ISO 8601 UTC');

const EnteredValue = z.strictObject({
  at: Instant.describe('The instant or period the value is for'),
  value: z.number(),
  previous: z.number().nullable().describe('The value it replaced for the same instant, or null'),
});

export const Reading = z.strictObject({
  indicator: z.string(),
  value: z.number().nullable().describe('Its latest value, null when it has none'),
  at: z.string().nullable().describe('The instant of that value'),
  level: z.number().int(),
  threshold: z
    .strictObject({ level: z.number().int(), at: z.number() })
    .nullable()
    .describe('The threshold reached, null at the lowest level'),
});

const AlertStatus = z.enum(['open', 'acknowledged', 'escalated', 'closed']);
const AlertRef = z.strictObject({ id: z.string(), reference: z.string() });

export const alertsLedgerActions = {
  'indicator.values_entered': {
    description: 'Values of an entered indicator were entered (each with the value it replaced, if any).',
    payload: z.strictObject({ indicator: z.string(), region: Region, values: z.array(EnteredValue).min(1) }),
  },
  'indicator.values_imported': {
    description:
      'A CSV file of indicator values was imported, whole: how many lines, which indicators, and the Merkle root of its lines (indicator, at, value, previous) in order.',
    payload: z.strictObject({
      lines: z.number().int().min(1),
      replaced: z.number().int().min(0).describe('How many lines replaced a value already there'),
      indicators: z.array(z.string()),
      regions: z.array(Region),
      from: Instant.describe('The earliest instant imported'),
      to: Instant.describe('The latest instant imported'),
      batch: BatchDigestSchema,
    }),
  },
  'alert.level_changed': {
    description: "A region's level changed, with the readings of its indicators that made it.",
    payload: z.strictObject({
      region: Region,
      from: z.number().int(),
      to: z.number().int(),
      direction: z.enum(['rose', 'fell']),
      escalated: z
        .boolean()
        .describe('Whether the combination rule raised it one above its highest indicator'),
      readings: z.array(Reading),
      alert: AlertRef.nullable().describe('The automatic alert the rise opened, if any'),
    }),
  },
  'alert.opened': {
    description: 'An alert was opened: automatically when a level rose, or raised by a monitor.',
    payload: z.strictObject({
      reference: z.string(),
      region: Region,
      level: z.number().int(),
      origin: z.enum(['automatic', 'raised']),
      title: z.string(),
      description: z.string(),
    }),
  },
  'alert.acknowledged': {
    description: 'An alert was acknowledged.',
    payload: z.strictObject({ reference: z.string(), from: AlertStatus, note: z.string().nullable() }),
  },
  'alert.escalated': {
    description: 'An alert was escalated, with a note.',
    payload: z.strictObject({ reference: z.string(), from: AlertStatus, note: z.string().nullable() }),
  },
  'alert.closed': {
    description: 'An alert was closed, with the reason.',
    payload: z.strictObject({ reference: z.string(), from: AlertStatus, reason: z.string() }),
  },
} satisfies Record<string, LedgerActionSpec>;

type AlertsLedgerActions = typeof alertsLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends AlertsLedgerActions {}
}
