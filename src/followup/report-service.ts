/** Gathers a year's answers, last year's and the contacts, and builds the report. */
import { buildReport, type Report } from '../core/report/report-model';
import type { FollowUpService } from './followup-service';

export async function loadReport(service: FollowUpService, year: number): Promise<Report | undefined> {
  const round = await service.data.getRound(year);
  if (!round) return undefined;
  const previousRound = await service.data.getRound(year - 1);
  return buildReport({
    plan: service.plan,
    round,
    obligations: service.obligations,
    answers: await service.data.listAnswers(year),
    previousAnswers: previousRound ? await service.data.listAnswers(year - 1) : undefined,
    contacts: await service.data.listContacts(),
  });
}
