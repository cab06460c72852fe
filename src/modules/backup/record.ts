import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';

/** The record entry of a restore (the backup's rows are not copied: only how many). */

export const backupLedgerActions = {
  'system.restored': {
    description: 'A backup was restored into an empty database.',
    payload: z.strictObject({
      backupCreatedAt: z.string().describe("When the backup was made (its header's createdAt)"),
      backupSchemaVersion: z.number().int().min(0).describe('The schema version the backup was made at'),
      totalRows: z.number().int().min(0).describe('Rows restored, every table together'),
      rows: z.record(z.string(), z.number().int().min(0)).describe('Rows restored, by table'),
      skippedTables: z
        .array(z.string())
        .optional()
        .describe('Tables of the backup this database does not have (absent when none)'),
    }),
  },
} satisfies Record<string, LedgerActionSpec>;

type BackupLedgerActions = typeof backupLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends BackupLedgerActions {}
}
