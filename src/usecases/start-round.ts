/**
 * The admin confirms: the round opens and its recipients are known. Confirming twice (a double
 * click, a retry after a crash) resumes the same open round, so nobody gets a second message; a
 * round of that year that is already closed is refused. Sending is the caller's (the Notifier).
 */
import { isRoundNumber } from '../core/followup/periods';
import { type Person, type Round, type RoundOrigin } from '../core/followup/model';
import { swedishDate } from '../core/followup/schedule';
import type { FollowUpService, RoundRecipient } from '../application/followup-service';
import { unlessAdmin } from './access';
import { refuse, type Result } from './result';
import { wrongPeriod } from './prepare-round';

export async function startRound(
  service: FollowUpService,
  actor: Person,
  input: { year: unknown; deadline: unknown; reminderDaysBefore: number[]; origin?: RoundOrigin },
  now = new Date(),
): Promise<Result<{ round: Round; recipients: RoundRecipient[]; resumed: boolean }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const year = Number(input.year);
  const deadline = typeof input.deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.deadline) ? input.deadline : '';
  if (!isRoundNumber(year) || !deadline) return refuse({ reason: 'bad-date' });
  const wrong = wrongPeriod(service, year);
  if (wrong) return wrong;
  if (deadline < swedishDate(now) && !(await service.data.getRound(year))) return refuse({ reason: 'past-deadline', deadline });
  const opened = await service.openRound(year, deadline, actor, input.reminderDaysBefore, input.origin, now);
  const round = await service.data.getRound(year);
  if (!round || (!opened && round.state !== 'open')) return refuse({ reason: 'already-exists', year });
  return { ok: true, round, recipients: await service.recipients(), resumed: !opened };
}
