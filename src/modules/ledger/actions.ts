import { z } from 'zod';

/**
 * Every kind of entry the record can hold. Add a kind here (with its comment) before a
 * command writes it; the record refuses unknown kinds.
 */
export const LedgerAction = z.enum([
  /** An organisation file was loaded (directory, presidency, optional accounts). */
  'organisation.loaded',
  /** A person signed in with a password. */
  'auth.signed_in',
  /** A sign-in failed: wrong password, unknown or disabled account. */
  'auth.sign_in_failed',
  /** Too many failed sign-ins locked an account for a while. */
  'auth.account_locked',
  /** A person signed out. */
  'auth.signed_out',
  /** A person changed their own password. */
  'auth.password_changed',
  /** A person created an API token (its hash only is kept). */
  'token.created',
  /** An API token was revoked. */
  'token.revoked',
  /** An account was created. */
  'user.created',
  /** An account's name, e-mail, role or clearance changed. */
  'user.updated',
  /** An account was disabled; its sessions and tokens stop working. */
  'user.disabled',
  /** A disabled account was enabled again. */
  'user.enabled',
  /** A person changed their language preference. */
  'user.locale_changed',
  /** A backup was restored into an empty database. */
  'system.restored',
]);
export type LedgerAction = z.infer<typeof LedgerAction>;
