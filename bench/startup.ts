import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT_DIR } from '../src/config.ts';
import { type BenchRow, elapsedMs, formatSeconds, median } from './report.ts';
import { type BenchTarget, emptyServerDatabase } from './target.ts';

const ACCORD = join(ROOT_DIR, 'bin', 'accord.js');
/** Where src/db/connect.ts caches an empty PGlite cluster; with it a first start skips PGlite's initdb. */
const PGLITE_TEMPLATE = join(ROOT_DIR, 'node_modules', '.cache', 'accord', 'pglite-cluster.tar');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The time to start Node.js and run nothing: the unit the server's start is counted in. */
function nodeStartupMs(runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    if (result.status !== 0) throw new Error('node -e 0 failed');
    times.push(elapsedMs(start));
  }
  return median(times);
}

/** Resident memory of a process in MiB, from /proc (null where there is no /proc). */
function rssMiB(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface Started {
  ms: number;
  rss: number | null;
}

/** Starts `accord serve` and times it from spawn to the first 200 from /api/health. */
async function timeServerStart(env: NodeJS.ProcessEnv): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/api/health`;
  let output = '';
  const start = performance.now();
  const child = spawn(process.execPath, [ACCORD, 'serve'], {
    cwd: ROOT_DIR,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-10_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  try {
    const deadline = start + 120_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`accord serve exited (${child.exitCode}) before it was healthy:\n${output}`);
      if (performance.now() > deadline)
        throw new Error(`accord serve was not healthy after 120 s:\n${output}`);
      try {
        const response = await fetch(url);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const ms = elapsedMs(start);
    return { ms, rss: child.pid === undefined ? null : rssMiB(child.pid) };
  } finally {
    await stopChild(child);
  }
}

const serverEnv = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => {
  const { DATABASE_URL: _d, BENCH_DATABASE_URL: _b, TEST_DATABASE_URL: _t, ...rest } = process.env;
  return { ...rest, ...extra };
};

const formatMiB = (mib: number | null) => (mib === null ? 'n/a' : `${mib.toFixed(0)} MiB`);

/**
 * The server's cold start (fresh data directory: migrations, signing key, demo
 * organisation with its accounts) and warm start (same directory again), to a healthy
 * /api/health, counted in Node.js startups measured just before; and its resident memory
 * once the demo is loaded.
 */
export async function benchStartup(target: BenchTarget, log: (line: string) => void): Promise<BenchRow[]> {
  const unit = nodeStartupMs(5);
  log(`startup: node -e "0" takes ${formatSeconds(unit)} (median of 5)`);
  const rows: BenchRow[] = [];
  const unitText = `node -e "0" ${formatSeconds(unit)}`;

  const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-start-'));
  try {
    const env = serverEnv({ ACCORD_DATA_DIR: dataDir });
    const template = existsSync(PGLITE_TEMPLATE)
      ? 'cluster template cached'
      : 'no cluster template: includes initdb';
    const cold = await timeServerStart(env);
    log(`startup: cold start on PGlite (${template}) ${formatSeconds(cold.ms)}, RSS ${formatMiB(cold.rss)}`);
    const warm = await timeServerStart(env);
    log(`startup: warm start on PGlite ${formatSeconds(warm.ms)}, RSS ${formatMiB(warm.rss)}`);
    rows.push(
      {
        benchmark: `cold start to healthy (PGlite, fresh data dir, ${template})`,
        measured: formatSeconds(cold.ms),
        limit: unitText,
        ratio: cold.ms / unit,
        ratioUnit: '×',
      },
      {
        benchmark: 'warm start to healthy (PGlite)',
        measured: formatSeconds(warm.ms),
        limit: unitText,
        ratio: warm.ms / unit,
        ratioUnit: '×',
      },
      {
        benchmark: 'server RSS after demo load (PGlite)',
        measured: formatMiB(cold.rss),
        limit: '',
        ratio: null,
      },
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  if (target.serverUrl) {
    const database = await emptyServerDatabase(target.serverUrl);
    try {
      const cold = await timeServerStart(
        serverEnv({ DATABASE_URL: database.url, ACCORD_DATA_DIR: join(tmpdir(), 'accord-bench-unused') }),
      );
      log(`startup: cold start on PostgreSQL ${formatSeconds(cold.ms)}, RSS ${formatMiB(cold.rss)}`);
      rows.push(
        {
          benchmark: 'cold start to healthy (PostgreSQL, empty db)',
          measured: formatSeconds(cold.ms),
          limit: unitText,
          ratio: cold.ms / unit,
          ratioUnit: '×',
        },
        {
          benchmark: 'server RSS after demo load (PostgreSQL)',
          measured: formatMiB(cold.rss),
          limit: '',
          ratio: null,
        },
      );
    } finally {
      await database.drop();
    }
  }
  return rows;
}
