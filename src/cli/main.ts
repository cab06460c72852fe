import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../config.ts';
import { AppError } from '../core/errors.ts';
import { OrganisationFileError } from '../modules/directory/index.ts';
import { assemblePlatform } from '../platform.ts';
import { registerServerCommands } from './server.ts';
import { CliError } from './support.ts';

const program = new Command()
  .name('accord')
  .description(
    'Accord: coordination platform for a treaty organisation. Set DATABASE_URL for PostgreSQL; otherwise the embedded database in ACCORD_DATA_DIR (./data).',
  )
  .version(APP_VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerServerCommands(program);
for (const module of assemblePlatform()) module.cli?.(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exit(err.exitCode);
  }
  process.stderr.write(`accord: ${oneLine(err)}\n`);
  process.exit(
    err instanceof CliError || err instanceof AppError || err instanceof OrganisationFileError ? 2 : 1,
  );
}

/** A field as a reader says it: "lines.7.latitude" (an import's line) is "line 7: latitude". */
function fieldWords(field: string): string {
  return field.replace(/^lines\.(\d+)(?:\.|$)/, (_, n: string) => `line ${n}: `).replace(/: $/, '');
}

function oneLine(err: unknown): string {
  // Several problems (an import's bad lines): the summary, then one line each.
  if (err instanceof AppError && err.fields.length > 1)
    return [
      err.message.split(': ')[0],
      ...err.fields.map((f) => `  ${fieldWords(f.field)}: ${f.reason}`),
    ].join('\n');
  if (err instanceof AppError && err.fields.length)
    return `${fieldWords(err.fields[0].field)}: ${err.fields[0].reason}`;
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0];
}
