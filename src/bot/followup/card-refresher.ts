/**
 * Replaces a pressed card in its message for everyone, after the press is answered.
 *
 * Teams shows the person who pressed the card their invoke's answer at once. Updating the message
 * itself (for their other devices, and for everyone in a group) is one more request to the Bot
 * Connector, counted against Teams' 50 requests per second and sometimes throttled. Made inside the
 * turn, it held every Spara for a connector round trip, went unpaced when many saved at once, and a
 * 429 there turned an answer that was saved into "Något gick fel". Here it goes after the turn,
 * paced with the bot's other sends, retried as Teams asks (429 and 5xx, honoring Retry-After), and
 * only the newest card of a message is sent: a press that overtook an older update wins.
 */
import { CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Logger } from '../../log';
import type { RateLimiter } from '../../delivery/rate-limiter';
import { DEFAULT_RETRY_POLICY, backoffMs, classify, type RetryPolicy } from '../../delivery/retry';
import { toSendError } from './messenger';
import { withoutSdkRetries } from '../connector-retries';

/** The newest card for one message, waiting for its turn to be sent. */
interface Waiting {
  activity: Partial<Activity>;
  client: ConnectorClient;
}

export interface CardRefresherDeps {
  /** The bot's pace for requests to Teams, shared with its proactive messages. */
  pace: RateLimiter;
  logger: Logger;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Whether the bot is answering someone now. An update for the others waits for a quiet moment,
   * at most `quietWaitMs`: when many press at once, their answers get the time first, and the
   * updates (which nobody waits for) follow.
   */
  busy?: () => boolean;
  quietWaitMs?: number;
}

/** How often a waiting update looks whether the bot is still busy. */
const QUIET_POLL_MS = 10;
const QUIET_WAIT_MS = 1_000;

export class CardRefresher {
  /** By conversation and message: the newest card not yet sent. */
  private readonly waiting = new Map<string, Waiting>();
  /** Messages whose update is being sent now (one at a time per message, so they arrive in order). */
  private readonly sending = new Map<string, Promise<void>>();

  constructor(private readonly deps: CardRefresherDeps) {}

  /**
   * Replaces the message the turn's card action was pressed on (its replyToId) with `card`, after
   * this turn. Never throws: the person already has the card, and a failure is logged.
   */
  replaceForEveryone(context: TurnContext, card: object): void {
    const messageId = context.activity.replyToId;
    const adapter = context.adapter as unknown as { ConnectorClientKey?: symbol };
    // The turn's own client: authenticated for this conversation's service, and usable after the turn.
    const client = adapter.ConnectorClientKey
      ? (context.turnState.get(adapter.ConnectorClientKey) as ConnectorClient | undefined)
      : undefined;
    if (!messageId || !client) return;
    const activity = TurnContext.applyConversationReference(
      { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: messageId },
      TurnContext.getConversationReference(context.activity),
    );
    const key = `${activity.conversation?.id ?? ''}|${messageId}`;
    this.waiting.set(key, { activity, client });
    if (!this.sending.has(key)) {
      // Started once this turn's answer is on its way: the press is not kept waiting for it.
      const sent = new Promise<void>((r) => setImmediate(r)).then(() => this.sendWaiting(key)).finally(() => this.sending.delete(key));
      this.sending.set(key, sent);
    }
  }

  /** Resolves when every card handed over so far has been sent or given up: graceful shutdown and tests. */
  async idle(): Promise<void> {
    while (this.sending.size > 0) await Promise.all([...this.sending.values()]);
  }

  /** Sends the newest card of one message until none is waiting; each is paced and retried on its own. */
  private async sendWaiting(key: string): Promise<void> {
    for (let next = this.waiting.get(key); next; next = this.waiting.get(key)) {
      this.waiting.delete(key);
      await this.send(key, next);
    }
  }

  /** Waits while the bot is answering someone, at most the configured time; never longer. */
  private async quietMoment(sleep: (ms: number) => Promise<void>): Promise<void> {
    const busy = this.deps.busy;
    if (!busy) return;
    for (let polls = Math.ceil((this.deps.quietWaitMs ?? QUIET_WAIT_MS) / QUIET_POLL_MS); polls > 0 && busy(); polls--)
      await sleep(QUIET_POLL_MS);
  }

  private async send(key: string, { activity, client }: Waiting): Promise<void> {
    const policy = this.deps.retry ?? DEFAULT_RETRY_POLICY;
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    withoutSdkRetries(client);
    await this.quietMoment(sleep);
    for (let attempt = 1; ; attempt++) {
      // A newer card for the same message makes this one moot: it is sent instead.
      if (this.waiting.has(key)) return;
      await this.deps.pace.acquire();
      try {
        await client.conversations.updateActivity(activity.conversation!.id, activity.id!, activity as Activity);
        return;
      } catch (raw) {
        const error = toSendError(raw);
        if (classify(error) !== 'retry' || attempt >= policy.maxAttempts) {
          this.deps.logger.warn(
            { event: 'card-refresh-failed', status: error.status, attempts: attempt },
            'a pressed card was not replaced for everyone; the person who pressed has the new card',
          );
          return;
        }
        await sleep(backoffMs(attempt, policy, error.retryAfterMs));
      }
    }
  }
}
