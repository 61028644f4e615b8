/**
 * The units nobody could be reached for: every contact the round message was sent to is recorded
 * as unreachable (no chat, not in the directory, the app blocked). The summary names them apart from
 * the late units, with who and why, so that an admin reaches them another way or answers for them.
 */
import type { ReachProblem } from '../core/followup/reach';
import type { Round } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import type { UnreachedUnit } from './notifier';

export async function unreachedUnits(service: Pick<FollowUp, 'rounds'>, round: Round): Promise<UnreachedUnit[]> {
  const deliveries = await service.rounds.listDeliveries(round.year);
  const byUnit = new Map<string, { reached: boolean; people: Array<{ who: string; problem: ReachProblem }> }>();
  for (const d of deliveries)
    for (const unit of d.units) {
      const entry = byUnit.get(unit) ?? { reached: false, people: [] };
      if (d.state === 'unreachable')
        entry.people.push({
          who: d.recipient.upn ?? d.recipient.name ?? d.recipient.aadObjectId ?? '?',
          problem: d.problem ?? 'app-not-installed',
        });
      else entry.reached = true;
      byUnit.set(unit, entry);
    }
  return [...byUnit].filter(([, e]) => !e.reached && e.people.length > 0).map(([unit, e]) => ({ unit, people: e.people }));
}
