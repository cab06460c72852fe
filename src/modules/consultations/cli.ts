import type { Command } from 'commander';
import { actorFor, parse, print, withDatabase } from '../../cli/support.ts';
import type { Actor } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import type { DbHandle } from '../../db/connect.ts';
import { agreePoint, concludeConsultation, openConsultation, postMessage, proposePoint } from './commands.ts';
import { type ConsultationView, presentConsultation, presentSummary } from './present.ts';
import { makeProposal } from './proposal.ts';
import { getConsultation, listConsultations } from './queries.ts';
import {
  ConcludeInput,
  MakeProposalInput,
  MessageInput,
  OpenConsultationInput,
  PointInput,
} from './schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A consultation named by id or reference ("CN-2026-0001"); unknown and unreadable read alike (not found). */
async function consultationId(handle: DbHandle, name: string): Promise<string> {
  if (UUID.test(name)) return name;
  const row = await handle.db
    .selectFrom('consultations')
    .select('id')
    .where('reference', '=', name.trim().toUpperCase())
    .executeTakeFirst();
  if (!row) throw notFound('consultation');
  return row.id;
}

async function run<T>(o: { as?: string }, fn: (handle: DbHandle, actor: Actor) => Promise<T>) {
  return withDatabase(async (handle) => fn(handle, await actorFor(handle, o.as)));
}
const collect = (value: string, previous: string[] = []) => [...previous, value];
const list = (value?: string) =>
  value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

function show(c: ConsultationView) {
  print(`${c.reference}  ${c.title}  (${c.status}, ${c.classification})`);
  print(`  states:      ${c.states.join(', ')}`);
  print(`  facilitator: ${c.facilitator.name}; convened by ${c.convenedBy.name}`);
  if (c.staff.length) print(`  staff:       ${c.staff.map((s) => s.name).join(', ')}`);
  if (c.purpose) print(`  purpose:     ${c.purpose}`);
  print('  agenda:');
  for (const i of c.agenda) print(`    ${i.position}. [${i.status === 'done' ? 'x' : ' '}] ${i.text}`);
  print('  points:');
  for (const p of c.points)
    print(
      `    ${p.position}. ${p.agreed ? 'AGREED' : `awaiting ${p.awaiting.join(', ')}`}  ${p.text}${p.agreedBy.length ? `  (agreed by ${p.agreedBy.join(', ')})` : ''}`,
    );
  if (c.attachments.length) print(`  documents:   ${c.attachments.map((a) => a.filename).join(', ')}`);
  if (c.outcome) print(`  outcome:     ${c.outcome}`);
  if (c.proposalId) print(`  proposal:    ${c.proposalId}`);
}

/** Shows the consultation as it now stands, or as JSON. */
async function answer(handle: DbHandle, actor: Actor, id: string, json: boolean, line: string) {
  const c = presentConsultation(actor, await getConsultation(handle.db, actor, id));
  if (json) return print(JSON.stringify(c, null, 2));
  print(line.replace('{ref}', c.reference));
}

