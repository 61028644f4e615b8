/** "sammanställning [år]": the report of a round (the open one, else the newest), for admins; while open, who a reminder would reach. */
import type { Person } from '../core/followup/model';
import type { Report } from '../core/report/report-model';
import type { FollowUp } from './follow-up';
import { loadReport } from '../usecases/report';
import { unlessAdmin } from './access';
import { latestRound } from './rounds';
import { refuse, type Result } from './result';
import { previewReminders, type ReminderPreview } from './remind-unfinished';
import { unreachedUnits } from './unreached-units';
import type { UnreachedUnit } from './notifier';

export async function summarizeRound(
  service: Pick<FollowUp, 'forRound' | 'isAdmin' | 'rounds'>,
  actor: Person,
  input: { year: number | null },
): Promise<Result<{ report: Report; reminders?: ReminderPreview; unreached: UnreachedUnit[] }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const year = input.year ?? (await latestRound(service))?.year;
  const report = year ? await loadReport(service, year) : undefined;
  if (!report) return refuse({ reason: 'no-round' });
  // While the round is open the summary offers reminders, saying how many people would get one.
  const round = report.state === 'open' ? await service.rounds.getRound(report.year) : undefined;
  const asked = await service.rounds.getRound(report.year);
  const unreached = asked ? await unreachedUnits(service, asked) : [];
  return { ok: true, report, unreached, ...(round ? { reminders: await previewReminders(service, round) } : {}) };
}
