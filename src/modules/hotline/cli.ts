import type { Command } from 'commander';
import { actorFor, parse, print, withDatabase } from '../../cli/support.ts';
import { acknowledgeMessage, sendMessage } from './commands.ts';
import { presentHotline, presentMessage, presentWaiting } from './present.ts';
import { listHotlines, listMessages, readableHotline } from './queries.ts';
import { HotlineParams, ListMessagesQuery, MessageParams, SendMessageInput } from './schema.ts';

const codeOf = (code: string) => parse(HotlineParams, { code: code.trim().toUpperCase() }).code;

/** `accord hotline list|show|send|ack`: the same commands and rules as the API, --as a person. */
export function registerHotlineCommands(program: Command) {
  const hotline = program
    .command('hotline')
    .description(
      "Hotlines between two states' duty contacts; --as <username> acts as that person, under the same rules",
    );

  hotline
    .command('list')
    .description('The hotlines you speak on or oversee, with what waits on each')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (o) => {
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const now = new Date();
        const items = (await listHotlines(handle.db, actor)).map((r) => ({
          hotline: presentHotline(actor, r.hotline),
          waiting: presentWaiting(r.waiting, now),
        }));
        if (o.json) return print(JSON.stringify(items, null, 2));
        if (items.length === 0) return print('no hotlines');
        for (const { hotline: h, waiting: w } of items)
          print(
            `${h.code}  ${h.states.join('-')}  ${h.acknowledgeWithinMinutes} min  ${h.active ? 'active' : 'closed'}  ` +
              `unacknowledged ${w.count}${w.count ? ` (oldest ${w.oldestSentAt}, ${w.escalated} escalated, ${w.forMySide} for my side)` : ''}`,
          );
      });
    });

  hotline
    .command('show')
    .description("A hotline's messages, newest first")
    .argument('<code>', 'the hotline, e.g. KG-TJ')
    .option('--waiting', 'only messages not yet acknowledged')
    .option('--limit <n>', 'how many', '20')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (code: string, o) => {
      const c = codeOf(code);
      const query = parse(ListMessagesQuery, { limit: o.limit, ...(o.waiting ? { waiting: 'true' } : {}) });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const h = await readableHotline(handle.db, actor, c);
        const now = new Date();
        const { items } = await listMessages(handle.db, actor, h, query);
        const messages = items.map((m) => presentMessage(actor, h, m, now));
        if (o.json) return print(JSON.stringify({ hotline: presentHotline(actor, h), messages }, null, 2));
        print(
          `${h.row.code}  ${h.states.join('-')}  acknowledge within ${h.row.acknowledge_within_minutes} min`,
        );
        if (messages.length === 0) return print('no messages');
        for (const m of messages)
          print(
            `${m.id}  ${m.sentAt}  ${m.fromState}->${m.toState}  ${m.urgency}  ${m.status}` +
              `${m.acknowledgedAt ? ` by ${m.acknowledgedBy} at ${m.acknowledgedAt}` : ` due ${m.dueAt}`}  ${m.body}`,
          );
      });
    });

  hotline
    .command('send')
    .description('Send a message to the other side of a hotline')
    .argument('<code>', 'the hotline, e.g. KG-TJ')
    .argument('<text>', 'the message')
    .option('--urgent', 'flag it urgent')
    .option('--classification <level>', 'restricted, confidential or secret', 'restricted')
    .option('--reply-to <id>', 'the message it answers (acknowledging it if the other side sent it)')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (code: string, text: string, o) => {
      const c = codeOf(code);
      const input = parse(SendMessageInput, {
        body: text,
        urgency: o.urgent ? 'urgent' : 'routine',
        classification: o.classification,
        ...(o.replyTo ? { replyTo: o.replyTo } : {}),
      });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const now = new Date();
        const { h, m } = await handle.db.transaction().execute(async (trx) => {
          const m = await sendMessage(trx, actor, c, input, now);
          return { m, h: await readableHotline(trx, actor, c) };
        });
        const shown = presentMessage(actor, h, m, now);
        if (o.json) return print(JSON.stringify(shown, null, 2));
        print(`sent ${shown.id}  ${shown.fromState}->${shown.toState}  acknowledge by ${shown.dueAt}`);
      });
    });

  hotline
    .command('ack')
    .description('Acknowledge a message of the other side (the time is recorded)')
    .argument('<code>', 'the hotline, e.g. KG-TJ')
    .argument('<id>', 'the message')
    .option('--as <username>')
    .action(async (code: string, id: string, o) => {
      const params = parse(MessageParams, { code: code.trim().toUpperCase(), id });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const now = new Date();
        const m = await handle.db
          .transaction()
          .execute((trx) => acknowledgeMessage(trx, actor, params.code, params.id, now));
        const within = new Date(m.acknowledged_at!).getTime() <= new Date(m.due_at).getTime();
        print(
          `acknowledged ${m.id} at ${new Date(m.acknowledged_at!).toISOString()}${within ? '' : ' (after the window)'}`,
        );
      });
    });
}
