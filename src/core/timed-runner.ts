import type { DbHandle } from '../db/connect.ts';

export interface TimedRunnerOptions {
  /** The longest sleep between looks (ms): catches what no NOTIFY announced. */
  maxSleepMs: number;
  /** The clock; tests may move it. */
  now?: () => Date;
  log: (err: unknown) => void;
}

/**
 * Does time-bound work on time: a pass at start (whatever fell due while the server was
 * down), then it sleeps until the next instant something falls due (never longer than
 * `maxSleepMs`), and a NOTIFY on its channel wakes it early. While passes make progress
 * and more is due it goes again at once; a pass that did nothing while something is still
 * due (another process holds it, or it failed) backs off instead of spinning. Exactly-once
 * is the work's own business (row locks, unique keys), so any number of processes may
 * run one on the same database.
 */
export abstract class TimedRunner {
  protected readonly now: () => Date;
  private timer?: ReturnType<typeof setTimeout>;
  private running: Promise<void> | null = null;
  private again = false;
  private backoff = 0;
  private stopped = true;
  private unlisten?: () => Promise<void>;

  constructor(
    protected readonly handle: DbHandle,
    private readonly channel: string,
    private readonly options: TimedRunnerOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Does what is due at `now`; answers how many things it did. */
  protected abstract pass(now: Date): Promise<number>;
  /** The next instant something falls due, or null when nothing is waiting. */
  protected abstract nextDue(now: Date): Promise<Date | null>;

  /** Does what is already due, then keeps watching. Resolves after that first pass. */
  async start() {
    this.stopped = false;
    this.unlisten = await this.handle.listen(this.channel, () => this.wake());
    this.wake();
    await this.idle();
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.unlisten?.();
    await this.idle();
  }

  /** Resolves when no pass is running. */
  async idle() {
    while (this.running) await this.running;
  }

  /** Runs a pass now, or right after the one in progress. */
  wake() {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.loop();
  }

  private async loop() {
    const { log, maxSleepMs } = this.options;
    let delay = maxSleepMs;
    for (;;) {
      this.again = false;
      const done = await this.pass(this.now()).catch((err) => {
        log(err);
        return 0;
      });
      delay = maxSleepMs;
      try {
        const now = this.now();
        const next = await this.nextDue(now);
        if (next) delay = Math.min(Math.max(next.getTime() - now.getTime(), 0), maxSleepMs);
      } catch (err) {
        log(err);
      }
      if (this.stopped) break;
      if (this.again) continue;
      if (delay === 0 && done > 0) {
        this.backoff = 0;
        continue;
      }
      if (delay === 0) delay = Math.min(25 * 2 ** this.backoff++, maxSleepMs);
      else this.backoff = 0;
      break;
    }
    if (!this.stopped) {
      this.timer = setTimeout(() => this.wake(), delay);
      this.timer.unref?.();
    }
    this.running = null;
  }
}
