/**
 * Sends one message per recipient for a round, keeping each recipient's delivery state in the
 * store so that a crash, a restart or a second bot instance never sends anyone a second message:
 * a recipient is claimed (state "sending", written conditionally) before the send and settled after
 * it. A claim found at start-up without a settlement is uncertain and is not sent again; it is
 * reported so an admin can remind that person.
 */
import { personKey, type Person } from '../core/followup/model';
import type { ReachProblem } from '../core/followup/reach';
import type { Delivery, RoundRecords } from './ports';
import { backoffMs, classify, DEFAULT_RETRY_POLICY, SendError, type RetryPolicy } from '../delivery/retry';

export interface Recipient {
  /** As the admin gave them (the delivery is kept under this person, whatever is found later). */
  person: Person;
  units: string[];
  /** The Entra object id to reach them by, when given or found (core/followup/reach.ts). */
  reachAs?: string;
  /** Why they cannot be reached yet, when that is known before trying. */
  problem?: ReachProblem;
}

export interface SentMessage {
  conversationId?: string;
  activityId?: string;
  /** A 1:1 chat the bot opened to send it: kept, so every later message reaches the person there. */
  openedChat?: { conversationId: string; serviceUrl: string; tenantId?: string; teamsUserId?: string; upn?: string };
}

/**
 * Sends the round's message to one person; throws SendError (or an error with statusCode) on
 * failure. It must call `ready()` right before it transmits: that is when the recipient is claimed,
 * so the window in which a crash leaves a claim without a message is as short as it can be.
 */
export type SendFn = (recipient: Recipient, ready: () => Promise<void>) => Promise<SentMessage>;

/** Another instance claimed the recipient first. */
class ClaimLost extends Error {}

export interface FanOutSummary {
  delivered: number;
  unreachable: number;
  failed: number;
  /** Already settled before this run (resumed round). */
  alreadyDone: number;
  /** Claimed by an earlier run that did not settle: maybe sent; not sent again. */
  uncertain: number;
  /** Claimed right now by another instance. */
  takenByOther: number;
  attempts: number;
  /** Everyone recorded as unreachable in this run, with why. */
  unreachablePeople: Array<{ person: Person; problem: ReachProblem }>;
  /** Everyone whose send failed in this run (tried again on the next pass), with Teams' answer. */
  failedPeople: Array<{ person: Person; error: string }>;
  /** Everyone the message reached in this run: a later pass names whom it reached at last. */
  deliveredPeople: Person[];
}

export interface FanOutOptions {
  concurrency?: number;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  /** Identifies this process in the claim, so its own claims from this run are not taken as stale. */
  instanceId: string;
  /** False once this instance may no longer send (it lost the sending lease): the rest wait for the next pass. */
  keepGoing?: () => boolean;
  /** Whether a recipient recorded as unreachable should be tried again now (say, they have a chat now). */
  retryUnreachable?: (delivery: Delivery) => Promise<boolean>;
}

/** How many passes (the start and the scheduler's) try a person whose send keeps failing. */
export const MAX_PASSES_FOR_A_FAILURE = 3;

/** Quick first retries: a 503 from Teams is usually brief, and the limiter already paces every attempt. */
export const FAN_OUT_RETRY_POLICY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100 };

