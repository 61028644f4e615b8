/**
 * An answer typed into the chat instead of the round card: the person is pointed to their card
 * ("min uppföljning"), not told that the plan says nothing about it.
 */
import type { Person } from '../core/followup/model';
import type { Answer } from '../core/qa/answer-model';
import { looksLikeAnswer } from '../core/followup/looks-like-answer';
import type { FollowUp } from './follow-up';
import { openRound } from './rounds';

/**
 * The open round and the person's units when `text` reads like an answer they meant for it;
 * undefined otherwise. Asked only where the plan has no answer of its own (`planAnswer`: nothing
 * found, or only the nearest rows to choose from): a question the plan answers is a question.
 */
export async function answerTypedInChat(
  service: Pick<FollowUp, 'plan' | 'rounds' | 'unitsOf'>,
  actor: Person,
  text: string,
  planAnswer: Answer['kind'],
): Promise<{ year: number; deadline: string; units: string[] } | undefined> {
  if (planAnswer !== 'not-found' && planAnswer !== 'suggestions') return undefined;
  if (!looksLikeAnswer(text, service.plan.followUp.statuses)) return undefined;
  const round = await openRound(service);
  if (!round) return undefined;
  const units = await service.unitsOf(actor);
  return units.length > 0 ? { year: round.year, deadline: round.deadline, units } : undefined;
}
