import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { actorFor, CliError, parse, print, progressBar, withDatabase } from '../../cli/support.ts';
import type { Actor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import { fileReport, mergeReport, moveReport, type ReportStep } from './commands.ts';
import { importReports } from './import.ts';
import { registerMissionCommands } from './missions/cli.ts';
import { seesProtectedReport } from './policy.ts';
import { presentReport, type ReportView } from './present.ts';
import { getReport, listReports, reviewQueue } from './queries.ts';
import { CreateReportInput, MergeReportInput, ReportListQuery } from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A report named by its id or its reference ("R-2026-00042"). */
async function reportId(handle: DbHandle, name: string): Promise<string> {
  if (UUID.test(name)) return name;
  const row = await handle.db
    .selectFrom('reports')
    .select('id')
    .where('reference', '=', name.trim())
    .executeTakeFirst();
  if (!row) throw new CliError(`no report ${name}`);
  return row.id;
}

const line = (r: ReportView) =>
  [
    r.reference,
    r.status.padEnd(12),
    r.occurredAt.slice(0, 16).replace('T', ' '),
    r.category,
    r.region ?? '-',
    r.point ? `${r.point.latitude.toFixed(3)},${r.point.longitude.toFixed(3)}` : (r.place?.name ?? '-'),
    r.title,
  ].join('  ');

function show(r: ReportView) {
  print(
    `${r.reference}  ${r.title}  (version ${r.version}, ${r.status}${r.publishedTo ? ` to ${r.publishedTo}` : ''})`,
  );
  print(
    `  what:   ${r.category}; actors: ${r.actors.join(', ') || '-'}; fatalities: ${r.fatalities ?? '-'}; injured: ${r.injured ?? '-'}`,
  );
  print(`  when:   ${r.occurredAt} (${r.timePrecision})`);
  const place = r.place
    ? `${r.place.distanceKm ? `${r.place.distanceKm} km ${r.place.direction} of ` : ''}${r.place.name}`
    : null;
  const point = r.point ? `${r.point.latitude}, ${r.point.longitude} (${r.point.precision})` : null;
  print(
    `  where:  ${[place, point, r.region, r.state].filter(Boolean).join('; ') || '-'}${r.withheld ? ' [exact place withheld]' : ''}`,
  );
  print(
    `  source: ${r.source.name ?? (r.withheld ? '[withheld]' : '-')}, graded ${r.source.reliability}${r.source.credibility}`,
  );
  print(
    `  by:     ${r.reporter ? `${r.reporter.name}${r.reporter.state ? ` (${r.reporter.state})` : ''}` : '[withheld]'}, ${r.reporterRole}`,
  );
  print(`  level:  ${r.classification}${r.protection ? `, protected below ${r.protection}` : ''}`);
  if (r.description) print(`\n${r.description}`);
}

async function run<T>(o: { as?: string }, fn: (handle: DbHandle, actor: Actor) => Promise<T>) {
  return withDatabase(async (handle) => fn(handle, await actorFor(handle, o.as)));
}

/** `accord report ...`: file, list, review and merge reports from the field. */
export function registerReportCommands(program: Command) {
  registerMissionCommands(program);
  const report = program
    .command('report')
    .description('Reports from the field; --as <username> acts as that person, under the same rules');

  report
    .command('list')
    .description('List reports, newest first')
    .option('--status <list>', 'comma-separated: draft,submitted,under_review,verified,published,archived')
    .option('--category <list>')
    .option('--region <list>')
    .option('--from <instant>')
    .option('--to <instant>')
    .option('--q <words>')
    .option('--limit <n>', 'at most this many', '100')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const query = parse(ReportListQuery, {
        status: o.status,
        category: o.category,
        region: o.region,
        from: o.from,
        to: o.to,
        q: o.q,
        limit: o.limit,
      });
      await run(o, async (handle, actor) => {
        const { rows } = await listReports(handle.db, actor, query);
        const items = rows.map((r) => presentReport(actor, r, r.sees));
        if (o.json) return print(JSON.stringify(items, null, 2));
        if (items.length === 0) return print('no reports');
        for (const r of items) print(line(r));
      });
    });

  report
    .command('show')
    .description('Show a report')
    .argument('<report>', 'id or reference')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (name: string, o) => {
      await run(o, async (handle, actor) => {
        const { row, sees } = await getReport(handle.db, actor, await reportId(handle, name));
        const r = presentReport(actor, row, sees);
        if (o.json) return print(JSON.stringify(r, null, 2));
        show(r);
      });
    });

  report
    .command('file')
    .description(
      'File a report from a JSON file (the API body of POST /api/reports); a draft unless --submit',
    )
    .argument('<file>', 'a JSON file, or - for standard input')
    .option('--submit', 'submit it for review at once')
    .requiredOption('--as <username>', 'the reporter')
    .option('--json', 'print JSON')
    .action(async (file: string, o) => {
      let body: unknown;
      try {
        body = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
      } catch (e) {
        throw new CliError(`${file}: ${(e as Error).message}`);
      }
      const input = parse(CreateReportInput, { ...(body as object), ...(o.submit ? { submit: true } : {}) });
      await run(o, async (handle, actor) => {
        const row = await handle.db.transaction().execute((trx) => fileReport(trx, actor, input));
        const r = presentReport(actor, row, true);
        if (o.json) return print(JSON.stringify(r, null, 2));
        print(`filed ${r.reference} (${r.status})  ${r.id}`);
      });
    });

  report
    .command('import')
    .description('Import reports from a CSV file, all or nothing: every bad line is named with its column')
    .argument(
      '<file>',
      'a CSV file (header: title,category,occurred_at,latitude,longitude,...), or - for standard input',
    )
    .option('--drafts', 'import them as drafts (else submitted for review)')
    .requiredOption('--as <username>', 'the reporter')
    .action(async (file: string, o) => {
      let text: string;
      try {
        text = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (e) {
        throw new CliError(`${file}: ${(e as Error).message}`);
      }
      await run(o, async (handle, actor) => {
        const bar = progressBar('import');
        let phase = '';
        const rows = await handle.db.transaction().execute((trx) =>
          importReports(trx, actor, text, { submit: !o.drafts }, new Date(), (done, total, now) => {
            if (now !== phase) {
              if (phase) bar.stop();
              phase = now;
              bar.start(total);
            }
            bar.update(done, total);
          }).finally(() => bar.stop()),
        );
        print(
          `imported ${rows.length} reports (${rows[0].status}): ${rows[0].reference} to ${rows.at(-1)!.reference}`,
        );
      });
    });

  const steps: [ReportStep, string][] = [
    ['submit', 'Submit a draft for review (its author)'],
    ['review', 'Take a submitted report into review'],
    ['verify', 'Verify a report'],
  ];
  for (const [step, description] of steps)
    report
      .command(step)
      .description(description)
      .argument('<report>', 'id or reference')
      .option('--as <username>')
      .action(async (name: string, o) => {
        await run(o, async (handle, actor) => {
          const id = await reportId(handle, name);
          const row = await handle.db.transaction().execute((trx) => moveReport(trx, actor, id, step));
          print(`${row.reference} ${row.status}`);
        });
      });

  report
    .command('publish')
    .description('Publish a verified report to the members (or to the partners too)')
    .argument('<report>', 'id or reference')
    .option('--to <audience>', 'members or partners', 'members')
    .option('--as <username>')
    .action(async (name: string, o) => {
      if (o.to !== 'members' && o.to !== 'partners') throw new CliError('--to: must be members or partners');
      await run(o, async (handle, actor) => {
        const id = await reportId(handle, name);
        const row = await handle.db
          .transaction()
          .execute((trx) => moveReport(trx, actor, id, 'publish', { to: o.to }));
        print(`${row.reference} published to ${row.published_to}`);
      });
    });

  report
    .command('archive')
    .description('Archive a report, with the reason')
    .argument('<report>', 'id or reference')
    .requiredOption('--reason <text>')
    .option('--as <username>')
    .action(async (name: string, o) => {
      await run(o, async (handle, actor) => {
        const id = await reportId(handle, name);
        const row = await handle.db
          .transaction()
          .execute((trx) => moveReport(trx, actor, id, 'archive', { reason: o.reason }));
        print(`${row.reference} archived`);
      });
    });

  report
    .command('merge')
    .description('Mark a report as a duplicate of another (archived, pointing at the one kept)')
    .argument('<report>', 'the duplicate: id or reference')
    .requiredOption('--into <report>', 'the report kept: id or reference')
    .option('--reason <text>', '', '')
    .option('--as <username>')
    .action(async (name: string, o) => {
      await run(o, async (handle, actor) => {
        const id = await reportId(handle, name);
        const input = parse(MergeReportInput, { into: await reportId(handle, o.into), reason: o.reason });
        const row = await handle.db.transaction().execute((trx) => mergeReport(trx, actor, id, input));
        print(`${row.reference} merged into ${o.into}`);
      });
    });

  report
    .command('queue')
    .description('The review queue: what waits, oldest first, and for how long')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await run(o, async (handle, actor) => {
        const queue = await reviewQueue(handle.db, actor, new Date());
        const items = queue.items.map((i) => ({
          report: presentReport(actor, i.row, seesProtectedReport(actor, i.row)),
          waitingSeconds: i.waitingSeconds,
        }));
        if (o.json) return print(JSON.stringify({ ...queue, items }, null, 2));
        print(`${queue.submitted} submitted, ${queue.underReview} under review`);
        for (const i of items) print(`${waited(i.waitingSeconds).padStart(8)}  ${line(i.report)}`);
      });
    });
}

/** "3 d 4 h", "5 h 12 min", "42 min". */
export function waited(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return `${m} min`;
}
