import type { Command } from 'commander';
import { print, withDatabase } from '../../cli/support.ts';
import { DEMO_FILE } from '../../config.ts';
import { systemActor } from '../../core/actor.ts';
import { loadDemos } from '../../core/registry.ts';
import { loadOrganisation } from './commands.ts';
import { readOrganisationFile } from './organisation-file.ts';

async function load(path: string, source: string, opts: { demo?: boolean } = {}) {
  const file = readOrganisationFile(path);
  const { summary, demoLines } = await withDatabase(async (handle) => {
    const loaded = await handle.db
      .transaction()
      .execute((trx) =>
        loadOrganisation(trx, systemActor('accord cli'), file, source, (step) =>
          process.stderr.write(`loading ${step}…\n`),
        ),
      );
    // Each module's demo data (proposals, clearance requests...), on a database without it yet.
    return { summary: loaded, demoLines: opts.demo ? await loadDemos(handle) : [] };
  });
  print(
    `loaded ${file.organisation.shortName.en}: ${summary.memberStates} member states, ${summary.bodies} bodies, ${summary.partners} partners, ${summary.priorities} priorities; accounts created ${summary.usersCreated}, kept ${summary.usersKept}`,
  );
  for (const line of demoLines) print(line);
}

export function registerDirectoryCommands(program: Command) {
  program
    .command('demo')
    .description('Load (or reload) the demo organisation from demo/organisation.yaml')
    .action(() => load(DEMO_FILE, 'demo/organisation.yaml', { demo: true }));

  program
    .command('load')
    .description(
      'Load an organisation file (YAML or JSON): the directory, the presidency and optional accounts',
    )
    .argument('<file>', 'path of the organisation file')
    .action((path: string) => load(path, path));
}
