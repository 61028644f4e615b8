/** A question in free text: the rows the search finds, an owner named only when the plan is matched with confidence; otherwise the nearest rows without owners, or nothing. */
import type { Action } from '../../plan/model';
import type { Answer, Language, RoleFocus } from '../answer-model';
import type { SearchOutcome } from '../search';
import { asksForExternalPartners, columnListing } from '../column-listing';
import { involves, possessivesJoined, type PlanKnowledge } from './knowledge';
import { actionsAnswer } from './listing-answers';
import { noTopicAnswer } from './area-answers';
import { funderAnswer, isOnlyFunder, partnersAnswer, sharedAnswer, unitAnswer } from './unit-answers';

export function searchAnswer(k: PlanKnowledge, question: string, language: Language, focus: RoleFocus): Answer {
  const units = k.mentionedUnits(question);
  if (units.length === 0 && asksForExternalPartners(question)) return partnersAnswer(k, language);
  const listing = units.length === 0 ? columnListing(question, k.plan, k.glossary) : undefined;
  if (listing) {
    return {
      kind: 'column',
      language,
      column: listing.column,
      criterion: listing.criterion,
      actions: listing.actions.map((a) => k.view(a)),
      citation: k.cite(listing.actions.map((a) => a.id)),
    };
  }
  let remaining = possessivesJoined(question);
  for (const u of units) remaining = remaining.replace(u.token, ' ');
  // Beside a unit, words for "its tasks" or "its part" ("Vilka uppdrag har UTB?", "Vad är VOF
  // inblandade i?") ask for the unit's listing, not for a topic.
  if (units.length > 0)
    remaining = remaining.replace(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu, (word) =>
      UNIT_LISTING_WORDS.has(word.toLocaleLowerCase('sv')) ? ' ' : word,
    );
  // Beside a unit, the rows that involve it are looked for among all that match, not only the best five.
  let outcome = k.search.search(remaining, units.length > 0 ? k.plan.actions.length : SEARCH_LIMIT);

  if (units.length > 0 && outcome.contentWords.length === 0) {
    // "KLF (SÄK)": a unit with one of its subunits named in parentheses after it.
    const sub = units.find((u) => u.code.startsWith('sub:'));
    const parent = units.find((u) => !u.code.startsWith('sub:'));
    if (sub && (!parent || units.length === 2)) return unitAnswer(k, language, sub.code.slice(4), focus, parent?.code);
    const shared = sharedAnswer(k, language, question, units);
    if (shared) return shared;
    const unit = units[0]!;
    if (focus === 'finansiering' || isOnlyFunder(k, unit.code)) return funderAnswer(k, language, unit.code);
    return unitAnswer(k, language, unit.code, focus);
  }
  let actions = outcome.hits.map((h) => k.byId.get(h.actionId)!);
  if (units.length > 0 && actions.length > 0) {
    const involving = actions.filter((a) => units.some((u) => involves(a, u.code)));
    if (involving.length > 0) actions = involving.slice(0, SEARCH_LIMIT);
    else {
      // No row found involves the unit: its name may be a word of the rows' own text instead
      // ("BFT och segregationsarbetet", "kontroller med andra myndigheter"). Searched with it, if that finds rows outright.
      const whole = k.search.search(question, SEARCH_LIMIT);
      const own = k.plan.actions.filter((a) => units.some((u) => involves(a, u.code)));
      if (whole.hits.length > 0 && !whole.relaxed && !whole.apart && !whole.weak) {
        outcome = whole;
        actions = whole.hits.map((h) => k.byId.get(h.actionId)!);
      } else if (own.length > 0 && own.length <= FEW_ACTIONS_OF_A_PARTNER) {
        // A partner with a row or two ("Swecos utbildning" ~ A21-1's "kunskapshöjande insats … framtagen
        // av Sweco"): its rows are what the question is about, whatever else it calls them.
        return actionsAnswer(k, language, focus, 'text', own);
      }
    }
  }
  actions = actions.slice(0, SEARCH_LIMIT);
  // Nothing but question words, "och", "mer", "det" ("vem mer?", "och samverkan?", "vad betyder det?"):
  // a follow-up to a question the bot does not keep. Not "nothing in the plan about that".
  if (actions.length === 0 && units.length === 0 && outcome.contentWords.length === 0) {
    // Unless a code in capitals that is also a small word ("SIG", read as "sig") is the topic: its rows.
    const coded = codeInCapitals(k, question);
    if (coded.length > 0) return actionsAnswer(k, language, focus, 'text', coded);
    return noTopicAnswer(k, language);
  }
  if (actions.length === 0) return { kind: 'not-found', language, reason: 'no-match' };
  // A question that opens "Hur många …", "När …" asks for numbers and dates the plan does not give;
  // nearest rows would mislead. ("när" inside a question is a conjunction: "… när vi bygger nytt".)
  if ((outcome.apart || outcome.weak) && /^\s*(hur många|hur mycket|när|how many|how much|when)\s/i.test(question)) {
    return { kind: 'not-found', language, reason: 'no-match' };
  }
  if (outcome.apart || outcome.weak) {
    // A verb of "vem <verb> …" the plan has nowhere is named as what was not found ("bemöter").
    const why = outcome.ignoredVerbs?.length ? 'unmatched' : outcome.weak ? 'partly' : 'apart';
    return suggestionsAnswer(language, why, outcome.ignoredVerbs ?? [], outcome.contentWords, actions);
  }
  // Found by one rare word while another word of the question, which looks like its topic, is nowhere in
  // the plan ("belysningen i tunneln", "snöröjningen på skolgården"): the nearest rows, no owner.
  // Unless what was found is most of the question (as a relaxed search's must be).
  const nowhere = outcome.nowhere ?? [];
  const found = outcome.contentWords.filter((w) => !nowhere.includes(w));
  const topicNowhere = nowhere.filter((w) => looksLikeTopic(w, outcome.contentWords));
  if (topicNowhere.length > 0 && !isConfidentRelaxation({ kept: found, dropped: nowhere })) {
    return suggestionsAnswer(language, 'unmatched', [...(outcome.ignoredVerbs ?? []), ...topicNowhere], found, actions);
  }
  const relaxed = outcome.relaxed;
  // The longest word of a Swedish question is most often its topic ("simhallen", "busskort"):
  // when that word is nowhere in the plan, the rest of the question does not make it a plan question.
  if (relaxed && longest(relaxed.dropped) > longest(relaxed.kept)) return { kind: 'not-found', language, reason: 'no-match' };
  // What is left is only words that many rows have ("street" in "who fixes the street lights"): nothing to offer.
  if (relaxed && !isConfidentRelaxation(relaxed) && !relaxed.specific) return { kind: 'not-found', language, reason: 'no-match' };
  if (relaxed && !isConfidentRelaxation(relaxed)) {
    // Some of the question's words are nowhere in the plan: no owner on a guess; the nearest rows to choose from.
    return suggestionsAnswer(language, 'unmatched', [...(outcome.ignoredVerbs ?? []), ...relaxed.dropped], relaxed.kept, actions);
  }
  // The best rows have different owners and none stands out: which one is meant is the asker's to
  // say ("Menar du …?"), never an owner named on a coin toss.
  if (units.length === 0 && noneStandsOut(outcome.hits, k)) return suggestionsAnswer(language, 'apart', [], outcome.contentWords, actions);
  const answer = actionsAnswer(k, language, focus, 'text', actions);
  // Found through a word the municipality gave: said so, as the glossary's expansions are.
  const readAs = (outcome.readAs ?? []).filter((r) => r.planTerms.length > 0);
  return readAs.length > 0 ? { ...answer, readAs } : answer;
}

