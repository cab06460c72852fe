import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';

/**
 * The record entry of loading an organisation file. The file itself is not copied (its
 * accounts carry passwords): the entry holds its hash and what the load did.
 */

const Count = z.number().int().min(0);

export const directoryLedgerActions = {
  'organisation.loaded': {
    description: 'An organisation file was loaded (directory, presidency, optional accounts).',
    payload: z.strictObject({
      source: z.string().describe('Where the file came from (its path or "test")'),
      fileHash: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe('SHA-256 of the canonical JSON of the file without its accounts'),
      memberStates: Count.describe('Member states in the file'),
      bodies: Count.describe('Bodies in the file'),
      partners: Count.describe('Partner organisations in the file'),
      priorities: Count.describe("The presidency's priorities loaded"),
      crossingPoints: Count.describe('Crossing points loaded'),
      usersCreated: Count.describe('Accounts of the file created now'),
      usersKept: Count.describe('Accounts of the file that existed already and were kept as they were'),
      procedures: z
        .strictObject({
          maxHorizonDays: Count.describe('How far ahead a procedure deadline may be, in days'),
        })
        .optional()
        .describe("The file's procedure settings, in force until the next load"),
      monitoring: z
        .strictObject({
          alertLevels: Count.describe('Levels of the alert scale'),
          categories: Count.describe('Report categories and subcategories'),
          regions: Count.describe('Regions watched'),
          indicators: Count.describe('Indicators'),
        })
        .optional()
        .describe("What the file's monitoring section declared (none: no section)"),
      hotlines: Count.optional().describe(
        'Hotlines between two states the file declares (the others made inactive)',
      ),
    }),
  },
} satisfies Record<string, LedgerActionSpec>;

type DirectoryLedgerActions = typeof directoryLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends DirectoryLedgerActions {}
}
