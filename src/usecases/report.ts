/** The report an admin asked for, as a file or through a link: Word, Excel, Markdown, or a closed round's archive package. */
import type { FollowUp } from './follow-up';
import type { Person } from '../core/followup/model';
import type { ReportFormat } from './ports';
import { reportDocumentFile, type ReportFile, type ReportFileOptions } from './report-documents';
import { archiveZip } from './archive-round';

export { loadReport, type ReportFile, type ReportFileOptions } from './report-documents';
import { OPERATOR, unlessAdmin } from './access';
import { refuse, type Result } from './result';

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
  const format = formatOf(input.format);
  if (format === 'zip') return archiveZip(service, actor, { year }, options);
  // The command line's operator is nobody to name on a title page.
  const compiledBy = actor === OPERATOR ? {} : { compiledBy: actor };
  const file = Number.isInteger(year) ? await reportDocumentFile(service, year, format, { ...options, ...compiledBy }) : undefined;
  return file ? { ok: true, file, year } : refuse({ reason: 'no-round' });
}

/** A format as a card or a link names it; anything else is Excel. */
export const formatOf = (raw: unknown): ReportFormat => (raw === 'md' || raw === 'docx' || raw === 'zip' ? raw : 'xlsx');

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
  if (link.format === 'zip') {
    const archive = await archiveZip(service, link.createdBy, { year: link.year }, options);
    return archive.ok ? archive.file : undefined;
  }
  return reportDocumentFile(service, link.year, link.format, { ...options, compiledBy: link.createdBy });
}
