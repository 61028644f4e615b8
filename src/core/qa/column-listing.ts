/**
 * Listings across a column of the plan: "Vilka åtgärder har extern finansiering?", "… saknar
 * ansvarig?", "… görs med IOP-partner?". The criteria come from the plan's own cells: its funders
 * (those the glossary calls the municipality's own budget are not external), empty Ansvarig cells,
 * and the qualifiers the plan prints in front of partner names.
 */
import type { Action, Plan } from '../plan/model';
import { findUnit, type UnitGlossary } from '../plan/glossary';
import type { ColumnCriterion } from './answer-model';
import { tokenize } from './text';
import { detectFocus } from './intent';

export interface ColumnListing {
  column: 'ansvarig' | 'samverkan' | 'finansiering';
  criterion: ColumnCriterion;
  actions: Action[];
}

const LISTING = /^\s*(vilka|vilken|lista|visa|finns det|which|list|show|are there|who are)\b/i;
/**
 * "Vad finansieras externt?", "What has no funding?": a question for what lists too, when it has
 * no word but the funding criterion's ("vad har kamerabevakningen för finansiering?" is one row's).
 */
const WHAT = /^\s*(vad|what)\b/i;
const FUNDING_CRITERION_WORDS = new Set(
  (
    'vad har får finns det är som och för ingen inga saknar saknas utan inte någon finansieras finansierad finansierade finansiering ' +
    'pengar medel bidrag extern externt externa externfinansierade utifrån ' +
    'what has have is are gets get no without lacks lack lacking funded funding funds financed financing money external externally from outside'
  ).split(' '),
);
/** Money words beside the intent's own test for a question about Finansiering (detectFocus). */
const MONEY = /\b(pengar|medel|bidrag|money|grants?)\b/i;
const EXTERNAL = /\bextern|\butifrån|\butanför|\bexternal|\boutside/i;
/** Words for partners in general ("externa aktörer", "partners outside the municipality"). */
const PARTNERS =
  /\b(aktörer|aktör|partner|partners|parter|samverkanspartner|samverkansparter|organisationer|myndigheter|actors|organisations|organizations|agencies)\b/i;
const NO_PARTNER =
  /\b(ingen|inga|utan|saknar|saknas|inte har någon|no|without|lack|lacks)\s+(samverkan|samverkanspart|samverkansparter|samverkanspartner|partners?|parter|cooperation)\b/i;
const NO_OWNER = /\b(ingen|utan|saknar|inte har någon|no|without|lack)\s+(ansvarig|ansvar|owner|responsible|one responsible)/i;
/** "saknar finansiering", "har ingen angiven finansiering", "have no funding": the negation counts, a few words before. */
const NO_FUNDING =
  /\b(ingen|inga|utan|saknar|saknas|inte har någon|no|without|lack|lacks|lacking)\s+(?:\S+\s+){0,2}?(finansiering|finansierade|pengar|medel|budget|funding|funds|money|financing)\b/i;
/** More actions without funding than this, and the listing shows those with it instead (the smaller side). */
const MAX_ROWS_LISTED = 25;

/** Funders that are the municipality's own budget ("inom ram"): what the glossary says is internal. */
function isOwnBudget(code: string, glossary: UnitGlossary): boolean {
  const expansion = findUnit(glossary, code)?.expansion ?? '';
  return /egen budget|own budget/i.test(expansion);
}

/**
 * "Vilka externa aktörer samverkar kommunen med?", "Who are the external partners?": asks for the
 * partners outside the municipality themselves (the answerer lists them with their actions).
 */
export function asksForExternalPartners(question: string): boolean {
  return LISTING.test(question) && EXTERNAL.test(question) && PARTNERS.test(question);
}

export function columnListing(question: string, plan: Plan, glossary: UnitGlossary): ColumnListing | undefined {
  if (!LISTING.test(question)) {
    const onlyCriterion = tokenize(question).every((w) => FUNDING_CRITERION_WORDS.has(w));
    return WHAT.test(question) && onlyCriterion ? fundingListing(question, plan, glossary) : undefined;
  }
  if (NO_PARTNER.test(question)) {
    return { column: 'samverkan', criterion: { kind: 'no-partner' }, actions: plan.actions.filter((a) => a.samverkan.units.length === 0) };
  }
  if (NO_OWNER.test(question)) {
    return { column: 'ansvarig', criterion: { kind: 'no-owner' }, actions: plan.actions.filter((a) => a.ansvarig.units.length === 0) };
  }
  // A qualifier the plan prints in front of partners ("IOP Novahuset"), named in the question ("IOP-partner").
  const words = new Set(tokenize(question).flatMap((t) => [t, ...t.split('-')]));
  const qualifiers = new Set(
    plan.actions.flatMap((a) => a.samverkan.units.map((u) => u.qualifier ?? '')).filter((q) => /^[A-ZÅÄÖ]{2,6}$/.test(q)),
  );
  for (const qualifier of qualifiers) {
    if (!words.has(qualifier.toLocaleLowerCase('sv'))) continue;
    const actions = plan.actions.filter((a) => a.samverkan.units.some((u) => u.qualifier === qualifier));
    return { column: 'samverkan', criterion: { kind: 'qualifier', qualifier }, actions };
  }
  return fundingListing(question, plan, glossary);
}

/** The rows with funding (external, or any), or without: "… saknar finansiering", "… finansieras externt". */
function fundingListing(question: string, plan: Plan, glossary: UnitGlossary): ColumnListing | undefined {
  if (NO_FUNDING.test(question)) {
    const without = plan.actions.filter((a) => a.finansiering.funders.length === 0);
    const shown = without.length > MAX_ROWS_LISTED ? 'with' : 'without';
    const criterion = { kind: 'no-funding', without: without.length, total: plan.actions.length, shown } as const;
    const actions = shown === 'without' ? without : plan.actions.filter((a) => a.finansiering.funders.length > 0);
    return { column: 'finansiering', criterion, actions };
  }
  const aboutFunding = detectFocus(question) === 'finansiering' || MONEY.test(question);
  if (aboutFunding && (EXTERNAL.test(question) || /\b(har|får|has|have|get)\b/i.test(question))) {
    const external = EXTERNAL.test(question);
    const funded = (a: Action) => a.finansiering.funders.some((f) => !external || !isOwnBudget(f.code, glossary));
    return { column: 'finansiering', criterion: { kind: 'funding', external }, actions: plan.actions.filter(funded) };
  }
  return undefined;
}
