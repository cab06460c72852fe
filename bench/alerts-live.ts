/**
 * Early warning, live (issue 10): from the API call that makes a computed indicator cross a
 * threshold to the region's change of level reaching a situation-room client's live stream.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEMO_FILE, loadConfig } from '../src/config.ts';
import { personFromRow, systemActor } from '../src/core/actor.ts';
import type { DbHandle } from '../src/db/connect.ts';
import type { UserRow } from '../src/db/schema.ts';
import { createToken } from '../src/modules/auth/index.ts';
import { loadOrganisation, parseOrganisationFile } from '../src/modules/directory/index.ts';
import { appendEntry } from '../src/modules/ledger/index.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { buildUser } from '../src/testing/harness.ts';
import { formatMs, percentile, sleep } from './decisions-setup.ts';
import type { BenchRow } from './report.ts';
import { type BenchTarget, emptyServerDatabase } from './target.ts';

export interface AlertsLiveOptions {
  /** Crossings each way: as many rises (a verified report) as falls (the report archived). */
  crossings: number;
  /** Bare recorded entries timed the same way, for the limit. */
  bare: number;
  /** The longest wait for one change to reach the client (ms). */
  timeoutMs: number;
}

/** A region of its own, so that its level moves with the bench's reports and nothing else. */
const REGION = 'bench-zone';
const POINT = { latitude: 41.0, longitude: 44.3 };

/**
 * The demo organisation with the bench's region (north of Armenia, clear of the demo's) and
 * one indicator computed from it: the week's verified or published border incidents, at
 * level 2 from the first one. A verified report raises the region from 1 to 2, its archiving
 * lowers it again, so each step is a real crossing.
 */
function benchOrganisation() {
  const text = readFileSync(DEMO_FILE, 'utf8')
    .replace(
      '\n  regions:\n',
      `\n  regions:
    - code: ${REGION}
      name: { en: "Bench zone", ru: "Зона замеров" }
      states: [AM]
      area: [[44.0, 40.8], [44.6, 40.8], [44.6, 41.2], [44.0, 41.2]]\n`,
    )
    .replace(
      '\n  indicators:\n',
      `\n  indicators:
    - code: ${REGION}-incidents
      name: { en: Border incidents, ru: Пограничные инциденты }
      region: ${REGION}
      unit: { en: reports per week, ru: сообщений в неделю }
      source: { computed: { categories: [border-incident], measure: reports, window: week } }
      thresholds: [{ level: 2, at: 1 }]\n`,
    );
  if (!text.includes(`code: ${REGION}-incidents`) || !text.includes(`code: ${REGION}\n`))
    throw new Error('alerts-live: the demo organisation file no longer has the sections the bench extends');
  return parseOrganisationFile(text, 'bench organisation');
}

/**
 * The situation room's client, in a worker thread of its own (its own event loop, as a
 * browser would have): a plain node:http GET of /api/live, a minimal SSE parser, and the
 * monotonic clock (process.hrtime, shared by all threads) at each `entry` event, kept by its
 * action and subject. The main thread asks for the nth entry of an action about a subject.
 */
