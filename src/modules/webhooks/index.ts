import { defineModule, type PolicyRules } from '../../core/module.ts';
import { registerWebhookCommands } from './cli.ts';
import { onAnyEvent } from './commands.ts';
import { WebhookRunner } from './deliver.ts';
import { webhooksRules } from './policy.ts';
import { webhooksLedgerActions } from './record.ts';
import { webhookSubjects } from './record-subjects.ts';
import { registerWebhookRoutes } from './routes.ts';

/** A delegation's national systems: signed deliveries of events, queued with the change, sent after commit. */
export const webhooksModule = defineModule({
  name: 'webhooks',
  ledgerActions: webhooksLedgerActions,
  subjects: webhookSubjects,
  routes: registerWebhookRoutes,
  policy: webhooksRules as PolicyRules,
  // Every event a module publishes with a webhook message is queued for the states it names.
  subscriptions: { '*': onAnyEvent },
  runners: (handle, config) => [new WebhookRunner(handle, { allowHosts: config.webhookAllowHosts })],
  cli: registerWebhookCommands,
});
