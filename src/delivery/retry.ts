/**
 * When to try a failed send again, and how long to wait. Teams asks bots to retry 429, 412, 502,
 * 503 and 504 with exponential backoff and jitter, honoring Retry-After. 403 means the user blocked
 * the bot or has not installed it, and 404 that the conversation is gone: no retry helps.
 */
import type { ReachProblem } from '../core/followup/reach';

export class SendError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryAfterMs?: number,
    /** Why the person cannot be reached, when known (a ReachProblem of core/followup/reach.ts). */
    readonly problem?: ReachProblem,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

const RETRYABLE = new Set([408, 412, 429, 500, 502, 503, 504]);
const UNREACHABLE = new Set([401, 403, 404]);

export type Classification = 'retry' | 'unreachable' | 'fail';

export function classify(error: unknown): Classification {
  const status = error instanceof SendError ? error.status : (error as { statusCode?: number })?.statusCode;
  if (status === undefined) return 'retry'; // network error or timeout: nothing arrived
  if (RETRYABLE.has(status)) return 'retry';
  if (UNREACHABLE.has(status)) return 'unreachable';
  return 'fail';
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Exponential backoff with full jitter; Retry-After, when given, is the least wait. */
export function backoffMs(attempt: number, policy: RetryPolicy, retryAfterMs?: number, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

export function retryAfterFrom(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
