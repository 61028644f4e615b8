/**
 * "Vad betyder Påbörjad?", "Vad är skillnaden mellan Pågående och Påbörjad?", "Vilka statusar finns?":
 * the statuses an owner reports in the follow-up, with the plan's own definitions (its follow-up
 * table). Every plan has its statuses in its data, so the words are the plan's, not Linköping's.
 */
import type { StatusDefinition } from '../../plan/follow-up-config';
import type { Answer, Language } from '../answer-model';
import { folded } from '../diacritics';
import { escapeRegExp } from '../text';
import type { PlanKnowledge } from './knowledge';

/** Asking what a status means, how two differ, or when to choose one. */
const DEFINING =
  /(^|[^\p{L}])(betyder|betyda|innebär|innebara|innebar|menas|skillnad|skillnaden|definition|när (ska|väljer|bör)|mean|means|meaning|difference|when (do|should))(?=$|[^\p{L}])/iu;
/** Asking which statuses there are. */
const LISTING =
  /(^|[^\p{L}])(vilka|which|what|lista|list)\s+(\p{L}+\s+)?(status|statusar|statusarna|statuses|svarsalternativ)(?=$|[^\p{L}])/iu;

/** The statuses a question asks about, or undefined when it asks about none of them. */
export function statusAnswer(k: PlanKnowledge, question: string, language: Language): Answer | undefined {
  const statuses = k.plan.followUp.statuses;
  const text = ` ${folded(question)} `;
  const named = statuses.filter((s) => [s.label, s.enLabel].some((label) => label && containsWords(text, folded(label))));
  // "Ej påbörjad" also contains "påbörjad": the longer name wins where both are read.
  const asked = named.filter(
    (s) => !named.some((o) => o !== s && folded(o.label).includes(folded(s.label)) && containsWords(text, folded(o.label))),
  );
  // A name alone is asked only with a question mark ("Påbörjad?"); without one it reads as an answer
  // typed into the chat, which the follow-up points to its card.
  const onlyNames = /\?\s*$/.test(question) && asked.length > 0 && withoutNames(text, statuses).trim() === '';
  if (!(LISTING.test(question) || (asked.length > 0 && (DEFINING.test(question) || onlyNames)))) return undefined;
  return {
    kind: 'statuses',
    language,
    statuses: statuses.map((s) => ({
      label: s.label,
      enLabel: s.enLabel,
      description: language === 'en' ? s.enDescription : s.description,
    })),
    asked: asked.map((s) => s.label),
    citation: k.cite([]),
  };
}

function containsWords(text: string, words: string): boolean {
  return new RegExp(`(^|[^\\p{L}])${escapeRegExp(words)}(?=$|[^\\p{L}])`, 'iu').test(text);
}

function withoutNames(text: string, statuses: StatusDefinition[]): string {
  let rest = text;
  for (const s of [...statuses].sort((a, b) => b.label.length - a.label.length))
    for (const label of [s.label, s.enLabel]) if (label) rest = rest.split(folded(label)).join(' ');
  return rest.replace(/(^|[^\p{L}])(och|eller|and|or)(?=$|[^\p{L}])/gu, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ');
}
