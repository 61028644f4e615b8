/**
 * Sends a round's message to every recipient who has not had it, then tells the admin who started
 * it how that went: always after a start (`announce`), after a resumed pass only if anyone was
 * sent to, so the scheduler's quiet passes stay quiet. Each recipient gets it at most once each (the fan-out
 * claims a person before the send and settles after it; see src/delivery/fan-out.ts). A person the
 * bot could not reach because they had no chat with it is tried again once they have one (they
 * wrote to the bot or installed it after the last try). The card is built from the round as it is
 * now; the Notifier sends it.
 */
import type { Round } from '../core/followup/model';
import type { FollowUpService } from '../application/followup-service';
import { fanOut, type FanOutSummary, type Recipient } from '../delivery/fan-out';
import { roundLanguage, type Notifier } from './notifier';
import { roundViewAt } from './round-view';

/** Starts the error a Notifier throws for a person with no chat with the bot and no way to open one. */
export const NO_CHAT = 'no-chat';

export async function deliverRound(
  service: FollowUpService,
  notifier: Notifier,
  round: Round,
  recipients: Recipient[],
  options: { instanceId: string; ratePerSecond: number; announce: boolean },
): Promise<FanOutSummary> {
  const language = roundLanguage(round);
  const summary = await fanOut(
    round.year,
    recipients,
    service.data,
    async (recipient, limiter, ready) => {
      const user = await service.data.getUser(recipient.person);
      const view = await roundViewAt(service, round, recipient.units, undefined);
      return notifier.sendRoundMessage({ recipient, user }, view, language, { limiter, ready });
    },
    {
      instanceId: options.instanceId,
      ratePerSecond: options.ratePerSecond,
      retryUnreachable: async (delivery) => {
        if (!delivery.lastError?.startsWith(NO_CHAT)) return false;
        const user = await service.data.getUser(delivery.recipient);
        return user !== undefined && user.updatedAt > delivery.updatedAt;
      },
    },
  );
  if (options.announce || summary.delivered + summary.unreachable + summary.failed > 0) {
    await notifier.sendDeliverySummary(round, summary, language);
  }
  return summary;
}
