import { invalid } from '../../core/errors.ts';
import type { ClearanceContent, LegInput, StandingPermissionPattern } from './schema.ts';

/** A crossing point as the checks need it. */
export interface PointInfo {
  code: string;
  kind: 'road' | 'rail' | 'air' | 'sea';
  states: string[];
}

/**
 * Checks an itinerary against the organisation: every leg in a member state, once; entry
 * and exit at known crossing points of that state; consecutive legs joined at one crossing
 * point of both states (or a flight, from an airport of one to an airport of the next),
 * otherwise a leg for the state between is missing; a leg's exit not before its entry.
 * Throws a 400 naming the field (`legs.1.entry.point`) and why.
 */
export function checkItinerary(
  content: Pick<ClearanceContent, 'legs'>,
  points: Map<string, PointInfo>,
  members: Set<string>,
  prefix = '',
) {
  const at = (path: string) => `${prefix}${path}`;
  const seen = new Map<string, number>();
  content.legs.forEach((leg, i) => {
    if (!members.has(leg.state)) throw invalid(at(`legs.${i}.state`), `${leg.state} is not a member state`);
    if (seen.has(leg.state))
      throw invalid(
        at(`legs.${i}.state`),
        `${leg.state} already has leg ${seen.get(leg.state)}: one leg per state`,
      );
    seen.set(leg.state, i);
    for (const side of ['entry', 'exit'] as const) {
      const passage = leg[side];
      if (!passage) continue;
      const point = points.get(passage.point);
      if (!point)
        throw invalid(at(`legs.${i}.${side}.point`), `${passage.point} is not a known crossing point`);
      if (!point.states.includes(leg.state))
        throw invalid(
          at(`legs.${i}.${side}.point`),
          `${passage.point} is not in ${leg.state} (it is in ${point.states.join(' and ')})`,
        );
    }
    if (leg.exit && Date.parse(leg.exit.window.to) < Date.parse(leg.entry.window.from))
      throw invalid(at(`legs.${i}.exit.window.to`), 'the leg leaves before it enters');
  });
  for (let i = 0; i + 1 < content.legs.length; i++) {
    const leg = content.legs[i];
    const next = content.legs[i + 1];
    if (!leg.exit)
      throw invalid(
        at(`legs.${i}.exit`),
        `is required: the movement goes on into ${next.state} (leg ${i + 1})`,
      );
    const exit = points.get(leg.exit.point)!;
    const entry = points.get(next.entry.point)!;
    if (exit.kind === 'air' && entry.kind === 'air') continue; // a flight between two airports
    if (leg.exit.point === next.entry.point) continue; // checked above: in both states
    const between = exit.states.includes(next.state)
      ? `must be ${leg.exit.point}, where leg ${i} leaves ${leg.state}`
      : `leg ${i} leaves ${leg.state} at ${leg.exit.point}, which does not border ${next.state}: a leg for the state between is missing`;
    throw invalid(at(`legs.${i + 1}.entry.point`), between);
  }
}

/**
 * How far before "now" a movement window may still start when it is submitted or amended:
 * the minutes a person takes between filling in the form and sending it, and clock skew.
 */
export const WINDOW_START_TOLERANCE_MS = 5 * 60_000;

/**
 * Refuses movement windows that have already begun: a state cannot clear a passage that
 * lies in the past, and silence would consent to it. Drafts are not checked (only what is
 * submitted or amended); `legs` limits the check to the legs of those indexes (an
 * amendment checks the legs it re-opens, not the kept ones of a movement under way).
 * Throws a 400 naming the window (`legs.1.entry.window.from`).
 */
export function checkWindowsAhead(
  content: Pick<ClearanceContent, 'legs'>,
  now: Date,
  legs?: Set<number>,
  prefix = '',
) {
  const earliest = now.getTime() - WINDOW_START_TOLERANCE_MS;
  content.legs.forEach((leg, i) => {
    if (legs && !legs.has(i)) return;
    for (const side of ['entry', 'exit'] as const) {
      const passage = leg[side];
      if (!passage) continue;
      if (Date.parse(passage.window.from) < earliest)
        throw invalid(
          `${prefix}legs.${i}.${side}.window.from`,
          `starts at ${new Date(passage.window.from).toISOString()}, before now (${now.toISOString()}): a movement window must not have begun`,
        );
    }
  });
}

/** A standing permission as matching needs it. */
export interface PermissionInfo {
  id: string;
  grantingState: string;
  granteeState: string;
  pattern: StandingPermissionPattern;
  validFrom: Date;
  validTo: Date;
  revokedAt: Date | null;
}

/** The movement a leg belongs to, as matching needs it. */
export interface MovementInfo {
  requestingState: string;
  framework: string;
  content: Pick<ClearanceContent, 'assets' | 'personnel' | 'armament' | 'dangerousGoods'>;
}

/** The span of a leg: from the start of its entry window to the end of its exit window (or entry's). */
export function legSpan(leg: LegInput): { from: Date; to: Date } {
  return { from: new Date(leg.entry.window.from), to: new Date((leg.exit ?? leg.entry).window.to) };
}

/**
 * Whether a standing permission covers a leg, and if not the first reason why. Never with
 * armament or any dangerous goods line: those always need a decision.
 */
export function permissionCovers(
  p: PermissionInfo,
  movement: MovementInfo,
  leg: LegInput,
): { covers: true } | { covers: false; reason: string } {
  const no = (reason: string) => ({ covers: false as const, reason });
  if (movement.content.armament) return no('the movement carries armament');
  if (movement.content.dangerousGoods.length) return no('the movement carries dangerous goods');
  if (p.revokedAt) return no('the permission was revoked');
  if (p.grantingState !== leg.state) return no(`the permission is granted by ${p.grantingState}`);
  if (p.granteeState !== movement.requestingState) return no(`the permission is for ${p.granteeState}`);
  if (!p.pattern.frameworks.includes(movement.framework as never))
    return no(`the framework ${movement.framework} is not covered`);
  const kind = movement.content.assets.find((a) => !p.pattern.assetKinds.includes(a.kind));
  if (kind) return no(`the asset kind ${kind.kind} is not covered`);
  if (p.pattern.maxPersonnel !== undefined && movement.content.personnel > p.pattern.maxPersonnel)
    return no(`more than ${p.pattern.maxPersonnel} personnel`);
  if (p.pattern.crossingPoints.length) {
    const used = [leg.entry.point, ...(leg.exit ? [leg.exit.point] : [])];
    const other = used.find((code) => !p.pattern.crossingPoints.includes(code));
    if (other) return no(`the crossing point ${other} is not covered`);
  }
  const span = legSpan(leg);
  if (span.from < p.validFrom) return no('the leg starts before the permission is valid');
  if (span.to > p.validTo) return no('the leg ends after the permission expires');
  return { covers: true };
}

/** The first permission that covers the leg, if any. */
export function findCoveringPermission<P extends PermissionInfo>(
  permissions: P[],
  movement: MovementInfo,
  leg: LegInput,
): P | null {
  return permissions.find((p) => permissionCovers(p, movement, leg).covers) ?? null;
}
