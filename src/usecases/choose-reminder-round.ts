/**
 * "påminn [år]" and the summary card's remind button: the open round whose unfinished contacts
 * are to be reminded, and how many of them a reminder reaches (for the admin to confirm first).
 */
import type { Person, Round } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import { unlessAdmin } from './access';
import { openRound } from './rounds';
import { refuse, type Result } from './result';
import { previewReminders, type ReminderPreview } from './remind-unfinished';

export async function chooseReminderRound(
  service: Pick<FollowUp, 'forRound' | 'isAdmin' | 'rounds'>,
  actor: Person,
  input: { year: number | null },
): Promise<Result<{ round: Round; reminders: ReminderPreview }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const round = input.year !== null && Number.isInteger(input.year) ? await service.rounds.getRound(input.year) : await openRound(service);
  if (!round || round.state !== 'open') return refuse({ reason: 'no-round' });
  return { ok: true, round, reminders: await previewReminders(service, round) };
}