/**
 * Whether the first two rows are alike on everything the search ranks by (how much of the question
 * each covers, in its own words, how rare its words are, its task verb, its score) and have
 * different owners: then the order between them is a coin toss, and no owner is named on it.
 */
function noneStandsOut(hits: SearchOutcome['hits'], k: PlanKnowledge): boolean {
  const [first, second] = hits;
  if (!first || !second) return false;
  const alike =
    first.coverage === second.coverage &&
    first.ownCoverage === second.ownCoverage &&
    first.rarity === second.rarity &&
    first.taskVerb === second.taskVerb &&
    first.score === second.score;
  const owner = (id: string) => k.byId.get(id)?.ansvarig.asPrinted ?? '';
  return alike && owner(first.actionId) !== owner(second.actionId);
}

/**
 * The rows that print a code the question writes in capitals (2–6 letters, "SIG"), where a search
 * reads it as a small word ("sig") and so finds nothing else to go on. Codes of units are answered
 * as units before this; this is for the plan's other abbreviations.
 */
function codeInCapitals(k: PlanKnowledge, question: string): Action[] {
  const codes = [...question.matchAll(/(?<![\p{L}])([A-ZÅÄÖ]{2,6})(?![\p{L}])/gu)].map((m) => m[1]!);
  const ids = new Set(codes.flatMap((code) => k.actionsNaming(code)));
  return k.plan.actions.filter((a) => ids.has(a.id)).slice(0, SEARCH_LIMIT);
}

