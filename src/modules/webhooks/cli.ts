import type { Command } from 'commander';
import { actorFor, parse, print, withDatabase } from '../../cli/support.ts';
import { createWebhook, deleteWebhook } from './commands.ts';
import { presentDelivery, presentWebhook } from './present.ts';
import { listDeliveries, listWebhooks } from './queries.ts';
import { CreateWebhookInput, ListDeliveriesQuery, StateParam, WebhookParams } from './schema.ts';

const stateOf = (state: string) => parse(StateParam, { state: state.trim().toUpperCase() }).state;
const idsOf = (state: string, id: string) => parse(WebhookParams, { state: state.trim().toUpperCase(), id });

export function registerWebhookCommands(program: Command) {
  const webhook = program
    .command('webhook')
    .description(
      "A delegation's webhooks (its national systems); --as <username> acts as that person, under the same rules (its head of delegation or a secretariat administrator)",
    );

  webhook
    .command('list')
    .description("List a delegation's webhooks")
    .argument('<state>', 'member state code')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (state: string, o) => {
      const code = stateOf(state);
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const items = (await listWebhooks(handle.db, actor, code)).map((w) => presentWebhook(actor, w));
        if (o.json) return print(JSON.stringify(items, null, 2));
        if (items.length === 0) return print(`no webhooks for ${code}`);
        for (const w of items)
          print(
            `${w.id}  ${w.active ? 'active  ' : 'inactive'}  ${w.url}  ${w.events.join(',')}${w.description ? `  (${w.description})` : ''}`,
          );
      });
    });

  webhook
    .command('add')
    .description('Add a webhook; its signing secret is printed this once')
    .argument('<state>', 'member state code')
    .requiredOption(
      '--url <url>',
      'https URL to public addresses (plain http or a private address only to a host in ACCORD_WEBHOOK_ALLOW_HOSTS)',
    )
    .option('--events <list>', 'comma-separated event kinds (every kind when left out)')
    .option('--description <text>')
    .option('--inactive', 'add it switched off')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (state: string, o) => {
      const code = stateOf(state);
      const input = parse(CreateWebhookInput, {
        url: o.url,
        ...(o.events
          ? {
              events: String(o.events)
                .split(',')
                .map((e) => e.trim())
                .filter(Boolean),
            }
          : {}),
        ...(o.description ? { description: o.description } : {}),
        ...(o.inactive ? { active: false } : {}),
      });
      await withDatabase(async (handle, config) => {
        const actor = await actorFor(handle, o.as);
        const { webhook: row, secret } = await handle.db
          .transaction()
          .execute((trx) => createWebhook(trx, actor, code, input, { allowHosts: config.webhookAllowHosts }));
        const w = presentWebhook(actor, row);
        if (o.json) return print(JSON.stringify({ webhook: w, secret }, null, 2));
        print(`added ${w.id}  ${w.url}  ${w.events.join(',')}`);
        print(`secret: ${secret}`);
        print('keep the secret now: it is not shown again (rotate it through the API or the page)');
      });
    });

  webhook
    .command('remove')
    .description('Remove a webhook and its deliveries')
    .argument('<state>', 'member state code')
    .argument('<id>', 'webhook id')
    .option('--as <username>')
    .action(async (state: string, id: string, o) => {
      const params = idsOf(state, id);
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        await handle.db.transaction().execute((trx) => deleteWebhook(trx, actor, params.state, params.id));
        print(`removed ${params.id}`);
      });
    });

  webhook
    .command('deliveries')
    .description("A webhook's deliveries, newest first, with every attempt")
    .argument('<state>', 'member state code')
    .argument('<id>', 'webhook id')
    .option('--status <status>', 'pending, delivered or failed')
    .option('--limit <n>', 'how many (1-200)', '50')
    .option('--as <username>')
    .option('--json', 'print JSON')
    .action(async (state: string, id: string, o) => {
      const params = idsOf(state, id);
      const query = parse(ListDeliveriesQuery, { limit: o.limit, status: o.status });
      await withDatabase(async (handle) => {
        const actor = await actorFor(handle, o.as);
        const { items } = await listDeliveries(handle.db, actor, params.state, params.id, query);
        const shown = items.map(presentDelivery);
        if (o.json) return print(JSON.stringify(shown, null, 2));
        if (shown.length === 0) return print('no deliveries');
        for (const d of shown) {
          const last = [d.lastStatusCode ?? '', d.lastError ?? ''].filter(Boolean).join(' ');
          const next = d.status === 'pending' && d.nextAttemptAt ? `  next ${d.nextAttemptAt}` : '';
          print(
            `${d.id}  ${d.createdAt}  ${d.event.padEnd(17)} ${d.status.padEnd(9)} attempts ${d.attempts}${last ? `  last ${last}` : ''}${next}`,
          );
          for (const a of d.attemptLog)
            print(`    ${a.at}  ${a.statusCode ?? '-'}  ${a.durationMs} ms${a.error ? `  ${a.error}` : ''}`);
        }
      });
    });
}
