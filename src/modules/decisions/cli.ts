import type { Command } from 'commander';
import { actorFor, CliError, parse, print, withDatabase } from '../../cli/support.ts';
import type { Actor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import { closeDue } from './deadlines.ts';
import { presentProposal, presentProposalListItem } from './present.ts';
import { presentProcedure } from './present-procedures.ts';
import { closeProcedure, openProcedure } from './procedures.ts';
import { getProcedureView, getProposalView, listProposals } from './queries.ts';
import {
  BreakSilenceInput,
  CloseProcedureInput,
  GiveStancesInput,
  ListProposalsQuery,
  OpenProcedureInput,
} from './schema.ts';
import { breakSilence, giveStances } from './stances.ts';

const list = (value?: string) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** "2/3" -> { num: 2, den: 3 } */
function share(value: string) {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) throw new CliError(`${value}: write a share as num/den, e.g. 2/3`);
  return { num: Number(m[1]), den: Number(m[2]) };
}

async function printProcedure(handle: DbHandle, actor: Actor, id: string, json: boolean) {
  const p = presentProcedure(await getProcedureView(handle.db, actor, id), actor);
  if (json) return print(JSON.stringify(p, null, 2));
  print(
    `procedure ${p.id}: ${p.kind}, ${p.status}${p.deadline ? `, deadline ${p.deadline}` : ''}${p.result ? ` -> ${p.result}` : ''}`,
  );
  for (const row of p.board) {
    const cells = row.points.map((c) => `${c.point}:${c.stance?.kind ?? '-'}`).join('  ');
    print(`  ${row.state}${row.excluded ? ' (excluded)' : ''}  ${cells}`);
  }
  for (const n of p.notAnswered)
    if (n.states.length) print(`  point ${n.point}: no answer from ${n.states.join(', ')}`);
  if (p.outcome)
    for (const o of p.outcome.points)
      print(
        `  point ${o.point}: ${o.verdict.adopted ? 'adopted' : 'not adopted'} (${o.verdict.detail ?? o.verdict.reason})`,
      );
  if (p.decision) print(`  decision ${p.decision.label} (${p.decision.id})`);
}

