import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { actorFor, CliError, parse, print, withDatabase } from '../../cli/support.ts';
import type { Actor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import { type CertificateStatus, verifyCertificate } from './certificates/certificate.ts';
import { exportRequest, exportRequestCsv } from './certificates/export.ts';
import { acceptConditions, askInfo, decideLeg, giveInfo } from './legs/commands.ts';
import { applyDueSilences } from './legs/tacit.ts';
import { presentRequest, presentRequestListItem } from './present.ts';
import { amendRequest, createRequest, submitRequest, withdrawRequest } from './requests/commands.ts';
import { getRequestView, listRequests } from './requests/queries.ts';
import { AmendRequestInput, CreateRequestInput, DecideLegInput, RequestListQuery } from './schema.ts';
import { timeliness } from './timeliness.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A request named by its id or its reference number (BY-2026-0001). */
async function requestId(handle: DbHandle, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref;
  const row = await handle.db
    .selectFrom('clearance_requests')
    .select('id')
    .where('reference', '=', ref.trim().toUpperCase())
    .executeTakeFirst();
  if (!row) throw new CliError(`no clearance request ${ref}`);
  return row.id;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path === '-' ? 0 : path, 'utf8'));
  } catch (err) {
    throw new CliError(`${path}: ${(err as Error).message}`);
  }
}

