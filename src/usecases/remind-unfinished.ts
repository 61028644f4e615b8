/**
 * Reminds every contact in a round who has not answered for all their units, in the chat they
 * have with the bot. Those who have finished are not reminded; those without a chat are counted.
 */
import { progress } from '../core/followup/validate';
import { personKey, type Round } from '../core/followup/model';
import type { FollowUpService } from '../application/followup-service';
import { canBeMessaged, personLanguage, type Notifier, type NoticeOutcome } from './notifier';
import { roundViewAt } from './round-view';

export async function remindUnfinished(service: FollowUpService, notifier: Notifier, round: Round): Promise<NoticeOutcome> {
  const answers = await service.data.listAnswers(round.year);
  const outcome: NoticeOutcome = { sent: 0, withoutChat: 0, failures: [] };
  for (const recipient of await service.recipients()) {
    const { answered, total } = progress(service.obligations, answers, recipient.units);
    if (answered >= total) continue;
    const user = await service.data.getUser(recipient.person);
    if (!canBeMessaged(user)) {
      outcome.withoutChat += 1;
      continue;
    }
    try {
      await notifier.sendReminder(user, await roundViewAt(service, round, recipient.units, undefined, answers), personLanguage(user));
      outcome.sent += 1;
    } catch (error) {
      outcome.failures.push({ person: personKey(recipient.person), error: (error as Error).message });
    }
  }
  return outcome;
}
