/**
 * Closing a round: no more answers are accepted, and the closing summary goes out at once (not on
 * the scheduler's next pass, nor never with the scheduler off). By an admin ("stäng uppföljning
 * [år]"; without a year, the open round) or by the scheduler at the deadline.
 */
import type { Person } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import type { RoundRecords } from './ports';
import { unlessAdmin } from './access';
import { openRound } from './rounds';
import { refuse, type Result } from './result';
import { changeIfUnchanged } from './change-if-unchanged';

/** Closes the round if it is open: 'closed', or why not. A change made at the same time by another instance is read again. */
export async function closeRoundNow(
  rounds: Pick<RoundRecords, 'getRound' | 'updateRound'>,
  year: number,
  now = new Date(),
): Promise<'closed' | 'already-closed' | 'unknown'> {
  return changeIfUnchanged(
    `round ${year}`,
    () => rounds.getRound(year),
    async (round) => {
      if (!round) return 'unknown';
      if (round.state === 'closed') return 'already-closed';
      const { _etag, ...body } = round;
      return (await rounds.updateRound({ ...body, state: 'closed', closedAt: now.toISOString() }, _etag)) === 'saved'
        ? 'closed'
        : 'conflict';
    },
  );
}

export async function closeRound(
  service: Pick<FollowUp, 'rounds' | 'isAdmin'>,
  actor: Person,
  input: { year: number | null },
  now = new Date(),
): Promise<Result<{ year: number }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const year = input.year ?? (await openRound(service))?.year;
  if (!year) return refuse({ reason: 'no-round' });
  await closeRoundNow(service.rounds, year, now);
  return { ok: true, year };
}
