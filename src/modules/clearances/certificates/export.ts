import type { z } from '@hono/zod-openapi';
import type { Actor } from '../../../core/actor.ts';
import { csvField } from '../../../core/csv.ts';
import type { Db } from '../../../db/connect.ts';
import { recordedEntry } from '../../ledger/index.ts';
import { presentRequest, type RequestSchema } from '../present.ts';
import { getRequestView } from '../requests/queries.ts';

type PresentedRequest = z.infer<typeof RequestSchema>;

/**
 * A request and its decisions as the actor may see them (the presenter decides what
 * leaves the server, so an export never holds more than the request page), with the
 * current certificate's code when there is one.
 */
export async function exportRequest(db: Db, actor: Actor, id: string, now = new Date()) {
  return (await exportData(db, actor, id, now)).doc;
}

/** The same export as CSV: one line per leg with its decision. */
export async function exportRequestCsv(db: Db, actor: Actor, id: string, now = new Date()) {
  const { doc, paused } = await exportData(db, actor, id, now);
  return exportCsv(doc, paused);
}

async function exportData(db: Db, actor: Actor, id: string, now: Date) {
  const view = await getRequestView(db, actor, id);
  const request = presentRequest(actor, view, now);
  const recordId = view.row.certificate_record_id;
  // The entry's seq once it has its place in the record; null while it is pending.
  const recorded = view.row.verification_code && recordId !== null ? await recordedEntry(db, recordId) : null;
  const doc = {
    kind: 'accord.clearance-export' as const,
    exportedAt: now.toISOString(),
    request,
    certificate: view.row.verification_code
      ? { code: view.row.verification_code, recordId, recordSeq: recorded?.seq ?? null }
      : null,
  };
  return { doc, paused: new Map(view.legs.map((l) => [l.id, Number(l.paused_seconds)])) };
}

export const CSV_COLUMNS = [
  'reference',
  'version',
  'title',
  'requesting_state',
  'framework',
  'urgency',
  'request_status',
  'position',
  'state',
  'time_zone',
  'entry_point',
  'entry_from_utc',
  'entry_to_utc',
  'entry_from_local',
  'entry_to_local',
  'exit_point',
  'exit_from_utc',
  'exit_to_utc',
  'exit_from_local',
  'exit_to_local',
  'route',
  'stops',
  'leg_status',
  'opened_at_utc',
  'due_at_utc',
  'decided_at_utc',
  'hours_to_decide',
  'decided_how',
  'decided_by',
  'clearance_number',
  'conditions',
  'conditions_accepted_at_utc',
  'reason',
  'standing_permission',
] as const;

/** Hours from the leg's opening to its decision, paused time excluded; empty while open. */
function hoursToDecide(leg: PresentedRequest['legs'][number], pausedSeconds: number) {
  if (!leg.openedAt || !leg.decidedAt) return null;
  const seconds = (Date.parse(leg.decidedAt) - Date.parse(leg.openedAt)) / 1000 - pausedSeconds;
  return Math.round((seconds / 3600) * 100) / 100;
}

/**
 * The export as CSV: one line per leg with its itinerary (entry and exit windows in UTC and
 * in the state's own time, route, stops) and its decision (UTC instants, ISO 8601).
 */
function exportCsv(
  data: Awaited<ReturnType<typeof exportRequest>>,
  pausedSeconds: Map<string, number> = new Map(),
): string {
  const r = data.request;
  const lines = [CSV_COLUMNS.join(',')];
  for (const leg of r.legs) {
    const conditions = (leg.conditions ?? []).map((c) => `${String(c.kind)}: ${String(c.text)}`).join(' | ');
    const row = [
      r.reference,
      r.version,
      r.title,
      r.requestingState,
      r.framework,
      r.urgency,
      r.status,
      leg.position + 1,
      leg.state,
      leg.timeZone,
      leg.entry?.point,
      leg.entry?.from,
      leg.entry?.to,
      leg.entry?.fromLocal,
      leg.entry?.toLocal,
      leg.exit?.point,
      leg.exit?.from,
      leg.exit?.to,
      leg.exit?.fromLocal,
      leg.exit?.toLocal,
      leg.route,
      leg.stops.join(' | '),
      leg.status,
      leg.openedAt,
      leg.dueAt,
      leg.decidedAt,
      hoursToDecide(leg, pausedSeconds.get(leg.id) ?? 0),
      leg.decidedHow,
      leg.decidedBy,
      leg.clearanceNumber,
      conditions,
      leg.conditionsAcceptedAt,
      leg.reason,
      leg.standingPermission,
    ];
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
