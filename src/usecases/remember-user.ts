/**
 * What the bot keeps about a person who writes to it or installs it: how to reach them later
 * (their 1:1 chat), and their UPN once Teams has told it (contacts are often given by e-mail).
 */
import type { PeopleRecords, TeamRecord, UserRecord } from './ports';
import type { Person } from '../core/followup/model';
import { canBeMessaged } from './notifier';

/** The UPN stored for a person known by Entra object id, if any. */
export async function storedUpn(people: PeopleRecords, aadObjectId: string): Promise<string | undefined> {
  return (await people.getUser({ aadObjectId }))?.person.upn;
}

/**
 * Saves how to reach the person. What the turn does not tell stays as stored: a turn in a group
 * chat has no 1:1 chat to give, and the one stored must stay (it is where the person is reached).
 */
export async function rememberUser(people: PeopleRecords, record: Omit<UserRecord, 'updatedAt'>, now = new Date()): Promise<void> {
  // A turn in their 1:1 chat with the UPN known tells everything that matters: no read needed.
  const complete = record.conversationId !== undefined && record.person.upn !== undefined;
  const known = complete ? undefined : await people.getUser(record.person);
  const told = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Omit<UserRecord, 'updatedAt'>;
  const { _etag: _unused, ...stored } = (known ?? {}) as Partial<UserRecord> & { _etag?: string };
  await people.putUser({ ...stored, ...told, person: { ...stored.person, ...told.person }, updatedAt: now.toISOString() });
}

/** Whether the bot installed its app for this person within the last hour (deliver-round), so their install needs no welcome. */
export async function installedByBotLately(people: PeopleRecords, aadObjectId: string, now = new Date()): Promise<boolean> {
  const at = (await people.getUser({ aadObjectId }))?.installedByBotAt;
  return at !== undefined && now.getTime() - Date.parse(at) < 3_600_000;
}

/** Keeps a team the bot was added to: its roster helps find contacts given by e-mail. */
export async function rememberTeam(people: PeopleRecords, team: TeamRecord): Promise<void> {
  await people.putTeam(team);
}

export async function teamsTheBotIsIn(people: PeopleRecords): Promise<TeamRecord[]> {
  return people.listTeams();
}

/** The person's stored 1:1 chat with the bot, if the bot can message them there. */
export async function personalChatOf(
  people: PeopleRecords,
  person: Person,
): Promise<(UserRecord & { conversationId: string; serviceUrl: string }) | undefined> {
  const user = await people.getUser(person);
  return canBeMessaged(user) ? user : undefined;
}
