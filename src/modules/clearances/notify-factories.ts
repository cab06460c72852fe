import { randomBytes } from 'node:crypto';
import type { DbHandle } from '../../db/connect.ts';
import type { ClearanceEvent } from '../clearances/events.ts';

/**
 * Clearance rows written directly, for the notification and webhook tests (independent of
 * the clearance commands): a pending request of `requestingState` with one pending leg per
 * route state, each due `dueInMs` after `openedAt`.
 */
export async function buildClearanceRows(
  handle: DbHandle,
  spec: {
    requestingState?: string;
    route?: string[];
    classification?: number;
    openedAt?: Date;
    dueInMs?: number;
  } = {},
) {
  const requestingState = spec.requestingState ?? 'BY';
  const route = spec.route ?? ['BY', 'AM'];
  const openedAt = spec.openedAt ?? new Date();
  const dueAt = new Date(openedAt.getTime() + (spec.dueInMs ?? 6 * 3_600_000));
  const request = await handle.db
    .insertInto('clearance_requests')
    .values({
      reference: `${requestingState}-TEST-${randomBytes(4).toString('hex')}`,
      requesting_state: requestingState,
      kind: 'request',
      status: 'pending',
      version: 1,
      title: 'Convoy to the exercise area',
      framework: 'exercise',
      urgency: 'urgent',
      classification: spec.classification ?? 1,
      created_by_label: 'test',
      submitted_at: openedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const legs = await handle.db
    .insertInto('clearance_legs')
    .values(
      route.map((state, position) => ({
        request_id: request.id,
        position,
        state_code: state,
        version: 1,
        status: 'pending' as const,
        opened_at: openedAt,
        due_at: dueAt,
      })),
    )
    .returningAll()
    .execute();
  const base = {
    requestId: request.id,
    reference: request.reference,
    requestingState,
    urgency: 'urgent' as const,
    classification: request.classification,
    routeStates: route,
    at: openedAt,
  };
  /** The leg of a state. */
  const leg = (state: string) => legs.find((l) => l.state_code.trim() === state)!;
  /** A leg_arrived event for a state's leg. */
  const arrived = (state: string, at = openedAt): ClearanceEvent => ({
    ...base,
    at,
    kind: 'leg_arrived',
    state,
    legId: leg(state).id,
    dueAt,
  });
  return { request, legs, base, leg, arrived, dueAt };
}
