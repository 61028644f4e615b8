/** A round's report as the use cases read it, and as a file (Word, Excel, Markdown). */
import { comparableRound, roundLabel } from '../core/followup/periods';
import { buildReport, publicReport, type Report } from '../core/report/report-model';
import { withEntries } from '../core/plan/glossary';
import type { FollowUp } from './follow-up';
import { reportWorkbook } from '../export/xlsx';
import { reportMarkdown } from '../export/markdown';
import { reportDocument } from '../export/docx';
import type { Person } from '../core/followup/model';

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
  /**
   * Made only to offer it (its size on a Teams file consent card), not handed over: a closed round's
   * archive package is not taken by that, so the round is not marked archived.
   */
  preview?: boolean;
}

export interface ReportFile {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

/** The report of `year` as a file in `format`, or nothing when there is no such round. */
export async function reportDocumentFile(
  service: Pick<FollowUp, 'forRound' | 'rounds'>,
  year: number,
  format: 'xlsx' | 'docx' | 'md',
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
