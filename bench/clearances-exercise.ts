import {
  EXERCISE_SCRIPT,
  type ExerciseResult,
  runExercise,
  scaled,
  silentIn,
} from '../src/testing/simulations/exercise.ts';
import { EXERCISE_WINDOW_HOURS } from '../src/testing/simulations/exercise-support.ts';
import { clearanceBench } from './clearances-setup.ts';
import { formatMs } from './decisions-setup.ts';
import { type BenchRow, median } from './report.ts';
import { type BenchTarget, durabilitySettings } from './target.ts';

export interface ExerciseBenchOptions {
  /** Runs of the script where every state answers. */
  runs: number;
  /** Also a run where KG stays silent and its 36 s window closes (tacit consent by the runner). */
  silent: boolean;
}

/** The issue's aim: Accord adds under one second to the slowest state's own time. */
const AIM_MS = 1000;

/**
 * The simulated exercise in real time through the API (src/testing/simulations/exercise.ts):
 * six state clients see their legs on the live stream, wait their scripted delays (the
 * slowest 1.2 s) and approve; the requester's live stream shows the clearance. The overhead
 * is the time to clearance minus the slowest state's delay; with a silent state, minus its
 * window (the tacit-consent runner's own lag included). Against the issue's aim of 1 s.
 */
export async function benchClearancesExercise(
  target: BenchTarget,
  options: ExerciseBenchOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const bench = await clearanceBench(target);
  try {
    log(
      `clearances-exercise: ${await durabilitySettings(bench.handle)}; ${options.runs} runs of 6 states (slowest ${EXERCISE_SCRIPT.delays.AM} ms)${options.silent ? `, then one with KG silent for its ${EXERCISE_WINDOW_HOURS * 3600} s window` : ''}`,
    );
    const describe = (r: ExerciseResult) =>
      `${r.reference}: cleared seen at ${formatMs(r.observedMs)}, slowest ${formatMs(r.slowestMs)}, overhead ${formatMs(r.overheadMs)}; legs seen after ${r.legs
        .filter((l) => Number.isFinite(l.seenMs))
        .map((l) => `${l.state} ${formatMs(l.seenMs)}`)
        .join(', ')}`;
    // Warm the paths (plans, the app's JIT) with a fast run first.
    await runExercise(bench, bench.cast, scaled(EXERCISE_SCRIPT, 0.1));
    const results: ExerciseResult[] = [];
    for (let i = 0; i < options.runs; i++) {
      const r = await runExercise(bench, bench.cast, EXERCISE_SCRIPT);
      if (r.status !== 'cleared') throw new Error(`clearances-exercise: ${r.reference} is ${r.status}`);
      log(`clearances-exercise: run ${i + 1}: ${describe(r)}`);
      results.push(r);
    }
    const overheads = results.map((r) => r.overheadMs);
    const rows: BenchRow[] = [
      {
        benchmark: `clearances exercise: time to clearance − slowest state's delay, median of ${results.length} runs (${bench.handle.kind})`,
        measured: formatMs(median(overheads)),
        limit: `aim ${formatMs(AIM_MS)}`,
        ratio: median(overheads) / AIM_MS,
        aim: 1,
        lowerIsBetter: true,
      },
      {
        benchmark: 'clearances exercise: the same, worst run',
        measured: formatMs(Math.max(...overheads)),
        limit: `aim ${formatMs(AIM_MS)}`,
        ratio: Math.max(...overheads) / AIM_MS,
        aim: 1,
        lowerIsBetter: true,
      },
    ];
    if (options.silent) {
      const r = await runExercise(bench, bench.cast, silentIn(EXERCISE_SCRIPT, 'KG'));
      const kg = r.legs.find((l) => l.state === 'KG')!;
      if (r.status !== 'cleared' || kg.decidedHow !== 'tacit' || r.tacitEntries.length !== 1)
        throw new Error(
          `clearances-exercise: KG silent, but ${r.reference} is ${r.status}, KG ${kg.decidedHow}`,
        );
      log(`clearances-exercise: KG silent: ${describe(r)}`);
      rows.push({
        benchmark: `clearances exercise: KG silent, time to clearance − its ${EXERCISE_WINDOW_HOURS * 3600} s window (tacit consent)`,
        measured: formatMs(r.overheadMs),
        limit: `aim ${formatMs(AIM_MS)}`,
        ratio: r.overheadMs / AIM_MS,
        aim: 1,
        lowerIsBetter: true,
      });
    }
    return rows;
  } finally {
    await bench.close();
  }
}
