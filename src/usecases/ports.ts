/**
 * The ports the use cases need, each named by what it keeps: rounds and their answers, the people
 * (contacts, roles, how to reach someone), the municipality's words, leases, and report links.
 * The persistence adapters (src/persistence) implement them on the document store. Expected
 * outcomes come back as values ('conflict', 'exists'); an exception means the store failed.
 */
import type { Answer, AnswerChange, Contact, Person, Roles, Round } from '../core/followup/model';
import type { ReachProblem, Resolution } from '../core/followup/reach';
import type { GlossaryEntry } from '../core/plan/glossary';
import type { MunicipalityWord, UnknownWord } from '../core/qa/municipality-words';

/** A write made only if the document is still as read: 'conflict' when someone wrote it in between (nothing written). */
export type WriteOutcome = 'saved' | 'conflict';

export type AnswerOutcome = 'created' | 'changed' | 'unchanged';

export type Versioned<T> = T & { _etag: string };

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

/** What the bot needs to message a user proactively, saved when they install or write to the bot. */
export interface UserRecord {
  person: Person;
  conversationId?: string;
  serviceUrl?: string;
  tenantId?: string;
  /** The chat service's id for the user in this bot's conversations (Teams: "29:…"). */
  teamsUserId?: string;
  /** Their locale ("sv-SE", "en-US"), from their last activity: the language of what the bot sends them. */
  locale?: string;
  /** When the bot installed its app for this person (Graph) to send a round message: no welcome on that install. */
  installedByBotAt?: string;
  updatedAt: string;
}

/** A team the bot was added to: its roster is a way to find people given by e-mail. */
export interface TeamRecord {
  teamId: string;
  serviceUrl: string;
  tenantId?: string;
}

/** Rounds, their answers with the history of changes, and who has had the round message. */
export interface RoundRecords {
  getRound(year: number): Promise<Versioned<Round> | undefined>;
  /** 'exists' when that round was started already (nothing written). */
  createRound(round: Round): Promise<'created' | 'exists'>;
  updateRound(round: Round, ifMatch: string): Promise<WriteOutcome>;
  listRounds(): Promise<Round[]>;
  /** The round and its answers, in one read: what a card action decides on. */
  getRoundWithAnswers(year: number): Promise<{ round: Versioned<Round>; answers: Array<Versioned<Answer>> } | undefined>;
  listAnswers(year: number): Promise<Array<Versioned<Answer>>>;
  getAnswer(year: number, actionId: string, unit: string): Promise<Versioned<Answer> | undefined>;
  /**
   * The answers of an earlier round, for "last year's answer" on a card: a closed round's no longer
   * change and are kept in memory for a while, so each card costs no read. Empty when there is no
   * such round.
   */
  earlierAnswers(year: number): Promise<Answer[]>;
  listHistory(year: number): Promise<AnswerChange[]>;
  /**
   * Stores an answer and its history entry together, if the stored answer is still `current` (null:
   * none). 'conflict': someone else wrote it in between, and nothing was written.
   */
  saveAnswer(answer: Answer, current: Versioned<Answer> | null): Promise<AnswerOutcome | 'conflict'>;
  listDeliveries(year: number): Promise<Array<Versioned<Delivery>>>;
  /** Writes a delivery if it is still as read (`ifMatch`; none: it must not exist yet); its new ETag, or 'conflict'. */
  putDelivery(delivery: Delivery, ifMatch?: string): Promise<{ etag: string } | 'conflict'>;
  /**
   * A person (known by any of `identities`: their e-mail, their Entra id) erased from a round: the answers they gave and the changes they made name
   * `replacement` instead (the answers are public records and stay with their unit), and the
   * records of the round message sent to them are deleted. How many of each.
   */
  eraseFromRound(year: number, identities: Person[], replacement: Person): Promise<ErasedFromRound>;
  /** Deletes the round with everything in its partition (answers, history, deliveries): how many documents. */
  deleteRound(year: number): Promise<number>;
}

export interface ErasedFromRound {
  answers: number;
  history: number;
  deliveries: number;
}

/** What was erased about one person, by count only: kept so the erasure can be accounted for, naming nobody. */
export interface ErasureRecord {
  at: string;
  /** The admin who asked for it (or the operator at the command line). */
  by: Person;
  counts: Record<string, number>;
}

