/**
 * Per-key request limit over a sliding window: a key may make `limit` requests in any `windowMs`,
 * not `limit` per calendar minute (which lets 2 × limit through across a minute's boundary).
 * Keeps each key's recent request times; keys idle for a whole window are forgotten, so memory
 * follows the active users, not everyone ever seen.
 */
export class SlidingWindowLimit {
  private readonly recent = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Records a request by `key` at `now`; false (and nothing recorded) if it is over the limit. */
  allow(key: string, now = Date.now()): boolean {
    this.sweep(now);
    const since = now - this.windowMs;
    const times = (this.recent.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.limit) {
      this.recent.set(key, times);
      return false;
    }
    times.push(now);
    this.recent.set(key, times);
    return true;
  }

  /** Seconds until `key` may make its next request (0 if it may now). */
  retryAfterSeconds(key: string, now = Date.now()): number {
    const times = (this.recent.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (times.length < this.limit) return 0;
    return Math.max(1, Math.ceil((times[times.length - this.limit]! + this.windowMs - now) / 1000));
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.recent) if ((times[times.length - 1] ?? 0) <= now - this.windowMs) this.recent.delete(key);
  }
}
