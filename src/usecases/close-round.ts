/** "stäng uppföljning [år]": no more answers are accepted. Without a year, the open round. */
import type { Person } from '../core/followup/model';
import type { FollowUpService } from '../application/followup-service';
import { unlessAdmin } from './access';
import { openRound } from './rounds';
import { refuse, type Result } from './result';

export async function closeRound(
  service: FollowUpService,
  actor: Person,
  input: { year: number | null },
  now = new Date(),
): Promise<Result<{ year: number }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const year = input.year ?? (await openRound(service))?.year;
  if (!year) return refuse({ reason: 'no-round' });
  await service.closeRound(year, now);
  return { ok: true, year };
}
