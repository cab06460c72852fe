import type { Person } from '../../core/actor.ts';
import type { AttentionItem } from '../../core/module.ts';
import type { Db } from '../../db/connect.ts';
import { can } from '../../policy/index.ts';
import { alertsVisibleTo } from './queries.ts';

/** At most this many alerts on the home page: the alerts list holds the rest. */
const LIMIT = 100;

/**
 * Early warning's part of the home page, oldest first (what waited longest for an answer):
 * - `alerts.awaiting_response`: an open alert nobody has answered yet, for those who may
 *   acknowledge it (the measure early warning fails on: time from alert to first response);
 * - `alerts.escalated`: an escalated alert, for those who may close it.
 * Scoped by `alertsVisibleTo`, then by the step's own rule.
 */
export async function alertsAttention(db: Db, person: Person, now: Date): Promise<AttentionItem[]> {
  const rows = await db
    .selectFrom('alerts')
    .select([
      'id',
      'reference',
      'title',
      'region_code',
      'level',
      'status',
      'states',
      'classification',
      'raised_at',
    ])
    .where('status', 'in', ['open', 'escalated'])
    .where(alertsVisibleTo(person))
    .orderBy('raised_at')
    .orderBy('id')
    .limit(LIMIT)
    .execute();
  return rows.flatMap((r): AttentionItem[] => {
    const subject = { states: r.states.map((s) => s.trim()), classification: r.classification };
    const open = r.status === 'open';
    if (!can(person, open ? 'acknowledge' : 'close', 'alert', subject)) return [];
    return [
      {
        kind: open ? 'alerts.awaiting_response' : 'alerts.escalated',
        subjectType: 'alert',
        subjectId: r.id,
        title: `${r.reference} ${r.title}`,
        path: `/alerts/${r.id}`,
        at: r.raised_at.toISOString(),
        details: {
          region: r.region_code,
          level: r.level,
          waitingSeconds: Math.max(0, Math.round((now.getTime() - r.raised_at.getTime()) / 1000)),
        },
      },
    ];
  });
}
