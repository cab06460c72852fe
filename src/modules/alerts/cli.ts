import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { actorFor, CliError, parse, print, progressBar, withDatabase } from '../../cli/support.ts';
import { AppError } from '../../core/errors.ts';
import { raiseAlert, stepAlert } from './commands.ts';
import { describeProblem } from './csv.ts';
import type { AlertStep } from './machine.ts';
import { type AlertView, presentAlert, presentSeries } from './present.ts';
import { getAlert, getSeries, listAlerts } from './queries.ts';
import { AlertParam, EnterValuesInput, ListAlertsQuery, RaiseAlertInput, SeriesQuery } from './schema.ts';
import { enterValues, importValues } from './values.ts';

const duration = (s: number | null) => {
  if (s === null) return '-';
  if (s < 3_600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3_600)}h${String(Math.floor((s % 3_600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 86_400)}d${Math.floor((s % 86_400) / 3_600)}h`;
};

const line = (a: AlertView) =>
  `${a.reference}  ${a.status.padEnd(12)} L${a.level}  ${a.region}  age ${duration(a.ageSeconds)}  first response ${
    a.timeToFirstResponseSeconds === null
      ? `none (waiting ${duration(a.waitingSeconds)})`
      : duration(a.timeToFirstResponseSeconds)
  }  ${a.title}`;

/** A CSV import's refusal: every bad line on stderr, one a line, then the CLI's one-line error. */
function reportLines(err: unknown): never {
  if (err instanceof AppError && err.fields.length > 1) {
    for (const f of err.fields.slice(1)) process.stderr.write(`accord: ${describeProblem(f)}\n`);
    throw new CliError(
      `${describeProblem(err.fields[0]!)} (${err.fields.length} bad lines: nothing imported)`,
    );
  }
  if (err instanceof AppError && err.fields.length === 1)
    throw new CliError(`${describeProblem(err.fields[0]!)} (nothing imported)`);
  throw err;
}

/** The alert given by id or by reference (AL-2026-0001). */
async function alertId(db: Parameters<typeof listAlerts>[0], ref: string): Promise<string> {
  if (/^AL-\d{4}-\d{4,}$/i.test(ref)) {
    const row = await db
      .selectFrom('alerts')
      .select('id')
      .where('reference', '=', ref.toUpperCase())
      .executeTakeFirst();
    if (!row) throw new CliError('alert not found');
    return row.id;
  }
  return parse(AlertParam, { id: ref }).id;
}

export function registerAlertCommands(program: Command) {
  const alert = program
    .command('alert')
    .description(
      'Early-warning alerts; --as <username> acts as that person, under the same rules as the API (without it the console acts as the system)',
    );

  alert
    .command('list')
    .description('Alerts, newest first, with their age and time to first response')
    .option('--status <status>', 'open, acknowledged, escalated, closed, or active (not closed)')
    .option('--region <code>')
    .option('--level <n>', 'at this level or above')
    .option('--limit <n>', 'how many (1-200)', '50')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const q = parse(ListAlertsQuery, {
        status: o.status,
        region: o.region,
        level: o.level,
        limit: o.limit,
      });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const now = new Date();
        const items = (await listAlerts(handle.db, actor, q)).items.map((a) => presentAlert(actor, a, now));
        if (o.json) return print(JSON.stringify(items, null, 2));
        if (items.length === 0) return print('no alerts');
        for (const a of items) print(line(a));
      });
    });

  alert
    .command('show')
    .description('One alert and its steps')
    .argument('<alert>', 'its reference (AL-2026-0001) or id')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (ref: string, o) => {
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const { row, steps } = await getAlert(handle.db, actor, await alertId(handle.db, ref));
        const a = presentAlert(actor, row, new Date(), steps);
        if (o.json) return print(JSON.stringify(a, null, 2));
        print(line(a));
        if (a.description) print(a.description);
        for (const s of a.steps ?? [])
          print(`  ${s.at}  ${s.kind.padEnd(12)} ${s.by}${s.note ? `  ${s.note}` : ''}`);
      });
    });

  alert
    .command('raise')
    .description('Raise an alert for a region (the situation room is told)')
    .requiredOption('--region <code>')
    .requiredOption('--level <n>')
    .requiredOption('--title <text>')
    .option('--description <text>')
    .option('--classification <n>', '0 public, 1 restricted (default), 2 confidential, 3 secret')
    .option('--as <username>')
    .action(async (o) => {
      const input = parse(RaiseAlertInput, {
        region: o.region,
        level: Number(o.level),
        title: o.title,
        ...(o.description ? { description: o.description } : {}),
        ...(o.classification !== undefined ? { classification: Number(o.classification) } : {}),
      });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const row = await handle.db.transaction().execute((trx) => raiseAlert(trx, actor, input));
        print(`raised ${row.reference}  ${row.id}`);
      });
    });

  const step = (name: 'ack' | 'escalate' | 'close', action: AlertStep, description: string) => {
    const cmd = alert
      .command(name)
      .description(description)
      .argument('<alert>', 'its reference (AL-2026-0001) or id')
      .option('--as <username>');
    if (action === 'close') cmd.requiredOption('--reason <text>', 'why it is closed (required)');
    else cmd.option('--note <text>');
    cmd.action(async (ref: string, o) => {
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const id = await alertId(handle.db, ref);
        const row = await handle.db
          .transaction()
          .execute((trx) => stepAlert(trx, actor, id, action, { note: o.note, reason: o.reason }));
        print(`${row.reference} ${row.status}`);
      });
    });
  };
  step('ack', 'acknowledge', 'Acknowledge an open alert');
  step('escalate', 'escalate', 'Escalate an open or acknowledged alert');
  step('close', 'close', 'Close an alert with a reason');

  const indicator = program
    .command('indicator')
    .description("Early-warning indicators' values; --as <username> acts as that person");

  indicator
    .command('values')
    .description("An indicator's values (90 days by default), with the level each puts it at")
    .argument('<code>', 'indicator code')
    .option('--from <time>')
    .option('--to <time>')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (code: string, o) => {
      const q = parse(SeriesQuery, { from: o.from, to: o.to });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const s = presentSeries(actor, await getSeries(handle.db, actor, code, q));
        if (o.json) return print(JSON.stringify(s, null, 2));
        print(
          `${s.indicator.code} (${s.indicator.unit.en}) thresholds ${s.indicator.thresholds.map((t) => `L${t.level}@${t.at}`).join(' ')}`,
        );
        if (s.values.length === 0) return print('no values');
        for (const v of s.values) print(`${v.at}  ${v.value}  L${v.level}  ${v.source}`);
      });
    });

  indicator
    .command('set')
    .description('Enter one value of an entered indicator (replaces the value of the same time)')
    .argument('<code>', 'indicator code')
    .argument('<value>', 'the value')
    .option('--at <time>', 'the time it is for (default now)')
    .option('--as <username>')
    .action(async (code: string, value: string, o) => {
      const input = parse(EnterValuesInput, {
        values: [{ at: o.at ?? new Date().toISOString(), value: Number(value) }],
      });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const r = await handle.db.transaction().execute((trx) => enterValues(trx, actor, code, input));
        const l = r.level;
        print(
          `${code}: ${r.replaced ? 'replaced' : 'entered'}${l ? `; ${l.region} level ${l.change === 'same' ? `stays ${l.to}` : `${l.change} ${l.from} -> ${l.to}`}${l.alert ? `, alert ${l.alert.reference} opened` : ''}` : ''}`,
        );
      });
    });

  indicator
    .command('import')
    .description('Import a CSV file (indicator,at,value), whole or nothing: each bad line is named')
    .argument('<file>', 'the CSV file')
    .option('--as <username>')
    .action(async (file: string, o) => {
      let csv: string;
      try {
        csv = readFileSync(file, 'utf8');
      } catch {
        throw new CliError(`cannot read ${file}`);
      }
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const bar = progressBar('importing');
        let started = false;
        const result = await handle.db
          .transaction()
          .execute((trx) =>
            importValues(trx, actor, csv, new Date(), (done, total) => {
              if (!started) bar.start(total);
              started = true;
              bar.update(done, total);
            }),
          )
          .catch(reportLines)
          .finally(() => bar.stop());
        print(
          `imported ${result.lines} values (${result.replaced} replaced) of ${result.indicators.join(', ')}`,
        );
        for (const l of result.levels)
          if (l.change !== 'same')
            print(
              `${l.region}: level ${l.change} ${l.from} -> ${l.to}${l.alert ? `, alert ${l.alert.reference} opened` : ''}`,
            );
      });
    });
}
