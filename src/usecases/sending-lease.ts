/**
 * One sender at a time for the whole app in a tenant. Teams allows a bot 50 requests per second
 * per tenant, counted across all its instances; each instance paces itself, so two instances
 * fanning out at once would send twice that. Proactive sending in bulk (a round's messages,
 * reminders) therefore runs under one lease in the store: an instance waits its turn, keeps the
 * lease renewed while it sends, and gives it back when done. A crashed holder's lease runs out
 * after `ttlMs`, and the next one takes over. Within one process the turns are queued as well,
 * since the lease is "already ours" to a second sender of the same instance.
 */

import type { Leases } from './ports';

export const SENDING_LEASE = 'proactive-sends';

/** Teams counts a bot's requests in any one-second window. */
const RATE_WINDOW_MS = 1_000;

export interface SendingLeaseOptions {
  /** How long the lease lasts unless renewed (renewed every third of it). */
  ttlMs?: number;
  /** How often a waiting instance asks again. */
  pollMs?: number;
  /** How long to wait for a turn before giving up (the scheduler's next pass tries again). */
  maxWaitMs?: number;
}

export class SendingTurnUnavailable extends Error {
  override readonly name = 'SendingTurnUnavailable';
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `work` holding the sending lease. `work` is told whether the lease is still held: once a
 * renewal fails (this instance stalled past the lease and another took it), it must stop sending.
 * Throws SendingTurnUnavailable after `maxWaitMs` without a turn.
 */
export function withSendingLease<T>(
  leases: Leases,
  owner: string,
  work: (stillHeld: () => boolean) => Promise<T>,
  options: SendingLeaseOptions = {},
): Promise<T> {
  const previous = queues.get(owner) ?? Promise.resolve();
  const turn = previous.catch(() => undefined).then(() => holding(leases, owner, work, options));
  const settled = turn.catch(() => undefined);
  queues.set(owner, settled);
  void settled.then(() => {
    if (queues.get(owner) === settled) queues.delete(owner);
  });
  return turn;
}

async function holding<T>(
  leases: Leases,
  owner: string,
  work: (stillHeld: () => boolean) => Promise<T>,
  { ttlMs = 30_000, pollMs = 500, maxWaitMs = 30 * 60_000 }: SendingLeaseOptions,
): Promise<T> {
  const giveUpAt = Date.now() + maxWaitMs;
  let tookOver = false;
  while (!(await leases.acquire(SENDING_LEASE, owner, ttlMs))) {
    tookOver = true;
    if (Date.now() >= giveUpAt) throw new SendingTurnUnavailable(`another instance has been sending for ${Math.round(maxWaitMs / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  let held = true;
  const renewal = setInterval(() => {
    leases.acquire(SENDING_LEASE, owner, ttlMs).then(
      (ok) => (held &&= ok),
      () => undefined, // a brief store failure: the lease is still ours until it runs out
    );
  }, ttlMs / 3);
  renewal.unref();
  try {
    // Taken over from another sender: its last second of requests still counts in Teams' window,
    // so this one starts a second later (each paced alone, the two together went over 50).
    if (tookOver) await new Promise((resolve) => setTimeout(resolve, RATE_WINDOW_MS));
    return await work(() => held);
  } finally {
    clearInterval(renewal);
    if (held) await leases.release(SENDING_LEASE, owner).catch(() => undefined);
  }
}