async function printRequest(handle: DbHandle, actor: Actor, id: string, json: boolean) {
  const r = presentRequest(actor, await getRequestView(handle.db, actor, id));
  if (json) return print(JSON.stringify(r, null, 2));
  print(`${r.reference}  ${r.status}  v${r.version}  ${r.urgency} ${r.framework}  ${r.title}  (${r.id})`);
  for (const leg of r.legs) {
    const conditions = (leg.conditions ?? []).map((c) => `${String(c.kind)}: ${String(c.text)}`).join('; ');
    const hours = (seconds: number) =>
      `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
    const due = leg.dueAt
      ? `  due ${leg.dueAt}`
      : leg.status === 'info_requested' && leg.remainingSeconds !== null
        ? `  paused, ${hours(leg.remainingSeconds)} left`
        : '';
    print(
      `  ${leg.state}  ${leg.status.padEnd(15)}${leg.clearanceNumber ? ` ${leg.clearanceNumber}` : ''}${leg.decidedHow ? ` (${leg.decidedHow})` : ''}${due}${conditions ? `  conditions: ${conditions}` : ''}`,
    );
  }
}

/** Runs a command in one transaction as the actor, then prints the request. */
async function act(
  o: { as?: string; json?: boolean },
  ref: string,
  fn: (trx: DbHandle['db'], actor: Actor, id: string) => Promise<unknown>,
) {
  await withDatabase(async (handle) => {
    const actor = await actorFor(handle, o.as);
    const id = await requestId(handle, ref);
    await handle.db.transaction().execute((trx) => fn(trx, actor, id));
    await printRequest(handle, actor, id, !!o.json);
  });
}

/** What `verify` prints for each status: only `valid` lets the movement through. */
const STATUS_TEXT: Record<CertificateStatus, string> = {
  valid: 'valid',
  under_amendment: 'UNDER AMENDMENT (not valid until the amended request is cleared again)',
  denied: 'NOT VALID (the amended request was denied)',
  superseded: 'SUPERSEDED by a later certificate',
  withdrawn: 'WITHDRAWN by the requester',
};

export function registerClearanceCommands(program: Command) {
  const clearance = program
    .command('clearance')
    .description('Movement clearances; --as <username> acts as that person, under the same rules');

  clearance
    .command('list')
    .description('List clearance requests the person may read')
    .option('--status <status>', 'draft, pending, awaiting_acceptance, cleared, denied or withdrawn')
    .option('--state <code>', 'requests made by or crossing this state')
    .option('--to-decide', "only requests with a leg the person's state must decide now")
    .option('-q, --query <text>', 'search in references and titles')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const query = parse(RequestListQuery, {
          status: o.status,
          state: o.state,
          toDecide: o.toDecide ? 'true' : undefined,
          q: o.query,
        });
        const items = (await listRequests(handle.db, actor, query)).map((r) =>
          presentRequestListItem(actor, r.row, r.legs),
        );
        if (o.json) return print(JSON.stringify(items, null, 2));
        for (const r of items)
          print(
            `${r.reference.padEnd(14)} ${r.status.padEnd(19)} ${r.urgency.padEnd(9)} ${r.legs.map((l) => `${l.state}:${l.status}`).join(' ')}  ${r.title}`,
          );
      });
    });

  clearance
    .command('show')
    .description('Show a request with every leg, decision and condition the person may read')
    .argument('<request>', 'id or reference number')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (ref: string, o) => {
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        await printRequest(handle, actor, await requestId(handle, ref), !!o.json);
      });
    });

  clearance
    .command('create')
    .description(
      'Create a request from a JSON file (the API body of POST /api/clearances); --submit sends it',
    )
    .requiredOption('--file <path>', 'JSON file, or - for standard input')
    .option('--submit', 'submit at once instead of keeping a draft')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const body = readJson(o.file) as Record<string, unknown>;
      const input = parse(CreateRequestInput, { ...body, ...(o.submit ? { submit: true } : {}) });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const row = await handle.db.transaction().execute((trx) => createRequest(trx, actor, input));
        await printRequest(handle, actor, row.id, !!o.json);
      });
    });

  clearance
    .command('submit')
    .description('Submit a draft: every state on the route gets its leg at once')
    .argument('<request>', 'id or reference number')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action((ref: string, o) => act(o, ref, (trx, actor, id) => submitRequest(trx, actor, id)));

  clearance
    .command('amend')
    .description('Amend with a whole new content from a JSON file; only legs that changed are decided again')
    .argument('<request>', 'id or reference number')
    .requiredOption('--file <path>', 'JSON file, or - for standard input')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action((ref: string, o) => {
      const input = parse(AmendRequestInput, readJson(o.file));
      return act(o, ref, (trx, actor, id) => amendRequest(trx, actor, id, input));
    });

  clearance
    .command('withdraw')
    .description('Withdraw a request')
    .argument('<request>', 'id or reference number')
    .requiredOption('--reason <text>')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action((ref: string, o) =>
      act(o, ref, (trx, actor, id) => withdrawRequest(trx, actor, id, { reason: o.reason })),
    );

  clearance
    .command('decide')
    .description("Decide a state's leg: approve, approve with conditions, or deny")
    .argument('<request>', 'id or reference number')
    .requiredOption('--state <code>', 'the state whose leg this is')
    .option('--approve', 'approve')
    .option('--deny <reason>', 'deny, with the reason')
    .option(
      '--condition <kind:text>',
      'approve with this condition (repeatable): time_window, route, crossing_point, escort, restriction, other',
      (value: string, all: string[] = []) => [...all, value],
    )
    .option('--number <clearance-number>', "the state's own clearance number (generated when omitted)")
    .option('--note <text>', "an internal note, seen only inside the state's delegation")
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action((ref: string, o) => {
      const conditions = ((o.condition as string[] | undefined) ?? []).map((c) => {
        const at = c.indexOf(':');
        if (at < 1)
          throw new CliError(`--condition ${c}: write kind:text, e.g. escort:Police escort from the border`);
        return { kind: c.slice(0, at).trim(), text: c.slice(at + 1).trim() };
      });
      const chosen = [o.approve, o.deny, conditions.length].filter(Boolean).length;
      if (chosen !== 1)
        throw new CliError('choose one of --approve, --deny <reason> or --condition <kind:text>');
      const input = parse(DecideLegInput, {
        decision: o.deny ? 'deny' : conditions.length ? 'approve_with_conditions' : 'approve',
        conditions,
        reason: o.deny,
        clearanceNumber: o.number,
        internalNote: o.note,
      });
      return act(o, ref, (trx, actor, id) => decideLeg(trx, actor, id, o.state, input));
    });

  clearance
    .command('ask')
    .description("Ask the requester for more information on a state's leg (its clock pauses)")
    .argument('<request>', 'id or reference number')
    .requiredOption('--state <code>')
    .requiredOption('--question <text>')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action((ref: string, o) =>
      act(o, ref, (trx, actor, id) => askInfo(trx, actor, id, o.state, { question: o.question })),
    );

  clearance
    .command('answer')
    .description("Answer a state's question (its clock runs again)")
    .argument('<request>', 'id or reference number')
    .requiredOption('--state <code>')
    .requiredOption('--answer <text>')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action((ref: string, o) =>
      act(o, ref, (trx, actor, id) => giveInfo(trx, actor, id, o.state, { answer: o.answer })),
    );

  clearance
    .command('accept')
    .description("The requester accepts the states' conditions")
    .argument('<request>', 'id or reference number')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action((ref: string, o) => act(o, ref, (trx, actor, id) => acceptConditions(trx, actor, id, {})));

  clearance
    .command('export')
    .description('Export a request and its decisions as JSON or CSV (what the person may see)')
    .argument('<request>', 'id or reference number')
    .option('--format <format>', 'json or csv', 'json')
    .option('--as <username>')
    .action(async (ref: string, o) => {
      if (o.format !== 'json' && o.format !== 'csv') throw new CliError('--format: json or csv');
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const id = await requestId(handle, ref);
        if (o.format === 'csv') process.stdout.write(await exportRequestCsv(handle.db, actor, id));
        else print(JSON.stringify(await exportRequest(handle.db, actor, id), null, 2));
      });
    });

  clearance
    .command('silences')
    .description(
      'Apply what silence means on every leg whose window has closed (the server does this on its own)',
    )
    .action(async () => {
      await withDatabase(async (handle) => {
        const done = await applyDueSilences(handle.db, new Date());
        print(`${done.length} leg${done.length === 1 ? '' : 's'} settled by silence`);
      });
    });

  clearance
    .command('verify')
    .description("Check a clearance certificate's verification code against the record (exit 1 unless valid)")
    .argument('<code>', 'the code printed on the certificate, e.g. ABCD-EFGH-JKLM-NPQR')
    .option('--json', 'print JSON')
    .action(async (code: string, o) => {
      await withDatabase(async (handle) => {
        const v = await verifyCertificate(handle.db, code);
        if (!v) throw new CliError(`no certificate has the code ${code.trim().toUpperCase()}`);
        if (o.json) print(JSON.stringify(v, null, 2));
        else {
          const c = v.certificate;
          print(
            `${v.verified ? 'verified' : 'NOT VERIFIED'}: ${c.reference} version ${c.version}, ${STATUS_TEXT[v.status]}, issued ${c.issuedAt}`,
          );
          for (const p of v.problems) print(`  problem: ${p}`);
          for (const leg of c.legs) {
            const conditions = leg.conditions.map((x) => `${x.kind}: ${x.text}`).join('; ');
            print(
              `  ${leg.state}  ${leg.clearanceNumber.padEnd(22)} ${leg.decidedHow}${conditions ? `  conditions: ${conditions}` : ''}`,
            );
            const passage = (p: { point: string; from: string; to: string }) =>
              `${p.point} ${p.from} – ${p.to}`;
            print(
              `      entry ${passage(leg.entry)}; ${leg.exit ? `exit ${passage(leg.exit)}` : 'hosts the movement'}`,
            );
            if (leg.route) print(`      route ${leg.route}`);
          }
          if (!v.record) {
            print(
              v.pending
                ? `  recorded, awaiting its place in the record; certificate digest ${v.digest}`
                : `  its record entry is missing; certificate digest ${v.digest}`,
            );
          } else {
            print(`  record entry ${v.record.seq} (${v.record.hash}), certificate digest ${v.digest}`);
            print(
              v.record.checkpoint
                ? `  ${v.record.checkpoint.witnessed ? 'witnessed' : 'signed'} checkpoint of size ${v.record.checkpoint.size} at ${v.record.checkpoint.signedAt} (key ${v.record.checkpoint.keyId})${v.record.checkpoint.cosigners.length ? `, co-signed by ${v.record.checkpoint.cosigners.map((c) => c.name).join(', ')}` : ''}`
                : '  no checkpoint covers it yet: it will be in the next one',
            );
          }
        }
        if (!v.verified || v.status !== 'valid') process.exitCode = 1;
      });
    });

  clearance
    .command('timeliness')
    .description(
      'Median and 90th percentile hours to decide per state and urgency, tacit consents, escalations',
    )
    .option('--from <instant>', 'legs opened at or after this instant')
    .option('--to <instant>', 'legs opened before this instant')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const instant = (name: string, value?: string) => {
          if (!value) return undefined;
          const d = new Date(value);
          if (Number.isNaN(d.getTime())) throw new CliError(`--${name}: ${value} is not an instant`);
          return d;
        };
        const items = await timeliness(handle.db, actor, {
          from: instant('from', o.from),
          to: instant('to', o.to),
        });
        if (o.json) return print(JSON.stringify(items, null, 2));
        print('state  urgency    legs  median h  p90 h  tacit+  tacit-  escalated  standing  open');
        const h = (v: number | null) => (v === null ? '-' : v.toFixed(1)).padStart(8);
        for (const f of items)
          print(
            `${f.state.padEnd(6)} ${f.urgency.padEnd(9)} ${String(f.legs).padStart(5)} ${h(f.medianHours)} ${h(f.p90Hours).slice(1)} ${String(f.tacitConsents).padStart(7)} ${String(f.tacitRefusals).padStart(7)} ${String(f.escalations).padStart(10)} ${String(f.standingPermissions).padStart(9)} ${String(f.open).padStart(5)}`,
          );
      });
    });
  return clearance;
}
