/**
 * The summary card's export: a link to the report on the bot's own server, for admins only. The
 * link is the admin's: it expires, and stops working if they stop being an admin.
 */
import type { Person } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import type { ReportFormat } from './ports';
import { unlessAdmin } from './access';
import { refuse, type Result } from './result';
import { formatOf } from './report';

export async function exportReport(
  service: Pick<FollowUp, 'isAdmin' | 'reportLinks' | 'rounds'>,
  actor: Person,
  input: { year: unknown; format: unknown; ttlMs: number },
): Promise<Result<{ year: number; format: ReportFormat; token: string }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  const year = Number(input.year);
  const format: ReportFormat = formatOf(input.format);
  const round = Number.isInteger(year) ? await service.rounds.getRound(year) : undefined;
  if (!round) return refuse({ reason: 'no-round' });
  // An archive package is of a closed round: an open one's answers still change.
  if (format === 'zip' && round.state !== 'closed') return refuse({ reason: 'round-open', year });
  return { ok: true, year, format, token: await service.reportLinks.create(year, format, actor, input.ttlMs) };
}
