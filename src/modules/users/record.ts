import { z } from 'zod';
import { AFFILIATIONS, CLEARANCE_LEVELS, ROLES } from '../../core/actor.ts';
import type { LedgerActionSpec } from '../../core/module.ts';

/** The record entries the users module writes (never a password or its hash). */

const Username = z.string().describe("The account's username");

export const usersLedgerActions = {
  'user.created': {
    description: 'An account was created.',
    payload: z.strictObject({
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
      clearance: z.enum(CLEARANCE_LEVELS).describe('The highest classification the person may read'),
    }),
  },
  'user.updated': {
    description: "An account's name, e-mail, role or clearance changed.",
    payload: z.strictObject({
      changes: z
        .strictObject({
          displayName: z.string().optional().describe('The new display name'),
          email: z.string().nullable().optional().describe('The new e-mail address; null removed it'),
          role: z.enum(ROLES).optional().describe('The new role'),
          clearance: z.enum(CLEARANCE_LEVELS).optional().describe('The new clearance'),
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