/** At most this many nearest actions are offered when the bot is not sure. */
const MAX_SUGGESTIONS = 3;

/** Not sure enough to name an owner: the nearest actions (id and text only) to choose from, and why. */
function suggestionsAnswer(
  language: Language,
  why: Extract<Answer, { kind: 'suggestions' }>['why'],
  unmatched: string[],
  matched: string[],
  actions: Action[],
): Answer {
  return {
    kind: 'suggestions',
    language,
    why,
    unmatched,
    matched,
    actions: actions.slice(0, MAX_SUGGESTIONS).map((a) => ({ id: a.id, text: a.text })),
  };
}
/** Rows a free-text answer lists at most. */
const SEARCH_LIMIT = 5;

/**
 * When words were dropped, owners are named only if what is left is a question of its own: two
 * or more words, more than were dropped, matched as an unrelaxed question's must be (the search's
 * coverage rule). Otherwise the nearest rows are offered, not answered.
 */
function isConfidentRelaxation(relaxed: { kept: string[]; dropped: string[] }): boolean {
  return relaxed.kept.length >= 2 && relaxed.kept.length > relaxed.dropped.length;
}

/**
 * Whether a word the plan has nowhere is likely what the question is about rather than filler: the
 * question's longest word (a Swedish question's topic most often is), or a noun in its definite form
 * ("tunneln", "drogerna", "parken"; not an adverb in "-ligen" or "-tiden": "egentligen", "nuförtiden").
 */
function looksLikeTopic(word: string, contentWords: string[]): boolean {
  if (word.length >= longest(contentWords)) return true;
  return word.length >= 5 && DEFINITE_NOUN.test(word) && !ADVERB_ENDING.test(word);
}

const DEFINITE_NOUN = /(?:[aeiouyåäö]n|[lr]n|en|et|na)$/;
const ADVERB_ENDING = /(?:ligen|tiden|vis|sedan|igen)$/;

const longest = (words: string[]): number => Math.max(0, ...words.map((w) => w.length));

/** A unit or partner named in a question with this many actions or fewer: those are the answer. */
const FEW_ACTIONS_OF_A_PARTNER = 3;

/** Words that, beside a unit's name, ask what the unit does rather than name a topic. */
const UNIT_LISTING_WORDS = new Set([
  'uppgift',
  'uppgifter',
  'uppgifterna',
  'uppdrag',
  'uppdraget',
  'uppdragen',
  'åtagande',
  'åtaganden',
  'åtagandena',
  'punkter',
  'punkterna',
  'del',
  'delar',
  'roll',
  'rollen',
  'inblandad',
  'inblandade',
  'involverad',
  'involverade',
  'delaktig',
  'delaktiga',
  'förväntas',
  'ligger',
  'hör',
  // Taking part, helping, contributing: beside a unit and nothing else, what it does ("Vad deltar SF i?").
  'deltar',
  'delta',
  'medverkar',
  'medverka',
  'bidrar',
  'bidra',
  'involverar',
  'hjälper',
  'stöttar',
  'stödjer',
  'participate',
  'participates',
  'contribute',
  'contributes',
  'tasks',
  'task',
  // Words for "actions" and "work" in general: beside a unit they ask for all of its actions.
  'insatser',
  'insatserna',
  'aktiviteter',
  'aktiviteterna',
  'arbete',
  'arbetet',
  'jobb',
  'ansvarsområde',
  'ansvarsområden',
  'genomföra',
  'genomför',
  'utföra',
  'utför',
  'leda',
  'leder',
  // "Hur många åtgärder har SF?": the listing says how many.
  'många',
  'antal',
  'antalet',
  'many',
  'number',
  // Two units "together" ("SF och VOF tillsammans"): the actions they share.
  'tillsammans',
  'gemensamt',
  'gemensamma',
  'båda',
  // "både SF och VOF": both of them.
  'både',
  'gemensam',
  'together',
  'share',
  'shares',
  'shared',
  'common',
  'both',
  'activities',
  'work',
  'working',
  'do',
  'does',
  'involved',
  'part',
  'role',
]);
