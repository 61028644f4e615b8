/**
 * Sends the round's summary to the safety chief and every admin (stored or configured) who has a
 * chat with the bot, once per chat: weekly while the round is open, when everyone has answered,
 * and when it closes (the scheduler says which).
 */
import { personKey, type Round } from '../core/followup/model';
import type { SummaryReason } from '../core/followup/schedule';
import type { FollowUp } from './follow-up';
import { loadReport } from './report';
import { canBeMessaged, roundLanguage, type Notifier, type NoticeOutcome } from './notifier';
import { previewReminders } from './remind-unfinished';
import { unreachedUnits } from './unreached-units';

export async function sendSummaries(
  service: Pick<FollowUp, 'configuredAdminList' | 'forRound' | 'people' | 'rounds'>,
  notifier: Notifier,
  round: Round,
  reason: SummaryReason,
): Promise<NoticeOutcome> {
  const outcome: NoticeOutcome = { sent: 0, withoutChat: 0, failures: [] };
  const report = await loadReport(service, round.year);
  if (!report) return outcome;
  const reminders = round.state === 'open' ? await previewReminders(service, round) : undefined;
  const unreached = await unreachedUnits(service, round);
  const roles = await service.people.getRoles();
  const everyone = [...(roles.safetyChief ? [roles.safetyChief] : []), ...roles.admins, ...service.configuredAdminList()];
  const people = everyone.filter((p, i) => everyone.findIndex((q) => personKey(q) === personKey(p)) === i);
  const chats = new Set<string>();
  for (const person of people) {
    const user = await service.people.getUser(person);
    if (!canBeMessaged(user)) {
      outcome.withoutChat += 1;
      continue;
    }
    if (chats.has(user.conversationId)) continue;
    chats.add(user.conversationId);
    try {
      await notifier.sendSummary(user.person, { report, reminders, unreached }, reason, roundLanguage(round));
      outcome.sent += 1;
    } catch (error) {
      outcome.failures.push({ person: personKey(person), error: (error as Error).message });
    }
  }
  return outcome;
}
