/**
 * Keeps time for the follow-up: every `intervalMs` it asks the use cases to do what is due
 * (usecases/round-work: reminders, closing at the deadline, summaries, sending to contacts who
 * have had nothing yet). What is due and who does it is decided there; here is only the clock.
 */
import type { Logger } from '../log';

export interface DueWork {
  runDue(now: Date, leaseMs: number): Promise<void>;
}

export class RoundScheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(
    private readonly work: DueWork,
    private readonly logger: Logger,
    private readonly intervalMs = 60_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.ticking;
  }

  /** One pass; safe to call at any time (a pass in progress is joined, not doubled). */
  tick(now = new Date()): Promise<void> {
    if (this.ticking) return this.ticking;
    this.ticking = this.work
      .runDue(now, this.intervalMs * 3)
      .catch((error: unknown) => this.logger.error({ event: 'scheduler-failed', err: error }, 'scheduled work failed; retried next tick'))
      .finally(() => (this.ticking = undefined));
    return this.ticking;
  }
}
