import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { startServer } from '../server.ts';
import { print, withDatabase } from './support.ts';

export function registerServerCommands(program: Command) {
  program
    .command('serve')
    .description(
      'Serve the web UI and the API (PORT, HOST, ACCORD_DATA_DIR, DATABASE_URL); applies migrations and loads the demo on first start',
    )
    .action(async () => {
      const server = await startServer(loadConfig());
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('Apply the numbered SQL migrations that are not yet applied')
    .action(async () => {
      await withDatabase(async (handle) => {
        const applied = await migrate(handle.db, (m) => print(`applied ${m.name}`));
        print(applied.length ? `${applied.length} migration(s) applied` : 'the schema is up to date');
      });
    });
}
