/**
 * Storing an answer that others may be storing at the same moment (a double click, a retried
 * request, a colleague): exactly one answer and one history entry per real change. The stored
 * answer the caller has just read is used first, so a save with nothing in its way is one write.
 */
import type { Answer } from '../core/followup/model';
import { changeIfUnchanged } from './change-if-unchanged';
import type { AnswerOutcome, RoundRecords, Versioned } from './ports';

export async function storeAnswer(
  rounds: Pick<RoundRecords, 'saveAnswer' | 'getAnswer'>,
  answer: Answer,
  /** The stored answer as just read (null: none); undefined: read it first. */
  current?: Versioned<Answer> | null,
): Promise<AnswerOutcome> {
  const read = async (attempt: number): Promise<Versioned<Answer> | null> =>
    attempt === 1 && current !== undefined ? current : ((await rounds.getAnswer(answer.year, answer.actionId, answer.unit)) ?? null);
  return changeIfUnchanged(`answer ${answer.actionId}/${answer.unit}`, read, (stored) => rounds.saveAnswer(answer, stored));
}
