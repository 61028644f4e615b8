/**
 * One person's data (GDPR articles 15 and 17), for an admin: `personuppgifter <e-mail>` shows all
 * the bot keeps about them, `glöm <e-mail>` erases it after a confirmation. Their contact entries,
 * roles, chat records and report links go; in answers and their history, which are public records
 * and stay with their unit, they become "borttagen person"; a count of what was erased is kept,
 * naming nobody. The last admin is never erased (nobody could run the bot's follow-up afterwards).
 */
import { isContactPerson, samePerson, type Contact, type Person } from '../core/followup/model';
import type { UserRecord } from './ports';
import { roundLabel } from '../core/followup/periods';
import type { FollowUp } from './follow-up';
import { unlessAdmin } from './access';
import { refuse, type Result } from './result';
import { changeIfUnchanged } from './change-if-unchanged';

/** Who an erased person becomes in the answers and history that stay. */
export const ERASED_PERSON: Person = Object.freeze({ name: 'borttagen person' });

type PersonalDataService = Pick<FollowUp, 'isAdmin' | 'configuredAdminList' | 'people' | 'rounds' | 'words' | 'reportLinks'>;

/** Everything kept about one person, as shown to an admin (and through them to the person). */
export interface PersonalData {
  /** The person as asked, and the other ids they are known by here (their Entra object id). */
  identities: Person[];
  /** Their name as Teams last gave it, when they have written to the bot. */
  name?: string;
  contacts: Array<{ unit: string; found?: string }>;
  roles: { admin: boolean; safetyChief: boolean; configuredAdmin: boolean };
  /** How the bot reaches them in a chat: kept since they wrote to it or it installed itself for them. */
  chat?: { since: string; locale?: string; installedByBotAt?: string };
  /** Answers standing in their name, by round. */
  answers: Array<{ round: string; actionId: string; unit: string; at: string }>;
  /** Changes of answers they made, counted by round. */
  changes: Array<{ round: string; count: number }>;
  /** Round messages sent to them, by round. */
  deliveries: Array<{ round: string; state: string }>;
  reportLinks: number;
  /** Code names and words for the plan they gave ("ordlista", "synonym"), under their name. */
  wordsGiven: string[];
  /** False when the bot keeps nothing at all about them (a typo, or someone already erased). */
  kept: boolean;
}

/** What an erasure did, by count. */
export interface Erased {
  contacts: number;
  roles: number;
  chats: number;
  answers: number;
  history: number;
  deliveries: number;
  reportLinks: number;
  wordsGiven: number;
}

/** The ids a person is known by: as asked, their chat record's, and the Entra id found for them as a contact. */
function identitiesOf(person: Person, user: UserRecord | undefined, contacts: readonly Contact[]): Person[] {
  const identities: Person[] = [person];
  const add = (p: Person | undefined) => {
    if (p && (p.aadObjectId || p.upn) && !identities.some((i) => samePerson(i, p) && (!p.upn || i.upn === p.upn))) identities.push(p);
  };
  add(user?.person.aadObjectId ? { aadObjectId: user.person.aadObjectId } : undefined);
  add(user?.person.upn ? { upn: user.person.upn } : undefined);
  for (const c of contacts) {
    if (!isContactPerson(c, person)) continue;
    if (c.person.aadObjectId) add({ aadObjectId: c.person.aadObjectId });
    if (c.resolution && 'aadObjectId' in c.resolution) add({ aadObjectId: c.resolution.aadObjectId });
  }
  return identities;
}

const isAny = (identities: Person[], p: Person | null | undefined): boolean => Boolean(p && identities.some((i) => samePerson(i, p)));
/** How "ordlista" and "synonym" wrote who gave a word (access.ts whoSaid): e-mail, else Entra id. */
const giverNames = (identities: Person[]): string[] =>
  identities.flatMap((i) => [i.upn, i.aadObjectId].filter((x): x is string => Boolean(x)));

