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
  /** A person made a new secret calendar feed link; the earlier one stopped working. */
  'user.calendar_link_rotated',
  /** A person changed their language preference. */
  'user.locale_changed',
  /** A person changed which kinds of notification they receive (the kinds turned off). */
  'user.notifications_changed',
  /** A backup was restored into an empty database. */
  'system.restored',
  /** A proposal was drafted: its first version (title, text, points). */
  'proposal.created',
  /** A proposal's text changed before any procedure opened on it: a new version. */
  'proposal.edited',
  /** A state's proposed amendment became a new version of the proposal. */
  'proposal.amended',
  /** A file was attached to a proposal before any procedure opened (name, size, SHA-256). */
  'proposal.attachment_added',
  /** A file attached to a proposal was removed before any procedure opened. */
  'proposal.attachment_removed',
  /** The chair opened a procedure on a version of a proposal; the rule is fixed from now on. */
  'procedure.opened',
  /** A written procedure's deadline moved once because states had not answered. */
  'procedure.extended',
  /** A state gave or changed its stance on one or more points of a procedure. */
  'stance.given',
  /** A state broke silence (objection or proposed amendment) under a silence procedure. */
  'silence.broken',
  /** A procedure closed with its outcome: adopted or not, point by point, and why. */
  'procedure.closed',
  /** An adopted decision was numbered and published with its text, statements and stances. */
  'decision.published',
  /** A head of delegation let a delegate answer for the state in procedures. */
  'delegate.authorised',
  /** A head of delegation withdrew a delegate's authority to answer for the state. */
  'delegate.revoked',
  /** A delegation's webhook was added: URL, event kinds, active (never its secret). */
  'webhook.created',
  /** A webhook's URL, event kinds or active flag changed, or its secret was rotated (never the secret). */
  'webhook.updated',
  /** A webhook was removed, with its queued deliveries. */
  'webhook.deleted',
]);
export type LedgerAction = z.infer<typeof LedgerAction>;
