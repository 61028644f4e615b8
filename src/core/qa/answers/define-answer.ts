/** What an abbreviation or a code means: the plan's own list, the glossary, or where the plan writes it unexplained. */
import { findSubunit, findUnit } from '../../plan/glossary';
import type { Answer, Language } from '../answer-model';
import { detectFocus } from '../intent';
import type { PlanKnowledge } from './knowledge';
import { noTopicAnswer } from './area-answers';
import { searchAnswer } from './search-answer';

export function defineAnswer(k: PlanKnowledge, question: string, term: string, language: Language): Answer {
  const cleaned = term
    .replace(/[?!."“”']/g, '')
    .replace(/\s+(i planen|i åtgärdsplanen|in the plan)$/i, '')
    // "Vad är en SIG?": the article is not part of the term.
    .replace(/^(en|ett|the|a|an)\s+(?=\S)/i, '')
    .trim();
  // "Vad betyder det?": what "det" was is in a message the bot does not keep.
  if (/^(det|den|detta|denna|dom|dem|de|that|it|this|mer|more)$/i.test(cleaned)) {
    return noTopicAnswer(k, language);
  }
  const upper = cleaned.toLocaleUpperCase('sv');
  const fromPlan = k.plan.abbreviations.find((a) => a.abbreviation.toLocaleUpperCase('sv') === upper);
  const usedIn = (code: string): string[] => k.actionsNaming(code);
  if (fromPlan) {
    const ids = usedIn(fromPlan.abbreviation);
    return {
      kind: 'abbreviation',
      language,
      term: fromPlan.abbreviation,
      expansion: fromPlan.expansion,
      source: 'plan',
      notes: fromPlan.notes,
      kindLabel: null,
      usedIn: ids,
      citation: k.cite(ids),
    };
  }
  const unit = findUnit(k.glossary, cleaned);
  const subunit = unit ? undefined : findSubunit(k.glossary, cleaned);
  const known = unit ?? subunit;
  if (known) {
    const ids = usedIn(cleaned);
    const kindLabel = unit ? unit.kind : `subunit:${subunit!.parent}`;
    return {
      kind: 'abbreviation',
      language,
      term: known.code,
      expansion: known.expansion,
      source: 'glossary',
      notes: known.source ? [known.source] : [],
      kindLabel,
      ...(known.setBy ? { setBy: known.setBy, setAt: known.setAt } : {}),
      usedIn: ids,
      citation: ids.length ? k.cite(ids) : null,
    };
  }
  // "Vad är kamerabevakning?" or "What is funded by Vinnova?" are questions about the plan's content.
  if (/^[A-ZÅÄÖ]{2,6}$/.test(cleaned) && !k.search.knows(cleaned)) {
    // A code the plan writes in its cells without explaining it ("IOP Novahuset"): where it is, never "not in the plan".
    const ids = usedIn(cleaned);
    if (ids.length > 0) {
      return {
        kind: 'abbreviation',
        language,
        term: cleaned,
        expansion: null,
        source: 'plan-unexplained',
        notes: [],
        kindLabel: null,
        usedIn: ids,
        citation: k.cite(ids),
      };
    }
    return { kind: 'not-found', language, reason: 'unknown-term', detail: cleaned };
  }
  return searchAnswer(k, question, language, detectFocus(question));
}