/** `accord consultation ...`: confidential consultations, under the same rules as the API. */
export function registerConsultationCommands(program: Command) {
  const consultation = program
    .command('consultation')
    .description('Confidential consultations; --as <username> acts as that person, under the same rules');

  consultation
    .command('list')
    .description('The consultations the person takes part in')
    .option('--status <status>', 'open, concluded or closed')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await run(o, async (handle, actor) => {
        const rows = await listConsultations(handle.db, actor, { status: o.status });
        const items = rows.map((r) => presentSummary(r, r.states ?? [], r.facilitatorPerson));
        if (o.json) return print(JSON.stringify(items, null, 2));
        if (items.length === 0) return print('no consultations');
        for (const c of items)
          print(`${c.reference}  ${c.status.padEnd(9)}  ${c.states.join(',')}  ${c.title}`);
      });
    });

  consultation
    .command('show')
    .description('Show a consultation: agenda, points and who agreed')
    .argument('<consultation>', 'id or reference')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (name: string, o) => {
      await run(o, async (handle, actor) => {
        const c = presentConsultation(
          actor,
          await getConsultation(handle.db, actor, await consultationId(handle, name)),
        );
        if (o.json) return print(JSON.stringify(c, null, 2));
        show(c);
      });
    });

  consultation
    .command('open')
    .description('Convene a consultation of two or more member states')
    .requiredOption('--title <title>')
    .requiredOption('--states <codes>', 'comma-separated member states, e.g. KG,TJ')
    .requiredOption('--facilitator <username>')
    .option('--purpose <text>')
    .option('--staff <usernames>', 'comma-separated secretariat staff taking part')
    .option('--classification <level>', 'public, restricted, confidential or secret')
    .option('--agenda <item>', 'an agenda item (repeat for each)', collect)
    .option('--as <username>', 'the convener')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const input = parse(OpenConsultationInput, {
        title: o.title,
        purpose: o.purpose,
        participants: list(o.states),
        facilitator: o.facilitator,
        staff: list(o.staff),
        classification: o.classification,
        agenda: o.agenda,
      });
      await run(o, async (handle, actor) => {
        const { row } = await handle.db.transaction().execute((trx) => openConsultation(trx, actor, input));
        await answer(handle, actor, row.id, o.json, `opened {ref}  ${row.id}`);
      });
    });

  consultation
    .command('message')
    .description('Write in a consultation')
    .argument('<consultation>', 'id or reference')
    .argument('<text>')
    .requiredOption('--as <username>')
    .action(async (name: string, text: string, o) => {
      const input = parse(MessageInput, { body: text });
      await run(o, async (handle, actor) => {
        const id = await consultationId(handle, name);
        await handle.db.transaction().execute((trx) => postMessage(trx, actor, id, input));
        print('written');
      });
    });

  consultation
    .command('point')
    .description('Put a point to the states for their agreement')
    .argument('<consultation>', 'id or reference')
    .argument('<text>')
    .requiredOption('--as <username>')
    .option('--json', 'print JSON')
    .action(async (name: string, text: string, o) => {
      const input = parse(PointInput, { text });
      await run(o, async (handle, actor) => {
        const id = await consultationId(handle, name);
        const point = await handle.db
          .transaction()
          .execute((trx) => proposePoint(trx, actor, id, input.text));
        await answer(handle, actor, id, o.json, `point ${point.position} put to the states of {ref}`);
      });
    });

  consultation
    .command('agree')
    .description("Agree to a point for the person's state")
    .argument('<consultation>', 'id or reference')
    .argument('<point>', 'its number or id')
    .requiredOption('--as <username>')
    .option('--json', 'print JSON')
    .action(async (name: string, point: string, o) => {
      await run(o, async (handle, actor) => {
        const id = await consultationId(handle, name);
        const found = await handle.db
          .selectFrom('consultation_points')
          .select('id')
          .where('consultation_id', '=', id)
          .where((eb) => (UUID.test(point) ? eb('id', '=', point) : eb('position', '=', Number(point) || 0)))
          .executeTakeFirst();
        const updated = await handle.db
          .transaction()
          .execute((trx) => agreePoint(trx, actor, id, found?.id ?? '00000000-0000-0000-0000-000000000000'));
        await answer(
          handle,
          actor,
          id,
          o.json,
          `point ${updated.position} of {ref}: ${updated.agreed_at ? 'agreed by every state' : `agreed by ${updated.agreed_by.join(', ')}`}`,
        );
      });
    });

  consultation
    .command('conclude')
    .description('Conclude a consultation with its outcome (only agreed points go with it)')
    .argument('<consultation>', 'id or reference')
    .requiredOption('--outcome <text>')
    .requiredOption('--as <username>')
    .option('--json', 'print JSON')
    .action(async (name: string, o) => {
      const { outcome } = parse(ConcludeInput, { outcome: o.outcome });
      await run(o, async (handle, actor) => {
        const id = await consultationId(handle, name);
        await handle.db.transaction().execute((trx) => concludeConsultation(trx, actor, id, outcome));
        await answer(handle, actor, id, o.json, 'concluded {ref}');
      });
    });

  consultation
    .command('propose')
    .description("Turn a concluded consultation's outcome into a proposal on a body")
    .argument('<consultation>', 'id or reference')
    .requiredOption('--body <code>', 'the body that is to decide')
    .option('--title <title>')
    .option('--classification <level>')
    .requiredOption('--as <username>')
    .action(async (name: string, o) => {
      const input = parse(MakeProposalInput, {
        body: o.body,
        title: o.title,
        classification: o.classification,
      });
      await run(o, async (handle, actor) => {
        const id = await consultationId(handle, name);
        const made = await handle.db.transaction().execute((trx) => makeProposal(trx, actor, id, input));
        print(`proposal ${made.proposalId} made from ${made.row.reference}`);
      });
    });
}