export async function fanOut(
  year: number,
  recipients: Recipient[],
  rounds: Pick<RoundRecords, 'listDeliveries' | 'putDelivery'>,
  send: SendFn,
  options: FanOutOptions,
): Promise<FanOutSummary> {
  const policy = options.retry ?? FAN_OUT_RETRY_POLICY;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const summary: FanOutSummary = {
    delivered: 0,
    unreachable: 0,
    failed: 0,
    alreadyDone: 0,
    uncertain: 0,
    takenByOther: 0,
    attempts: 0,
    unreachablePeople: [],
    deliveredPeople: [],
    failedPeople: [],
  };
  const queue = [...recipients];
  // Every delivery of the round in one listing, not one read per person: on a resumed pass (or the
  // second instance's, after the first) nearly all are settled, and a read each is most of the time.
  // One read as the pass began can be stale; the claim's create or ETag replace catches that.
  const known = new Map((await rounds.listDeliveries(year)).map((d) => [personKey(d.recipient), d]));

  const settle = async (base: Delivery, etag: string, patch: Partial<Delivery>): Promise<void> => {
    // Only this run changes a delivery it has claimed: a conflict here is not an expected outcome.
    if ((await rounds.putDelivery({ ...base, ...patch, updatedAt: new Date().toISOString() }, etag)) === 'conflict')
      throw new Error(`the delivery to ${personKey(base.recipient)} changed while it was being sent`);
  };

  const deliverOne = async (recipient: Recipient): Promise<void> => {
    const existing = known.get(personKey(recipient.person));
    const retryable = existing?.state === 'unreachable' && (await options.retryUnreachable?.(existing)) === true;
    if (existing && (existing.state === 'delivered' || existing.state === 'unreachable') && !retryable) {
      summary.alreadyDone += 1;
      return;
    }
    // A send that kept failing is not tried on every pass for ever: after three failed passes it
    // stays failed (the delivery summary named the person; an admin reminds them).
    if (existing?.state === 'failed' && (existing.failedPasses ?? 1) >= MAX_PASSES_FOR_A_FAILURE) {
      summary.alreadyDone += 1;
      return;
    }
    if (existing && existing.state === 'sending') {
      // Ours from this run: another worker has it. Anyone else's: maybe sent before a crash.
      if (existing.claimedBy !== options.instanceId) summary.uncertain += 1;
      return;
    }
    // Claim: create, or replace a failed one with its ETag. Another instance's claim makes ours fail.
    const claim: Delivery = {
      year,
      recipient: recipient.person,
      units: recipient.units,
      state: 'sending',
      claimedBy: options.instanceId,
      attempts: existing?.attempts ?? 0,
      updatedAt: new Date().toISOString(),
    };
    let etag: string | undefined;
    const ready = async (): Promise<void> => {
      if (etag !== undefined) return;
      const claimed = await rounds.putDelivery(claim, existing?._etag);
      if (claimed === 'conflict') throw new ClaimLost();
      etag = claimed.etag;
    };
    try {
      for (let attempt = 1; ; attempt++) {
        summary.attempts += 1;
        let outcome: Pick<Delivery, 'state' | 'lastError' | 'problem'> & SentMessage;
        try {
          const sent = await send(recipient, ready);
          await ready(); // a send that forgot to call it: claim now
          outcome = {
            state: 'delivered',
            lastError: undefined,
            problem: undefined,
            conversationId: sent.conversationId,
            activityId: sent.activityId,
          };
        } catch (error) {
          if (error instanceof ClaimLost) throw error;
          const kind = classify(error);
          if (kind === 'retry' && attempt < policy.maxAttempts) {
            await sleep(backoffMs(attempt, policy, error instanceof SendError ? error.retryAfterMs : undefined));
            continue;
          }
          await ready(); // failed before anything was sent: claim, so the failure is recorded the same way
          const message = error instanceof Error ? error.message : String(error);
          const unreachable = kind === 'unreachable';
          // A 403/404 from Teams without a known reason: the app is not installed for them (or was removed).
          const problem = unreachable ? ((error instanceof SendError ? error.problem : undefined) ?? 'app-not-installed') : undefined;
          outcome = { state: unreachable ? 'unreachable' : 'failed', lastError: message.slice(0, 300), problem };
        }
        const failedPasses = outcome.state === 'failed' ? (existing?.failedPasses ?? 0) + 1 : existing?.failedPasses;
        await settle(claim, etag!, { ...outcome, attempts: claim.attempts + attempt, ...(failedPasses ? { failedPasses } : {}) });
        if (outcome.state === 'delivered') {
          summary.delivered += 1;
          summary.deliveredPeople.push(recipient.person);
        } else if (outcome.state === 'unreachable') {
          summary.unreachable += 1;
          summary.unreachablePeople.push({ person: recipient.person, problem: outcome.problem! });
        } else {
          summary.failed += 1;
          summary.failedPeople.push({ person: recipient.person, error: outcome.lastError ?? '' });
        }
        return;
      }
    } catch (error) {
      if (!(error instanceof ClaimLost)) throw error;
      summary.takenByOther += 1;
    }
  };

  const workers = Array.from({ length: Math.max(1, options.concurrency ?? 20) }, async () => {
    const keepGoing = options.keepGoing ?? (() => true);
    for (let next = keepGoing() ? queue.shift() : undefined; next; next = keepGoing() ? queue.shift() : undefined) await deliverOne(next);
  });
  await Promise.all(workers);
  return summary;
}