const CLIENT_WORKER = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, token } = workerData;
const seen = new Map();
const waiting = [];
let request;
function check() {
  for (let i = waiting.length - 1; i >= 0; i--) {
    const w = waiting[i];
    const times = seen.get(w.key) || [];
    if (times.length >= w.nth) { waiting.splice(i, 1); clearTimeout(w.timer); w.done(times[w.nth - 1]); }
  }
}
parentPort.on('message', (msg) => {
  if (msg.type === 'open') {
    request = http.get(url + '/api/live', {
      headers: { authorization: 'Bearer ' + token, accept: 'text/event-stream' },
    }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        parentPort.postMessage({ type: 'opened', error: 'GET /api/live answered ' + res.statusCode });
        return;
      }
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
          if (event === 'ready') parentPort.postMessage({ type: 'opened', error: null });
          else if (event === 'entry') {
            const entry = JSON.parse(data);
            const key = entry.action + ' ' + entry.subjectId;
            let times = seen.get(key);
            if (!times) seen.set(key, (times = []));
            times.push(t);
          }
        }
        check();
      });
      res.on('error', () => {});
    });
    request.on('error', (err) => parentPort.postMessage({ type: 'opened', error: String(err) }));
  } else if (msg.type === 'expect') {
    const w = { key: msg.key, nth: msg.nth, done: (t) => parentPort.postMessage({ type: 'receipt', t }) };
    w.timer = setTimeout(() => { waiting.splice(waiting.indexOf(w), 1); w.done(null); }, msg.timeoutMs);
    waiting.push(w);
    check();
  } else if (msg.type === 'close') {
    request?.destroy();
    parentPort.postMessage({ type: 'closed' });
  }
});
`;

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

async function tokenOf(handle: DbHandle, user: UserRow): Promise<string> {
  const made = await handle.db
    .transaction()
    .execute((trx) => createToken(trx, personFromRow(user), { name: 'bench' }));
  return made.token;
}

/**
 * A report that crosses a threshold reaching the situation room's live stream: a real HTTP
 * server (startServer, on 127.0.0.1 and an ephemeral port, with the record's sequencer, the
 * live hub and the modules' runners), the demo organisation with a region of the bench's own,
 * and one SSE client (secretariat staff, the situation room) on GET /api/live. Each round files
 * a border incident in the region (submitted: it does not count yet), then, timed:
 * POST /api/reports/{id}/verify, which takes the computed indicator from 0 to 1 and the
 * region from level 1 to 2 (with an automatic alert); and, after the alert is closed,
 * POST /api/reports/{id}/archive, which takes them back down. Each is timed from the request
 * being sent to the client's receipt of the `alert.level_changed` entry. The limit is the
 * same path with nothing in front of it: BEGIN, one bare entry appended, COMMIT, and the
 * same client's receipt of it (the record's sequencer, the hub and the stream, nothing else).
 */
export async function benchAlertsLive(
  target: BenchTarget,
  options: AlertsLiveOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-alerts-'));
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
    const { handle, url } = server;
    await handle.db
      .transaction()
      .execute((trx) => loadOrganisation(trx, systemActor('bench'), benchOrganisation(), 'bench'));
    const focal = await buildUser(handle, {
      role: 'point_of_contact',
      stateCode: 'AM',
      accessLevel: 'confidential',
    });
    const reviewer = await buildUser(handle, {
      role: 'point_of_contact',
      affiliation: 'secretariat',
      accessLevel: 'secret',
    });
    const duty = await buildUser(handle, {
      role: 'delegate',
      affiliation: 'secretariat',
      accessLevel: 'confidential',
    });
    const [focalToken, reviewerToken, dutyToken] = [
      await tokenOf(handle, focal),
      await tokenOf(handle, reviewer),
      await tokenOf(handle, duty),
    ];
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 400) throw new Error(`alerts-live: ${method} ${path}: ${res.status} ${text}`);
      return JSON.parse(text) as Record<string, unknown>;
    };

    worker = new Worker(CLIENT_WORKER, { eval: true, workerData: { url, token: dutyToken } });
    const opened = await ask<{ error: string | null }>(worker, { type: 'open' }, 'opened');
    if (opened.error) throw new Error(`alerts-live: ${opened.error}`);
    log(`alerts-live: server at ${url} (${handle.kind}); the situation room's stream is open`);
    await sleep(200);
    const received = async (key: string, nth: number) =>
      (
        await ask<{ t: bigint | null }>(
          worker!,
          { type: 'expect', key, nth, timeoutMs: options.timeoutMs },
          'receipt',
        )
      ).t;

    const changed = `alert.level_changed ${REGION}`;
    let changes = 0;
    const rises: number[] = [];
    const falls: number[] = [];
    const answers: number[] = [];
    let missing = 0;
    const crossing = async (into: number[], step: () => Promise<unknown>) => {
      const sent = process.hrtime.bigint();
      await step();
      const answered = process.hrtime.bigint();
      const at = await received(changed, ++changes);
      if (at === null) {
        missing++;
        return;
      }
      into.push(Number(at - sent) / 1e6);
      answers.push(Number(answered - sent) / 1e6);
    };
    // One round first, not counted: it warms up the paths (and the region's first evaluation).
    for (let k = -1; k < options.crossings; k++) {
      const report = await call(focalToken, 'POST', '/api/reports', {
        title: `Bench incident ${k}`,
        category: 'border-incident',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        point: POINT,
        state: 'AM',
        submit: true,
      });
      const id = String((report.report as { id: string }).id);
      const up: number[] = [];
      const down: number[] = [];
      await crossing(up, () => call(reviewerToken, 'POST', `/api/reports/${id}/verify`));
      // The rise opened an automatic alert; it is closed so that the next rise opens one again.
      const open = await handle.db
        .selectFrom('alerts')
        .select('id')
        .where('region_code', '=', REGION)
        .where('status', '<>', 'closed')
        .execute();
      for (const alert of open)
        await call(reviewerToken, 'POST', `/api/alerts/${alert.id}/close`, { reason: 'Bench round over' });
      await crossing(down, () =>
        call(reviewerToken, 'POST', `/api/reports/${id}/archive`, { reason: 'Bench round over' }),
      );
      if (k >= 0) {
        rises.push(...up);
        falls.push(...down);
      }
    }
    const level = await handle.db
      .selectFrom('level_changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_code', '=', REGION)
      .executeTakeFirstOrThrow();
    if (Number(level.n) !== 2 * (options.crossings + 1))
      throw new Error(
        `alerts-live: ${level.n} changes of level recorded, not ${2 * (options.crossings + 1)}`,
      );

    // The limit: a bare entry through the same record, hub and stream.
    const bare: number[] = [];
    for (let k = -5; k < options.bare; k++) {
      const subjectId = `bench-${k}`;
      const sent = process.hrtime.bigint();
      await handle.db.transaction().execute((trx) =>
        appendEntry(trx, systemActor('bench'), {
          action: 'user.updated',
          subjectType: 'sentinel',
          subjectId,
          payload: { changes: {} },
        }),
      );
      const at = await received(`user.updated ${subjectId}`, 1);
      if (at === null) missing++;
      else if (k >= 0) bare.push(Number(at - sent) / 1e6);
      await sleep(5);
    }
    await ask(worker, { type: 'close' }, 'closed');

    const stats = (ms: number[]) => ({ p50: percentile(ms, 50), p99: percentile(ms, 99) });
    const [rise, fall, base, answer] = [stats(rises), stats(falls), stats(bare), stats(answers)];
    log(
      `alerts-live: ${options.crossings} rises: p50 ${formatMs(rise.p50)}, p99 ${formatMs(rise.p99)}; ${options.crossings} falls: p50 ${formatMs(fall.p50)}, p99 ${formatMs(fall.p99)}; the API answered after p50 ${formatMs(answer.p50)}, p99 ${formatMs(answer.p99)}; a bare entry reached the stream after p50 ${formatMs(base.p50)}, p99 ${formatMs(base.p99)}${missing ? `; ${missing} deliveries missing after ${options.timeoutMs} ms` : ''}`,
    );
    const row = (what: string, s: { p50: number; p99: number }, stat: 'p50' | 'p99'): BenchRow => ({
      benchmark: `alerts live: ${what} → level change on the situation room's stream, ${stat === 'p50' ? 'median' : 'p99'} (${handle.kind}, ${options.crossings})${missing ? `, ${missing} missing` : ''}`,
      measured: formatMs(s[stat]),
      limit: `bare entry → stream ${formatMs(base[stat])}`,
      ratio: s[stat] / base[stat],
      ratioUnit: '×',
      lowerIsBetter: true,
    });
    return [
      row('report verified (rise, alert opened)', rise, 'p50'),
      row('report verified (rise, alert opened)', rise, 'p99'),
      row('report archived (fall)', fall, 'p50'),
      row('report archived (fall)', fall, 'p99'),
    ];
  } finally {
    await worker?.terminate();
    await server?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
