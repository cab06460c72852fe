import { call, LiveClient } from '../src/testing/simulations/exercise.ts';
import { EXERCISE_STATES, exerciseRequestBody } from '../src/testing/simulations/exercise-support.ts';
import { clearanceBench, latencies, plainInsert } from './clearances-setup.ts';
import { formatMs } from './decisions-setup.ts';
import type { BenchRow } from './report.ts';
import { type BenchTarget, durabilitySettings } from './target.ts';

export interface VisibleOptions {
  /** Requests submitted one after another, each measured. */
  requests: number;
}

/**
 * From submission to every leg visible to its state, in software time: the requester POSTs
 * a request of six legs (`submit: true`); each state's head of delegation, a client with
 * the live stream open, is told (`clearance.submitted` on /api/live) and reads its
 * to-decide list (GET /api/clearances?toDecide=true), which must hold the request. Timed
 * from before the POST to the last of the six lists; one request at a time, so no queue
 * adds to it. Each request is withdrawn after its measure, so the to-decide lists stay
 * short. The limit: one plain INSERT (autocommit, one client) on the same database.
 */
export async function benchClearancesVisible(
  target: BenchTarget,
  options: VisibleOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const bench = await clearanceBench(target);
  const { app, cast, handle } = bench;
  const streams = await Promise.all(EXERCISE_STATES.map((s) => LiveClient.open(app, cast.deciders[s].token)));
  try {
    log(
      `clearances-visible: ${await durabilitySettings(handle)}; ${options.requests} requests of 6 legs, one at a time`,
    );
    const all: number[] = [];
    const each: number[] = [];
    const submit: number[] = [];
    const one = async (measured: boolean) => {
      const start = performance.now();
      const created = (await call(app, cast.requester.token, 'POST', '/api/clearances', {
        ...exerciseRequestBody('routine'),
        submit: true,
      })) as { request: { id: string; reference: string } };
      const posted = performance.now() - start;
      const { id, reference } = created.request;
      const seen = await Promise.all(
        EXERCISE_STATES.map(async (state, i) => {
          await streams[i].waitFor(
            (e) => e.subjectId === id && e.action === 'clearance.submitted',
            30_000,
            `${state} told of ${reference}`,
          );
          const list = (await call(
            app,
            cast.deciders[state].token,
            'GET',
            '/api/clearances?toDecide=true',
          )) as {
            items: { id: string }[];
          };
          if (!list.items.some((item) => item.id === id))
            throw new Error(`${state} was told of ${reference} but its to-decide list lacks it`);
          return performance.now() - start;
        }),
      );
      if (measured) {
        submit.push(posted);
        each.push(...seen);
        all.push(Math.max(...seen));
      }
      await call(app, cast.requester.token, 'POST', `/api/clearances/${id}/withdraw`, {
        reason: 'bench: measured',
      });
      for (const stream of streams) stream.forget();
    };
    for (let i = 0; i < 5; i++) await one(false);
    for (let i = 0; i < options.requests; i++) await one(true);

    for (let i = 0; i < 20; i++) await plainInsert(handle);
    const plainMs: number[] = [];
    for (let i = 0; i < Math.max(100, options.requests); i++) {
      const began = performance.now();
      await plainInsert(handle);
      plainMs.push(performance.now() - began);
    }
    const visible = latencies(all);
    const leg = latencies(each);
    const posted = latencies(submit);
    const plain = latencies(plainMs);
    log(
      `clearances-visible: every leg visible median ${formatMs(visible.median)}, p99 ${formatMs(visible.p99)}; one leg median ${formatMs(leg.median)}, p99 ${formatMs(leg.p99)}; the POST alone median ${formatMs(posted.median)}, p99 ${formatMs(posted.p99)}; plain INSERT median ${formatMs(plain.median)}, p99 ${formatMs(plain.p99)}`,
    );
    const row = (what: string, ms: number, limit: number, limitName: string): BenchRow => ({
      benchmark: what,
      measured: formatMs(ms),
      limit: `${limitName} ${formatMs(limit)}`,
      ratio: ms / limit,
      lowerIsBetter: true,
      ratioUnit: '×',
    });
    return [
      row(
        `clearances: submission → all 6 legs visible to their states, median (${handle.kind}, ${visible.count} requests)`,
        visible.median,
        plain.median,
        'plain INSERT median',
      ),
      row(
        'clearances: submission → all 6 legs visible to their states, p99',
        visible.p99,
        plain.p99,
        'plain INSERT p99',
      ),
      row(
        'clearances: of which the POST /api/clearances (submit), median',
        posted.median,
        plain.median,
        'plain INSERT median',
      ),
    ];
  } finally {
    await Promise.all(streams.map((s) => s.close()));
    await bench.close();
  }
}
