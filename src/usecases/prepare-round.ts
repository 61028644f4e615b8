/**
 * "starta uppföljning 2024 [senast 2025-02-28]": what starting would mean, for the admin to
 * confirm. The deadline defaults to the last day of February after the year followed up (the
 * report goes to the council in the spring); a deadline already past is refused.
 */
import type { Person } from '../core/followup/model';
import { swedishDate } from '../core/followup/schedule';
import type { RoundPlanSummary } from '../core/followup/obligations';
import type { FollowUpService } from '../application/followup-service';
import { unlessAdmin } from './access';
import { refuse, type Result } from './result';

export const defaultDeadline = (year: number): string => `${year + 1}-02-28`;

export async function prepareRound(
  service: FollowUpService,
  actor: Person,
  input: { year: number; deadline: string | null },
  now = new Date(),
): Promise<Result<{ year: number; deadline: string; summary: RoundPlanSummary }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const deadline = input.deadline ?? defaultDeadline(input.year);
  if (deadline < swedishDate(now)) return refuse({ reason: 'past-deadline', deadline });
  return { ok: true, year: input.year, deadline, summary: await service.summarize() };
}
