import type { Command } from 'commander';
import { DEMO_FILE } from '../config.ts';
import { systemActor } from '../core/actor.ts';
import { loadDemoClearances } from '../modules/clearances/demo.ts';
import { loadDemoDecisions } from '../modules/decisions/demo.ts';
import { loadOrganisation } from '../modules/directory/commands.ts';
import { readOrganisationFile } from '../modules/directory/organisation-file.ts';
import { print, withDatabase } from './support.ts';

async function load(path: string, source: string, opts: { demo?: boolean } = {}) {
  const file = readOrganisationFile(path);
  let demoDecisions = false;
  let demoClearances = false;
  const summary = await withDatabase(async (handle) => {
    const loaded = await handle.db
      .transaction()
      .execute((trx) =>
        loadOrganisation(trx, systemActor('accord cli'), file, source, (step) =>
          process.stderr.write(`loading ${step}…\n`),
        ),
      );
    // The demo's proposals and decisions, on a database that has none yet.
    if (opts.demo) demoDecisions = await loadDemoDecisions(handle.db);
    // And its clearance requests, standing permission and asset list, likewise.
    if (opts.demo) demoClearances = await loadDemoClearances(handle.db);
    return loaded;
  });
  print(
    `loaded ${file.organisation.shortName.en}: ${summary.memberStates} member states, ${summary.bodies} bodies, ${summary.partners} partners, ${summary.priorities} priorities; accounts created ${summary.usersCreated}, kept ${summary.usersKept}`,
  );
  if (demoDecisions) print('demo decisions loaded: one adopted, one broken by an objection, one open');
  if (demoClearances) print('demo clearances loaded: one request being decided, two cleared');
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
