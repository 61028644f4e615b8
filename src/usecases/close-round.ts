/**
 * Closing a round: no more answers are accepted, and the closing summary goes out at once (not on
 * the scheduler's next pass, nor never with the scheduler off). By an admin ("stäng uppföljning
 * [år]"; without a year, the open round), who first sees what is still missing and confirms, or by
 * the scheduler at the deadline.
 */
import { answeredReports, reportKey, type Person, type Round } from '../core/followup/model';
import { isCalendarDate, swedishDate } from '../core/followup/schedule';
import { unfinishedRecipients } from './remind-unfinished';
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

/** What closing a round now would leave out: for the admin to weigh before pressing Stäng. */
export interface ClosingPreview {
  answered: number;
  total: number;
  /** Units with at least one action not answered. */
  unitsMissing: number;
  /** Contacts of those units who have not answered for all their units. */
  peopleUnfinished: number;
  /** Whole days to the deadline (0 on the day, negative after it). */
  daysLeft: number;
  deadline: string;
}

async function closingPreview(service: Pick<FollowUp, 'forRound' | 'rounds'>, round: Round, now: Date): Promise<ClosingPreview> {
  const active = service.forRound(round);
  const answers = await service.rounds.listAnswers(round.year);
  const answeredKeys = answeredReports(answers);
  const missing = active.obligations.filter((o) => !answeredKeys.has(reportKey(o)));
  const peopleUnfinished = (await unfinishedRecipients(active, answers)).length;
  const deadlineEnd = Date.parse(`${round.deadline}T23:59:59Z`);
  return {
    answered: active.obligations.length - missing.length,
    total: active.obligations.length,
    unitsMissing: new Set(missing.map((o) => o.unit)).size,
    peopleUnfinished,
    daysLeft: Math.floor((deadlineEnd - now.getTime()) / 86_400_000),
    deadline: round.deadline,
  };
}

/**
 * Closing is a decision: asked without `confirmed`, it closes nothing and says what is still
 * missing (actions, units, people) and the days left, for the admin to confirm with Stäng.
 */
export async function closeRound(
  service: Pick<FollowUp, 'forRound' | 'rounds' | 'isAdmin'>,
  actor: Person,
  input: { year: number | null; confirmed?: boolean },
  now = new Date(),
): Promise<Result<{ year: number } & ({ closed: true; closedNow: boolean } | { toConfirm: ClosingPreview })>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const round = input.year !== null && Number.isInteger(input.year) ? await service.rounds.getRound(input.year) : await openRound(service);
  if (!round) return refuse({ reason: 'no-round' });
  if (!input.confirmed && round.state === 'open')
    return { ok: true, year: round.year, toConfirm: await closingPreview(service, round, now) };
  // closedNow: this call closed it (not already closed, nor by another instance meanwhile): it alone tells the unfinished.
  const closedNow = (await closeRoundNow(service.rounds, round.year, now)) === 'closed';
  return { ok: true, year: round.year, closed: true, closedNow };
}

/**
 * "återöppna uppföljning 2024 senast 2025-03-31": a closed round opens again with a new deadline;
 * its reminders run again before it, and its closing summary goes out again when it closes. The
 * caller tells those who had not finished (reopenedNow: this call reopened it).
 */
export async function reopenRound(
  service: Pick<FollowUp, 'rounds' | 'isAdmin'>,
  actor: Person,
  input: { year: number | null; deadline: unknown },
  now = new Date(),
): Promise<Result<{ round: Round; reopenedNow: boolean }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const deadline = typeof input.deadline === 'string' && isCalendarDate(input.deadline) ? input.deadline : '';
  if (!deadline) return refuse({ reason: 'bad-date' });
  if (deadline < swedishDate(now)) return refuse({ reason: 'past-deadline', deadline });
  const year =
    input.year ?? (await service.rounds.listRounds()).filter((r) => r.state === 'closed').sort((a, b) => b.year - a.year)[0]?.year;
  if (year === undefined) return refuse({ reason: 'no-round' });
  let saved: Round | undefined;
  const outcome = await changeIfUnchanged(
    `round ${year}`,
    () => service.rounds.getRound(year),
    async (round) => {
      if (!round) return 'unknown' as const;
      if (round.state === 'open') return 'open' as const;
      const { _etag, closedAt: _closed, ...body } = round;
      const reopened: Round = {
        ...body,
        state: 'open',
        deadline,
        reopenedAt: now.toISOString(),
        remindersSent: [],
        summariesSent: (body.summariesSent ?? []).filter((s) => s !== 'closed' && s !== 'complete'),
      };
      if ((await service.rounds.updateRound(reopened, _etag)) !== 'saved') return 'conflict' as const;
      saved = reopened;
      return 'reopened' as const;
    },
  );
  if (outcome === 'unknown') return refuse({ reason: 'no-round' });
  if (outcome === 'open' || !saved) return refuse({ reason: 'round-open', year });
  return { ok: true, round: saved, reopenedNow: true };
}
