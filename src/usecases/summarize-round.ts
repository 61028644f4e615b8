/** "sammanställning [år]": the report of a round (the open one, else the newest), for admins. */
import type { Person } from '../core/followup/model';
import type { Report } from '../core/report/report-model';
import type { FollowUpService } from '../application/followup-service';
import { loadReport } from '../application/report-service';
import { unlessAdmin } from './access';
import { latestRound } from './rounds';
import { refuse, type Result } from './result';

export async function summarizeRound(
  service: FollowUpService,
  actor: Person,
  input: { year: number | null },
): Promise<Result<{ report: Report }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const year = input.year ?? (await latestRound(service))?.year;
  const report = year ? await loadReport(service, year) : undefined;
  return report ? { ok: true, report } : refuse({ reason: 'no-round' });
}
