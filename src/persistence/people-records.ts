/**
 * The people on the document store, in the directory container: contacts, roles, users (how to
 * reach someone) and teams. The contacts are read on every card action and change a few times a
 * year, so they are kept in memory for a few seconds; a change made here is seen at once, one made
 * on another instance within `contactsMs`.
 */
import { MAX_BATCH_OPERATIONS, type BatchOperation, type DocumentBody, type DocumentStore } from '../store/document-store';
import { personKey, type Contact, type Person, type Roles } from '../core/followup/model';
import type { Resolution } from '../core/followup/reach';
import { randomUUID } from 'node:crypto';
import type { ErasureRecord, PeopleRecords, TeamRecord, UserRecord, WriteOutcome } from '../usecases/ports';
import { documentId, strip } from './document-ids';
import { saved, writeIfUnchanged } from './write-if-unchanged';

type ContactDoc = DocumentBody & Contact & { type: 'contact' };
type RolesDoc = DocumentBody & Roles & { type: 'roles' };
type UserDoc = DocumentBody & UserRecord & { type: 'user' };
type ErasureDoc = DocumentBody & ErasureRecord & { type: 'erasure' };

const contactId = (contact: Contact): string => documentId('contact', contact.unit, personKey(contact.person));
const userId = (key: string): string => documentId('user', key);

/** How long the contacts read are used without reading them again. */
export const CONTACTS_KEPT_MS = 5_000;

/**
 * How long a user record read is used again: a round's sending reads each person's record to decide
 * how to reach them and again to send (use case and messenger). A write here replaces it at once.
 */
const USERS_KEPT_MS = 2_000;

/** The keys a person is stored under: the Entra object id and, when known, the UPN (contacts may be given by either). */
const keysOf = (person: Person): string[] =>
  [person.aadObjectId && personKey({ aadObjectId: person.aadObjectId }), person.upn && personKey({ upn: person.upn })].filter(
    Boolean,
  ) as string[];

export class PeopleOnStore implements PeopleRecords {
  private contacts: { at: number; list: Promise<readonly Contact[]> } | undefined;
  private readonly users = new Map<string, { at: number; user: Promise<UserRecord | undefined> }>();

  constructor(
    private readonly store: DocumentStore,
    private readonly contactsMs = CONTACTS_KEPT_MS,
  ) {}

  /**
   * The same frozen list while it is kept, so that what is built from it once (the index of
   * core/followup/contacts-of) serves every card action until the contacts change.
   */
  listContacts(now = Date.now()): Promise<readonly Contact[]> {
    if (this.contacts && now - this.contacts.at < this.contactsMs) return this.contacts.list;
    const list = this.readContacts();
    const kept = { at: now, list };
    this.contacts = kept;
    list.catch(() => {
      if (this.contacts === kept) this.contacts = undefined;
    });
    return list;
  }

  private async readContacts(): Promise<readonly Contact[]> {
    return Object.freeze(
      (await this.store.listPartition<ContactDoc>('directory', 'contacts', 'contact')).map((d) => ({
        unit: d.unit,
        person: d.person,
        ...(d.resolution ? { resolution: d.resolution } : {}),
      })),
    );
  }

  /** After a change: the next listing reads the store (a listing in flight may predate the change). */
  private async changingContacts(write: () => Promise<void>): Promise<void> {
    this.contacts = undefined;
    try {
      await write();
    } finally {
      this.contacts = undefined;
    }
  }

  async setContactResolution(contact: Contact, resolution: Resolution): Promise<void> {
    const doc: ContactDoc = {
      id: contactId(contact),
      pk: 'contacts',
      type: 'contact',
      unit: contact.unit,
      person: contact.person,
      resolution,
    };
    await this.changingContacts(async () => void (await this.store.upsert<ContactDoc>('directory', doc)));
  }

  async addContact(contact: Contact): Promise<void> {
    const doc: ContactDoc = { id: contactId(contact), pk: 'contacts', type: 'contact', ...contact };
    await this.changingContacts(async () => void (await this.store.upsert<ContactDoc>('directory', doc)));
  }

  async removeContact(contact: Contact): Promise<void> {
    await this.changingContacts(() => this.store.delete('directory', 'contacts', contactId(contact)));
  }

  async setUnitContacts(unit: string, people: Person[]): Promise<void> {
    await this.changingContacts(async () => {
      const current = (await this.readContacts()).filter((c) => c.unit === unit);
      const wanted = new Set(people.map(personKey));
      const kept = new Map(current.map((c) => [personKey(c.person), c.resolution]));
      const operations: BatchOperation[] = [
        ...current.filter((c) => !wanted.has(personKey(c.person))).map((c) => ({ op: 'delete' as const, id: contactId(c) })),
        ...people.map((person) => {
          const resolution = kept.get(personKey(person));
          return {
            op: 'upsert' as const,
            doc: { id: contactId({ unit, person }), pk: 'contacts', type: 'contact', unit, person, ...(resolution ? { resolution } : {}) },
          };
        }),
      ];
      if (operations.length > 0) await this.store.batch('directory', 'contacts', operations);
    });
  }

  async changeContacts(units: Array<{ unit: string; people: Person[] }>, mode: 'add' | 'replace'): Promise<void> {
    await this.changingContacts(async () => {
      const current = await this.store.listPartition<ContactDoc>('directory', 'contacts', 'contact');
      const before = new Map(current.map((d) => [d.id, d]));
      const changed = new Set(units.map((u) => u.unit));
      const wanted = new Map<string, ContactDoc>();
      for (const { unit, people } of units)
        for (const person of people) {
          const id = contactId({ unit, person });
          const resolution = before.get(id)?.resolution;
          wanted.set(id, { id, pk: 'contacts', type: 'contact', unit, person, ...(resolution ? { resolution } : {}) });
        }
      const operations: BatchOperation[] = [
        ...(mode === 'replace'
          ? current.filter((d) => changed.has(d.unit) && !wanted.has(d.id)).map((d) => ({ op: 'delete' as const, id: d.id }))
          : []),
        ...[...wanted.values()].map((doc) => ({ op: 'upsert' as const, doc })),
      ];
      await this.applyAllOrNothing(operations, before);
    });
  }

