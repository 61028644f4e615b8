/**
 * A person's contact entries (the units they answer for), found through an index of the contact
 * list instead of a pass over it. Every card action asks this, and with 500 contacts the pass
 * compared 500 people (lower-casing both sides each time) for each of 200 answers saved at once.
 * The index is built once per list: the people records hand out the same list until it changes.
 */
import { isContactPerson, type Contact, type Person } from './model';

/** By list: each key's positions in the list. */
const indexes = new WeakMap<readonly Contact[], Map<string, number[]>>();

const aadKey = (id: string): string => `aad:${id.toLowerCase()}`;
const upnKey = (upn: string): string => `upn:${upn.toLowerCase()}`;

/** Every key a contact can be matched by: the person as given, and the Entra id found for an e-mail. */
function keysOfContact(contact: Contact): string[] {
  const keys: string[] = [];
  if (contact.person.aadObjectId) keys.push(aadKey(contact.person.aadObjectId));
  if (contact.person.upn) keys.push(upnKey(contact.person.upn));
  const found = contact.resolution && 'aadObjectId' in contact.resolution ? contact.resolution.aadObjectId : undefined;
  if (found) keys.push(aadKey(found));
  return keys;
}

function indexOf(contacts: readonly Contact[]): Map<string, number[]> {
  let index = indexes.get(contacts);
  if (!index) {
    index = new Map();
    for (const [position, contact] of contacts.entries())
      for (const key of new Set(keysOfContact(contact))) {
        const positions = index.get(key);
        if (positions) positions.push(position);
        else index.set(key, [position]);
      }
    indexes.set(contacts, index);
  }
  return index;
}

/**
 * The contacts that are `person`, in the list's order: exactly those isContactPerson accepts (the
 * index only finds the candidates; a person whose Entra id differs from the contact's is not them,
 * even with the same e-mail). The list must not change while it is in use; a changed list is a new one.
 */
export function contactsOf(contacts: readonly Contact[], person: Person): Contact[] {
  const index = indexOf(contacts);
  const candidates = new Set<number>([
    ...(person.aadObjectId ? (index.get(aadKey(person.aadObjectId)) ?? []) : []),
    ...(person.upn ? (index.get(upnKey(person.upn)) ?? []) : []),
  ]);
  return [...candidates]
    .sort((a, b) => a - b)
    .map((position) => contacts[position]!)
    .filter((contact) => isContactPerson(contact, person));
}
