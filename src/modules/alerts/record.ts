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
  value: z.number().describe('The value entered'),
  previous: z.number().nullable().describe('The value it replaced for the same instant, or null'),
});

export const Reading = z.strictObject({
  indicator: z.string().describe("The indicator's code"),
  value: z.number().nullable().describe('Its latest value, null when it has none'),
  at: z.string().nullable().describe('The instant of that value'),
  level: z.number().int().describe('The level the value puts the indicator at'),
  threshold: z
    .strictObject({ level: z.number().int(), at: z.number() })
    .nullable()
    .describe('The threshold reached, null at the lowest level'),
});

const AlertStatus = z
  .enum(['open', 'acknowledged', 'escalated', 'closed'])
  .describe("The alert's status before the step");
const Reference = z.string().describe("The alert's reference, e.g. AL-2026-0001");
const Note = z.string().nullable().describe('The note given with the step, if any');
const AlertRef = z.strictObject({ id: z.string(), reference: z.string() });

export const alertsLedgerActions = {
  'indicator.values_entered': {
    description: 'Values of an entered indicator were entered (each with the value it replaced, if any).',
    payload: z.strictObject({
      indicator: z.string().describe("The indicator's code"),
      region: Region,
      values: z.array(EnteredValue).min(1).describe('The values, in the order given'),
    }),
  },
  'indicator.values_imported': {
    description:
      'A CSV file of indicator values was imported, whole: how many lines, which indicators, and the Merkle root of its lines (indicator, at, value, previous) in order.',
    payload: z.strictObject({
      lines: z.number().int().min(1).describe('How many values the file held'),
      replaced: z.number().int().min(0).describe('How many lines replaced a value already there'),
      indicators: z.array(z.string()).describe('The indicators it gave values of'),
      regions: z.array(Region).describe('Their regions'),
      from: Instant.describe('The earliest instant imported'),
      to: Instant.describe('The latest instant imported'),
      batch: BatchDigestSchema.describe(
        'The Merkle root of its lines {indicator, at, value, previous}, in order',
      ),
    }),
  },
  'alert.level_changed': {
    description: "A region's level changed, with the readings of its indicators that made it.",
    payload: z.strictObject({
      region: Region,
      from: z.number().int().describe('The level before'),
      to: z.number().int().describe('The level now'),
      direction: z.enum(['rose', 'fell']).describe('Whether it rose or fell'),
      escalated: z
        .boolean()
        .describe('Whether the combination rule raised it one above its highest indicator'),
      readings: z.array(Reading).describe("Each of the region's indicators: its latest value and level"),
      alert: AlertRef.nullable().describe('The automatic alert the rise opened, if any'),
    }),
  },
  'alert.opened': {
    description: 'An alert was opened: automatically when a level rose, or raised by a monitor.',
    payload: z.strictObject({
      reference: Reference,
      region: Region,
      level: z.number().int().describe('The level it was opened at'),
      origin: z.enum(['automatic', 'raised']).describe('Opened by a rise of level, or raised by a monitor'),
      title: z.string().describe('Its title'),
      description: z.string().describe('What the monitor wrote (empty for an automatic alert)'),
    }),
  },
  'alert.acknowledged': {
    description: 'An alert was acknowledged.',
    payload: z.strictObject({ reference: Reference, from: AlertStatus, note: Note }),
  },
  'alert.escalated': {
    description: 'An alert was escalated, with a note.',
    payload: z.strictObject({ reference: Reference, from: AlertStatus, note: Note }),
  },
  'alert.closed': {
    description: 'An alert was closed, with the reason.',
    payload: z.strictObject({
      reference: Reference,
      from: AlertStatus,
      reason: z.string().describe('Why it was closed'),
    }),
  },
} satisfies Record<string, LedgerActionSpec>;

type AlertsLedgerActions = typeof alertsLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends AlertsLedgerActions {}
}
