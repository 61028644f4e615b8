/**
 * Sends the summaries that are due for a round now (weekly while open, when everyone has answered,
 * when it closes), each marked on the round first (ETag) so it goes out once, whoever gets there
 * first: the scheduler's pass, or the close command and the save that completes the round, which
 * send them at the moment it happens rather than on the next pass.
 */
import type { Answer, Contact, Obligation, Round } from '../core/followup/model';
import { dueSummaries, type SummaryReason } from '../core/followup/schedule';
import { progress } from '../core/followup/validate';
import type { FollowUp } from './follow-up';

/** Every unit with contacts has answered all its actions: the round is complete. */
export function allAnswered(obligations: Obligation[], contacts: readonly Contact[], answers: Answer[]): boolean {
  const units = new Set(contacts.map((c) => c.unit));
  const { answered, total } = progress(obligations, answers, [...units]);
  return total > 0 && answered === total;
}

export async function everyoneAnswered(service: Pick<FollowUp, 'forRound' | 'people' | 'rounds'>, round: Round): Promise<boolean> {
  return allAnswered(
    service.forRound(round).obligations,
    await service.people.listContacts(),
    await service.rounds.listAnswers(round.year),
  );
}

export async function sendDueSummaries(
  service: Pick<FollowUp, 'forRound' | 'people' | 'rounds'>,
  send: (round: Round, reason: SummaryReason) => Promise<number>,
  year: number,
  now = new Date(),
): Promise<Array<{ reason: SummaryReason; recipients: number }>> {
  const sent: Array<{ reason: SummaryReason; recipients: number }> = [];
  const round = await service.rounds.getRound(year);
  if (!round) return sent;
  for (const due of dueSummaries(round, now, await everyoneAnswered(service, round))) {
    const current = await service.rounds.getRound(round.year);
    if (!current || (current.summariesSent ?? []).includes(due.key)) continue;
    const { _etag, ...body } = current;
    const marked = await service.rounds.updateRound({ ...body, summariesSent: [...(body.summariesSent ?? []), due.key] }, _etag);
    if (marked === 'conflict') continue; // another instance marked it first: it sends
    sent.push({ reason: due.reason, recipients: await send(body, due.reason) });
  }
  return sent;
}
