import type { DbHandle } from '../../db/connect.ts';
import type { App } from '../../http/env.ts';
import { decideLeg } from '../../modules/clearances/legs/commands.ts';
import { TacitConsentRunner } from '../../modules/clearances/legs/tacit.ts';
import { createRequest } from '../../modules/clearances/requests/commands.ts';
import { CreateRequestInput, DecideLegInput } from '../../modules/clearances/schema.ts';
import { RecordSequencer, settleRecord } from '../../modules/ledger/index.ts';
import type { LiveEvent } from '../../modules/live/hub.ts';
import { SseReader } from '../sse.ts';
import {
  EXERCISE_STATES,
  type ExerciseCast,
  type ExerciseState,
  exerciseRequestBody,
} from './exercise-support.ts';

/**
 * A simulated exercise (issue 4): one emergency request of BY crossing six states, each
 * state answering its leg a scripted time after the leg reached it, or staying silent until
 * its window closes and the tacit-consent runner consents for it. It measures what Accord
 * adds to the slowest state's own time: the request should be cleared the moment the last
 * state answers. Used by exercise.test.ts (behaviour, on a manual clock) and by
 * bench/clearances-exercise.ts (the overhead, in real time through the API).
 */

/** How long after its leg arrives each state approves it (ms); null: it stays silent. */
export interface ExerciseScript {
  delays: Record<ExerciseState, number | null>;
}

/** Every state answers within 1.2 s; AM is the slowest. */
export const EXERCISE_SCRIPT: ExerciseScript = {
  delays: { BY: 200, RU: 500, KZ: 350, KG: 800, TJ: 650, AM: 1200 },
};

/** The script with `state` silent: its leg is decided by its window closing. */
export function silentIn(script: ExerciseScript, state: ExerciseState): ExerciseScript {
  return { delays: { ...script.delays, [state]: null } };
}

/** Scales every delay (a quick run, or a test that should not wait). */
export function scaled(script: ExerciseScript, factor: number): ExerciseScript {
  const delays = { ...script.delays };
  for (const state of EXERCISE_STATES) {
    const d = delays[state];
    if (d !== null) delays[state] = Math.round(d * factor);
  }
  return { delays };
}

/** A clock moved by hand: the commands and the tacit runner read it, nobody sleeps. */
export class ManualClock {
  private at: number;
  constructor(start: Date) {
    this.at = start.getTime();
  }
  readonly now = () => new Date(this.at);
  /** Moves the clock forward to `at` (never back). */
  set(at: Date) {
    if (at.getTime() < this.at) throw new Error(`the clock does not go back (${at.toISOString()})`);
    this.at = at.getTime();
  }
}

export interface ExerciseLeg {
  state: string;
  status: string;
  decidedHow: string | null;
  decidedAt: Date | null;
  /** When its window was to close (from its opening: a decided leg has none any more). */
  dueAt: Date | null;
  /** When the state's client saw its leg: ms after the start (0 with a manual clock). */
  seenMs: number;
}

/** One answer, in the order they were written: the request's status just before and after. */
export interface ExerciseAnswer {
  state: string;
  how: 'state' | 'tacit';
  /** The request's status read just before the answer (the manual clock; null over the API). */
  before: string | null;
  /** The request's status in the answer (over the API: in the decision's response). */
  after: string;
  /** ms after the start when the answer was back. */
  atMs: number;
}

export interface ExerciseResult {
  via: 'api' | 'commands';
  requestId: string;
  reference: string;
  status: string;
  submittedAt: Date;
  /** clearance_requests.cleared_at. */
  clearedAt: Date | null;
  /** When the requester saw it cleared (its live stream), ms after the start; with a manual clock, cleared_at. */
  observedMs: number;
  /** The slowest state's scripted time: its delay, or for a silent state its window. */
  slowestMs: number;
  /** observedMs - slowestMs: what Accord adds. */
  overheadMs: number;
  legs: ExerciseLeg[];
  answers: ExerciseAnswer[];
  /** The record's clearance.leg_tacit and clearance.cleared entries for the request. */
  tacitEntries: { state: string; at: Date }[];
  clearedEntries: { at: Date }[];
}

