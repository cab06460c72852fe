import type { Db } from '../../db/connect.ts';
import type { Urgency } from './schema.ts';

/**
 * What the clearance commands announce, inside their transaction, for the side effects
 * that follow a change: in-app notifications to points of contact and to the requester,
 * and webhook deliveries to the national systems of the delegations concerned (queued in
 * the same transaction, delivered after commit by the webhook runner).
 */
export type ClearanceEvent =
  | (EventBase & {
      kind: 'leg_arrived';
      /** The state whose points of contact must decide. */
      state: string;
      legId: string;
      /** When silence takes effect; null when the leg needs no decision (standing permission). */
      dueAt: Date | null;
    })
  | (EventBase & {
      kind: 'leg_decided';
      state: string;
      legId: string;
      /** approved (with conditions or not), denied, info_requested, info_given, escalated. */
      outcome: 'approved' | 'approved_with_conditions' | 'denied' | 'info_requested' | 'info_given' | 'escalated';
      how: 'state' | 'tacit' | 'standing_permission' | 'secretariat' | null;
      clearanceNumber: string | null;
    })
  | (EventBase & { kind: 'request_cleared'; verificationCode: string })
  | (EventBase & { kind: 'request_denied'; state: string })
  | (EventBase & { kind: 'request_withdrawn' })
  | (EventBase & { kind: 'request_amended'; version: number; reopenedStates: string[] });

interface EventBase {
  requestId: string;
  reference: string;
  requestingState: string;
  urgency: Urgency;
  classification: number;
  /** Every state with a leg in the request's current version. */
  routeStates: string[];
  at: Date;
}

/**
 * Announces a clearance event inside the command's transaction.
 * (The notifications and webhook queue are wired in by their modules.)
 */
export async function publishClearanceEvent(_trx: Db, _event: ClearanceEvent): Promise<void> {}
