/**
 * A closed round's archive package (core/archive): the report as Word and Excel, every answer with
 * its history as CSV and JSON, the plan version asked about, a README with checksums. For the
 * registrar (offentlighetsprincipen, arkivlagen): `npm run archive`, and the admins' button on the
 * closed round's summary. Taking it marks the round archived; only an archived round may be deleted.
 */
import { archiveFiles, archiveLabel, type ArchiveFile } from '../core/archive/archive-files';
import type { Person } from '../core/followup/model';
import { roundLabel } from '../core/followup/periods';
import { zipOf } from '../export/zip';
import type { FollowUp } from './follow-up';
import { OPERATOR, unlessAdmin } from './access';
import { refuse, type Result } from './result';
import { reportDocumentFile, type ReportFile, type ReportFileOptions } from './report-documents';
import { changeIfUnchanged } from './change-if-unchanged';

type ArchiveService = Pick<FollowUp, 'forRound' | 'isAdmin' | 'rounds'>;

/** The package's files, or why not: no such round, or one still open (its answers still change). */
export async function archivePackage(
  service: ArchiveService,
  actor: Person,
  input: { year: unknown },
  options: ReportFileOptions & { now?: Date } = {},
): Promise<Result<{ year: number; files: ArchiveFile[] }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const year = Number(input.year);
  const round = Number.isInteger(year) ? await service.rounds.getRound(year) : undefined;
  if (!round) return refuse({ reason: 'no-round' });
  if (round.state !== 'closed') return refuse({ reason: 'round-open', year });
  const now = options.now ?? new Date();
  const compiledBy = actor === OPERATOR ? {} : { compiledBy: actor };
  const bound = service.forRound(round);
  // Whom the plan says it is reported to, in its own words; none named, no body is assumed.
  const reportedTo = bound.plan.followUp.reportedTo?.trim();
  const wordAbout = reportedTo ? `rapporten till ${reportedTo.toLocaleLowerCase('sv')} (Word)` : 'rapporten (Word)';
  const reports: ArchiveFile[] = [];
  for (const format of ['docx', 'xlsx'] as const) {
    const file = await reportDocumentFile(service, year, format, { ...options, ...compiledBy });
    if (!file) return refuse({ reason: 'no-round' });
    reports.push({
      name: `rapport-${archiveLabel(year)}.${format}`,
      body: Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body),
      about: format === 'docx' ? wordAbout : 'rapporten som kalkylblad (Excel)',
    });
  }
  const files = archiveFiles({
    plan: bound.plan,
    round,
    answers: await service.rounds.listAnswers(year),
    history: await service.rounds.listHistory(year),
    reports,
    madeAt: now.toISOString(),
  });
  return { ok: true, year, files };
}

/** The package as one zip, for a download or a file in the admin's OneDrive; the round marked archived unless only offered. */
export async function archiveZip(
  service: ArchiveService,
  actor: Person,
  input: { year: unknown },
  options: ReportFileOptions & { now?: Date } = {},
): Promise<Result<{ year: number; file: ReportFile }>> {
  const made = await archivePackage(service, actor, input, options);
  if (!made.ok) return made;
  const folder = `arkiv-uppfoljning-${archiveLabel(made.year)}`;
  const body = await zipOf(made.files, folder, options.now);
  if (!options.preview) await markArchived(service, made.year, options.now);
  return { ok: true, year: made.year, file: { body, contentType: 'application/zip', fileName: `${folder}.zip` } };
}

/** Records that the package was taken (when), so that the round may be deleted afterwards. */
export async function markArchived(service: Pick<FollowUp, 'rounds'>, year: number, now = new Date()): Promise<void> {
  await changeIfUnchanged(
    `round ${roundLabel(year)}`,
    () => service.rounds.getRound(year),
    async (round) => {
      if (!round) return 'gone';
      const { _etag, ...body } = round;
      return service.rounds.updateRound({ ...body, archivedAt: now.toISOString() }, _etag);
    },
  );
}

/**
 * Deletes a closed round that has been archived: without `confirmed`, what would go (the admin
 * confirms on that). An open round, or one whose package nobody took, is refused: answers are
 * public records, never removed silently.
 */
export async function deleteRound(
  service: Pick<FollowUp, 'isAdmin' | 'rounds'>,
  actor: Person,
  input: { year: number | null; confirmed: boolean },
): Promise<Result<{ year: number } & ({ toConfirm: { answers: number; archivedAt: string } } | { deleted: number })>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const year = input.year;
  const round = year !== null && Number.isInteger(year) ? await service.rounds.getRound(year) : undefined;
  if (!round || year === null) return refuse({ reason: 'no-round' });
  if (round.state !== 'closed') return refuse({ reason: 'round-open', year });
  if (!round.archivedAt) return refuse({ reason: 'not-archived', year });
  if (!input.confirmed)
    return { ok: true, year, toConfirm: { answers: (await service.rounds.listAnswers(year)).length, archivedAt: round.archivedAt } };
  return { ok: true, year, deleted: await service.rounds.deleteRound(year) };
}