export interface ExerciseOptions {
  /** A manual clock: the commands in-process, no real waiting. Without one: the HTTP API in real time. */
  clock?: ManualClock;
  /** The longest wait for any one step over the API (ms); the windows of silent states are added. */
  timeoutMs?: number;
}

/**
 * Runs the exercise once and measures it. Over the API (the default) every state's head of
 * delegation is a client of its own with the live stream open: it sees the leg arrive
 * (`clearance.submitted` on /api/live, then its to-decide list), waits its delay, and POSTs
 * its approval; the requester's stream tells when the request is cleared. A silent state's
 * window is closed by a TacitConsentRunner started for the run. With `clock`, the same
 * script runs on the commands, each answer at its scripted instant, and the runner is woken
 * at the silent window's end.
 *
 * @example const r = await runExercise({ handle, app }, cast, EXERCISE_SCRIPT); r.overheadMs
 */
export async function runExercise(
  ctx: { handle: DbHandle; app: App },
  cast: ExerciseCast,
  script: ExerciseScript,
  options: ExerciseOptions = {},
): Promise<ExerciseResult> {
  return options.clock
    ? runOnCommands(ctx.handle, cast, script, options.clock)
    : runOverApi(ctx, cast, script, options.timeoutMs ?? 30_000);
}

const answering = (script: ExerciseScript) =>
  EXERCISE_STATES.filter((s) => script.delays[s] !== null).map((state) => ({
    state,
    delay: script.delays[state] as number,
  }));
const silent = (script: ExerciseScript) => EXERCISE_STATES.filter((s) => script.delays[s] === null);

async function runOverApi(
  ctx: { handle: DbHandle; app: App },
  cast: ExerciseCast,
  script: ExerciseScript,
  timeoutMs: number,
): Promise<ExerciseResult> {
  const { app, handle } = ctx;
  const windowMs = silent(script).length ? await emergencyWindowMs(handle) : 0;
  const wait = timeoutMs + windowMs;
  const runner = silent(script).length ? new TacitConsentRunner(handle) : null;
  await runner?.start();
  // The record's sequencer, as accord serve runs it: the live streams carry an entry once it has its place.
  const sequencer = new RecordSequencer(handle);
  await sequencer.start();
  const states = answering(script);
  const requesterStream = await LiveClient.open(app, cast.requester.token);
  const streams = await Promise.all(states.map((s) => LiveClient.open(app, cast.deciders[s.state].token)));
  try {
    const start = performance.now();
    const created = await call(app, cast.requester.token, 'POST', '/api/clearances', {
      ...exerciseRequestBody('emergency'),
      submit: true,
    });
    const { id, reference } = (created as { request: { id: string; reference: string } }).request;
    const settled = requesterStream.waitFor(
      (e) => e.subjectId === id && (e.action === 'clearance.cleared' || e.action === 'clearance.denied'),
      wait,
      `${reference} cleared`,
    );
    settled.catch(() => {}); // awaited below; a failing client must not leave it unhandled
    const seen = new Map<string, number>();
    const answers: ExerciseAnswer[] = [];
    await Promise.all(
      states.map(async ({ state, delay }, i) => {
        const token = cast.deciders[state].token;
        await streams[i].waitFor(
          (e) => e.subjectId === id && e.action === 'clearance.submitted',
          wait,
          `${state} told of ${reference}`,
        );
        const list = (await call(app, token, 'GET', '/api/clearances?toDecide=true')) as {
          items: { id: string }[];
        };
        if (!list.items.some((item) => item.id === id))
          throw new Error(`${state} was told of ${reference} but its to-decide list lacks it`);
        seen.set(state, performance.now() - start);
        await sleep(delay);
        const answer = (await call(app, token, 'POST', `/api/clearances/${id}/legs/${state}/decision`, {
          decision: 'approve',
        })) as { request: { status: string } };
        answers.push({
          state,
          how: 'state',
          before: null,
          after: answer.request.status,
          atMs: performance.now() - start,
        });
      }),
    );
    const observed = await settled;
    const observedMs = observed.atMs - start;
    const found = await readBack(handle, id, seen);
    for (const state of silent(script)) {
      const leg = found.legs.find((l) => l.state === state)!;
      answers.push({
        state,
        how: 'tacit',
        before: null,
        after: found.status,
        atMs: (leg.decidedAt?.getTime() ?? Number.NaN) - found.submittedAt.getTime(),
      });
    }
    const slowestMs = Math.max(...states.map((s) => s.delay), windowMs);
    return { via: 'api', ...found, answers, observedMs, slowestMs, overheadMs: observedMs - slowestMs };
  } finally {
    await Promise.all([requesterStream, ...streams].map((s) => s.close()));
    await runner?.stop();
    await sequencer.stop();
  }
}

