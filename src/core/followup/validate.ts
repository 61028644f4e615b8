/**
 * The rules an answer must pass before anything is written. Returns the answer to store, or the
 * reason it was refused; the caller tells the user in their language and writes nothing.
 */
import { contactsOf } from './contacts-of';
import {
  MAX_DESCRIPTION_LENGTH,
  answeredReports,
  reportKey,
  type Answer,
  type Contact,
  type Obligation,
  type Person,
  type Round,
  type StatusDefinition,
  type Status,
} from './model';

export type RefusalReason =
  | 'malformed'
  | 'unknown-round'
  | 'round-closed'
  | 'unknown-action'
  | 'not-responsible'
  | 'not-authorized'
  | 'invalid-status'
  | 'description-missing'
  | 'description-too-long'
  /** Moving to another action with typed text that is not saved: it would be lost. */
  | 'unsaved-changes'
  /** A colleague saved the action after the card was shown: not overwritten unseen. */
  | 'changed-by-other';

export interface SubmissionInput {
  year: unknown;
  actionId: unknown;
  unit: unknown;
  status: unknown;
  description: unknown;
}

export interface SubmissionContext {
  round: Round | undefined;
  obligations: Obligation[];
  contacts: readonly Contact[];
  isAdmin: boolean;
  user: Person;
  now: Date;
  /** The plan's status table: the only statuses an answer may have. */
  statuses: StatusDefinition[];
}

export type Verdict = { ok: true; answer: Answer } | { ok: false; reason: RefusalReason; detail?: string };

const refuse = (reason: RefusalReason, detail?: string): Verdict => ({ ok: false, reason, ...(detail ? { detail } : {}) });

/** Text a person typed: trimmed, line endings normalized, control characters removed. */
export function cleanDescription(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .trim()
  );
}

export function validateSubmission(input: SubmissionInput, context: SubmissionContext): Verdict {
  const { year, actionId, unit, status, description } = input;
  if (typeof year !== 'number' && typeof year !== 'string') return refuse('malformed', 'year');
  if (typeof actionId !== 'string' || typeof unit !== 'string' || actionId.length > 20 || unit.length > 100)
    return refuse('malformed', 'ids');
  const round = context.round;
  if (!round || String(round.year) !== String(year)) return refuse('unknown-round', String(year).slice(0, 10));
  if (round.state !== 'open') return refuse('round-closed', String(round.year));
  if (!context.obligations.some((o) => o.actionId === actionId)) return refuse('unknown-action', actionId);
  if (!context.obligations.some((o) => o.actionId === actionId && o.unit === unit)) return refuse('not-responsible', `${actionId}/${unit}`);
  const isContact = contactsOf(context.contacts, context.user).some((c) => c.unit === unit);
  if (!isContact && !context.isAdmin) return refuse('not-authorized', unit);
  if (typeof status !== 'string' || !context.statuses.some((s) => s.key === status)) return refuse('invalid-status');
  if (typeof description !== 'string') return refuse('description-missing');
  const cleaned = cleanDescription(description);
  if (cleaned === '') return refuse('description-missing');
  if (cleaned.length > MAX_DESCRIPTION_LENGTH) return refuse('description-too-long', String(cleaned.length));
  return {
    ok: true,
    answer: {
      year: round.year,
      actionId,
      unit,
      status: status as Status,
      description: cleaned,
      answeredBy: context.user,
      answeredAt: context.now.toISOString(),
      onBehalf: !isContact,
    },
  };
}

/** How far a unit has come: answered obligations out of all of the unit's obligations in the round. */
export function progress(
  obligations: Obligation[],
  answers: Array<Pick<Answer, 'actionId' | 'unit'>>,
  units: string[],
): { answered: number; total: number } {
  const asked = new Set(units);
  const mine = obligations.filter((o) => asked.has(o.unit));
  const answeredKeys = answeredReports(answers);
  const answered = mine.filter((o) => answeredKeys.has(reportKey(o))).length;
  return { answered, total: mine.length };
}
