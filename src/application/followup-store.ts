/**
 * The follow-up's data in the document store (see docs/data-model.md): rounds with their answers,
 * answer history and delivery state in one partition per round; contacts, roles and users in the
 * directory; leases for work that one bot instance at a time may do.
 */
import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  type BatchOperation,
  type DocumentBody,
  type DocumentStore,
  type StoredDocument,
} from '../store/document-store';
import { personKey, type Answer, type AnswerChange, type Contact, type Person, type Roles, type Round } from '../core/followup/model';
import type { ReachProblem, Resolution } from '../core/followup/reach';
import type { GlossaryEntry } from '../core/plan/glossary';
import type { MunicipalityWord, UnknownWord } from '../core/qa/municipality-words';

export const roundPartition = (year: number): string => `round-${year}`;
/**
 * A document id from parts that come from plan text and people's addresses. Cosmos DB refuses
 * / \\ ? # in ids, and | separates the parts: each is escaped as %XX (with % itself), so ids of
 * ordinary units and people read as before and no two different part lists share an id.
 */
const documentId = (...parts: string[]): string =>
  parts.map((p) => p.replace(/[%/\\?#|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)).join('|');

export const answerId = (actionId: string, unit: string): string => documentId('answer', actionId, unit);
const contactId = (contact: Contact): string => documentId('contact', contact.unit, personKey(contact.person));
const deliveryId = (recipient: Person): string => documentId('delivery', personKey(recipient));
const userId = (key: string): string => documentId('user', key);

type RoundDoc = DocumentBody & Round & { type: 'round' };
type AnswerDoc = DocumentBody & Answer & { type: 'answer' };
type HistoryDoc = DocumentBody & AnswerChange & { type: 'history' };
type ContactDoc = DocumentBody & Contact & { type: 'contact' };
type RolesDoc = DocumentBody & Roles & { type: 'roles' };
type UnknownWordsDoc = DocumentBody & { type: 'unknown-words'; words: UnknownWord[] };

/** sending: claimed by `claimedBy` and not yet settled; the others are settled. */
export type DeliveryState = 'sending' | 'delivered' | 'unreachable' | 'failed';
export interface Delivery {
  year: number;
  recipient: Person;
  /** Units this person answers for in the round. */
  units: string[];
  state: DeliveryState;
  claimedBy?: string;
  attempts: number;
  /** Passes whose send failed (not counting unreachable): after a few the person is not tried again. */
  failedPasses?: number;
  lastError?: string;
  /** Why an unreachable person could not be reached. */
  problem?: ReachProblem;
  conversationId?: string;
  activityId?: string;
  updatedAt: string;
}
type DeliveryDoc = DocumentBody & Delivery & { type: 'delivery' };

/** What Teams needs to message a user proactively, saved when they install or write to the bot. */
export interface UserRecord {
  person: Person;
  conversationId?: string;
  serviceUrl?: string;
  tenantId?: string;
  /** Teams' id for the user in this bot's conversations ("29:…"). */
  teamsUserId?: string;
  /** Their Teams locale ("sv-SE", "en-US"), from their last activity: the language of what the bot sends them. */
  locale?: string;
  /** When the bot installed its app for this person (Graph) to send a round message: no welcome on that install. */
  installedByBotAt?: string;
  updatedAt: string;
}
type UserDoc = DocumentBody & UserRecord & { type: 'user' };

/** A team the bot was added to (conversationUpdate in a team). */
export interface TeamRecord {
  teamId: string;
  serviceUrl: string;
  tenantId?: string;
}

export type AnswerOutcome = 'created' | 'changed' | 'unchanged';

const strip = <T>(doc: StoredDocument<DocumentBody & T>): T & { _etag: string } => {
  const { id: _id, pk: _pk, type: _type, _ts, ...rest } = doc as StoredDocument<DocumentBody & T> & Record<string, unknown>;
  return rest as unknown as T & { _etag: string };
};

export class FollowUpStore {
  constructor(readonly store: DocumentStore) {}

  // Rounds ---------------------------------------------------------------------------------------

  async getRound(year: number): Promise<(Round & { _etag: string }) | undefined> {
    const doc = await this.store.read<RoundDoc>('rounds', roundPartition(year), 'round');
    return doc ? strip<Round>(doc) : undefined;
  }

  /** Starts a round; ConflictError if that year's round exists. */
  async createRound(round: Round): Promise<void> {
    await this.store.create<RoundDoc>('rounds', { id: 'round', pk: roundPartition(round.year), type: 'round', ...round });
  }

  async updateRound(round: Round, ifMatch: string): Promise<void> {
    await this.store.replace<RoundDoc>('rounds', { id: 'round', pk: roundPartition(round.year), type: 'round', ...round }, ifMatch);
  }

  async listRounds(): Promise<Round[]> {
    return (await this.store.listByType<RoundDoc>('rounds', 'round')).map((d) => strip<Round>(d)).sort((a, b) => a.year - b.year);
  }

  // Answers --------------------------------------------------------------------------------------

  async getAnswer(year: number, actionId: string, unit: string): Promise<(Answer & { _etag: string }) | undefined> {
    const doc = await this.store.read<AnswerDoc>('rounds', roundPartition(year), answerId(actionId, unit));
    return doc ? strip<Answer>(doc) : undefined;
  }

  /** The round's answers, each with the ETag to change it with. */
  async listAnswers(year: number): Promise<Array<Answer & { _etag: string }>> {
    return (await this.store.listPartition<AnswerDoc>('rounds', roundPartition(year), 'answer')).map((d) => strip<Answer>(d));
  }

  /** The round and its answers in one query: what saving an answer decides on. Undefined when there is no such round. */
  async getRoundWithAnswers(
    year: number,
  ): Promise<{ round: Round & { _etag: string }; answers: Array<Answer & { _etag: string }> } | undefined> {
    const docs = await this.store.listPartition<RoundDoc | AnswerDoc>('rounds', roundPartition(year), ['round', 'answer']);
    const round = docs.find((d) => d.type === 'round');
    if (!round) return undefined;
    return { round: strip<Round>(round), answers: docs.filter((d) => d.type === 'answer').map((d) => strip<Answer>(d)) };
  }

  async listHistory(year: number): Promise<AnswerChange[]> {
    return (await this.store.listPartition<HistoryDoc>('rounds', roundPartition(year), 'history')).map((d) => strip<AnswerChange>(d));
  }

  /**
   * Stores an answer and its history entry together, with the answer's write first and
   * conditional (create, or replace with the ETag read), so a concurrent change, a double click or
   * a retried request leaves exactly one answer and one history entry per real change.
   */
  async saveAnswer(answer: Answer, current?: (Answer & { _etag: string }) | null): Promise<AnswerOutcome> {
    const pk = roundPartition(answer.year);
    const id = answerId(answer.actionId, answer.unit);
    for (let attempt = 0; attempt < 5; attempt++) {
      // The caller may pass the stored answer it has just read (null: none): then the first attempt reads nothing.
      const existing = attempt === 0 && current !== undefined ? current : await this.store.read<AnswerDoc>('rounds', pk, id);
      if (existing && existing.status === answer.status && existing.description === answer.description) return 'unchanged';
      const change: AnswerChange = {
        year: answer.year,
        actionId: answer.actionId,
        unit: answer.unit,
        by: answer.answeredBy,
        at: answer.answeredAt,
        before: existing ? { status: existing.status, description: existing.description } : null,
        after: { status: answer.status, description: answer.description },
        onBehalf: answer.onBehalf,
      };
      const doc: AnswerDoc = { id, pk, type: 'answer', ...answer };
      const history: HistoryDoc = {
        id: documentId('history', answer.actionId, answer.unit, answer.answeredAt, randomUUID()),
        pk,
        type: 'history',
        ...change,
      };
      try {
        await this.store.batch('rounds', pk, [
          existing ? { op: 'replace', doc, ifMatch: existing._etag } : { op: 'create', doc },
          { op: 'create', doc: history },
        ]);
        return existing ? 'changed' : 'created';
      } catch (error) {
        if (error instanceof ConflictError || error instanceof PreconditionFailedError) continue; // someone wrote first: look again
        throw error;
      }
    }
    throw new PreconditionFailedError(`${pk}/${id}: changed by others five times in a row`);
  }

  // Deliveries -----------------------------------------------------------------------------------

  async getDelivery(year: number, recipient: Person): Promise<(Delivery & { _etag: string }) | undefined> {
    const doc = await this.store.read<DeliveryDoc>('rounds', roundPartition(year), deliveryId(recipient));
    return doc ? strip<Delivery>(doc) : undefined;
  }

  async listDeliveries(year: number): Promise<Array<Delivery & { _etag: string }>> {
    return (await this.store.listPartition<DeliveryDoc>('rounds', roundPartition(year), 'delivery')).map((d) => strip<Delivery>(d));
  }

  async putDelivery(delivery: Delivery, ifMatch?: string): Promise<string> {
    const doc: DeliveryDoc = { id: deliveryId(delivery.recipient), pk: roundPartition(delivery.year), type: 'delivery', ...delivery };
    const saved = ifMatch ? await this.store.replace('rounds', doc, ifMatch) : await this.store.create('rounds', doc);
    return saved._etag;
  }

  // Directory ------------------------------------------------------------------------------------

  async listContacts(): Promise<Contact[]> {
    return (await this.store.listPartition<ContactDoc>('directory', 'contacts', 'contact')).map((d) => ({
      unit: d.unit,
      person: d.person,
      ...(d.resolution ? { resolution: d.resolution } : {}),
    }));
  }

  /** Keeps what was found out about a contact given by e-mail (its Entra object id, or why not). */
  async setContactResolution(contact: Contact, resolution: Resolution): Promise<void> {
    const doc: ContactDoc = {
      id: contactId(contact),
      pk: 'contacts',
      type: 'contact',
      unit: contact.unit,
      person: contact.person,
      resolution,
    };
    await this.store.upsert<ContactDoc>('directory', doc);
  }

  async addContact(contact: Contact): Promise<void> {
    await this.store.upsert<ContactDoc>('directory', { id: contactId(contact), pk: 'contacts', type: 'contact', ...contact });
  }

  async removeContact(contact: Contact): Promise<void> {
    await this.store.delete('directory', 'contacts', contactId(contact));
  }

  /** Replaces a unit's contacts with `people`, in one batch: all of it or nothing. Those who stay keep what was found about them. */
  async setUnitContacts(unit: string, people: Person[]): Promise<void> {
    const current = (await this.listContacts()).filter((c) => c.unit === unit);
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
  }

  /** The roles and the ETag to change them with (none while nobody has stored roles). */
  async getRoles(): Promise<Roles & { _etag?: string }> {
    const doc = await this.store.read<RolesDoc>('directory', 'settings', 'roles');
    return doc ? strip<Roles>(doc) : { admins: [], safetyChief: null };
  }

  /**
   * Stores the roles if they are still as read (`ifMatch`: the ETag read, undefined when there
   * were none): 'conflict' when someone changed them in between, and nothing is written.
   */
  async replaceRoles(roles: Roles, ifMatch: string | undefined): Promise<'saved' | 'conflict'> {
    const doc: RolesDoc = { id: 'roles', pk: 'settings', type: 'roles', admins: roles.admins, safetyChief: roles.safetyChief };
    return this.createOrReplace(doc, ifMatch);
  }

  /**
   * A directory document written if it is still as read (`ifMatch`, undefined when there was none):
   * 'conflict' when someone wrote it in between, and nothing is written.
   */
  private async createOrReplace(doc: DocumentBody, ifMatch: string | undefined): Promise<'saved' | 'conflict'> {
    try {
      if (ifMatch === undefined) await this.store.create('directory', doc);
      else await this.store.replace('directory', doc, ifMatch);
      return 'saved';
    } catch (error) {
      if (error instanceof ConflictError || error instanceof PreconditionFailedError || error instanceof NotFoundError) return 'conflict';
      throw error;
    }
  }

  /** Found by Entra object id, or by e-mail/UPN once the user's UPN is known. */
  async getUser(person: Person): Promise<UserRecord | undefined> {
    const keys = [
      person.aadObjectId && personKey({ aadObjectId: person.aadObjectId }),
      person.upn && personKey({ upn: person.upn }),
    ].filter(Boolean) as string[];
    for (const key of keys) {
      const doc = await this.store.read<UserDoc>('directory', 'users', userId(key));
      if (doc) return strip<UserRecord>(doc);
    }
    return undefined;
  }

  /** Saved under the Entra object id and, when known, also under the UPN (contacts may be given by either). */
  async putUser(user: UserRecord): Promise<void> {
    const keys = [
      user.person.aadObjectId && personKey({ aadObjectId: user.person.aadObjectId }),
      user.person.upn && personKey({ upn: user.person.upn }),
    ].filter(Boolean) as string[];
    for (const key of keys) await this.store.upsert<UserDoc>('directory', { id: userId(key), pk: 'users', type: 'user', ...user });
  }

  /** A team the bot is installed in: its roster is a way to find people given by e-mail. */
  async putTeam(team: TeamRecord): Promise<void> {
    await this.store.upsert<DocumentBody & TeamRecord>('directory', {
      id: documentId('team', team.teamId),
      pk: 'teams',
      type: 'team',
      ...team,
    });
  }

  async listTeams(): Promise<TeamRecord[]> {
    return (await this.store.listPartition<DocumentBody & TeamRecord>('directory', 'teams', 'team')).map((d) => ({
      teamId: d.teamId,
      serviceUrl: d.serviceUrl,
      tenantId: d.tenantId,
    }));
  }

  // The municipality's glossary ---------------------------------------------------------------------

  /** Keeps an expansion an admin gave for a code (one per code: a new one replaces it). */
  async putGlossaryEntry(entry: GlossaryEntry): Promise<void> {
    await this.store.upsert<DocumentBody & GlossaryEntry>('directory', {
      id: documentId('glossary', entry.code.toLocaleLowerCase('sv')),
      pk: 'glossary',
      type: 'glossary-entry',
      ...entry,
    });
  }

  async listGlossaryEntries(): Promise<GlossaryEntry[]> {
    return (await this.store.listPartition<DocumentBody & GlossaryEntry>('directory', 'glossary', 'glossary-entry')).map((d) => ({
      code: d.code,
      expansion: d.expansion,
      setBy: d.setBy,
      setAt: d.setAt,
    }));
  }

  // The municipality's own words --------------------------------------------------------------------

  /** Keeps a word an admin gave for the plan's terms (one per word: a new one replaces it). */
  async putMunicipalityWord(word: MunicipalityWord): Promise<void> {
    await this.store.upsert<DocumentBody & MunicipalityWord>('directory', {
      id: documentId('word', word.word),
      pk: 'words',
      type: 'municipality-word',
      ...word,
    });
  }

  /** False when there was no such word. */
  async deleteMunicipalityWord(word: string): Promise<boolean> {
    const id = documentId('word', word);
    if (!(await this.store.read('directory', 'words', id))) return false;
    await this.store.delete('directory', 'words', id);
    return true;
  }

  async listMunicipalityWords(): Promise<MunicipalityWord[]> {
    return (await this.store.listPartition<DocumentBody & MunicipalityWord>('directory', 'words', 'municipality-word')).map((d) => ({
      word: d.word,
      planTerms: d.planTerms,
      setBy: d.setBy,
      setAt: d.setAt,
    }));
  }

  /** The words counted in questions that found nothing, with the ETag to change them with (none before the first). */
  async getUnknownWords(): Promise<{ words: UnknownWord[]; _etag?: string }> {
    const doc = await this.store.read<UnknownWordsDoc>('directory', 'words', 'unknown-words');
    return doc ? { words: doc.words, _etag: doc._etag } : { words: [] };
  }

  /** Stores the counted words if they are still as read: 'conflict' when another instance wrote them in between. */
  async replaceUnknownWords(words: UnknownWord[], ifMatch: string | undefined): Promise<'saved' | 'conflict'> {
    const doc: UnknownWordsDoc = { id: 'unknown-words', pk: 'words', type: 'unknown-words', words };
    return this.createOrReplace(doc, ifMatch);
  }

  // Leases ---------------------------------------------------------------------------------------

  /**
   * Takes the named lease for `ttlMs` if it is free or expired (or already ours); false if another
   * owner holds it. Two bot instances racing for it: the store's create/ETag lets one win.
   */
  async acquireLease(name: string, owner: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    const existing = await this.store.read<DocumentBody & { owner: string; expiresAt: number }>('leases', name, name);
    const doc = { id: name, pk: name, type: 'lease', owner, expiresAt: now + ttlMs };
    try {
      if (!existing) await this.store.create('leases', doc);
      else if (existing.owner === owner || existing.expiresAt <= now) await this.store.replace('leases', doc, existing._etag);
      else return false;
      return true;
    } catch (error) {
      if (error instanceof ConflictError || error instanceof PreconditionFailedError) return false;
      throw error;
    }
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    const existing = await this.store.read<DocumentBody & { owner: string }>('leases', name, name);
    if (existing?.owner === owner) await this.store.delete('leases', name, name, existing._etag);
  }
}
