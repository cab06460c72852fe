import type { Command } from 'commander';
import { actorFor, CliError, print, withDatabase } from '../../../cli/support.ts';
import type { Actor } from '../../../core/actor.ts';
import { invalid } from '../../../core/errors.ts';
import type { DbHandle } from '../../../db/connect.ts';
import { approveDaily, loadMission } from './commands.ts';
import { today } from './daily.ts';
import { dailyReport, listMissions } from './queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A mission named by its id or its reference ("OM-2026-01"). */
async function missionId(handle: DbHandle, name: string) {
  if (UUID.test(name)) return name;
  const row = await handle.db
    .selectFrom('observation_missions')
    .select('id')
    .where('reference', '=', name.trim())
    .executeTakeFirst();
  if (!row) throw new CliError(`no mission ${name}`);
  return row.id;
}

const run = <T>(o: { as?: string }, fn: (handle: DbHandle, actor: Actor) => Promise<T>) =>
  withDatabase(async (handle) => fn(handle, await actorFor(handle, o.as)));

/** `accord mission ...`: observation missions and their daily reports. */
export function registerMissionCommands(program: Command) {
  const mission = program
    .command('mission')
    .description('Observation missions and their daily reports; --as <username> acts as that person');

  mission
    .command('list')
    .description('List the missions you may read')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await run(o, async (handle, actor) => {
        const items = await listMissions(handle.db, actor);
        if (o.json)
          return print(
            JSON.stringify(
              items.map((m) => ({ ...m.row, members: m.members })),
              null,
              2,
            ),
          );
        if (items.length === 0) return print('no missions');
        for (const { row, members } of items)
          print(
            `${row.reference}  ${row.from} to ${row.to}  ${row.name}  (head ${row.head_name}, ${members.length} members, ${row.reports ?? 0} reports)`,
          );
      });
    });

  mission
    .command('daily')
    .description("A day's report: as approved, or compiled now from the day's reports")
    .argument('<mission>', 'id or reference')
    .option('--day <date>', "YYYY-MM-DD (today in the organisation's zone when left out)")
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (name: string, o) => {
      if (o.day && !DAY.test(o.day)) throw invalid('day', 'must be a date, e.g. 2026-12-01');
      await run(o, async (handle, actor) => {
        const id = await missionId(handle, name);
        await loadMission(handle.db, actor, id);
        const day = o.day ?? (await today(handle.db, new Date()));
        const daily = await dailyReport(handle.db, id, day);
        if (o.json) return print(JSON.stringify({ day, ...daily }, null, 2));
        const c = daily.compiled;
        print(`${day} (${c.zone}): ${daily.status}${daily.approvedBy ? ` by ${daily.approvedBy}` : ''}`);
        print(`  ${c.reports} reports, ${c.fatalities} fatalities`);
        for (const b of c.byCategory) print(`  ${String(b.count).padStart(4)}  ${b.category}`);
        for (const n of c.notable)
          print(`  notable: ${n.reference}  ${n.title}${n.fatalities ? ` (${n.fatalities} dead)` : ''}`);
        if (daily.summary) print(`\n${daily.summary}`);
      });
    });

  mission
    .command('approve')
    .description("Approve a day's report (the head of mission), with a summary")
    .argument('<mission>', 'id or reference')
    .requiredOption('--day <date>', 'YYYY-MM-DD')
    .requiredOption('--summary <text>')
    .option('--as <username>')
    .action(async (name: string, o) => {
      if (!DAY.test(o.day)) throw invalid('day', 'must be a date, e.g. 2026-12-01');
      await run(o, async (handle, actor) => {
        const id = await missionId(handle, name);
        const compiled = await handle.db
          .transaction()
          .execute((trx) => approveDaily(trx, actor, id, o.day, o.summary));
        print(`${o.day} approved: ${compiled.reports} reports`);
      });
    });
}
