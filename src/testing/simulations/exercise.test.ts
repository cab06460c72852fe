import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, testContext } from '../harness.ts';
import {
  EXERCISE_SCRIPT,
  type ExerciseResult,
  ManualClock,
  runExercise,
  scaled,
  silentIn,
} from './exercise.ts';
import {
  buildExerciseCast,
  EXERCISE_ORGANISATION,
  EXERCISE_STATES,
  EXERCISE_WINDOW_HOURS,
  type ExerciseCast,
} from './exercise-support.ts';

// The simulated exercise of issue 4: six states answer after scripted delays; the request is
// cleared the moment the last one answers, not before and not later; a state that stays
// silent is consented for at its window's end, once. Behaviour only: with a manual clock
// nobody sleeps, and the run over the API asserts order and instants, never durations.

let t: TestContext;
let cast: ExerciseCast;
beforeAll(async () => {
  t = await testContext(EXERCISE_ORGANISATION);
  cast = await buildExerciseCast(t.handle);
});
afterAll(() => t.close());

const ms = (d: Date | null) => d?.getTime() ?? Number.NaN;

/** What every run must show, however it was driven: cleared exactly when the last leg was decided. */
function expectClearedAtTheLastAnswer(r: ExerciseResult, answered: 'in turn' | 'concurrently' = 'in turn') {
  expect(r.status).toBe('cleared');
  expect(r.legs.map((l) => l.state)).toEqual([...EXERCISE_STATES]);
  expect(r.legs.every((l) => l.status === 'approved')).toBe(true);
  const last = Math.max(...r.legs.map((l) => ms(l.decidedAt)));
  // Not before the last decision, and not after it: at its very instant.
  expect(ms(r.clearedAt)).toBe(last);
  for (const leg of r.legs) expect(ms(r.clearedAt)).toBeGreaterThanOrEqual(ms(leg.decidedAt));
  // The record says so once (written when the last answer was, or at the window's end for silence).
  expect(r.clearedEntries).toHaveLength(1);
  expect(r.clearedEntries[0].at.getTime()).toBeGreaterThanOrEqual(last);
  // One answer cleared it; every other answer left it pending.
  const clearing = r.answers.filter((a) => a.after === 'cleared');
  expect(clearing).toHaveLength(1);
  expect(r.answers.filter((a) => a.after !== 'cleared').every((a) => a.after === 'pending')).toBe(true);
  // Answered in turn, the clearing answer is the last state's. Answered at the same moment, it
  // is the one whose transaction locked the request last (legs/settling.ts), which may have read
  // its clock a few milliseconds before another's: it still saw every decision, and the request
  // is cleared at the latest of them, as asserted above.
  if (answered === 'in turn')
    expect(ms(r.legs.find((l) => l.state === clearing[0].state)!.decidedAt)).toBe(last);
}

describe('the simulated exercise', () => {
  it('on a manual clock: pending until the slowest state answers, cleared at its answer', async () => {
    const start = new Date(Date.now() - 60_000);
    const clock = new ManualClock(start);
    const r = await runExercise(t, cast, EXERCISE_SCRIPT, { clock });
    expectClearedAtTheLastAnswer(r);
    expect(r.answers.map((a) => a.state)).toEqual(['BY', 'KZ', 'RU', 'TJ', 'KG', 'AM']);
    expect(r.answers.every((a) => a.before === 'pending')).toBe(true);
    // The slowest state (AM, 1.2 s) decided last, and that is when the request cleared.
    expect(r.slowestMs).toBe(1200);
    expect(ms(r.clearedAt)).toBe(start.getTime() + 1200);
    expect(r.overheadMs).toBe(0);
    expect(r.legs.every((l) => l.decidedHow === 'state')).toBe(true);
    expect(r.tacitEntries).toEqual([]);
  });

  it('a silent state: tacit consent at its window end, exactly once, and then the request clears', async () => {
    const start = new Date(Date.now() - 3_600_000);
    const clock = new ManualClock(start);
    const r = await runExercise(t, cast, silentIn(EXERCISE_SCRIPT, 'KG'), { clock });
    expectClearedAtTheLastAnswer(r);
    const kg = r.legs.find((l) => l.state === 'KG')!;
    const windowMs = EXERCISE_WINDOW_HOURS * 3_600_000;
    expect(ms(kg.dueAt)).toBe(start.getTime() + windowMs);
    expect(kg.decidedHow).toBe('tacit');
    expect(ms(kg.decidedAt)).toBe(ms(kg.dueAt));
    // Once, at the instant the window closed, though the runner passed again a minute later.
    expect(r.tacitEntries).toEqual([{ state: 'KG', at: kg.dueAt }]);
    expect(ms(r.clearedAt)).toBe(ms(kg.dueAt));
    expect(r.clearedEntries.map((e) => e.at)).toEqual([kg.dueAt]);
    // The five others answered first; the request waited for KG's window.
    expect(r.answers.map((a) => [a.state, a.how, a.before, a.after]).slice(-2)).toEqual([
      ['AM', 'state', 'pending', 'pending'],
      ['KG', 'tacit', 'pending', 'cleared'],
    ]);
    expect(r.slowestMs).toBe(windowMs);
    expect(r.overheadMs).toBe(0);
  });

  it('over the API, states answering concurrently: cleared exactly at the last answer', async () => {
    const r = await runExercise(t, cast, scaled(EXERCISE_SCRIPT, 0.05));
    expectClearedAtTheLastAnswer(r, 'concurrently');
    // Each state's client saw its leg (live stream, then its to-decide list) and answered it;
    // the requester's live stream showed the clearance.
    expect(r.legs.every((l) => Number.isFinite(l.seenMs))).toBe(true);
    expect(r.answers.map((a) => a.state).sort()).toEqual([...EXERCISE_STATES].sort());
    expect(Number.isFinite(r.observedMs)).toBe(true);
    expect(r.tacitEntries).toEqual([]);
  });
});
