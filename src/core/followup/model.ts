/**
 * The annual follow-up: who must report which action, what an answer is, and the rules an
 * answer must pass. Pure: no storage, no Teams.
 */
import type { Resolution } from './reach';

export type { StatusColor, StatusDefinition } from '../plan/follow-up-config';
export { statusDefinition, statusLabel } from '../plan/follow-up-config';

/** A status's key in the plan's status table (plan.followUp.statuses): "pagaende", "gron", … */
export type Status = string;

/** A report row without an answer, counted beside the statuses. */
export const NOT_REPORTED = { label: 'Ej rapporterad', enLabel: 'Not reported', color: 'neutral' } as const;

/** "Beskrivning av utveckling": required, at most this many characters. */
export const MAX_DESCRIPTION_LENGTH = 2000;
/**
 * What the card's field takes, and gives back after a refusal: well above what is saved, so that a
 * long paste is refused with its length said, never cut short in silence by the client.
 */
export const MAX_TYPED_DESCRIPTION_LENGTH = 3 * MAX_DESCRIPTION_LENGTH;

/** Stands for the unit of a row that prints no Ansvarig (A20-2): only an admin can answer it. */
export const NO_UNIT = '(ingen ansvarig angiven)';

export interface Person {
  /** Entra ID object id: how Teams identifies the user (activity.from.aadObjectId). */
  aadObjectId?: string;
  /** E-mail or UPN, as given by the admin; matched case-insensitively. */
  upn?: string;
  name?: string;
}

export interface Contact {
  unit: string;
  /** As the admin gave it: an Entra object id or an e-mail/UPN. */
  person: Person;
  /** For a person given by e-mail: their Entra object id once found, or why not (core/followup/reach.ts). */
  resolution?: Resolution;
}

/** Whether `person` (as Teams names them) is this contact: as given, or by the id found for them. */
export function isContactPerson(contact: Contact, person: Person): boolean {
  if (samePerson(contact.person, person)) return true;
  const found = contact.resolution && 'aadObjectId' in contact.resolution ? contact.resolution.aadObjectId : undefined;
  return Boolean(found && person.aadObjectId && found.toLowerCase() === person.aadObjectId.toLowerCase());
}

export interface Roles {
  /** Admins may start, close and remind, edit contacts, and answer on a unit's behalf. */
  admins: Person[];
  /** The safety chief (säkerhetschef) receives summaries; also an admin. */
  safetyChief: Person | null;
}

export type RoundState = 'open' | 'closed';

export interface Round {
  year: number;
  /** Last day to answer, YYYY-MM-DD, Swedish time. */
  deadline: string;
  state: RoundState;
  planVersion: string;
  startedBy: Person;
  startedAt: string;
  closedAt?: string;
  /** When an admin last reopened the round after it was closed. */
  reopenedAt?: string;
  /** When an admin last took the closed round's archive package: only then may the round be deleted. */
  archivedAt?: string;
  /** Days before the deadline on which those who have not finished are reminded. */
  reminderDaysBefore: number[];
  /** The reminders already sent (days before the deadline). */
  remindersSent?: number[];
  /** The summaries already sent to the safety chief ("weekly:2025-W07", "complete", "closed"). */
  summariesSent?: string[];
  /** Where the round was started, as the channel that sends its messages needs it. */
  origin?: RoundOrigin;
}

/**
 * Where a round was started: the admin's locale (the round's language), and whatever the channel
 * that sends the round's messages keeps to reach the admin and open new chats. The core reads only
 * the locale; the rest is the channel's (Teams: bot/followup/teams-origin.ts).
 */
export type RoundOrigin = { locale?: string } & Record<string, unknown>;

/** One report the round expects: an action as seen by one responsible unit. */
export interface Obligation {
  actionId: string;
  unit: string;
}

export interface Answer {
  year: number;
  actionId: string;
  unit: string;
  status: Status;
  description: string;
  answeredBy: Person;
  answeredAt: string;
  /** True when an admin answered for the unit (a unit without contacts, such as Polisen). */
  onBehalf: boolean;
}

export interface AnswerChange {
  year: number;
  actionId: string;
  unit: string;
  by: Person;
  at: string;
  before: Pick<Answer, 'status' | 'description'> | null;
  after: Pick<Answer, 'status' | 'description'>;
  onBehalf: boolean;
}

export function samePerson(a: Person, b: Person): boolean {
  if (a.aadObjectId && b.aadObjectId) return a.aadObjectId.toLowerCase() === b.aadObjectId.toLowerCase();
  if (a.upn && b.upn) return a.upn.toLowerCase() === b.upn.toLowerCase();
  return false;
}

/** One report of a round, an action for one unit, as a key: an answer's and its obligation's are the same. */
export const reportKey = (report: { actionId: string; unit: string }): string => `${report.actionId}\u0000${report.unit}`;

/** The reports that have an answer: one pass over the round's answers, not one per obligation. */
export const answeredReports = (answers: ReadonlyArray<{ actionId: string; unit: string }>): Set<string> => new Set(answers.map(reportKey));

export function personKey(p: Person): string {
  if (p.aadObjectId) return `aad:${p.aadObjectId.toLowerCase()}`;
  if (p.upn) return `upn:${p.upn.toLowerCase()}`;
  throw new Error('A person needs an Entra object id or an e-mail/UPN');
}
