/**
 * What the clearances benchmarks share: a fresh database holding the exercise organisation
 * (six states in a chain, src/testing/simulations/exercise-support.ts), its people with API
 * tokens, the app in-process with its live hub, and the plain-INSERT limit they are
 * measured against.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import type { DbHandle } from '../src/db/connect.ts';
import { buildApp } from '../src/http/app.ts';
import type { App } from '../src/http/env.ts';
import { LiveHub } from '../src/modules/live/hub.ts';
import {
  buildExerciseCast,
  EXERCISE_STATES,
  type ExerciseCast,
  loadExerciseOrganisation,
} from '../src/testing/simulations/exercise-support.ts';
import { percentile } from './decisions-setup.ts';
import { median, perSecond } from './report.ts';
import { type BenchTarget, freshDatabase } from './target.ts';

export interface ClearanceBench {
  handle: DbHandle;
  app: App;
  cast: ExerciseCast;
  close(): Promise<void>;
}

/** A fresh database with the exercise organisation and its people, and the app over it. */
export async function clearanceBench(target: BenchTarget, poolSize = 8): Promise<ClearanceBench> {
  const handle = await freshDatabase(target, poolSize);
  const live = new LiveHub(handle);
  try {
    await loadExerciseOrganisation(handle);
    const cast = await buildExerciseCast(handle);
    await live.start();
    const app = buildApp({ handle, config: { ...loadConfig({}), bodyLimit: 64 * 1024 }, live });
    await sql`create table bench_plain_decisions (
        id uuid primary key, request_id uuid not null, state_code text not null,
        decision text not null, decided_at timestamptz not null)`.execute(handle.db);
    return {
      handle,
      app,
      cast,
      async close() {
        await live.stop();
        await handle.close();
      },
    };
  } catch (err) {
    await live.stop().catch(() => {});
    await handle.close();
    throw err;
  }
}

let plainSeq = 0;

/** One autocommit INSERT of a decision-shaped row (no lock, no checks, no record): the limit. */
export function plainInsert(handle: DbHandle) {
  const seq = ++plainSeq;
  return sql`insert into bench_plain_decisions (id, request_id, state_code, decision, decided_at)
    values (${randomUUID()}, ${randomUUID()}, ${EXERCISE_STATES[seq % 6]}, 'approve', now())`.execute(
    handle.db,
  );
}

export interface Latencies {
  median: number;
  p99: number;
  count: number;
}

export const latencies = (values: number[]): Latencies => ({
  median: median(values),
  p99: percentile(values, 99),
  count: values.length,
});

/**
 * Up to `count` operations on `clients` concurrent workers (stopping after `maxMs`), each
 * timed: the rate and every operation's latency in ms.
 */
export async function timedConcurrently(
  clients: number,
  count: number,
  op: (i: number) => Promise<unknown>,
  maxMs = Number.POSITIVE_INFINITY,
): Promise<{ done: number; rate: number; ms: number[] }> {
  const start = performance.now();
  const ms: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < count && performance.now() - start < maxMs; i = next++) {
        const began = performance.now();
        await op(i);
        ms.push(performance.now() - began);
      }
    }),
  );
  return { done: ms.length, rate: perSecond(ms.length, performance.now() - start), ms };
}