  /**
   * Operations in batches of at most 100 (a Cosmos DB transactional batch holds no more), each
   * batch all or nothing; when one fails, the batches before it are undone from `before`, so the
   * contacts are as they were.
   */
  private async applyAllOrNothing(operations: BatchOperation[], before: Map<string, ContactDoc>): Promise<void> {
    const done: BatchOperation[] = [];
    try {
      for (let i = 0; i < operations.length; i += MAX_BATCH_OPERATIONS) {
        const chunk = operations.slice(i, i + MAX_BATCH_OPERATIONS);
        await this.store.batch('directory', 'contacts', chunk);
        done.push(...chunk);
      }
    } catch (error) {
      const undo: BatchOperation[] = done.map((op) => {
        const id = op.op === 'delete' ? op.id : op.doc.id;
        const earlier = before.get(id);
        if (!earlier) return { op: 'delete' as const, id };
        const { _etag: _e, _ts: _t, ...doc } = earlier as ContactDoc & { _etag?: string; _ts?: number };
        return { op: 'upsert' as const, doc };
      });
      for (let i = 0; i < undo.length; i += MAX_BATCH_OPERATIONS)
        await this.store.batch('directory', 'contacts', undo.slice(i, i + MAX_BATCH_OPERATIONS));
      throw error;
    }
  }

  async getRoles(): Promise<Roles & { _etag?: string }> {
    const doc = await this.store.read<RolesDoc>('directory', 'settings', 'roles');
    return doc ? strip<Roles>(doc) : { admins: [], safetyChief: null };
  }

  async replaceRoles(roles: Roles, ifMatch: string | undefined): Promise<WriteOutcome> {
    const doc: RolesDoc = { id: 'roles', pk: 'settings', type: 'roles', admins: roles.admins, safetyChief: roles.safetyChief };
    return saved(await writeIfUnchanged(this.store, 'directory', doc, ifMatch));
  }

  async getUser(person: Person, now = Date.now()): Promise<UserRecord | undefined> {
    for (const key of keysOf(person)) {
      const user = await this.userUnder(key, now);
      if (user) return user;
    }
    return undefined;
  }

  private userUnder(key: string, now: number): Promise<UserRecord | undefined> {
    const kept = this.users.get(key);
    if (kept && now - kept.at < USERS_KEPT_MS) return kept.user;
    if (this.users.size >= 10_000) this.users.clear();
    const user = this.store.read<UserDoc>('directory', 'users', userId(key)).then((doc) => (doc ? strip<UserRecord>(doc) : undefined));
    const entry = { at: now, user };
    this.users.set(key, entry);
    user.catch(() => this.users.get(key) === entry && this.users.delete(key));
    return user;
  }

  async putUser(user: UserRecord): Promise<void> {
    for (const key of keysOf(user.person)) {
      this.users.delete(key);
      try {
        await this.store.upsert<UserDoc>('directory', { id: userId(key), pk: 'users', type: 'user', ...user });
      } finally {
        // A read that began during the write may hold what was there before: the next one reads again.
        this.users.delete(key);
      }
    }
  }

  async putTeam(team: TeamRecord): Promise<void> {
    await this.store.upsert<DocumentBody & TeamRecord>('directory', {
      id: documentId('team', team.teamId),
      pk: 'teams',
      type: 'team',
      ...team,
    });
  }

  async listUsers(): Promise<UserRecord[]> {
    // A person is kept under their Entra id and their UPN: listed once.
    const seen = new Set<string>();
    const users: UserRecord[] = [];
    for (const doc of await this.store.listPartition<UserDoc>('directory', 'users', 'user')) {
      const key = keysOf(doc.person)[0] ?? doc.id;
      if (seen.has(key)) continue;
      seen.add(key);
      const { _etag: _e, ...user } = strip<UserRecord>(doc);
      users.push(user);
    }
    return users;
  }

  async deleteUser(person: Person): Promise<number> {
    // Under the keys asked and the keys of the record found (asked by e-mail, also kept by Entra id).
    const found = await this.getUser(person, Number.NEGATIVE_INFINITY);
    const keys = new Set([...keysOf(person), ...(found ? keysOf(found.person) : [])]);
    let deleted = 0;
    for (const key of keys) {
      this.users.delete(key);
      if (await this.store.read('directory', 'users', userId(key))) {
        await this.store.delete('directory', 'users', userId(key));
        deleted += 1;
      }
      this.users.delete(key);
    }
    return deleted;
  }

  async recordErasure(record: ErasureRecord): Promise<void> {
    await this.store.create<ErasureDoc>('directory', {
      id: documentId('erasure', record.at, randomUUID()),
      pk: 'erasures',
      type: 'erasure',
      ...record,
    });
  }

  async listErasures(): Promise<ErasureRecord[]> {
    return (await this.store.listPartition<ErasureDoc>('directory', 'erasures', 'erasure')).map((d) => ({
      at: d.at,
      by: d.by,
      counts: d.counts,
    }));
  }

  async listTeams(): Promise<TeamRecord[]> {
    return (await this.store.listPartition<DocumentBody & TeamRecord>('directory', 'teams', 'team')).map((d) => ({
      teamId: d.teamId,
      serviceUrl: d.serviceUrl,
      tenantId: d.tenantId,
    }));
  }
}
