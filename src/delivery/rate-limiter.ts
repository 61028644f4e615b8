/**
 * Paces requests to `ratePerSecond` and never lets more than that many go in any one second
 * (Teams allows a bot 50 requests per second per tenant, counted in any one-second window).
 *
 * Requests get slots one interval apart, each counted from the previous slot rather than from
 * when a timer happened to fire: timers wake late, and counting from the wake-up lost that time on
 * every request (the 500-person fan-out ran at 46.7 requests/s for a rate of 49). A request that
 * is a little late may catch up, as long as the last `ratePerSecond` requests still span a full second.
 * After idle time, `burst` requests may go at once (also within that bound).
 */
export class RateLimiter {
  private nextSlot: number;
  /** When the most recent requests went, oldest first: at most `perWindow` of them. */
  private readonly recent: number[] = [];
  private readonly perWindow: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number = ratePerSecond,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.nextSlot = now() - (burst - 1) * (1000 / ratePerSecond);
    this.perWindow = Math.max(1, Math.floor(ratePerSecond));
  }

  /** Resolves when a request may go; callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(): Promise<void> {
    const interval = 1000 / this.ratePerSecond;
    for (;;) {
      const now = this.now();
      // A waiter that woke a little late takes its slot as scheduled, so the lateness is not lost
      // (a quarter interval at most: requests stay spread out); after idle time the schedule
      // restarts from now (less the burst).
      const ideal = Math.max(this.nextSlot, now - (this.burst - 1) * interval - interval / 4);
      const windowFree = this.recent.length < this.perWindow ? -Infinity : this.recent[0]! + 1000;
      const slot = Math.max(ideal, windowFree);
      if (slot <= now) {
        this.nextSlot = ideal + interval;
        this.recent.push(now);
        if (this.recent.length > this.perWindow) this.recent.shift();
        return;
      }
      await this.sleep(slot - now);
    }
  }
}
