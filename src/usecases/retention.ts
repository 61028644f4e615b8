/**
 * Keeping data no longer than needed (GDPR art. 5.1 e), on the scheduler's daily pass:
 * - chat records (how the bot reaches someone) of people who are neither a contact nor an admin
 *   and have not written to the bot for `chatDays`;
 * - contact entries of people the directory has said for `leftContactDays` are gone or disabled
 *   (they left): the unit keeps its other contacts, and the admins see the unit without one;
 * - report links past their time (they open nothing any more).
 * Closed rounds' answers are never removed here: an admin archives and deletes them (archive-round).
 */
import { isContactPerson, samePerson } from '../core/followup/model';
import type { FollowUp } from './follow-up';

export interface RetentionPolicy {
  /** Days a chat record of someone with no role here is kept after their last activity. */
  chatDays: number;
  /** Days a contact the directory no longer has (left, disabled) is kept. */
  leftContactDays: number;
}

export interface RetentionOutcome {
  chats: number;
  contacts: Array<{ unit: string; problem: string }>;
  reportLinks: number;
}

const DAY_MS = 86_400_000;

export async function applyRetention(
  service: Pick<FollowUp, 'people' | 'reportLinks' | 'configuredAdminList'>,
  policy: RetentionPolicy,
  now = new Date(),
): Promise<RetentionOutcome> {
  const outcome: RetentionOutcome = { chats: 0, contacts: [], reportLinks: 0 };
  const gone = (since: string, days: number) => now.getTime() - Date.parse(since) >= days * DAY_MS;

  for (const contact of await service.people.listContacts()) {
    const r = contact.resolution;
    if (!r || !('problem' in r) || (r.problem !== 'not-in-directory' && r.problem !== 'account-disabled')) continue;
    if (!gone(r.since ?? r.at, policy.leftContactDays)) continue;
    await service.people.removeContact(contact);
    outcome.contacts.push({ unit: contact.unit, problem: r.problem });
  }

  const contacts = await service.people.listContacts();
  const roles = await service.people.getRoles();
  const hasRole = (p: { aadObjectId?: string; upn?: string }) =>
    contacts.some((c) => isContactPerson(c, p)) ||
    roles.admins.some((a) => samePerson(a, p)) ||
    (roles.safetyChief !== null && samePerson(roles.safetyChief, p)) ||
    service.configuredAdminList().some((a) => samePerson(a, p));
  for (const user of await service.people.listUsers()) {
    if (hasRole(user.person) || !gone(user.updatedAt, policy.chatDays)) continue;
    outcome.chats += await service.people.deleteUser(user.person);
  }

  outcome.reportLinks = await service.reportLinks.deleteWhere({ expiredBefore: now.getTime() });
  return outcome;
}
