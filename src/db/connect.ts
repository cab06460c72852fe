import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type KyselyConfig, PostgresDialect } from 'kysely';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { COPY_OUT } from './copy-out.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';
import { batchingCommits } from './with-commit.ts';

export type Db = Kysely<Database>;
export type DbKind = 'pglite' | 'postgresql';

/** A live database: the Kysely handle plus what differs between PGlite and a server. */
export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** Subscribe to NOTIFY on a channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * Tries to take the session-level advisory lock `key` on a connection of its own, kept for
   * as long as the lock is held: one process per database leads whatever the lock stands
   * for. Null when another session holds it. The lock goes with `release`, or when its
   * connection ends (the process died, the server ended the session): PostgreSQL releases a
   * session's locks with it, and `lost` resolves. PGlite belongs to one process, which always
   * leads.
   */
  tryLead(key: number): Promise<Leadership | null>;
  close(): Promise<void>;
}

/** A session-level advisory lock held on a connection of its own (see `DbHandle.tryLead`). */
export interface Leadership {
  /** Resolves when the lock is gone: released, or its connection ended. */
  lost: Promise<void>;
  release(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… to use a server; otherwise PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; omitted means in memory. */
  dataDir?: string;
  poolSize?: number;
  /** Kysely's query log (tests: the SQL snapshots of src/db/hot-queries.test.ts). */
  log?: KyselyConfig['log'];
}

// pg hands int8 (count(*), bigserial) back as a string and PGlite as a number:
// both become numbers here, the one place the difference is handled.
const INT8_OID = 20;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/**
 * The pool as Kysely's PostgreSQL driver uses it, except that a text query of several
 * statements (a BEGIN sent with the first statement, statements sent with COMMIT: see
 * with-commit.ts) answers with its last statement's result, as one statement would.
 */
function lastResultOnly(pool: pg.Pool): pg.Pool {
  const connect = pool.connect.bind(pool);
  const wrapped = new WeakSet<pg.PoolClient>();
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop !== 'connect') return Reflect.get(target, prop, receiver);
      return async () => {
        const client = await connect();
        if (!wrapped.has(client)) {
          wrapped.add(client);
          const query = client.query.bind(client) as (...args: unknown[]) => unknown;
          (client as { query: unknown }).query = (...args: unknown[]) => {
            if (typeof args[0] === 'string' && COPY_OUT.test(args[0])) return copyToBuffer(query, args[0]);
            const result = query(...args);
            if (typeof args[0] !== 'string' || !(result instanceof Promise)) return result;
            return result.then((r: unknown) => (Array.isArray(r) ? r[r.length - 1] : r));
          };
        }
        return client;
      };
    },
  });
}

/** A `COPY (…) TO STDOUT` (copy-out.ts) streamed with pg-copy-streams: its bytes as one row. */
async function copyToBuffer(query: (...args: unknown[]) => unknown, text: string) {
  const stream = query(copyTo(text)) as AsyncIterable<Buffer>;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return { command: 'COPY', rowCount: 1, rows: [{ data: Buffer.concat(chunks) }] };
}

/** Opens the database named by the options: a PostgreSQL server or an embedded PGlite. */
export async function connect(options: ConnectOptions): Promise<DbHandle> {
  if (options.databaseUrl) return connectServer(options.databaseUrl, options.poolSize ?? 10, options.log);
  return connectEmbedded(options.dataDir, options.log);
}

