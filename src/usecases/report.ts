/** Gathers a year's answers, last year's and the contacts, and builds the report; serves it for a link. */
import { comparableRound, roundLabel } from '../core/followup/periods';
import { buildReport, type Report } from '../core/report/report-model';
import type { FollowUp } from './follow-up';
import { reportWorkbook } from '../export/xlsx';
import { reportMarkdown } from '../export/markdown';
import { reportDocument } from '../export/docx';

export async function loadReport(active: Pick<FollowUp, 'forRound' | 'rounds'>, year: number): Promise<Report | undefined> {
  const round = await active.rounds.getRound(year);
  if (!round) return undefined;
  // A round is reported on the plan version it asked about.
  const service = active.forRound(round);
  const previousRound = await service.rounds.getRound(comparableRound(year));
  return buildReport({
    plan: service.plan,
    round,
    obligations: service.obligations,
    answers: await service.rounds.listAnswers(year),
    previousAnswers: previousRound ? await service.rounds.listAnswers(comparableRound(year)) : undefined,
    // The version the previous round asked about, when the plan has been revised since.
    ...(previousRound && previousRound.planVersion !== service.plan.planVersion && service.planVersions.has(previousRound.planVersion)
      ? { previousPlan: service.planVersions.get(previousRound.planVersion)! }
      : {}),
    contacts: await service.people.listContacts(),
  });
}

export interface ReportFile {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

/**
 * Whether a link would open a report now, without using it up: for the download page, and for the
 * link scanners of mail and chat, which look at a link before a person does.
 */
export async function reportLinkOpens(
  service: Pick<FollowUp, 'isAdmin' | 'reportLinks'>,
  token: string,
  now = Date.now(),
): Promise<boolean> {
  const link = await service.reportLinks.resolve(token, now);
  return link !== undefined && (await service.isAdmin(link.createdBy));
}

/**
 * The report a link opens, once, or nothing: the link is unknown, used or expired, or the admin it
 * was issued to is an admin no longer (a link is the admin's, not a key for whoever holds it).
 */
export async function reportFileForLink(
  service: Pick<FollowUp, 'forRound' | 'isAdmin' | 'reportLinks' | 'rounds'>,
  token: string,
  now = Date.now(),
): Promise<ReportFile | undefined> {
  const link = await service.reportLinks.redeem(token, now);
  if (!link || !(await service.isAdmin(link.createdBy))) return undefined;
  const report = await loadReport(service, link.year);
  if (!report) return undefined;
  const fileName = `uppfoljning-${roundLabel(link.year).replace(' ', '-')}.${link.format}`;
  switch (link.format) {
    case 'xlsx':
      return {
        body: await reportWorkbook(report),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName,
      };
    case 'docx':
      return {
        body: await reportDocument(report),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        fileName,
      };
    default:
      return { body: reportMarkdown(report), contentType: 'text/markdown; charset=utf-8', fileName };
  }
}
