import { z } from 'zod';
import type { LedgerActionSpec } from '../../core/module.ts';

/**
 * The record entries the auth module writes, each with the fields of its payload. No
 * payload holds a password, a session or an API token: a token entry names it by its
 * name and its public prefix only. Only an authenticated person's acts are written: a
 * failed sign-in is not (see `throttle.ts`).
 */

const NoPayload = z.strictObject({}).describe('No fields: the subject (the user) says who');
const Instant = z.iso.datetime({ offset: true });

export const authLedgerActions = {
  'auth.signed_in': {
    description: 'A person signed in with a password.',
    payload: NoPayload,
  },
  'auth.sign_in_failed': {
    retired: true,
    description:
      'A sign-in failed. No longer written (migration 0015): failures are counted for throttling, outside the record; older entries still read.',
    payload: z.strictObject({
      reason: z
        .enum(['unknown_user', 'disabled', 'locked', 'too_soon', 'wrong_password'])
        .describe(
          'Why: no such account, the account is disabled, locked, tried again too soon, or the password is wrong',
        ),
      failures: z
        .number()
        .int()
        .min(1)
        .optional()
        .describe('Failed sign-ins in a row, this one included (wrong_password only)'),
    }),
  },
  'auth.account_locked': {
    retired: true,
    description:
      'Too many failed sign-ins locked an account for a while. No longer written (migration 0015 ended the lock-out); older entries still read.',
    payload: z.strictObject({
      until: Instant.describe('When the lock ends (ISO 8601)'),
      failures: z.number().int().min(1).describe('Failed sign-ins in a row that locked it'),
    }),
  },
  'auth.signed_out': {
    description: 'A person signed out.',
    payload: NoPayload,
  },
  'auth.password_changed': {
    description:
      'A person changed their own password; their other sessions ended, and their API tokens if they chose so.',
    payload: z.strictObject({
      revokeTokens: z
        .boolean()
        .optional()
        .describe('Whether they asked to revoke their API tokens too (absent in entries written before)'),
      tokensRevoked: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe('How many live API tokens that revoked (each has its own token.revoked entry)'),
    }),
  },
  'token.created': {
    description: 'A person created an API token (its hash only is kept).',
    payload: z.strictObject({
      name: z.string().describe("The token's name, given by its owner"),
      prefix: z
        .string()
        .max(16)
        .describe('The first characters of the token, which name it in lists (not enough to use it)'),
      expiresAt: Instant.nullable().describe('When the token stops working (ISO 8601); null: never'),
    }),
  },
  'token.revoked': {
    description: 'An API token was revoked.',
    payload: z.strictObject({
      name: z.string().describe("The token's name"),
      prefix: z.string().max(16).describe('The first characters of the token, which name it in lists'),
    }),
  },
} satisfies Record<string, LedgerActionSpec>;

type AuthLedgerActions = typeof authLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends AuthLedgerActions {}
}
