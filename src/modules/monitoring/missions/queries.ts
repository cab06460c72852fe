import { sql } from 'kysely';
import type { Actor } from '../../../core/actor.ts';
import type { Db } from '../../../db/connect.ts';
import { can } from '../../../policy/index.ts';
import { missionSubject } from './commands.ts';
import { compileDay, type DailyCompilation, today } from './daily.ts';

/** The missions the actor may read (or the one asked), with their people and how many reports they filed. */
export async function listMissions(db: Db, actor: Actor, id?: string) {
  const rows = await db
    .selectFrom('observation_missions as m')
    .innerJoin('users as head', 'head.id', 'm.head_id')
    .selectAll('m')
    .select([
      sql<string>`m.starts_on::text`.as('from'),
      sql<string>`m.ends_on::text`.as('to'),
      'head.display_name as head_name',
      (eb) =>
        eb
          .selectFrom('reports')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('reports.mission_id', '=', 'm.id')
          .where('reports.status', '<>', 'draft')
          .as('reports'),
    ])
    .$if(id !== undefined, (q) => q.where('m.id', '=', id!))
    .orderBy('m.starts_on', 'desc')
    .orderBy('m.reference', 'desc')
    .execute();
  const members = rows.length
    ? await db
        .selectFrom('observation_mission_members as mm')
        .innerJoin('users', 'users.id', 'mm.user_id')
        .select(['mm.mission_id', 'users.id', 'users.display_name', 'users.state_code'])
        .where(
          'mm.mission_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('users.display_name')
        .execute()
    : [];
  const day = await today(db, new Date());
  const out = [];
  for (const row of rows) {
    const subject = await missionSubject(db, row);
    if (!can(actor, 'read', 'mission', subject)) continue;
    out.push({
      row,
      subject,
      day,
      members: members.filter((m) => m.mission_id === row.id),
    });
  }
  return out;
}

/** A day's report: as approved, or compiled now from the day's reports while still a draft. */
export async function dailyReport(db: Db, missionId: string, day: string) {
  const stored = await db
    .selectFrom('mission_daily_reports')
    .select(['compiled', 'summary', 'status', 'approved_at', 'approved_by_label'])
    .where('mission_id', '=', missionId)
    .where(sql<boolean>`day = ${day}::date`)
    .executeTakeFirst();
  if (stored?.status === 'approved')
    return {
      status: 'approved' as const,
      summary: stored.summary,
      approvedAt: stored.approved_at!.toISOString(),
      approvedBy: stored.approved_by_label,
      compiled: stored.compiled as DailyCompilation,
    };
  return {
    status: 'draft' as const,
    summary: '',
    approvedAt: null,
    approvedBy: null,
    compiled: await compileDay(db, missionId, day),
  };
}
