/** Finding the round a command means when it names no year. */
import type { Round } from '../core/followup/model';
import type { FollowUpService } from '../application/followup-service';

/** The open round, the newest if several. */
export async function openRound(service: FollowUpService): Promise<Round | undefined> {
  return (await service.data.listRounds()).filter((r) => r.state === 'open').pop();
}

/** The open round, else the newest one. */
export async function latestRound(service: FollowUpService): Promise<Round | undefined> {
  const rounds = await service.data.listRounds();
  return rounds.filter((r) => r.state === 'open').pop() ?? rounds.pop();
}
