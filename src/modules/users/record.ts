import { z } from 'zod';
import { ACCESS_LEVELS, AFFILIATIONS, ROLES } from '../../core/actor.ts';
import type { LedgerActionSpec } from '../../core/module.ts';

/** The record entries the users module writes (never a password or its hash). */

const Username = z.string().describe("The account's username");

const AccessLevel = z.enum(ACCESS_LEVELS);
/**
 * The access level under its old key: entries written before migration 0013 named a person's
 * level `clearance`. The record is never rewritten, so they still read; new entries write
 * `accessLevel`.
 */
const LegacyAccessLevel = AccessLevel.describe(
  'The access level, in entries written before it was called accessLevel (read as accessLevel)',
);

export const usersLedgerActions = {
  'user.created': {
    description: 'An account was created.',
    payload: z
      .strictObject({
        username: Username,
        displayName: z.string().describe('The name shown for the person'),
        affiliation: z
          .enum(AFFILIATIONS)
          .describe('A member delegation, the secretariat or a partner organisation'),
        stateCode: z
          .string()
          .nullable()
          .describe("The delegation's state (ISO 3166 code), null outside delegations"),
        partnerCode: z.string().nullable().describe("The partner organisation's code, null for others"),
        role: z.enum(ROLES).describe('The role the account was given'),
        accessLevel: AccessLevel.optional().describe(
          'The highest classification the person may read (in entries written before, `clearance`)',
        ),
        clearance: LegacyAccessLevel.optional(),
      })
      .refine((p) => (p.accessLevel === undefined) !== (p.clearance === undefined), {
        path: ['accessLevel'],
        message: 'give the access level once, as accessLevel (clearance only in entries written before)',
      }),
  },
  'user.updated': {
    description: "An account's name, e-mail, role or access level changed.",
    payload: z.strictObject({
      changes: z
        .strictObject({
          displayName: z.string().optional().describe('The new display name'),
          email: z.string().nullable().optional().describe('The new e-mail address; null removed it'),
          role: z.enum(ROLES).optional().describe('The new role'),
          accessLevel: AccessLevel.optional().describe('The new access level'),
          clearance: LegacyAccessLevel.optional(),
        })
        .describe('The fields that were given, with their new values'),
    }),
  },
  'user.disabled': {
    description: 'An account was disabled; its sessions and tokens stop working.',
    payload: z.strictObject({ username: Username }),
  },
  'user.enabled': {
    description: 'A disabled account was enabled again.',
    payload: z.strictObject({ username: Username }),
  },
  'user.locale_changed': {
    description: 'A person changed their language preference.',
    payload: z.strictObject({
      locale: z.enum(['en', 'ru']).describe('The language now preferred'),
    }),
  },
} satisfies Record<string, LedgerActionSpec>;

type UsersLedgerActions = typeof usersLedgerActions;
declare module '../../core/record.ts' {
  interface RecordActions extends UsersLedgerActions {}
}
