/**
 * What the bot keeps about a person who writes to it or installs it: how to reach them later
 * (their 1:1 chat), and their UPN once Teams has told it (contacts are often given by e-mail).
 */
import type { TeamRecord, UserRecord } from '../application/followup-store';
import type { FollowUpService } from '../application/followup-service';

/** The UPN stored for a person known by Entra object id, if any. */
export async function storedUpn(service: FollowUpService, aadObjectId: string): Promise<string | undefined> {
  return (await service.data.getUser({ aadObjectId }))?.person.upn;
}

/** Saves how to reach the person; a group conversation is not a way to reach one person. */
export async function rememberUser(service: FollowUpService, record: Omit<UserRecord, 'updatedAt'>, now = new Date()): Promise<void> {
  await service.data.putUser({ ...record, updatedAt: now.toISOString() });
}

/** Whether the bot installed its app for this person within the last hour (deliver-round), so their install needs no welcome. */
export async function installedByBotLately(service: FollowUpService, aadObjectId: string, now = new Date()): Promise<boolean> {
  const at = (await service.data.getUser({ aadObjectId }))?.installedByBotAt;
  return at !== undefined && now.getTime() - Date.parse(at) < 3_600_000;
}

/** Keeps a team the bot was added to: its roster helps find contacts given by e-mail. */
export async function rememberTeam(service: FollowUpService, team: TeamRecord): Promise<void> {
  await service.data.putTeam(team);
}

export async function teamsTheBotIsIn(service: FollowUpService): Promise<TeamRecord[]> {
  return service.data.listTeams();
}