async function collect(service: PersonalDataService, person: Person): Promise<PersonalData> {
  // Read once: the chat record and the contacts both give the ids the person is known by.
  const user = await service.people.getUser(person);
  const allContacts = await service.people.listContacts();
  const identities = identitiesOf(person, user, allContacts);
  const contacts = allContacts.filter((c) => identities.some((i) => isContactPerson(c, i)));
  const roles = await service.people.getRoles();
  const data: PersonalData = {
    identities,
    ...(user?.person.name ? { name: user.person.name } : {}),
    contacts: contacts.map((c) => ({
      unit: c.unit,
      ...(c.resolution && 'aadObjectId' in c.resolution ? { found: c.resolution.aadObjectId } : {}),
    })),
    roles: {
      admin: roles.admins.some((a) => isAny(identities, a)),
      safetyChief: isAny(identities, roles.safetyChief),
      configuredAdmin: service.configuredAdminList().some((a) => isAny(identities, a)),
    },
    ...(user
      ? {
          chat: {
            since: user.updatedAt,
            ...(user.locale ? { locale: user.locale } : {}),
            ...(user.installedByBotAt ? { installedByBotAt: user.installedByBotAt } : {}),
          },
        }
      : {}),
    answers: [],
    changes: [],
    deliveries: [],
    reportLinks: (await service.reportLinks.list()).filter((l) => isAny(identities, l.createdBy)).length,
    wordsGiven: [],
    kept: false,
  };
  for (const round of await service.rounds.listRounds()) {
    const label = roundLabel(round.year);
    for (const a of await service.rounds.listAnswers(round.year))
      if (isAny(identities, a.answeredBy)) data.answers.push({ round: label, actionId: a.actionId, unit: a.unit, at: a.answeredAt });
    const changes = (await service.rounds.listHistory(round.year)).filter((h) => isAny(identities, h.by)).length;
    if (changes > 0) data.changes.push({ round: label, count: changes });
    for (const d of await service.rounds.listDeliveries(round.year))
      if (isAny(identities, d.recipient)) data.deliveries.push({ round: label, state: d.state });
  }
  const givers = giverNames(identities).map((g) => g.toLowerCase());
  const given = (setBy: string | undefined) => setBy !== undefined && givers.includes(setBy.toLowerCase());
  for (const e of await service.words.listGlossaryEntries()) if (given(e.setBy)) data.wordsGiven.push(`ordlista ${e.code}`);
  for (const w of await service.words.listMunicipalityWords()) if (given(w.setBy)) data.wordsGiven.push(`synonym ${w.word}`);
  data.kept =
    data.contacts.length + data.answers.length + data.changes.length + data.deliveries.length + data.wordsGiven.length + data.reportLinks >
      0 ||
    data.chat !== undefined ||
    data.roles.admin ||
    data.roles.safetyChief ||
    data.roles.configuredAdmin;
  return data;
}

/** Everything kept about a person given by e-mail or Entra id: for admins only. */
export async function showPersonalData(
  service: PersonalDataService,
  actor: Person,
  input: { person: Person },
): Promise<Result<{ data: PersonalData }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  if (!input.person.upn && !input.person.aadObjectId) return refuse({ reason: 'bad-person' });
  return { ok: true, data: await collect(service, input.person) };
}

/**
 * Erases a person: without `confirmed`, what would go (the admin confirms on that); with it, done.
 * Refused for the last admin, and for an admin by configuration (BOOTSTRAP_ADMINS), who is removed there.
 */
export async function forgetPerson(
  service: PersonalDataService,
  actor: Person,
  input: { person: Person; confirmed: boolean },
  now = new Date(),
): Promise<Result<{ toConfirm: PersonalData } | { erased: Erased }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  if (!input.person.upn && !input.person.aadObjectId) return refuse({ reason: 'bad-person' });
  const data = await collect(service, input.person);
  const { identities } = data;
  if (data.roles.configuredAdmin) return refuse({ reason: 'configured-admin' });
  const roles = await service.people.getRoles();
  const othersAdmin =
    service.configuredAdminList().length > 0 ||
    roles.admins.some((a) => !isAny(identities, a)) ||
    (roles.safetyChief !== null && !isAny(identities, roles.safetyChief));
  if ((data.roles.admin || data.roles.safetyChief) && !othersAdmin) return refuse({ reason: 'last-admin' });
  if (!input.confirmed) return { ok: true, toConfirm: data };

  const erased: Erased = { contacts: 0, roles: 0, chats: 0, answers: 0, history: 0, deliveries: 0, reportLinks: 0, wordsGiven: 0 };
  // What lets the bot reach or act for them goes first: their contact entries and roles.
  for (const c of await service.people.listContacts())
    if (identities.some((i) => isContactPerson(c, i))) {
      await service.people.removeContact(c);
      erased.contacts += 1;
    }
  if (data.roles.admin || data.roles.safetyChief) {
    await changeIfUnchanged(
      'the roles',
      () => service.people.getRoles(),
      ({ _etag, ...current }) =>
        service.people.replaceRoles(
          {
            admins: current.admins.filter((a) => !isAny(identities, a)),
            safetyChief: isAny(identities, current.safetyChief) ? null : current.safetyChief,
          },
          _etag,
        ),
    );
    erased.roles = Number(data.roles.admin) + Number(data.roles.safetyChief);
  }
  for (const identity of identities) erased.chats += await service.people.deleteUser(identity);
  for (const identity of identities) erased.reportLinks += await service.reportLinks.deleteWhere({ createdBy: identity });
  // The answers stay with their unit (public records), in the name of nobody.
  for (const round of await service.rounds.listRounds()) {
    const r = await service.rounds.eraseFromRound(round.year, identities, ERASED_PERSON);
    erased.answers += r.answers;
    erased.history += r.history;
    erased.deliveries += r.deliveries;
  }
  for (const giver of giverNames(identities)) erased.wordsGiven += await service.words.renameGiver(giver, ERASED_PERSON.name!);
  await service.people.recordErasure({ at: now.toISOString(), by: actor, counts: { ...erased } });
  return { ok: true, erased };
}