export function registerProposalCommands(program: Command) {
  const proposal = program
    .command('proposal')
    .description('Proposals and their procedures; --as <username> acts as that person, under the same rules');

  proposal
    .command('list')
    .description('List proposals')
    .option('--view <view>', 'open, closing_soon, adopted, not_adopted or drafts')
    .option('--body <code>')
    .option('--status <status>')
    .option('--priority <code>')
    .option('--state <code>', 'author state')
    .option('-q, --query <text>', 'search in titles')
    .option('--limit <n>', 'at most this many', '50')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const query = parse(ListProposalsQuery, {
          view: o.view,
          body: o.body,
          status: o.status,
          priority: o.priority,
          state: o.state,
          q: o.query,
          limit: o.limit,
        });
        const { items, ctx } = await listProposals(handle.db, actor, query);
        const presented = items.map((r) => presentProposalListItem(r, actor, ctx));
        if (o.json) return print(JSON.stringify(presented, null, 2));
        for (const p of presented)
          print(
            `${p.id}  ${p.status.padEnd(17)} ${p.body.padEnd(28)} ${p.title}${p.openProcedure?.deadline ? `  (until ${p.openProcedure.deadline})` : ''}${p.decision ? `  [${p.decision.label}]` : ''}`,
          );
      });
    });

  proposal
    .command('show')
    .description('Show a proposal, and the stance board of its open or last procedure')
    .argument('<id>', 'proposal id')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (id: string, o) => {
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const p = presentProposal(await getProposalView(handle.db, actor, id), actor);
        if (o.json) return print(JSON.stringify(p, null, 2));
        print(`${p.title}  [${p.status}, version ${p.latestVersion}, ${p.classification}, ${p.body}]`);
        if (p.text) print(p.text);
        for (const point of p.points) print(`  ${point.key}. ${point.text}`);
        const last = p.procedures.at(-1);
        if (last) await printProcedure(handle, actor, last.id, false);
      });
    });

  proposal
    .command('open')
    .description('Open a procedure on a proposal (the chair)')
    .argument('<id>', 'proposal id')
    .requiredOption('--kind <kind>', 'meeting_consensus, silence, written, unanimity or qualified_majority')
    .option(
      '--deadline <instant>',
      "ISO 8601 instant with its zone, e.g. 2026-05-01T18:00:00+03:00; at most the organisation file's procedures.maxHorizonDays ahead",
    )
    .option('--hours <n>', 'deadline this many hours from now')
    .option('--version <n>', 'the version to decide (default: the latest)')
    .option('--points <keys>', 'comma-separated point keys (default: all)')
    .option('--exclude <states>', 'comma-separated parties concerned, who cannot block')
    .option('--missing-answer <rule>', 'written procedure: blocks or extend_once')
    .option('--extension-hours <n>')
    .option('--majority <share>', 'qualified majority: share of states, e.g. 2/3')
    .option('--abstention <how>', 'qualified majority: against or not_counted', 'against')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (id: string, o) => {
      const deadline =
        o.deadline ??
        (o.hours ? new Date(Date.now() + Number(o.hours) * 3_600_000).toISOString() : undefined);
      const input = parse(OpenProcedureInput, {
        kind: o.kind,
        deadline,
        version: o.version ? Number(o.version) : undefined,
        points: list(o.points),
        excludedParties: list(o.exclude) ?? [],
        missingAnswer: o.missingAnswer,
        extensionHours: o.extensionHours ? Number(o.extensionHours) : undefined,
        majority: o.majority ? { states: share(o.majority), abstention: o.abstention } : undefined,
      });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const row = await handle.db.transaction().execute((trx) => openProcedure(trx, actor, id, input));
        await printProcedure(handle, actor, row.id, o.json);
      });
    });

  proposal
    .command('stance')
    .description("Give or change your state's stance on points of a procedure")
    .argument('<procedureId>')
    .requiredOption(
      '--kind <kind>',
      'agree, abstain, constructive_abstention, object, propose_amendment, not_participating, reservation, interpretative_statement',
    )
    .option('--points <keys>', 'comma-separated point keys (default: all)')
    .option('--text <text>', 'the objection, amendment, declaration, reservation or statement')
    .option('--state <code>', 'the state (default: your own)')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (procedureId: string, o) => {
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const proc = await handle.db
          .selectFrom('procedures')
          .select('points')
          .where('id', '=', procedureId)
          .executeTakeFirst();
        const points = list(o.points) ?? proc?.points ?? ['1'];
        const input = parse(GiveStancesInput, {
          state: o.state,
          stances: points.map((point) => ({ point, kind: o.kind, text: o.text })),
        });
        await handle.db.transaction().execute((trx) => giveStances(trx, actor, procedureId, input));
        await printProcedure(handle, actor, procedureId, o.json);
      });
    });

  proposal
    .command('break-silence')
    .description('Break silence before expiry, with a written objection or a proposed amendment')
    .argument('<procedureId>')
    .requiredOption('--text <text>', 'why: the objection, or the amended text of the point')
    .option('--kind <kind>', 'object or propose_amendment', 'object')
    .option('--points <keys>', 'comma-separated point keys (default: all; one for an amendment)')
    .option('--state <code>')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (procedureId: string, o) => {
      const input = parse(BreakSilenceInput, {
        state: o.state,
        kind: o.kind,
        points: list(o.points),
        text: o.text,
      });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        await handle.db.transaction().execute((trx) => breakSilence(trx, actor, procedureId, input));
        await printProcedure(handle, actor, procedureId, o.json);
      });
    });

  proposal
    .command('close')
    .description('Close a procedure (the chair); at a meeting, name the objecting states per point')
    .argument('<procedureId>')
    .option(
      '--objection <point:states>',
      'e.g. 2:AM,KZ (repeat for several points)',
      (v, all: string[]) => [...all, v],
      [],
    )
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (procedureId: string, o) => {
      const objections = (o.objection as string[]).map((v) => {
        const [point, states] = v.split(':');
        if (!point || !states) throw new CliError(`${v}: write an objection as point:STATE,STATE`);
        return { point, states: list(states) };
      });
      const input = parse(CloseProcedureInput, { objections });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        await handle.db.transaction().execute((trx) => closeProcedure(trx, actor, procedureId, input));
        await printProcedure(handle, actor, procedureId, o.json);
      });
    });

  proposal
    .command('close-due')
    .description(
      'Record the outcome of every procedure whose deadline has passed (the server does this itself)',
    )
    .action(async () => {
      const closed = await withDatabase((handle) => closeDue(handle.db, new Date()));
      for (const c of closed)
        print(
          `${c.procedure.id} ${c.status === 'closed' ? `closed: ${c.outcome.result}` : `extended to ${c.procedure.deadline?.toISOString()}`}`,
        );
      if (!closed.length) print('nothing was due');
    });
}
