/**
 * Reminds every contact in a round who has not answered for all their units, in the chat they
 * have with the bot. Those who have finished are not reminded; those without a chat are counted.
 * The preview says the same counts before anything is sent, for the admin to confirm. Reminders
 * are paced as the round's messages are, under the same sending lease (usecases/sending-lease),
 * so that together with another instance's sends they stay within Teams' limit.
 */
import { progress } from '../core/followup/validate';
import { personKey, type Answer, type Round } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import { roundRecipients, type RoundRecipient } from './round-recipients';
import type { UserRecord } from './ports';
import { canBeMessaged, type ReminderPreview, personLanguage, type Notifier, type NoticeOutcome } from './notifier';
import { roundViewAt } from './round-view';
import { withSendingLease, type SendingLeaseOptions } from './sending-lease';

/** Who sends: this instance, under the sending lease (the Notifier paces each request to what Teams allows). */
export type { ReminderPreview };

export interface SendingTurn {
  instanceId: string;
  lease?: SendingLeaseOptions;
}

interface Unfinished {
  recipient: RoundRecipient;
  user: UserRecord | undefined;
}

/** The round's contacts who have not answered for all their units. */
export async function unfinishedRecipients(
  service: Pick<FollowUp, 'obligations' | 'people'>,
  answers: Answer[],
): Promise<RoundRecipient[]> {
  return (await roundRecipients(service)).filter((recipient) => {
    const { answered, total } = progress(service.obligations, answers, recipient.units);
    return answered < total;
  });
}

/** Those contacts, with their records (how to reach them). */
async function unfinished(service: Pick<FollowUp, 'obligations' | 'people'>, answers: Answer[]): Promise<Unfinished[]> {
  const found: Unfinished[] = [];
  for (const recipient of await unfinishedRecipients(service, answers))
    found.push({ recipient, user: await service.people.getUser(recipient.person) });
  return found;
}

export async function previewReminders(service: Pick<FollowUp, 'forRound' | 'rounds'>, round: Round): Promise<ReminderPreview> {
  const people = await unfinished(service.forRound(round), await service.rounds.listAnswers(round.year));
  const reachable = people.filter((p) => canBeMessaged(p.user)).length;
  const without = people.filter((p) => !canBeMessaged(p.user)).map((p) => p.recipient.person);
  return {
    people: reachable,
    withoutChat: without.length,
    withoutChatPeople: without.map((p) => p.upn ?? p.name ?? p.aadObjectId ?? '?'),
  };
}

export async function remindUnfinished(
  service: Pick<FollowUp, 'forRound' | 'leases' | 'rounds'>,
  notifier: Notifier,
  round: Round,
  turn: SendingTurn = { instanceId: 'this-process' },
): Promise<NoticeOutcome> {
  return noticeToUnfinished(service, round, turn, (user, recipient, answers) =>
    roundViewAt(service, round, recipient.units, undefined, answers).then((view) =>
      notifier.sendReminder(user.person, view, personLanguage(user)),
    ),
  );
}

/**
 * When a round closes (by an admin or at its deadline), everyone who had not finished is told once:
 * that it is closed, since when, and whom to ask (who started it).
 */
export async function tellUnfinishedClosed(
  service: Pick<FollowUp, 'forRound' | 'leases' | 'rounds'>,
  notifier: Notifier,
  round: Round,
  turn: SendingTurn = { instanceId: 'this-process' },
): Promise<NoticeOutcome> {
  const askWho = round.startedBy.name ?? round.startedBy.upn ?? '';
  return noticeToUnfinished(service, round, turn, (user) => notifier.sendClosedNotice(user.person, round, askWho, personLanguage(user)));
}

/**
 * One notice to each contact who has not finished, under the sending lease (paced as the round's
 * messages are): those without a chat counted, a failure recorded and the others still sent to.
 */
async function noticeToUnfinished(
  service: Pick<FollowUp, 'forRound' | 'leases' | 'rounds'>,
  round: Round,
  turn: SendingTurn,
  send: (user: UserRecord, recipient: RoundRecipient, answers: Answer[]) => Promise<void>,
): Promise<NoticeOutcome> {
  return withSendingLease(
    service.leases,
    turn.instanceId,
    async (stillHeld) => {
      const answers = await service.rounds.listAnswers(round.year);
      const outcome: NoticeOutcome = { sent: 0, withoutChat: 0, failures: [] };
      for (const { recipient, user } of await unfinished(service.forRound(round), answers)) {
        if (!canBeMessaged(user)) {
          outcome.withoutChat += 1;
          continue;
        }
        if (!stillHeld()) {
          outcome.failures.push({ person: personKey(recipient.person), error: 'another instance took over sending; not sent this time' });
          continue;
        }
        try {
          await send(user, recipient, answers);
          outcome.sent += 1;
        } catch (error) {
          outcome.failures.push({ person: personKey(recipient.person), error: (error as Error).message });
        }
      }
      return outcome;
    },
    turn.lease,
  );
}
