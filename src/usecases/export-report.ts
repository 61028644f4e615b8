/**
 * The summary card's export: a link to the report on the bot's own server, for admins only. The
 * link is the admin's: it expires, and stops working if they stop being an admin.
 */
import type { Person } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import type { ReportFormat } from './ports';
import { unlessAdmin } from './access';
import { refuse, type Result } from './result';

export async function exportReport(
  service: Pick<FollowUp, 'isAdmin' | 'reportLinks' | 'rounds'>,
  actor: Person,
  input: { year: unknown; format: unknown; ttlMs: number },
): Promise<Result<{ year: number; format: ReportFormat; token: string }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const year = Number(input.year);
  const format: ReportFormat = input.format === 'md' ? 'md' : input.format === 'docx' ? 'docx' : 'xlsx';
  if (!Number.isInteger(year) || !(await service.rounds.getRound(year))) return refuse({ reason: 'no-round' });
  return { ok: true, year, format, token: await service.reportLinks.create(year, format, actor, input.ttlMs) };
}
