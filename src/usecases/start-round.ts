/**
 * The admin confirms: the round opens and its recipients are known. Confirming twice (a double
 * click, a retry after a crash) resumes the same open round, so nobody gets a second message; a
 * round of that year that is already closed is refused. Sending is the caller's (the Notifier).
 */
import { isRoundNumber } from '../core/followup/periods';
import { type Person, type Round, type RoundOrigin } from '../core/followup/model';
import { isCalendarDate, swedishDate } from '../core/followup/schedule';
import type { FollowUp } from './follow-up';
import { roundRecipients, type RoundRecipient } from './round-recipients';
import { unlessAdmin } from './access';
import { refuse, type Result } from './result';
import { wrongPeriod } from './prepare-round';

export async function startRound(
  service: Pick<FollowUp, 'rounds' | 'people' | 'plan' | 'obligations' | 'isAdmin'>,
  actor: Person,
  input: { year: unknown; deadline: unknown; reminderDaysBefore: number[]; origin?: RoundOrigin },
  now = new Date(),
): Promise<Result<{ round: Round; recipients: RoundRecipient[]; resumed: boolean }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const year = Number(input.year);
  const deadline = typeof input.deadline === 'string' && isCalendarDate(input.deadline) ? input.deadline : '';
  if (!isRoundNumber(year) || !deadline) return refuse({ reason: 'bad-date' });
  const wrong = wrongPeriod(service, year);
  if (wrong) return wrong;
  if (deadline < swedishDate(now) && !(await service.rounds.getRound(year))) return refuse({ reason: 'past-deadline', deadline });
  const opened =
    (await service.rounds.createRound({
      year,
      deadline,
      state: 'open',
      planVersion: service.plan.planVersion,
      startedBy: actor,
      startedAt: now.toISOString(),
      reminderDaysBefore: input.reminderDaysBefore,
      ...(input.origin ? { origin: input.origin } : {}),
    })) === 'created';
  const round = await service.rounds.getRound(year);
  if (!round || (!opened && round.state !== 'open')) return refuse({ reason: 'already-exists', year });
  return { ok: true, round, recipients: await roundRecipients(service), resumed: !opened };
}
