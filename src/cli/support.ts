import cliProgress from 'cli-progress';
import type { z } from 'zod';
import { type Config, loadConfig } from '../config.ts';
import { type Actor, personFromRow, systemActor } from '../core/actor.ts';
import { validationError } from '../core/errors.ts';
import { connect, type DbHandle } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { settleRecord } from '../modules/ledger/index.ts';

/** A failure the CLI reports as one line on stderr, exiting non-zero. */
export class CliError extends Error {}

/**
 * Opens the configured database with migrations applied, runs fn, and always closes it.
 * The record is settled before and after (`settleRecord`): a command reads the record with
 * every committed entry in its place, and leaves none of its own pending (with PGlite no
 * server's sequencer may be running; with PostgreSQL the server's and this one take turns).
 * A command that writes and then reads the record in between settles itself.
 */
export async function withDatabase<T>(fn: (handle: DbHandle, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(handle.db);
    await settleRecord(handle.db);
    const result = await fn(handle, config);
    await settleRecord(handle.db);
    return result;
  } finally {
    await handle.close();
  }
}

/** A progress bar on stderr when it is a terminal; silent otherwise (scripts, CI). */
export function progressBar(label: string) {
  if (!process.stderr.isTTY) {
    return { start: (_total: number) => {}, update: (_n: number, _total?: number) => {}, stop: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total: number) => bar.start(Math.max(total, 1), 0),
    update: (n: number, total?: number) => {
      if (total !== undefined) bar.setTotal(Math.max(total, 1));
      bar.update(n);
    },
    stop: () => bar.stop(),
  };
}

export const print = (line: string) => process.stdout.write(`${line}\n`);

/** The person named by --as (acting with their rights), or the console as the system. */
export async function actorFor(handle: DbHandle, username?: string): Promise<Actor> {
  if (!username) return systemActor('accord cli');
  const row = await handle.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new CliError(`no enabled account named ${username}`);
  return personFromRow(row);
}

export function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}
