/**
 * A unit's contacts: who gets the round message for the unit's actions. Admins only; a unit must
 * be one the plan asks to report. Replacing a unit's contacts (the contacts card) is one batch.
 */
import { parsePerson } from '../core/followup/person';
import { MAX_CONTACTS, MAX_CONTACTS_PER_UNIT } from '../core/limits';
import { personKey, type Contact, type Person } from '../core/followup/model';
import type { FollowUp } from './follow-up';
import { NO_DIRECTORY, type PeopleDirectory } from './people-directory';
import { resolveContacts } from './resolve-contacts';
import { unlessAdmin } from './access';
import { refuse, type Refusal, type Result } from './result';

/** Units that report in the plan, in plan order; not the placeholder for rows without Ansvarig. */
export function reportingUnits(service: Pick<FollowUp, 'obligations'>): string[] {
  return [...new Set(service.obligations.map((o) => o.unit))].filter((u) => !u.startsWith('('));
}

const knownUnit = (service: Pick<FollowUp, 'obligations'>, unit: string): boolean => service.obligations.some((o) => o.unit === unit);

/** A refusal unless an admin acts on a unit the plan asks to report. */
async function unlessAdminOfUnit(service: Pick<FollowUp, 'isAdmin' | 'obligations'>, actor: Person, unit: string) {
  return (
    (await unlessAdmin(service, actor)) ??
    (knownUnit(service, unit) ? undefined : refuse({ reason: 'unknown-unit', unit: unit.slice(0, 40) }))
  );
}

/**
 * A refusal when the units' contacts after the change would be more than a unit or the bot keeps
 * (core/limits.ts): a card lists them, a round sends to them, memory holds them.
 */
async function overLimit(
  service: Pick<FollowUp, 'people'>,
  changes: Array<{ unit: string; people: Person[] }>,
  mode: 'add' | 'replace',
): Promise<({ ok: false } & Refusal) | undefined> {
  const current = await service.people.listContacts();
  const after = new Map<string, Set<string>>();
  for (const c of current) after.set(c.unit, (after.get(c.unit) ?? new Set()).add(personKey(c.person)));
  if (mode === 'replace') for (const { unit } of changes) after.set(unit, new Set());
  for (const { unit, people } of changes) for (const p of people) after.set(unit, (after.get(unit) ?? new Set()).add(personKey(p)));
  for (const { unit } of changes)
    if (after.get(unit)!.size > MAX_CONTACTS_PER_UNIT)
      return refuse({ reason: 'too-many-contacts', unit, max: MAX_CONTACTS_PER_UNIT, scope: 'unit' });
  const total = [...after.values()].reduce((n, s) => n + s.size, 0);
  if (total > MAX_CONTACTS) return refuse({ reason: 'too-many-contacts', unit: changes[0]?.unit ?? '', max: MAX_CONTACTS, scope: 'all' });
  return undefined;
}

export async function listContacts(
  service: Pick<FollowUp, 'isAdmin' | 'obligations' | 'people'>,
  actor: Person,
): Promise<Result<{ units: string[]; contacts: readonly Contact[] }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  return { ok: true, units: reportingUnits(service), contacts: await service.people.listContacts() };
}

export async function addContacts(
  service: Pick<FollowUp, 'isAdmin' | 'obligations' | 'people' | 'unitsOf'>,
  actor: Person,
  input: { unit: string; people: Person[] },
  directory: PeopleDirectory = NO_DIRECTORY,
): Promise<Result<{ unit: string; people: Person[] }>> {
  const refused = (await unlessAdminOfUnit(service, actor, input.unit)) ?? (await overLimit(service, [input], 'add'));
  if (refused) return refused;
  for (const person of input.people) await service.people.addContact({ unit: input.unit, person });
  await resolveContacts(service, directory, { units: [input.unit] }); // people given by e-mail: found now, not on the first day
  const people = (await service.people.listContacts()).filter((c) => c.unit === input.unit).map((c) => c.person);
  return { ok: true, unit: input.unit, people };
}

export async function removeContact(
  service: Pick<FollowUp, 'isAdmin' | 'people'>,
  actor: Person,
  input: { unit: string; person: Person },
): Promise<Result<{ unit: string; person: Person }>> {
  const refused = await unlessAdmin(service, actor);
  if (refused) return refused;
  await service.people.removeContact({ unit: input.unit, person: input.person });
  return { ok: true, unit: input.unit, person: input.person };
}

/** Gives a unit exactly these contacts (the others it had are removed), in one batch. */
export async function setUnitContacts(
  service: Pick<FollowUp, 'isAdmin' | 'obligations' | 'people' | 'unitsOf'>,
  actor: Person,
  input: { unit: string; people: Person[] },
  directory: PeopleDirectory = NO_DIRECTORY,
): Promise<Result<{ unit: string; people: Person[] }>> {
  const refused = (await unlessAdminOfUnit(service, actor, input.unit)) ?? (await overLimit(service, [input], 'replace'));
  if (refused) return refused;
  await service.people.setUnitContacts(input.unit, input.people);
  await resolveContacts(service, directory, { units: [input.unit] });
  return { ok: true, unit: input.unit, people: input.people };
}

/** The contacts card's form: a unit and its people as typed (e-mails or object ids, any separator). */
export async function replaceUnitContacts(
  service: Pick<FollowUp, 'isAdmin' | 'obligations' | 'people' | 'unitsOf'>,
  actor: Person,
  input: { unit: unknown; people: unknown },
  directory: PeopleDirectory = NO_DIRECTORY,
): Promise<Result<{ unit: string; people: Person[]; typed: string[] }>> {
  const unit = typeof input.unit === 'string' ? input.unit : '';
  const refused = await unlessAdminOfUnit(service, actor, unit);
  if (refused) return refused;
  const typed = (typeof input.people === 'string' ? input.people : '').split(/[,;\s]+/).filter(Boolean);
  const people = typed.map(parsePerson);
  if (people.some((p) => p === null)) return refuse({ reason: 'bad-person' });
  // An empty field does not silently take away a unit's contacts; "ta bort kontakt" does that.
  if (people.length === 0) return refuse({ reason: 'no-people', unit });
  const set = await setUnitContacts(service, actor, { unit, people: people as Person[] }, directory);
  return set.ok ? { ...set, typed } : set;
}

/**
 * A file of contacts (npm run contacts:import), all or nothing: every unit known to the plan, every
 * limit kept, then written as one change that a failure part way undoes. People given by e-mail are
 * looked up afterwards, as when an admin gives them.
 */
export async function importContacts(
  service: Pick<FollowUp, 'isAdmin' | 'obligations' | 'people' | 'unitsOf'>,
  actor: Person,
  input: { contacts: Contact[]; mode: 'add' | 'replace' },
  directory: PeopleDirectory = NO_DIRECTORY,
): Promise<Result<{ units: string[]; contacts: number }>> {
  const refusedActor = await unlessAdmin(service, actor);
  if (refusedActor) return refusedActor;
  const units = [...new Set(input.contacts.map((c) => c.unit))];
  const unknown = units.find((u) => !knownUnit(service, u));
  if (unknown !== undefined) return refuse({ reason: 'unknown-unit', unit: unknown.slice(0, 40) });
  const changes = units.map((unit) => ({ unit, people: input.contacts.filter((c) => c.unit === unit).map((c) => c.person) }));
  const refused = await overLimit(service, changes, input.mode);
  if (refused) return refused;
  await service.people.changeContacts(changes, input.mode);
  await resolveContacts(service, directory, { units });
  return { ok: true, units, contacts: input.contacts.length };
}