async function runOnCommands(
  handle: DbHandle,
  cast: ExerciseCast,
  script: ExerciseScript,
  clock: ManualClock,
): Promise<ExerciseResult> {
  const t0 = clock.now();
  const input = CreateRequestInput.parse({ ...exerciseRequestBody('emergency', t0), submit: true });
  const request = await handle.db
    .transaction()
    .execute((trx) => createRequest(trx, cast.requester.actor, input, t0));
  const legs = await handle.db
    .selectFrom('clearance_legs')
    .select(['state_code', 'due_at'])
    .where('request_id', '=', request.id)
    .execute();
  const dueOf = (state: string) => legs.find((l) => l.state_code.trim() === state)?.due_at ?? null;
  // Every answer at its instant; at the same instant a state's answer comes before silence.
  const timeline = [
    ...answering(script).map(({ state, delay }) => ({
      state,
      how: 'state' as const,
      at: new Date(t0.getTime() + delay),
    })),
    ...silent(script).map((state) => ({ state, how: 'tacit' as const, at: dueOf(state)! })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.how === 'state' ? -1 : 1));
  const runner = silent(script).length
    ? new TacitConsentRunner(handle, { now: clock.now, maxSleepMs: 3_600_000 })
    : null;
  await runner?.start();
  const answers: ExerciseAnswer[] = [];
  try {
    for (const step of timeline) {
      const before = await statusOf(handle, request.id);
      clock.set(step.at);
      if (step.how === 'state') {
        const decision = DecideLegInput.parse({ decision: 'approve' });
        await handle.db
          .transaction()
          .execute((trx) =>
            decideLeg(trx, cast.deciders[step.state].actor, request.id, step.state, decision, clock.now()),
          );
      } else {
        runner!.wake();
        await runner!.idle();
      }
      answers.push({
        state: step.state,
        how: step.how,
        before,
        after: await statusOf(handle, request.id),
        atMs: step.at.getTime() - t0.getTime(),
      });
    }
    // Later passes of the runner find nothing more to do: silence applies once.
    if (runner) {
      clock.set(new Date(clock.now().getTime() + 60_000));
      runner.wake();
      await runner.idle();
    }
  } finally {
    await runner?.stop();
  }
  const found = await readBack(handle, request.id, new Map(EXERCISE_STATES.map((s) => [s, 0])));
  const observedMs = (found.clearedAt?.getTime() ?? Number.NaN) - t0.getTime();
  const slowestMs = Math.max(
    ...answering(script).map((s) => s.delay),
    ...silent(script).map((s) => dueOf(s)!.getTime() - t0.getTime()),
  );
  return { via: 'commands', ...found, answers, observedMs, slowestMs, overheadMs: observedMs - slowestMs };
}

const statusOf = async (handle: DbHandle, id: string) =>
  (
    await handle.db
      .selectFrom('clearance_requests')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).status;

/** The emergency window of the exercise organisation, in ms (the same for every state). */
async function emergencyWindowMs(handle: DbHandle): Promise<number> {
  const row = await handle.db
    .selectFrom('clearance_windows')
    .select((eb) => eb.fn.max('hours').as('hours'))
    .where('urgency', '=', 'emergency')
    .executeTakeFirstOrThrow();
  return Number(row.hours) * 3_600_000;
}

