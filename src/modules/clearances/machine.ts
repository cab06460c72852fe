import { canonicalJson } from '../ledger/index.ts';
import type {
  ClearanceContent,
  ConditionInput,
  LegInput,
  LegStatus,
  RequestStatus,
  SilenceMeaning,
} from './schema.ts';

/**
 * The clearance state machine, pure: what happens to a leg at each event, the request's
 * status derived from its legs, and which legs an amendment re-opens. The commands load
 * rows, call these, and write what they answer; the tests drive them from tables.
 *
 *   draft --submit--> pending --decide--> approved | denied
 *                     pending --ask_info--> info_requested --give_info--> pending (due pushed by the pause)
 *                     pending --due--> approved (consent) | denied (refusal) | escalated (escalation)
 *                     escalated --secretariat--> approved | denied
 *                     any open --withdraw--> withdrawn;  decided --reopen (amendment)--> pending
 */

export type DecidedHow = 'state' | 'tacit' | 'standing_permission' | 'secretariat';

/** A leg as the machine sees it. */
export interface Leg {
  status: LegStatus;
  openedAt: Date | null;
  dueAt: Date | null;
  /** The window fixed when the leg opened, and what silence at its end means. */
  windowSeconds: number | null;
  onSilence: SilenceMeaning | null;
  pausedAt: Date | null;
  pausedSeconds: number;
  decidedAt: Date | null;
  decidedHow: DecidedHow | null;
  conditions: ConditionInput[] | null;
  conditionsAcceptedAt: Date | null;
}

export type LegEvent =
  | { kind: 'open'; at: Date; windowHours: number; onSilence: SilenceMeaning }
  | { kind: 'ask_info'; at: Date }
  | { kind: 'give_info'; at: Date }
  | { kind: 'decide'; at: Date; approve: boolean; conditions?: ConditionInput[] }
  | { kind: 'due'; at: Date }
  | { kind: 'secretariat'; at: Date; approve: boolean; conditions?: ConditionInput[] }
  | { kind: 'standing_permission'; at: Date }
  | { kind: 'accept_conditions'; at: Date }
  | { kind: 'withdraw'; at: Date };

/** A transition the machine refuses: `conflict` (409: not now) with the reason. */
export class TransitionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TransitionRefused';
  }
}

export const emptyLeg = (): Leg => ({
  status: 'draft',
  openedAt: null,
  dueAt: null,
  windowSeconds: null,
  onSilence: null,
  pausedAt: null,
  pausedSeconds: 0,
  decidedAt: null,
  decidedHow: null,
  conditions: null,
  conditionsAcceptedAt: null,
});

const HOUR = 3_600_000;
const OPEN: LegStatus[] = ['pending', 'info_requested', 'escalated'];
export const isOpenLeg = (status: LegStatus) => OPEN.includes(status);

function decided(leg: Leg, at: Date, approve: boolean, how: DecidedHow, conditions?: ConditionInput[]): Leg {
  return {
    ...leg,
    status: approve ? 'approved' : 'denied',
    dueAt: null,
    pausedAt: null,
    decidedAt: at,
    decidedHow: how,
    conditions: approve && conditions?.length ? conditions : null,
    conditionsAcceptedAt: null,
  };
}

/** The leg after the event; throws TransitionRefused when the event is not allowed now. */
export function applyLegEvent(leg: Leg, event: LegEvent): Leg {
  const { at } = event;
  switch (event.kind) {
    case 'open':
      // Submission, or an amendment re-opening the leg: a fresh window from now.
      return {
        ...emptyLeg(),
        status: 'pending',
        openedAt: at,
        dueAt: new Date(at.getTime() + event.windowHours * HOUR),
        windowSeconds: Math.round(event.windowHours * 3600),
        onSilence: event.onSilence,
      };
    case 'standing_permission':
      return { ...decided(leg, at, true, 'standing_permission'), openedAt: leg.openedAt ?? at };
    case 'ask_info':
      requirePendingInWindow(leg, at);
      return { ...leg, status: 'info_requested', pausedAt: at, dueAt: null };
    case 'give_info': {
      if (leg.status !== 'info_requested' || !leg.pausedAt)
        throw new TransitionRefused('no question is waiting for an answer on this leg');
      // The clock stood still while the state waited: the window closes that much later.
      const pausedSeconds = leg.pausedSeconds + (at.getTime() - leg.pausedAt.getTime()) / 1000;
      const opened = leg.openedAt?.getTime() ?? at.getTime();
      return {
        ...leg,
        status: 'pending',
        pausedAt: null,
        pausedSeconds,
        dueAt: new Date(opened + ((leg.windowSeconds ?? 0) + pausedSeconds) * 1000),
      };
    }
    case 'decide':
      if (leg.status === 'info_requested')
        // Deciding answers the state's own question: allowed, the pause ends with the decision.
        return decided(leg, at, event.approve, 'state', event.conditions);
      requirePendingInWindow(leg, at);
      return decided(leg, at, event.approve, 'state', event.conditions);
    case 'due': {
      if (leg.status !== 'pending') throw new TransitionRefused(`the leg is ${leg.status}, not pending`);
      if (!leg.dueAt || leg.dueAt.getTime() > at.getTime())
        throw new TransitionRefused('the window has not closed');
      // Silence takes effect at the instant the window closed, whenever it is applied.
      const when = leg.dueAt;
      if (leg.onSilence === 'escalation') return { ...leg, status: 'escalated', dueAt: null };
      return decided(leg, when, leg.onSilence !== 'refusal', 'tacit');
    }
    case 'secretariat':
      if (leg.status !== 'escalated')
        throw new TransitionRefused('only an escalated leg is decided by the secretariat');
      return decided(leg, at, event.approve, 'secretariat', event.conditions);
    case 'accept_conditions':
      if (leg.status !== 'approved' || !leg.conditions?.length)
        throw new TransitionRefused('this leg has no conditions to accept');
      if (leg.conditionsAcceptedAt) throw new TransitionRefused('the conditions are already accepted');
      return { ...leg, conditionsAcceptedAt: at };
    case 'withdraw':
      return { ...leg, status: 'withdrawn', dueAt: null, pausedAt: null };
  }
}

