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
  /** A cleared request's certificate was issued: its digest, which its verification code is checked against. */
  'clearance.certificate_issued',
  /** A file was attached to a clearance request (its name, size and SHA-256; never its bytes). */
  'clearance.attachment_added',
  /** A file was removed from a clearance request. */
  'clearance.attachment_removed',
  /** A delegation's webhook was added: URL, event kinds, active (never its secret). */
  'webhook.created',
  /** A webhook's URL, event kinds or active flag changed, or its secret was rotated (never the secret). */
  'webhook.updated',
  /** A webhook was removed, with its queued deliveries. */
  'webhook.deleted',
  /** A clearance request was created (draft or submitted at once): its first version. */
  'clearance.requested',
  /** A draft clearance request's content changed before submission (the same version). */
  'clearance.draft_updated',
  /** A clearance request was submitted: every leg opened at once, each with its window; legs a standing permission covers are cleared at once, and the entry says which. */
  'clearance.submitted',
  /** A clearance request was amended: a new version; the entry lists the legs re-opened, kept and withdrawn. */
  'clearance.amended',
  /** The requesting state withdrew a clearance request, with its reason. */
  'clearance.withdrawn',
  /** A state decided its leg: approved (with or without conditions) or denied, with its clearance number. */
  'clearance.leg_decided',
  /** A state's window closed in silence: consent, refusal or escalation to the secretariat, at the instant it closed. */
  'clearance.leg_tacit',
  /** The secretariat decided a leg escalated at the end of its window. */
  'clearance.leg_escalation_decided',
  /** A state asked the requester for more information: its clock pauses. */
  'clearance.info_requested',
  /** The requester answered a state's question: that state's clock runs again. */
  'clearance.info_given',
  /** The requester accepted the conditions of one or more legs. */
  'clearance.conditions_accepted',
  /** A clearance request was cleared: every leg approved and every condition accepted. */
  'clearance.cleared',
  /** A clearance request was denied: one state's denial (or refusal by silence) stops it. */
  'clearance.denied',
  /** A state granted a delegation a standing permission for movements matching a pattern. */
  'standing_permission.granted',
  /** A standing permission was revoked. */
  'standing_permission.revoked',
  /** A delegation saved (created or changed) a reusable vehicle and asset list. */
  'asset_list.saved',
  /** A delegation deleted an asset list. */
  'asset_list.deleted',
  /** A host state requested the deployment of collective forces: the proposal and procedure it opened. */
  'deployment.requested',
  /** The council's procedure on a deployment closed: adopted (its movements became requests) or not. */
  'deployment.decided',
]);
export type LedgerAction = z.infer<typeof LedgerAction>;
