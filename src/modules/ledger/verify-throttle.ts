import { AppError } from '../../core/errors.ts';

/**
 * Limits full verifications of the record, which read every entry: one at a time in the
 * process (a second caller waits for none and is told to come back), and at most one per
 * person per interval. Answers 429 with Retry-After.
 */
export class VerifyThrottle {
  private running = false;
  private readonly lastRun = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async run<T>(who: string, work: () => Promise<T>): Promise<T> {
    const last = this.lastRun.get(who);
    const wait = last === undefined ? 0 : last + this.intervalMs - this.now();
    if (wait > 0) throw tooMany(`you verified the record less than ${this.intervalMs / 1000} s ago`, wait);
    if (this.running)
      throw tooMany('a verification of the record is running: try again when it has finished', 5_000);
    this.running = true;
    this.lastRun.set(who, this.now());
    try {
      return await work();
    } finally {
      this.running = false;
      for (const [id, at] of this.lastRun) if (at + this.intervalMs <= this.now()) this.lastRun.delete(id);
    }
  }
}

const tooMany = (message: string, waitMs: number) =>
  new AppError('too_many_requests', message, [], { 'Retry-After': String(Math.ceil(waitMs / 1000)) });