async function connectServer(url: string, max: number, log?: KyselyConfig['log']): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes });
  pool.on('error', () => {
    /* idle client errors are surfaced on the next query */
  });
  const db = new Kysely<Database>({
    dialect: batchingCommits(new PostgresDialect({ pool: lastResultOnly(pool) }), {
      beginWithFirstStatement: true,
    }),
    log,
  });
  let listener: pg.Client | undefined;
  const leaders = new Set<pg.Client>();
  const handlers = new Map<string, Set<(payload: string) => void>>();
  return {
    db,
    kind: 'postgresql',
    async listen(channel, onPayload) {
      if (!listener) {
        listener = new pg.Client({ connectionString: url, types: pgTypes });
        await listener.connect();
        listener.on('notification', (msg) => {
          for (const handler of handlers.get(msg.channel) ?? []) handler(msg.payload ?? '');
        });
      }
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await listener.query(`LISTEN ${quoteIdent(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async tryLead(key) {
      // Not from the pool: the lock lives as long as this one connection, and a pooled
      // client may be closed when idle or handed to other work.
      const client = new pg.Client({ connectionString: url, types: pgTypes, keepAlive: true });
      let ended!: () => void;
      const lost = new Promise<void>((resolve) => {
        ended = resolve;
      });
      client.on('end', () => ended());
      client.on('error', () => {
        ended();
        client.end().catch(() => {});
      });
      try {
        await client.connect();
        const { rows } = await client.query<{ held: boolean }>('select pg_try_advisory_lock($1) as held', [
          key,
        ]);
        if (!rows[0]?.held) {
          await client.end().catch(() => {});
          return null;
        }
      } catch (err) {
        await client.end().catch(() => {});
        throw err;
      }
      leaders.add(client);
      lost.then(() => leaders.delete(client));
      return {
        lost,
        async release() {
          leaders.delete(client);
          // Ending the session releases its locks.
          await client.end().catch(() => {});
        },
      };
    },
    async close() {
      for (const client of leaders) await client.end().catch(() => {});
      await listener?.end().catch(() => {});
      await db.destroy();
    },
  };
}

/**
 * PGlite's files belong to one process at a time: a lock file with the owner's PID keeps
 * a second process (a CLI command while the server runs) from corrupting them.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'accord.lock');
  let owner: number | undefined;
  try {
    owner = Number(readFileSync(lockFile, 'utf8').trim()) || undefined;
  } catch {
    owner = undefined;
  }
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `the embedded database in ${dataDir} is in use by process ${owner} (a running accord serve?): stop it first, or use the API`,
    );
  }
  writeFileSync(lockFile, String(process.pid));
  const release = () => rmSync(lockFile, { force: true });
  process.once('exit', release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function connectEmbedded(dataDir?: string, log?: KyselyConfig['log']): Promise<DbHandle> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const pglite = await createPGlite(dataDir).catch((err) => {
    unlock();
    throw err;
  });
  const db = new Kysely<Database>({ dialect: batchingCommits(new PGliteDialect(pglite)), log });
  const closing: (() => void)[] = [];
  return {
    db,
    kind: 'pglite',
    async listen(channel, onPayload) {
      const unsubscribe = await pglite.listen(channel, onPayload);
      return unsubscribe;
    },
    async tryLead() {
      // One process owns the files (lockDataDir): it leads until it closes the database.
      let release!: () => void;
      const lost = new Promise<void>((resolve) => {
        release = resolve;
      });
      closing.push(release);
      return {
        lost,
        async release() {
          release();
        },
      };
    },
    async close() {
      for (const release of closing.splice(0)) release();
      await db.destroy();
      await pglite.close();
      unlock();
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const TEMPLATE_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'node_modules',
  '.cache',
  'accord',
  'pglite-cluster.tar',
);

/**
 * A new PGlite cluster costs an initdb (seconds). The first one made on this machine is
 * kept as a tarball in node_modules/.cache and later fresh clusters (tests, first starts)
 * are unpacked from it. The template holds an empty cluster, before any migration.
 */
async function createPGlite(dataDir?: string): Promise<PGlite> {
  const fresh = !dataDir || !existsSync(join(dataDir, 'PG_VERSION'));
  if (!fresh) return PGlite.create({ dataDir });
  if (existsSync(TEMPLATE_FILE)) {
    try {
      const template = new Blob([readFileSync(TEMPLATE_FILE)]);
      return await PGlite.create({ ...(dataDir ? { dataDir } : {}), loadDataDir: template });
    } catch {
      rmSync(TEMPLATE_FILE, { force: true });
    }
  }
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});
  try {
    const dump = await pglite.dumpDataDir('none');
    mkdirSync(dirname(TEMPLATE_FILE), { recursive: true });
    const partial = `${TEMPLATE_FILE}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, TEMPLATE_FILE);
  } catch {
    /* the cache is an optimisation only */
  }
  return pglite;
}