/** What the database says of the request after the run. */
async function readBack(handle: DbHandle, id: string, seen: Map<string, number>) {
  await settleRecord(handle.db);
  const request = await handle.db
    .selectFrom('clearance_requests')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const legs = await handle.db
    .selectFrom('clearance_legs')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('position')
    .execute();
  // A decided leg no longer has a due instant: the window it had is in its `opened` event.
  const opened = await handle.db
    .selectFrom('clearance_leg_events')
    .select(['leg_id', 'details'])
    .where(
      'leg_id',
      'in',
      legs.map((l) => l.id),
    )
    .where('kind', '=', 'opened')
    .execute();
  const dueOf = (legId: string) => {
    const due = (opened.find((e) => e.leg_id === legId)?.details as { dueAt?: string | null })?.dueAt;
    return due ? new Date(due) : null;
  };
  const entries = await handle.db
    .selectFrom('ledger_entries')
    .select(['action', 'payload', 'at'])
    .where('subject_type', '=', 'clearance_request')
    .where('subject_id', '=', id)
    .where('action', 'in', ['clearance.leg_tacit', 'clearance.cleared'])
    .orderBy('seq')
    .execute();
  return {
    requestId: id,
    reference: request.reference,
    status: request.status,
    submittedAt: request.submitted_at!,
    clearedAt: request.cleared_at,
    legs: legs.map((l) => ({
      state: l.state_code.trim(),
      status: l.status,
      decidedHow: l.decided_how,
      decidedAt: l.decided_at,
      dueAt: dueOf(l.id),
      seenMs: seen.get(l.state_code.trim()) ?? Number.NaN,
    })),
    tacitEntries: entries
      .filter((e) => e.action === 'clearance.leg_tacit')
      .map((e) => ({ state: (e.payload as { state: string }).state, at: new Date(e.at) })),
    clearedEntries: entries
      .filter((e) => e.action === 'clearance.cleared')
      .map((e) => ({ at: new Date(e.at) })),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One API call in-process with a bearer token; anything but 2xx throws with the body. */
export async function call(
  app: App,
  token: string,
  method: string,
  path: string,
  json?: unknown,
): Promise<unknown> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (json !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(path, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  if (res.status < 200 || res.status > 299)
    throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/**
 * A client of GET /api/live, as a browser or a national system keeps one open: it reads the
 * stream all the time and keeps the `entry` events, each with the instant it arrived
 * (performance.now()), so that a wait started after the event still finds it.
 */
export class LiveClient {
  private readonly seen: { entry: LiveEvent; atMs: number }[] = [];
  private readonly waiters = new Set<{
    match: (e: LiveEvent) => boolean;
    resolve: (v: { entry: LiveEvent; atMs: number }) => void;
  }>();
  private closed = false;

  private constructor(private readonly reader: SseReader) {}

  /** Opens the stream with a bearer token and waits until it is subscribed (its `ready` event). */
  static async open(app: App, token: string): Promise<LiveClient> {
    const res = await app.request('/api/live', { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200 || !res.body) throw new Error(`GET /api/live answered ${res.status}`);
    const reader = new SseReader(res.body.getReader());
    const first = await reader.next();
    if (first.event !== 'ready') throw new Error(`GET /api/live began with ${first.event}`);
    const client = new LiveClient(reader);
    void client.pump();
    return client;
  }

  private async pump() {
    try {
      for (;;) {
        const event = await this.reader.next();
        if (event.event !== 'entry') continue;
        const item = { entry: JSON.parse(event.data) as LiveEvent, atMs: performance.now() };
        this.seen.push(item);
        for (const w of this.waiters)
          if (w.match(item.entry)) {
            this.waiters.delete(w);
            w.resolve(item);
          }
      }
    } catch (err) {
      if (!this.closed) throw err;
    }
  }

  /** The first entry that matches, already seen or still to come; rejects after `timeoutMs`. */
  waitFor(
    match: (e: LiveEvent) => boolean,
    timeoutMs: number,
    what = 'an entry',
  ): Promise<{ entry: LiveEvent; atMs: number }> {
    const found = this.seen.find((s) => match(s.entry));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (v: { entry: LiveEvent; atMs: number }) => {
          clearTimeout(timer);
          resolve(v);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`the live stream did not show ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Forgets the entries seen so far (a long bench keeps only what it still waits for). */
  forget() {
    this.seen.length = 0;
  }

  async close() {
    this.closed = true;
    await this.reader.close().catch(() => {});
  }
}
