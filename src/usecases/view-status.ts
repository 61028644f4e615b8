/**
 * "status för åtgärd A3-1 [år]", "hur går det för SF? [år]": the stored answers, for those in the
 * follow-up (core/followup/status-access.ts says who sees what). 'not-in-follow-up' tells the
 * adapter that for this person the words are a question about the plan.
 */
import type { Person } from '../core/followup/model';
import { statusAccess } from '../core/followup/status-access';
import type { Report, ReportRow } from '../core/report/report-model';
import type { FollowUp } from './follow-up';
import { loadReport } from '../usecases/report';
import { latestRound } from './rounds';
import { refuse, type Result } from './result';

export type StatusRequest = { kind: 'action'; actionId: string; year: number | null } | { kind: 'unit'; unit: string; year: number | null };

export type StatusView =
  | { kind: 'action'; year: number; actionId: string; actionText: string; rows: ReportRow[] }
  | {
      kind: 'unit';
      year: number;
      unit: Report['units'][number];
      rows: ReportRow[];
      counts: Array<{ label: string; n: number }>;
      missing: string[];
    };

export async function viewStatus(
  service: Pick<FollowUp, 'forRound' | 'isAdmin' | 'obligations' | 'rounds' | 'unitsOf'>,
  actor: Person,
  request: StatusRequest,
): Promise<Result<{ view: StatusView }> | { ok: false; reason: 'not-in-follow-up' }> {
  const viewer = { isAdmin: await service.isAdmin(actor), units: await service.unitsOf(actor) };
  const access = statusAccess(
    viewer,
    request.kind === 'action' ? { kind: 'action', actionId: request.actionId } : { kind: 'unit', unit: request.unit },
    service.obligations,
  );
  if (access.kind === 'not-in-follow-up') return { ok: false, reason: 'not-in-follow-up' };
  if (access.kind === 'other-units') return refuse({ reason: 'other-units', ownUnits: access.ownUnits });
  const year = request.year ?? (await latestRound(service))?.year;
  const full = year ? await loadReport(service, year) : undefined;
  if (!full) return refuse({ reason: 'no-round' });
  const rows = access.kind === 'all' ? full.rows : full.rows.filter((r) => access.units.includes(r.unit));
  if (request.kind === 'action') {
    // The round's rows carry the action's text in the plan version the round asked about.
    const actionRows = rows.filter((r) => r.actionId === request.actionId);
    if (actionRows.length === 0) return refuse({ reason: 'unknown-action', actionId: request.actionId });
    return {
      ok: true,
      view: { kind: 'action', year: full.year, actionId: request.actionId, actionText: actionRows[0]!.actionText, rows: actionRows },
    };
  }
  const wanted = request.unit.toLocaleLowerCase('sv');
  const unit = full.units.find((u) => u.unit.toLocaleLowerCase('sv') === wanted);
  if (!unit) return refuse({ reason: 'unknown-unit', unit: request.unit.slice(0, 40) });
  const unitRows = rows.filter((r) => r.unit === unit.unit);
  const counts = full.statuses.map((status) => ({ label: status.label, n: unitRows.filter((r) => r.status === status.key).length }));
  return {
    ok: true,
    view: {
      kind: 'unit',
      year: full.year,
      unit,
      rows: unitRows,
      counts,
      missing: unitRows.filter((r) => !r.status).map((r) => r.actionId),
    },
  };
}
