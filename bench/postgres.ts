import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian puts PostgreSQL 15's server binaries; PG_BIN overrides it. */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** A PostgreSQL server this process started on loopback, with a throwaway data directory. */
export interface LocalPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server and removes its directory; safe to call twice. */
  stop(): void;
}

export interface StartOptions {
  bin?: string;
  /** The first port tried; the next free one from here is used. */
  firstPort?: number;
  /** Extra server settings (`-c name=value`), e.g. `{ fsync: 'off' }`. */
  settings?: Record<string, string>;
}

/** Whether the binaries to start a local PostgreSQL are there. */
export function localPostgresAvailable(bin = PG_BIN): boolean {
  return ['initdb', 'pg_ctl', 'postgres', 'pg_isready'].every((name) => existsSync(join(bin, name)));
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the `postgres` OS user when we are root (postgres refuses root). */
function runPg(bin: string, name: string, args: string[], cwd: string) {
  const command = isRoot() ? 'runuser' : join(bin, name);
  const argv = isRoot() ? ['-u', 'postgres', '--', join(bin, name), ...args] : args;
  // From the server's own folder: PostgreSQL's tools fail in a working directory they cannot read.
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 120_000, cwd });
  if (result.error) throw result.error;
  return result;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) if (await portFree(port)) return port;
  throw new Error(`no free port from ${from}`);
}

function postgresIds(): { uid: number; gid: number } {
  const result = spawnSync('id', ['postgres'], { encoding: 'utf8' });
  const uid = /uid=(\d+)/.exec(result.stdout ?? '')?.[1];
  const gid = /gid=(\d+)/.exec(result.stdout ?? '')?.[1];
  if (result.status !== 0 || !uid || !gid)
    throw new Error('running as root needs a `postgres` OS user to run PostgreSQL');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts a throwaway PostgreSQL on 127.0.0.1 on a free port: initdb (trust
 * authentication) into a temporary directory, pg_ctl start, wait until it accepts
 * connections. The server is stopped when the process exits, if `stop` was not called.
 *
 * @example
 * const pg = await startLocalPostgres({ settings: { max_connections: '200' } });
 * try { await use(pg.url); } finally { pg.stop(); }
 */
export async function startLocalPostgres(options: StartOptions = {}): Promise<LocalPostgres> {
  const bin = options.bin ?? PG_BIN;
  if (!localPostgresAvailable(bin)) throw new Error(`PostgreSQL binaries not found in ${bin}`);
  // Under /tmp where there is one: the postgres user must reach it, and socket paths must stay short.
  const root = mkdtempSync(join(existsSync('/tmp') ? '/tmp' : tmpdir(), 'accord-bench-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'socket');
  const logFile = join(root, 'postgres.log');
  mkdirSync(dataDir);
  mkdirSync(socketDir);
  if (isRoot()) {
    const { uid, gid } = postgresIds();
    for (const path of [root, dataDir, socketDir]) chownSync(path, uid, gid);
  }
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      runPg(bin, 'pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], root);
    }
    rmSync(root, { recursive: true, force: true });
    process.off('exit', stop);
  };
  process.on('exit', stop);
  try {
    const initArgs = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8'];
    const init = runPg(bin, 'initdb', initArgs, root);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
    const port = await freePort(options.firstPort ?? 54340);
    const settings = { listen_addresses: '127.0.0.1', max_connections: '200', ...options.settings };
    const serverOptions = [
      `-p ${port}`,
      `-k ${socketDir}`,
      ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
    ].join(' ');
    const startArgs = ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions];
    const start = runPg(bin, 'pg_ctl', startArgs, root);
    if (start.status !== 0) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      throw new Error(`pg_ctl start failed:\n${start.stdout}${start.stderr}${log}`);
    }
    started = true;
    for (let i = 0; i < 120; i++) {
      const ready = spawnSync(join(bin, 'pg_isready'), [
        '-q',
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
      ]);
      if (ready.status === 0)
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dataDir, stop };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`PostgreSQL on port ${port} did not become ready`);
  } catch (err) {
    stop();
    throw err;
  }
}
