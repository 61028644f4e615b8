/** Gathers a year's answers, last year's and the contacts, and builds the report; serves it for a link. */
import { comparableRound, roundLabel } from '../core/followup/periods';
import { buildReport, publicReport, type Report } from '../core/report/report-model';
import { withEntries } from '../core/plan/glossary';
import type { FollowUp } from './follow-up';
import { reportWorkbook } from '../export/xlsx';
import { reportMarkdown } from '../export/markdown';
import { reportDocument } from '../export/docx';
import type { Person } from '../core/followup/model';
import type { ReportFormat } from './ports';
import { OPERATOR, unlessAdmin } from './access';
import { refuse, type Result } from './result';

/**
 * A round's report, or nothing when there is no such round. `withGlossary`: the codes' full names
 * with those given in chat (one more read), for the files that list them (Förkortningar).
 */
export async function loadReport(
  active: Pick<FollowUp, 'forRound' | 'rounds'>,
  year: number,
  withGlossary = false,
): Promise<Report | undefined> {
  const round = await active.rounds.getRound(year);
  if (!round) return undefined;
  // A round is reported on the plan version it asked about.
  const service = active.forRound(round);
  const previousRound = await service.rounds.getRound(comparableRound(year));
  const glossary = withGlossary ? withEntries(service.glossary, await service.words.listGlossaryEntries()) : undefined;
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
    ...(glossary ? { glossary } : {}),
  });
}

/** How a report file is made: whether it names people (REPORT_PERSON_NAMES), and who asked for it (its title page). */
export interface ReportFileOptions {
  personNames?: boolean;
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

/** The report of `year` as a file in `format`, or nothing when there is no such round. */
async function reportFile(
  service: Pick<FollowUp, 'forRound' | 'rounds'>,
  year: number,
  format: ReportFormat,
  options: ReportFileOptions & { compiledBy?: Person },
): Promise<ReportFile | undefined> {
  const full = await loadReport(service, year, true);
  if (!full) return undefined;
  // A file leaves the bot and becomes a public record: people only by name, and only where chosen.
  const report = publicReport(full, { personNames: options.personNames ?? false });
  const fileName = `uppfoljning-${roundLabel(year).replace(' ', '-')}.${format}`;
  switch (format) {
    case 'xlsx':
      return {
        body: await reportWorkbook(report),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName,
      };
    case 'docx':
      return {
        body: await reportDocument(report, { ...(options.compiledBy?.name ? { compiledBy: options.compiledBy.name } : {}) }),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        fileName,
      };
    default:
      return { body: reportMarkdown(report), contentType: 'text/markdown; charset=utf-8', fileName };
  }
}

/**
 * The report an admin asked for, as a file for their own OneDrive (a Teams file consent, accepted):
 * asked again of the use case when it is accepted, so that an admin removed meanwhile gets nothing.
 */
export async function reportFileFor(
  service: Pick<FollowUp, 'forRound' | 'isAdmin' | 'rounds'>,
  actor: Person,
  input: { year: unknown; format: unknown },
  options: ReportFileOptions = {},
): Promise<Result<{ file: ReportFile; year: number }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const year = Number(input.year);
  const format: ReportFormat = input.format === 'md' ? 'md' : input.format === 'docx' ? 'docx' : 'xlsx';
  // The command line's operator is nobody to name on a title page.
  const compiledBy = actor === OPERATOR ? {} : { compiledBy: actor };
  const file = Number.isInteger(year) ? await reportFile(service, year, format, { ...options, ...compiledBy }) : undefined;
  return file ? { ok: true, file, year } : refuse({ reason: 'no-round' });
}

/**
 * The report a link opens, once, or nothing: the link is unknown, used or expired, or the admin it
 * was issued to is an admin no longer (a link is the admin's, not a key for whoever holds it).
 */
export async function reportFileForLink(
  service: Pick<FollowUp, 'forRound' | 'isAdmin' | 'reportLinks' | 'rounds'>,
  token: string,
  options: ReportFileOptions = {},
  now = Date.now(),
): Promise<ReportFile | undefined> {
  const link = await service.reportLinks.redeem(token, now);
  if (!link || !(await service.isAdmin(link.createdBy))) return undefined;
  return reportFile(service, link.year, link.format, { ...options, compiledBy: link.createdBy });
}