/** The people: the units' contacts, the roles, how to reach someone, and the teams the bot is in. */
export interface PeopleRecords {
  listContacts(): Promise<readonly Contact[]>;
  /** Keeps what was found out about a contact given by e-mail (their Entra object id, or why not). */
  setContactResolution(contact: Contact, resolution: Resolution): Promise<void>;
  addContact(contact: Contact): Promise<void>;
  removeContact(contact: Contact): Promise<void>;
  /** Replaces a unit's contacts, all or nothing; those who stay keep what was found about them. */
  setUnitContacts(unit: string, people: Person[]): Promise<void>;
  /**
   * Many units' contacts changed at once (a file's import), all or nothing: each unit gets exactly
   * `people` ('replace') or keeps its own and gets `people` too ('add'). A failure part way undoes
   * what was written, and is thrown.
   */
  changeContacts(units: Array<{ unit: string; people: Person[] }>, mode: 'add' | 'replace'): Promise<void>;
  /** The roles, with the ETag to change them with (none while nobody has stored roles). */
  getRoles(): Promise<Roles & { _etag?: string }>;
  replaceRoles(roles: Roles, ifMatch: string | undefined): Promise<WriteOutcome>;
  /** Found by Entra object id, or by e-mail/UPN once the user's UPN is known. */
  getUser(person: Person): Promise<UserRecord | undefined>;
  putUser(user: UserRecord): Promise<void>;
  putTeam(team: TeamRecord): Promise<void>;
  listTeams(): Promise<TeamRecord[]>;
  /** Every user record (for showing a person's data, and for retention). */
  listUsers(): Promise<UserRecord[]>;
  /** Deletes the user record(s) of a person, under every key they are kept by: how many. */
  deleteUser(person: Person): Promise<number>;
  recordErasure(record: ErasureRecord): Promise<void>;
  listErasures(): Promise<ErasureRecord[]>;
}

/** The municipality's words: expansions of codes, its own words for the plan's terms, and words counted in questions. */
export interface WordRecords {
  putGlossaryEntry(entry: GlossaryEntry): Promise<void>;
  listGlossaryEntries(): Promise<GlossaryEntry[]>;
  putMunicipalityWord(word: MunicipalityWord): Promise<void>;
  /** False when there was no such word. */
  deleteMunicipalityWord(word: string): Promise<boolean>;
  listMunicipalityWords(): Promise<MunicipalityWord[]>;
  getUnknownWords(): Promise<{ words: UnknownWord[]; _etag?: string }>;
  replaceUnknownWords(words: UnknownWord[], ifMatch: string | undefined): Promise<WriteOutcome>;
  /** Glossary entries and municipality words given by `who` (as whoSaid wrote it) name `replacement` instead: how many. */
  renameGiver(who: string, replacement: string): Promise<number>;
}

/** Work one bot instance at a time may do. */
export interface Leases {
  /** Takes the lease for `ttlMs` if it is free, expired or already ours; false if another owner holds it. */
  acquire(name: string, owner: string, ttlMs: number, now?: number): Promise<boolean>;
  release(name: string, owner: string): Promise<void>;
}

/** A report file, or a closed round's archive package (a zip). */
export type ReportFormat = 'xlsx' | 'md' | 'docx' | 'zip';

/** What a report link opens, and for whom it was made. */
export interface ReportLink {
  year: number;
  format: ReportFormat;
  createdBy: Person;
}

/** Links to a report: a token that opens it once, until it expires. */
export interface ReportLinks {
  create(year: number, format: ReportFormat, createdBy: Person, ttlMs: number, now?: number): Promise<string>;
  /** What the token opens, leaving it usable (a link scanner's look, the download page). */
  resolve(token: string, now?: number): Promise<ReportLink | undefined>;
  /** What the token opens, and the token used up: of two at once, one gets it. */
  redeem(token: string, now?: number): Promise<ReportLink | undefined>;
  /** The links made for a person (erasure), or those expired before `now` (retention): how many were deleted. */
  deleteWhere(match: { createdBy: Person } | { expiredBefore: number }): Promise<number>;
  /** The links not yet used, with whom they were made for (showing a person's data). */
  list(): Promise<Array<ReportLink & { expiresAt: number }>>;
}

/** Everything kept, as the ports the use cases take parts of. */
export interface Records {
  rounds: RoundRecords;
  people: PeopleRecords;
  words: WordRecords;
  leases: Leases;
  reportLinks: ReportLinks;
}