function requirePendingInWindow(leg: Leg, at: Date) {
  if (leg.status === 'escalated')
    throw new TransitionRefused(
      'the window closed and the leg went to the secretariat, which decides it now',
    );
  if (leg.status !== 'pending')
    throw new TransitionRefused(`the leg is ${leg.status}: there is nothing to decide`);
  if (leg.dueAt && at.getTime() >= leg.dueAt.getTime())
    throw new TransitionRefused(`the window closed at ${leg.dueAt.toISOString()}`);
}

/**
 * The request's status from its legs (withdrawn legs, off the route, do not count): one
 * denial denies it; every leg approved with every condition accepted clears it; every leg
 * approved with conditions still to accept awaits the requester; otherwise it is pending.
 */
export function requestStatusOf(
  legs: Pick<Leg, 'status' | 'conditions' | 'conditionsAcceptedAt'>[],
): RequestStatus {
  const live = legs.filter((l) => l.status !== 'withdrawn');
  if (live.some((l) => l.status === 'denied')) return 'denied';
  if (live.length === 0 || live.some((l) => l.status !== 'approved')) return 'pending';
  const unaccepted = live.some((l) => l.conditions?.length && !l.conditionsAcceptedAt);
  return unaccepted ? 'awaiting_acceptance' : 'cleared';
}

/** What an amendment does to a state's leg. */
export type AmendAction = 'keep' | 'reopen' | 'open' | 'withdraw';

/**
 * Which legs an amendment re-opens. A state's leg of the new version is compared with its
 * leg in force: unchanged, it keeps its decision (or its open window); changed, or new on
 * the route, it opens afresh; a state no longer on the route has its leg withdrawn. When
 * the shared cargo (assets, personnel, VIPs, armament, sensors, dangerous goods) changed,
 * or `everyLeg` says so (the framework changed: the legal ground every state decided on),
 * every state on the route decides again: each decided on that cargo.
 */
export function planAmendment(
  current: { content: ClearanceContent; withdrawnStates?: string[] },
  next: ClearanceContent,
  opts: { everyLeg?: boolean } = {},
): { state: string; action: AmendAction }[] {
  const before = new Map(current.content.legs.map((l) => [l.state, legKey(l)]));
  const withdrawn = new Set(current.withdrawnStates ?? []);
  const cargoChanged = !!opts.everyLeg || cargoKey(current.content) !== cargoKey(next);
  const plan: { state: string; action: AmendAction }[] = next.legs.map((leg) => {
    const old = before.get(leg.state);
    if (old === undefined || withdrawn.has(leg.state)) return { state: leg.state, action: 'open' };
    return { state: leg.state, action: cargoChanged || old !== legKey(leg) ? 'reopen' : 'keep' };
  });
  const onRoute = new Set(next.legs.map((l) => l.state));
  for (const leg of current.content.legs)
    if (!onRoute.has(leg.state) && !withdrawn.has(leg.state))
      plan.push({ state: leg.state, action: 'withdraw' });
  return plan;
}

/** What a state decides on about its own leg, in a comparable form. */
export function legKey(leg: LegInput): string {
  // Canonical JSON: content read back from jsonb has its keys in another order.
  return canonicalJson({
    entry: leg.entry,
    route: leg.route,
    stops: leg.stops,
    exit: leg.exit,
    alternates: leg.alternates ?? null,
  });
}

/** The cargo every state decides on, in a comparable form. */
export function cargoKey(c: ClearanceContent): string {
  return canonicalJson({
    assets: c.assets,
    personnel: c.personnel,
    vips: c.vips,
    armament: c.armament,
    sensors: c.sensors,
    dangerousGoods: c.dangerousGoods,
  });
}
