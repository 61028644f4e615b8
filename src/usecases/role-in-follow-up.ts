/**
 * What the follow-up is to the person asking for help: whether they are an admin, the units they
 * answer for, and the round open now. Help shows each person the commands that are theirs.
 */
import type { Person } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import { openRound } from './rounds';
import { unnamedCodes } from './glossary';
import type { FollowUpPeriod } from '../core/plan/follow-up-config';

export interface RoleInFollowUp {
  admin: boolean;
  /** The units the person is a contact for. */
  units: string[];
  /** The round open now, if any. */
  round?: { year: number; deadline: string };
  /** For admins: the plan's codes nobody has named yet, to fill in (`ordlista`). */
  unnamedCodes?: string[];
  /** How often the plan is followed up: the commands' examples name a round as the plan does ("2025 T1"). */
  period: FollowUpPeriod;
}

export async function roleInFollowUp(
  service: Pick<FollowUp, 'glossary' | 'isAdmin' | 'plan' | 'rounds' | 'unitsOf' | 'words'>,
  actor: Person,
): Promise<RoleInFollowUp> {
  const [admin, units, round] = await Promise.all([service.isAdmin(actor), service.unitsOf(actor), openRound(service)]);
  const unnamed = admin ? await unnamedCodes(service) : [];
  return {
    admin,
    units,
    period: service.plan.followUp.period,
    ...(round ? { round: { year: round.year, deadline: round.deadline } } : {}),
    ...(unnamed.length > 0 ? { unnamedCodes: unnamed } : {}),
  };
}
