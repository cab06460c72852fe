import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { CliError, print, progressBar, withDatabase } from '../../cli/support.ts';
import { readLogKey } from '../ledger/index.ts';
import { backupToFile } from './backup.ts';
import { BackupFileError, readBackupHeader } from './format.ts';
import { RestoreRefused, restoreFromFile } from './restore.ts';

/** Progress on stderr, started on the first report (when the total is known). */
function progress(label: string) {
  const bar = progressBar(label);
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total);
        started = true;
      }
      bar.update(done, total);
    },
    stop: () => started && bar.stop(),
  };
}

function requireFile(path: string) {
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new CliError(`${path}: no such file`);
  }
  if (!isFile) throw new CliError(`${path}: not a file`);
}

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .description(
      'Write a consistent backup of the whole database (every table, the record included) to a JSON Lines file; gzipped when the name ends in .gz. It holds password hashes and the signing key: keep it safe',
    )
    .argument('<file>', 'the backup file to write (replaced if it exists)')
    .action(async (path: string) => {
      const bar = progress('backing up');
      const header = await withDatabase((h) => backupToFile(h.db, path, { onProgress: bar.update }))
        .catch((err) => {
          // A file that cannot be written, rather than a database problem.
          if (err?.syscall)
            throw new CliError(`${path}: cannot write the backup (${err.code ?? err.message})`);
          throw err;
        })
        .finally(bar.stop);
      const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
      print(
        `backed up ${rows} rows from ${header.tables.length} tables to ${path} (schema version ${header.schemaVersion}, ${header.createdAt})`,
      );
    });

  program
    .command('restore')
    .description(
      'Restore a backup into a new, empty database (DATABASE_URL or ACCORD_DATA_DIR), then verify the record; refuses a database that already has accounts, an organisation or record entries',
    )
    .argument('<file>', 'a file written by accord backup (.jsonl or .jsonl.gz)')
    .action(async (path: string) => {
      requireFile(path);
      // Check the file before the database is opened (and, for PGlite, created).
      await readBackupHeader(path).catch(asCliError);
      const bar = progress('restoring');
      const summary = await withDatabase((h, config) =>
        restoreFromFile(h.db, path, { onProgress: bar.update, key: readLogKey(config) }),
      )
        .catch(asCliError)
        .finally(bar.stop);
      const skipped = summary.skippedTables.length
        ? `; skipped tables this schema no longer has: ${summary.skippedTables.join(', ')}`
        : '';
      print(
        `restored ${summary.totalRows} rows into ${Object.keys(summary.rows).length} tables from ${path} (backup of ${summary.header.createdAt}); record verified: ${summary.verified.checked} entries, head ${summary.verified.headSeq}${skipped}`,
      );
    });
}

function asCliError(err: unknown): never {
  if (err instanceof BackupFileError || err instanceof RestoreRefused) throw new CliError(err.message);
  throw err;
}
