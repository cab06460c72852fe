import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';

const Id = z.uuid();

/** The record entries of delegate authorisations (subject: the delegation, by state code). */
export const delegationsLedgerActions = {
  'delegate.authorised': {
    description: 'A head of delegation let a delegate answer for the state (stances, clearance legs).',
    payload: z.strictObject({
      userId: Id.describe('The delegate'),
      username: z.string().describe("The delegate's username"),
    }),
  },
  'delegate.revoked': {
    description: "A head of delegation withdrew a delegate's authority to answer for the state.",
    payload: z.strictObject({ userId: Id.describe('The delegate') }),
  },
} satisfies Record<string, LedgerActionSpec>;

type DelegationsLedgerActions = typeof delegationsLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends DelegationsLedgerActions {}
}
