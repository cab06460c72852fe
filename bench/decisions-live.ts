import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { systemActor } from '../src/core/actor.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { openProcedure } from '../src/modules/decisions/procedures.ts';
import { createProposal } from '../src/modules/decisions/proposals.ts';
import { CreateProposalInput, OpenProcedureInput } from '../src/modules/decisions/schema.ts';
import { giveStances } from '../src/modules/decisions/stances.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import {
  formatMs,
  type Head,
  headsWithTokens,
  percentile,
  proposalText,
  STATES,
  sleep,
} from './decisions-setup.ts';
import type { BenchRow } from './report.ts';
import { type BenchTarget, emptyServerDatabase } from './target.ts';

export interface LiveOptions {
  /** Live-stream clients wanted (fewer if the open-file limit does not allow them). */
  clients: number;
  /** Stances given one after another; each must reach every client. */
  stances: number;
  /** The longest wait for one stance to reach every client (ms). */
  timeoutMs: number;
}

/**
 * The clients, in a worker thread of their own (their own event loop, as separate
 * browsers would have): plain node:http GETs of /api/live, a minimal SSE parser, and
 * the monotonic clock (process.hrtime, shared by all threads) at each `entry` event.
 */
const CLIENTS_WORKER = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, tokens, clients, batch } = workerData;
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const requests = [];
const receipts = new Map();
let connected = 0;
const waiting = new Map();
function received(seq) {
  const w = waiting.get(seq);
  const got = receipts.get(seq) || [];
  if (w && got.length >= connected) { waiting.delete(seq); clearTimeout(w.timer); w.done(); }
}
function open(i) {
  return new Promise((resolve, reject) => {
    const req = http.get(url + '/api/live', {
      agent,
      headers: { authorization: 'Bearer ' + tokens[i % tokens.length], accept: 'text/event-stream' },
    }, (res) => {
      if (res.statusCode !== 200) { res.resume(); reject(new Error('GET /api/live answered ' + res.statusCode)); return; }
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk) => {
        const t = process.hrtime.bigint();
        buf += chunk;
        let k;
        while ((k = buf.indexOf('\\n\\n')) >= 0) {
          const block = buf.slice(0, k);
          buf = buf.slice(k + 2);
          let event = 'message';
          let data = '';
          for (const line of block.split('\\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
          }
          if (event === 'ready') resolve();
          else if (event === 'entry') {
            const seq = JSON.parse(data).seq;
            let got = receipts.get(seq);
            if (!got) receipts.set(seq, (got = []));
            got.push(t);
            received(seq);
          }
        }
      });
      res.on('error', () => {});
    });
    req.on('error', reject);
    requests.push(req);
  });
}
parentPort.on('message', async (msg) => {
  if (msg.type === 'open') {
    let error = null;
    for (let from = 0; from < clients && !error; from += batch) {
      const opening = [];
      for (let i = from; i < Math.min(from + batch, clients); i++) opening.push(open(i));
      const results = await Promise.allSettled(opening);
      for (const r of results) {
        if (r.status === 'fulfilled') connected++;
        else error = error || String(r.reason);
      }
    }
    parentPort.postMessage({ type: 'opened', connected, error });
  } else if (msg.type === 'expect') {
    await new Promise((done) => {
      const timer = setTimeout(() => { waiting.delete(msg.seq); done(); }, msg.timeoutMs);
      waiting.set(msg.seq, { done, timer });
      received(msg.seq);
    });
    parentPort.postMessage({ type: 'receipts', seq: msg.seq, times: receipts.get(msg.seq) || [] });
  } else if (msg.type === 'close') {
    for (const req of requests) req.destroy();
    agent.destroy();
    parentPort.postMessage({ type: 'closed' });
  }
});
`;

/** The open-file limit of this process (children inherit it; Node raised it to the hard limit at start). */
function openFileLimit(): number {
  const result = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' });
  const value = result.stdout?.trim();
  return value === 'unlimited' ? Number.POSITIVE_INFINITY : Number(value) || 1024;
}

/** Talks to the worker: one request, the next answer of the given type. */
function ask<T>(worker: Worker, message: unknown, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type: string }) => {
      if (msg.type !== type) return;
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolve(msg as T);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage(message);
  });
}

/**
 * A stance reaching every connected live-stream client: a real HTTP server (startServer
 * from src/server.ts, on 127.0.0.1 and an ephemeral port, with its own database, the demo
 * organisation, the live hub, the deadline and reminder runners), `clients` SSE
 * subscriptions to GET /api/live as the six heads of delegation, then stances one at a
 * time through the real command. Latency runs from the stance's COMMIT being sent to each
 * client's receipt of its `entry` event, and stands beside the bare round trip of a NOTIFY
 * through the same database handle (pg_notify sent → heard).
 */
export async function benchDecisionLive(
  target: BenchTarget,
  options: LiveOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const limit = openFileLimit();
  // Each client is two sockets in this process (its end and the server's), plus the rest.
  const fit = Math.floor((limit - 256) / 2);
  let clients = options.clients;
  let note = '';
  if (fit < clients) {
    clients = Math.min(200, clients);
    note = ` (fell back from ${options.clients}: open-file limit ${limit}; raise it with \`ulimit -n ${2 * options.clients + 256}\` before npm run bench)`;
    log(`decisions-live: open-file limit ${limit} is too low for ${options.clients} clients${note}`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-live-'));
  const database = target.serverUrl ? await emptyServerDatabase(target.serverUrl) : undefined;
  let server: RunningServer | undefined;
  let worker: Worker | undefined;
  try {
    server = await startServer(
      {
        ...loadConfig({}),
        host: '127.0.0.1',
        port: 0,
        databaseUrl: database?.url,
        dataDir,
        checkpointSeconds: 3600,
      },
      () => {},
    );
    const handle = server.handle;
    const heads = await demoHeads(handle);
    const procedure = await openOne(handle);
    log(`decisions-live: server at ${server.url} (${handle.kind}); opening ${clients} live streams …`);

    worker = new Worker(CLIENTS_WORKER, {
      eval: true,
      workerData: { url: server.url, tokens: heads.map((h) => h.token), clients, batch: 100 },
    });
    const openedAt = performance.now();
    const opened = await ask<{ connected: number; error: string | null }>(worker, { type: 'open' }, 'opened');
    if (opened.error || opened.connected !== clients)
      throw new Error(`decisions-live: ${opened.connected} of ${clients} streams opened: ${opened.error}`);
    log(
      `decisions-live: ${opened.connected} streams open in ${((performance.now() - openedAt) / 1000).toFixed(1)} s`,
    );
    await sleep(200);

    const latencies: number[] = [];
    const perStanceP99: number[] = [];
    const firsts: number[] = [];
    let missing = 0;
    // One stance first, not counted: the first fan-out warms up the streams' code paths.
    for (let k = -1; k < options.stances; k++) {
      const head = heads[(k + heads.length) % heads.length];
      const kind = k % 2 ? 'abstain' : 'agree';
      // The clock starts as COMMIT is sent: nothing can be delivered before, and the commit's own
      // time counts in. (Taking it when the commit is acknowledged would be late: the same event
      // loop hears the NOTIFY first and fans it out before it resolves the transaction.)
      let committing = 0n;
      const seq = await handle.db.transaction().execute(async (trx) => {
        await giveStances(trx, head.actor, procedure, { stances: [{ point: '1', kind }] });
        // The place the stance's entry (its one entry) will take: it goes to ledger_pending
        // with the COMMIT and the sequencer integrates it after what already waits (nothing
        // else writes).
        const row = await sql<{ seq: number }>`
          select ((select seq from ledger_head) + (select count(*) from ledger_pending) + 1)::int as seq`.execute(
          trx,
        );
        committing = process.hrtime.bigint();
        return row.rows[0].seq;
      });
      const { times } = await ask<{ times: bigint[] }>(
        worker,
        { type: 'expect', seq, timeoutMs: options.timeoutMs },
        'receipts',
      );
      await sleep(100);
      if (k < 0) continue;
      const these = times.map((t) => Number(t - committing) / 1e6);
      missing += clients - these.length;
      latencies.push(...these);
      perStanceP99.push(percentile(these, 99));
      firsts.push(Math.min(...these));
    }
    log(
      `decisions-live: ${options.stances} stances × ${clients} clients: p50 ${formatMs(percentile(latencies, 50))}, p99 ${formatMs(percentile(latencies, 99))}, max ${formatMs(latencies.reduce((a, b) => Math.max(a, b), 0))}; the first client of each stance got it after ${formatMs(percentile(firsts, 50))} (median), so the rest is the fan-out; p99 per stance ${perStanceP99.map((v) => formatMs(v)).join(', ')}${missing ? `; ${missing} deliveries missing after ${options.timeoutMs} ms` : ''}`,
    );

    const notify = await notifyRoundTrips(handle, 50);
    log(
      `decisions-live: bare NOTIFY round trip through the same handle: median ${formatMs(percentile(notify, 50))}, p99 ${formatMs(percentile(notify, 99))}`,
    );
    await ask(worker, { type: 'close' }, 'closed');
    const p99 = percentile(latencies, 99);
    const notifyMedian = percentile(notify, 50);
    return [
      {
        benchmark: `live: a stance reaching ${clients} SSE clients over HTTP (${handle.kind}, ${options.stances} stances)${note}`,
        measured: `p50 ${formatMs(percentile(latencies, 50))}, p99 ${formatMs(p99)}${missing ? `, ${missing} missing` : ''}`,
        limit: `bare NOTIFY round trip ${formatMs(notifyMedian)}`,
        ratio: p99 / notifyMedian,
        ratioUnit: '×',
        lowerIsBetter: true,
      },
    ];
  } finally {
    await worker?.terminate();
    await server?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The demo organisation's six heads of delegation, each with an API token. */
async function demoHeads(handle: DbHandle): Promise<Head[]> {
  const rows = await handle.db
    .selectFrom('users')
    .selectAll()
    .where('role', '=', 'head_of_delegation')
    .execute();
  const byState = new Map(rows.map((r) => [r.state_code?.trim(), r]));
  const states = STATES.filter((s) => byState.has(s));
  if (states.length === 0)
    throw new Error('decisions-live: the demo organisation has no heads of delegation');
  return headsWithTokens(handle, states, async (state) => byState.get(state)!);
}

/** A proposal of the demo's Collective Security Council under an open unanimity vote. */
async function openOne(handle: DbHandle): Promise<string> {
  const chair = systemActor('bench chair');
  const body = await handle.db
    .selectFrom('bodies')
    .select('code')
    .orderBy('code')
    .where('code', '=', 'collective-security-council')
    .executeTakeFirstOrThrow();
  return handle.db.transaction().execute(async (trx) => {
    const proposal = await createProposal(
      trx,
      chair,
      CreateProposalInput.parse({
        body: body.code,
        title: 'Live stream bench',
        text: proposalText(0),
        points: [{ text: 'The one point' }],
      }),
    );
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const procedure = await openProcedure(
      trx,
      chair,
      proposal.id,
      OpenProcedureInput.parse({ kind: 'unanimity', deadline }),
    );
    return procedure.id;
  });
}

/** Round trips of pg_notify through the handle to its own listener: sent → heard, ms. */
async function notifyRoundTrips(handle: DbHandle, count: number): Promise<number[]> {
  const channel = 'accord_bench_probe';
  let heard: ((at: bigint) => void) | undefined;
  const unlisten = await handle.listen(channel, () => heard?.(process.hrtime.bigint()));
  try {
    const times: number[] = [];
    for (let i = 0; i < count + 5; i++) {
      const got = new Promise<bigint>((resolve, reject) => {
        heard = resolve;
        setTimeout(() => reject(new Error('decisions-live: a NOTIFY was not heard in 5 s')), 5000).unref();
      });
      const sent = process.hrtime.bigint();
      await sql`select pg_notify(${channel}, ${String(i)})`.execute(handle.db);
      const at = await got;
      if (i >= 5) times.push(Number(at - sent) / 1e6);
    }
    return times;
  } finally {
    await unlisten();
  }
}
