import type { AccordModule } from '../core/module.ts';
import { alertsModule } from './alerts/index.ts';
import { attachmentsModule } from './attachments/index.ts';
import { authModule } from './auth/index.ts';
import { backupModule } from './backup/index.ts';
import { clearancesModule } from './clearances/index.ts';
import { consultationsModule } from './consultations/index.ts';
import { decisionsModule } from './decisions/index.ts';
import { delegationsModule } from './delegations/index.ts';
import { directoryModule } from './directory/index.ts';
import { homeModule } from './home/index.ts';
import { hotlineModule } from './hotline/index.ts';
import { ledgerModule } from './ledger/index.ts';
import { liveModule } from './live/index.ts';
import { monitoringModule } from './monitoring/index.ts';
import { notificationsModule } from './notifications/index.ts';
import { systemModule } from './system/index.ts';
import { usersModule } from './users/index.ts';
import { webhooksModule } from './webhooks/index.ts';

/**
 * The one list of Accord's modules: the HTTP app, the server's runners, the CLI, the
 * policy, the record's action kinds, the notification kinds, the event subscriptions, the
 * demo and the home page are all built from it (src/platform.ts). Adding a module means
 * adding it here and writing its own folders (server, web, migration); nothing else.
 *
 * Order matters where modules meet: shared services first, then the domains; event
 * subscribers run in this order inside the publishing transaction.
 */
export const MODULES: readonly AccordModule[] = [
  systemModule,
  ledgerModule,
  authModule,
  usersModule,
  directoryModule,
  delegationsModule,
  attachmentsModule,
  liveModule,
  backupModule,
  notificationsModule,
  webhooksModule,
  decisionsModule,
  clearancesModule,
  hotlineModule,
  consultationsModule,
  monitoringModule,
  alertsModule,
  homeModule,
];

// Types the HTTP layer's context carries (src/http/env.ts), through the one list.
export type { Authentication } from './auth/index.ts';
export type { LiveHub } from './live/index.ts';
