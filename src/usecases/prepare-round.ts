/**
 * "starta uppföljning 2024 [senast 2025-02-28]": what starting would mean, for the admin to
 * confirm, with how each person asked will be reached. The deadline defaults to the last day of February after the year followed up (the
 * report goes to the council in the spring); a deadline already past is refused.
 */
import type { Person } from '../core/followup/model';
import { swedishDate } from '../core/followup/schedule';
import { defaultDeadline, fitsPeriod, periodExample, roundParts } from '../core/followup/periods';
import type { RoundPlanSummary } from '../core/followup/obligations';
import type { FollowUp } from './follow-up';
import { planCoverage, roundRecipients } from './round-recipients';
import { unlessAdmin } from './access';
import { refuse, type Result } from './result';
import { NO_DIRECTORY, type PeopleDirectory } from './people-directory';
import { resolveContacts } from './resolve-contacts';
import { assessReach, type ReachAssessment } from './assess-reach';

/** A refusal when the round is of another kind than the plan's follow-up period; undefined when it fits. */
export function wrongPeriod(service: Pick<FollowUp, 'plan'>, round: number) {
  const period = service.plan.followUp.period;
  if (fitsPeriod(round, period)) return undefined;
  return refuse({ reason: 'wrong-period', period, example: periodExample(period, roundParts(round)?.year ?? round) });
}

/** Contacts given by e-mail are looked up first (people the bot knows, then the directory), so the counts are what the start will do. */
export async function prepareRound(
  service: Pick<FollowUp, 'isAdmin' | 'obligations' | 'people' | 'plan'>,
  actor: Person,
  input: { year: number; deadline: string | null },
  directory: PeopleDirectory = NO_DIRECTORY,
  now = new Date(),
): Promise<Result<{ year: number; deadline: string; summary: RoundPlanSummary; reach: ReachAssessment }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const wrong = wrongPeriod(service, input.year);
  if (wrong) return wrong;
  const deadline = input.deadline ?? defaultDeadline(input.year);
  if (deadline < swedishDate(now)) return refuse({ reason: 'past-deadline', deadline });
  await resolveContacts(service, directory, { now });
  const reach = await assessReach(service, directory, await roundRecipients(service));
  return { ok: true, year: input.year, deadline, summary: await planCoverage(service), reach };
}
