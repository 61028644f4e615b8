/**
 * Reminds every contact in a round who has not answered for all their units, in the chat they
 * have with the bot. Those who have finished are not reminded; those without a chat are counted.
 * The preview says the same counts before anything is sent, for the admin to confirm. Reminders
 * are paced as the round's messages are, under the same sending lease (usecases/sending-lease),
 * so that together with another instance's sends they stay within Teams' limit.
 */
import { progress } from '../core/followup/validate';
import { personKey, type Answer, type Round } from '../core/followup/model';
import type { FollowUpService } from '../application/followup-service';
import type { RoundRecipient } from '../application/followup-service';
import type { UserRecord } from '../application/followup-store';
import { canBeMessaged, personLanguage, type Notifier, type NoticeOutcome } from './notifier';
import { roundViewAt } from './round-view';
import { RateLimiter } from '../delivery/rate-limiter';
import { withSendingLease, type SendingLeaseOptions } from './sending-lease';

/** Who sends and how fast: this instance, at the configured pace. */
export interface SendingPace {
  instanceId: string;
  ratePerSecond: number;
  lease?: SendingLeaseOptions;
}

/** Who a reminder would go to now: people with a chat, and how many unfinished people have none. */
export interface ReminderPreview {
  /** People not finished who have a chat with the bot: they get the reminder. */
  people: number;
  /** People not finished whom the bot cannot message yet (no chat). */
  withoutChat: number;
}

interface Unfinished {
  recipient: RoundRecipient;
  user: UserRecord | undefined;
}

/** The round's contacts who have not answered for all their units, with their records. */
async function unfinished(service: FollowUpService, answers: Answer[]): Promise<Unfinished[]> {
  const found: Unfinished[] = [];
  for (const recipient of await service.recipients()) {
    const { answered, total } = progress(service.obligations, answers, recipient.units);
    if (answered < total) found.push({ recipient, user: await service.data.getUser(recipient.person) });
  }
  return found;
}

export async function previewReminders(service: FollowUpService, round: Round): Promise<ReminderPreview> {
  const people = await unfinished(service.forRound(round), await service.data.listAnswers(round.year));
  const reachable = people.filter((p) => canBeMessaged(p.user)).length;
  return { people: reachable, withoutChat: people.length - reachable };
}

export async function remindUnfinished(
  service: FollowUpService,
  notifier: Notifier,
  round: Round,
  pace: SendingPace = { instanceId: 'this-process', ratePerSecond: 48 },
): Promise<NoticeOutcome> {
  return withSendingLease(service.data, pace.instanceId, (stillHeld) => remindPaced(service, notifier, round, pace, stillHeld), pace.lease);
}

async function remindPaced(
  service: FollowUpService,
  notifier: Notifier,
  round: Round,
  pace: SendingPace,
  stillHeld: () => boolean,
): Promise<NoticeOutcome> {
  const limiter = new RateLimiter(pace.ratePerSecond, 1);
  const answers = await service.data.listAnswers(round.year);
  const outcome: NoticeOutcome = { sent: 0, withoutChat: 0, failures: [] };
  for (const { recipient, user } of await unfinished(service.forRound(round), answers)) {
    if (!canBeMessaged(user)) {
      outcome.withoutChat += 1;
      continue;
    }
    if (!stillHeld()) {
      outcome.failures.push({ person: personKey(recipient.person), error: 'another instance took over sending; not reminded this time' });
      continue;
    }
    try {
      await limiter.acquire();
      await notifier.sendReminder(user, await roundViewAt(service, round, recipient.units, undefined, answers), personLanguage(user));
      outcome.sent += 1;
    } catch (error) {
      outcome.failures.push({ person: personKey(recipient.person), error: (error as Error).message });
    }
  }
  return outcome;
}
