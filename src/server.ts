import { isIP } from 'node:net';
import { serve } from '@hono/node-server';
import { type Config, DEMO_FILE } from './config.ts';
import { systemActor } from './core/actor.ts';
import { loadDemos } from './core/registry.ts';
import { connect, type DbHandle } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { isDirectoryLoaded, loadOrganisation, readOrganisationFile } from './modules/directory/index.ts';
import { createCheckpoint, ensureLogKey, type LogKey, registerLogKey } from './modules/ledger/index.ts';
import { LiveHub } from './modules/live/index.ts';
import { demoAccountsActive } from './modules/users/index.ts';
import { assemblePlatform } from './platform.ts';

export const openDatabase = (config: Config) =>
  connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });

/** Loopback addresses only: 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '[::1]';
}

/**
 * Applies migrations and, on a database with no directory yet, loads the demo organisation.
 * With the log's key, publishes its public part (recorded the first time).
 */
export async function prepareDatabase(
  handle: DbHandle,
  log: (line: string) => void = () => {},
  key: LogKey | null = null,
) {
  assemblePlatform();
  const applied = await migrate(handle.db, (m) => log(`migration ${m.name} applied`));
  if (key && (await registerLogKey(handle.db, key, 'accord serve')))
    log(`the record's checkpoints are signed with key ${key.keyId} (${key.verifierKey})`);
  if (!(await isDirectoryLoaded(handle.db))) {
    const file = readOrganisationFile(DEMO_FILE);
    await handle.db
      .transaction()
      .execute((trx) => loadOrganisation(trx, systemActor('accord serve'), file, 'demo/organisation.yaml'));
    log('demo organisation loaded (first start)');
    for (const line of await loadDemos(handle)) log(line);
  }
  return applied;
}

export interface RunningServer {
  url: string;
  handle: DbHandle;
  close(): Promise<void>;
}

/** Starts Accord: database, migrations, demo on first start, live hub, the modules' runners, checkpoints, HTTP. */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  // The record's signing key is a file outside the database, made on first start.
  const key = ensureLogKey(config, log);
  const handle = await openDatabase(config);
  try {
    await prepareDatabase(handle, log, key);
    if (!isLoopback(config.host) && (await demoAccountsActive(handle.db))) {
      throw new Error(
        `refusing to listen on ${config.host}: demo accounts with published passwords exist. Disable them (accord user disable <name>) or listen on 127.0.0.1.`,
      );
    }
  } catch (err) {
    await handle.close();
    throw err;
  }
  const live = new LiveHub(handle);
  await live.start();
  // Each module's work due at instants (deadlines, reminders, silence, deliveries), started in
  // list order; each catches up on what fell due while the server was down.
  const runners = assemblePlatform().flatMap((m) => m.runners?.(handle, config) ?? []);
  for (const runner of runners) await runner.start();
  const app = buildApp({ handle, config, live });
  const checkpointTimer = setInterval(() => {
    createCheckpoint(handle.db, key).catch((err) => console.error('accord: checkpoint failed', err));
  }, config.checkpointSeconds * 1000);
  checkpointTimer.unref();

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log(
    `Accord listening on ${url} (database: ${handle.kind}${handle.kind === 'pglite' ? ` in ${config.dataDir}` : ''})`,
  );
  return {
    url,
    handle,
    async close() {
      clearInterval(checkpointTimer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      for (const runner of [...runners].reverse()) await runner.stop();
      await live.stop();
      await createCheckpoint(handle.db, key).catch(() => {});
      await handle.close();
    },
  };
}
