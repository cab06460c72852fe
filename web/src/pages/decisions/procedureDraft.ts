import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { ProcedureKind, Rule, Share } from '../../types.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** What the chair fills in to open a procedure; turned into the API's input by `toInput`. */
export interface ProcedureDraft {
  kind: ProcedureKind;
  /** Wall-clock time "YYYY-MM-DD HH:mm:ss" in `zone`, as the date-time picker gives it. */
  deadline: string | null;
  zone: 'reference' | 'reader';
  excludedParties: string[];
  missingAnswer: 'blocks' | 'extend_once';
  extensionHours: number;
  majority: Share;
  abstention: 'against' | 'not_counted';
  useWeights: boolean;
  weights: Record<string, number>;
  weightShare: Share;
  blockingMinority: number | null;
  useLimit: boolean;
  limit: Share;
}

/** The picker's wall-clock time three days from now at 18:00 in a zone. */
export function defaultDeadline(zone: string): string {
  return dayjs().tz(zone).add(3, 'day').hour(18).minute(0).second(0).format('YYYY-MM-DD HH:mm:ss');
}

/** How far ahead a deadline may be when the organisation says nothing (as on the server). */
export const DEFAULT_MAX_HORIZON_DAYS = 365;

/**
 * The earliest and latest wall-clock times the picker offers in a zone: from now to the
 * organisation's horizon (`procedures.maxHorizonDays` of its file).
 */
export function deadlineBounds(zone: string, maxHorizonDays: number, now = Date.now()) {
  const at = dayjs(now).tz(zone);
  return {
    min: at.format('YYYY-MM-DD HH:mm:ss'),
    max: at.add(maxHorizonDays, 'day').format('YYYY-MM-DD HH:mm:ss'),
  };
}

export function emptyProcedureDraft(referenceZone: string): ProcedureDraft {
  return {
    kind: 'silence',
    deadline: defaultDeadline(referenceZone),
    zone: 'reference',
    excludedParties: [],
    missingAnswer: 'blocks',
    extensionHours: 24,
    majority: { num: 2, den: 3 },
    abstention: 'not_counted',
    useWeights: false,
    weights: {},
    weightShare: { num: 65, den: 100 },
    blockingMinority: null,
    useLimit: false,
    limit: { num: 1, den: 3 },
  };
}

/** The instant a wall-clock time in a zone stands for, as ISO 8601 UTC. */
export function instantIn(wallTime: string, zone: string): string | null {
  const d = dayjs.tz(wallTime, zone);
  return d.isValid() ? d.toISOString() : null;
}

/** The same instant shown as wall-clock time in another zone (when the chair switches zones). */
export function moveWallTime(wallTime: string, from: string, to: string): string {
  const d = dayjs.tz(wallTime, from);
  return d.isValid() ? d.tz(to).format('YYYY-MM-DD HH:mm:ss') : wallTime;
}

const needsDeadline = (kind: ProcedureKind) => kind !== 'meeting_consensus';

/** The rule the draft describes, for the one-sentence explanation. */
export function draftRule(draft: ProcedureDraft, members: string[]): Rule {
  const weights = (share: Share) => ({
    share,
    byState: Object.fromEntries(members.map((s) => [s, draft.weights[s] ?? 0])),
  });
  return {
    kind: draft.kind,
    excludedParties: draft.excludedParties,
    ...(draft.kind === 'written' ? { missingAnswer: draft.missingAnswer } : {}),
    ...(draft.kind === 'qualified_majority'
      ? {
          majority: {
            states: draft.majority,
            abstention: draft.abstention,
            ...(draft.useWeights ? { weights: weights(draft.weightShare) } : {}),
            ...(draft.useWeights && draft.blockingMinority
              ? { blockingMinority: draft.blockingMinority }
              : {}),
          },
        }
      : {}),
    ...(draft.useLimit ? { constructiveAbstentionLimit: { states: draft.limit } } : {}),
  };
}

/** The deadline as an instant, or null when the kind has none or it is not filled in. */
export function draftDeadline(draft: ProcedureDraft, zones: { reference: string; reader: string }) {
  if (!needsDeadline(draft.kind) || !draft.deadline) return null;
  return instantIn(draft.deadline, draft.zone === 'reference' ? zones.reference : zones.reader);
}

/**
 * Checks made before asking the server (which checks again), keyed by the API's field
 * names: a deadline in the future and within the horizon, someone left to decide, shares.
 */
export function draftErrors(
  draft: ProcedureDraft,
  deadline: string | null,
  messages: { required: string; past: string; beyond: string; share: string; excludedAll: string },
  limits: { maxHorizonDays: number; members: string[] } = {
    maxHorizonDays: DEFAULT_MAX_HORIZON_DAYS,
    members: [],
  },
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (needsDeadline(draft.kind)) {
    if (!deadline) errors.deadline = messages.required;
    else if (Date.parse(deadline) <= Date.now()) errors.deadline = messages.past;
    else if (Date.parse(deadline) > Date.now() + limits.maxHorizonDays * 86_400_000)
      errors.deadline = messages.beyond;
  }
  if (limits.members.length > 0 && limits.members.every((s) => draft.excludedParties.includes(s)))
    errors.excludedParties = messages.excludedAll;
  const badShare = (s: Share) => !(s.num >= 1 && s.den >= 1 && s.num <= s.den);
  if (draft.kind === 'qualified_majority' && badShare(draft.majority)) errors.majority = messages.share;
  if (draft.kind === 'qualified_majority' && draft.useWeights && badShare(draft.weightShare))
    errors.weights = messages.share;
  if (draft.useLimit && badShare(draft.limit)) errors.limit = messages.share;
  return errors;
}

/** The body of POST /api/proposals/{id}/procedures. */
export function toInput(draft: ProcedureDraft, deadline: string | null, members: string[]) {
  const rule = draftRule(draft, members);
  return {
    kind: draft.kind,
    ...(deadline ? { deadline } : {}),
    excludedParties: draft.excludedParties,
    ...(draft.kind === 'written'
      ? {
          missingAnswer: draft.missingAnswer,
          ...(draft.missingAnswer === 'extend_once' ? { extensionHours: draft.extensionHours } : {}),
        }
      : {}),
    ...(rule.majority ? { majority: rule.majority } : {}),
    ...(rule.constructiveAbstentionLimit
      ? { constructiveAbstentionLimit: rule.constructiveAbstentionLimit }
      : {}),
  };
}
