import { type SqlBool, sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { clearanceRequestsVisibleTo } from '../../policy/index.ts';
import type { Urgency } from './schema.ts';

/** How fast one state decides legs of one urgency category. */
export interface TimelinessFigure {
  state: string;
  urgency: Urgency;
  /** Legs opened to the state (submitted or re-opened by an amendment). */
  legs: number;
  /** Decided by the state itself (or by the secretariat after an escalation). */
  decided: number;
  /** Hours from the leg's opening to the decision, paused time for questions excluded. */
  medianHours: number | null;
  p90Hours: number | null;
  /** Silence at the end of the window meant consent, or refusal. */
  tacitConsents: number;
  tacitRefusals: number;
  /** Silence sent the leg to the secretariat. */
  escalations: number;
  /** Cleared at once by a standing permission: no decision needed. */
  standingPermissions: number;
  /** Still waiting for the state. */
  open: number;
}

export interface TimelinessFilter {
  /** Legs opened at or after this instant. */
  from?: Date;
  /** Legs opened before this instant. */
  to?: Date;
  framework?: string;
}

/**
 * Median and 90th percentile time to decide, tacit consents and refusals, escalations
 * and standing permissions, per state and urgency, over the legs of the requests the
 * actor may read (the policy's `clearanceRequestsVisibleTo`).
 */
export async function timeliness(
  db: Db,
  actor: Actor,
  filter: TimelinessFilter = {},
): Promise<TimelinessFigure[]> {
  let query = db
    .selectFrom('clearance_legs as l')
    .innerJoin('clearance_requests', 'clearance_requests.id', 'l.request_id')
    .where((eb) => clearanceRequestsVisibleTo(actor)(eb as never))
    .where('l.opened_at', 'is not', null)
    .where('l.status', '<>', 'withdrawn');
  if (filter.from) query = query.where('l.opened_at', '>=', filter.from);
  if (filter.to) query = query.where('l.opened_at', '<', filter.to);
  if (filter.framework)
    query = query.where('clearance_requests.framework', '=', filter.framework as 'exercise');
  const hours = sql<number>`(extract(epoch from (l.decided_at - l.opened_at)) - l.paused_seconds) / 3600.0`;
  const byHand = sql<SqlBool>`l.decided_how in ('state', 'secretariat')`;
  const rows = await query
    .select([
      'l.state_code as state',
      'clearance_requests.urgency as urgency',
      sql<number>`count(*)`.as('legs'),
      sql<number>`count(*) filter (where ${byHand})`.as('decided'),
      sql<number | null>`percentile_cont(0.5) within group (order by ${hours}) filter (where ${byHand})`.as(
        'median_hours',
      ),
      sql<number | null>`percentile_cont(0.9) within group (order by ${hours}) filter (where ${byHand})`.as(
        'p90_hours',
      ),
      sql<number>`count(*) filter (where l.decided_how = 'tacit' and l.status = 'approved')`.as(
        'tacit_consents',
      ),
      sql<number>`count(*) filter (where l.decided_how = 'tacit' and l.status = 'denied')`.as(
        'tacit_refusals',
      ),
      sql<number>`count(*) filter (where l.status = 'escalated' or l.decided_how = 'secretariat')`.as(
        'escalations',
      ),
      sql<number>`count(*) filter (where l.decided_how = 'standing_permission')`.as('standing_permissions'),
      sql<number>`count(*) filter (where l.status in ('pending', 'info_requested', 'escalated'))`.as('open'),
    ])
    .groupBy(['l.state_code', 'clearance_requests.urgency'])
    .orderBy('l.state_code')
    .orderBy('clearance_requests.urgency')
    .execute();
  const round = (v: number | null) =>
    v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100;
  return rows.map((r) => ({
    state: r.state,
    urgency: r.urgency,
    legs: Number(r.legs),
    decided: Number(r.decided),
    medianHours: round(r.median_hours),
    p90Hours: round(r.p90_hours),
    tacitConsents: Number(r.tacit_consents),
    tacitRefusals: Number(r.tacit_refusals),
    escalations: Number(r.escalations),
    standingPermissions: Number(r.standing_permissions),
    open: Number(r.open),
  }));
}
