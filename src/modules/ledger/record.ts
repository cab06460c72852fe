import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';

/** The record's entries about itself: its signing keys and its witnesses. */

const VerifierKey = z.string().describe('A signed-note verifier key: name+keyid+base64 key');

export const ledgerLedgerActions = {
  'ledger.key_registered': {
    description:
      "The log's signing key was published (first start or rotation); checkpoints are signed with it from now on.",
    payload: z.strictObject({
      keyId: z.string().describe('The note key ID (8 hex digits)'),
      verifierKey: VerifierKey,
      replaces: z.array(z.string()).describe('The keys it retires (empty on first start)'),
    }),
  },
  'ledger.witnesses_set': {
    description:
      "The witnesses that co-sign the record's checkpoints, and how many co-signatures make one witnessed, as the organisation file states them.",
    payload: z.strictObject({
      witnesses: z
        .array(
          z.strictObject({
            name: z.string().describe('The witness name in its co-signature lines'),
            state: z.string().nullable().describe('The member state that runs it'),
            verifierKey: VerifierKey,
          }),
        )
        .describe('The witnesses in force'),
      quorum: z
        .number()
        .int()
        .min(0)
        .describe('Co-signatures that make a checkpoint witnessed (0: none asked)'),
    }),
  },
  'ledger.fork_reported': {
    description:
      'A witness was shown a checkpoint that does not extend the one it co-signed before: two histories of the record exist.',
    payload: z.strictObject({
      witness: z.string().describe('The witness that raised the alarm'),
      cosignedSize: z.number().int().describe('The size of the checkpoint the witness co-signed'),
      shownSize: z.number().int().describe('The size of the checkpoint it was shown'),
      reason: z.string().describe('What the witness found, in its words'),
      cosignedNote: z.string().describe('The checkpoint the witness holds, as a signed note'),
      shownNote: z.string().describe('The conflicting checkpoint, as a signed note'),
    }),
  },
} satisfies Record<string, LedgerActionSpec>;

type LedgerLedgerActions = typeof ledgerLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends LedgerLedgerActions {}
}
