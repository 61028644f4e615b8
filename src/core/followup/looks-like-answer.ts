/**
 * Whether a chat message reads like an answer to the follow-up rather than a question about the
 * plan: it names a status ("pågående", "ej påbörjad", …) or is a few sentences long. Asked only
 * of messages the plan has no answer to, from people who have a round to answer.
 */
import type { StatusDefinition } from './model';

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export function looksLikeAnswer(text: string, statuses: StatusDefinition[]): boolean {
  if (text.trim().endsWith('?')) return false; // a question, whatever it names
  const lower = text.toLowerCase();
  const namesStatus = statuses.some((s) => {
    return [s.label, s.enLabel].some((label) => new RegExp(`(^|[^\\p{L}])${label.toLowerCase()}([^\\p{L}]|$)`, 'u').test(lower));
  });
  return namesStatus || words(text) >= 12;
}
