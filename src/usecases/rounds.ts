/** Finding the round a command means when it names no year. */
import type { Round } from '../core/followup/model';
import type { FollowUp } from './follow-up';

/** The open round, the newest if several. */
export async function openRound(service: Pick<FollowUp, 'rounds'>): Promise<Round | undefined> {
  return (await service.rounds.listRounds()).filter((r) => r.state === 'open').pop();
}

/** The open round, else the newest one. */
export async function latestRound(service: Pick<FollowUp, 'rounds'>): Promise<Round | undefined> {
  const rounds = await service.rounds.listRounds();
  return rounds.filter((r) => r.state === 'open').pop() ?? rounds.pop();
}
