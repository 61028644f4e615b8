/**
 * Reads what kind of question was asked. Regular expressions on purpose: the question kinds are
 * few and fixed, and a rule that misfires can be read and fixed; the search itself is MiniSearch.
 */
import type { Language, RoleFocus } from './answer-model';
import type { AreaKindDefinition } from '../plan/model';
import { escapeRegExp, tokenize } from './text';
import { isGreetingOnly, isSmallTalk, isThanks } from './small-talk';
import { lookupTable } from '../lookup-table';

export type Intent =
  | { kind: 'help'; greeting?: boolean }
  /** "Tack!": thanked, not asked. */
  | { kind: 'thanks' }
  /** "Vilken plan gäller?": which plan the bot answers from. */
  | { kind: 'plan' }
  | { kind: 'empty' }
  | { kind: 'action-id'; group: number; row: number; focus: RoleFocus }
  | { kind: 'group'; group: number; focus: RoleFocus }
  | { kind: 'subsection'; label: string; focus: RoleFocus }
  /** `kindWord` as typed ("målområdet", "goal area"): the answerer finds the plan's kind it names. */
  | { kind: 'area'; kindWord: string; number: number | null; words: string }
  | { kind: 'define'; term: string }
  /** "Vilka förvaltningar finns i planen?", "Vem ansvarar för flest åtgärder?": the units and their share. */
  | { kind: 'units' }
  | { kind: 'search'; text: string; focus: RoleFocus };

const ENGLISH_CUES = new Set([
  'who',
  'what',
  'which',
  'does',
  'the',
  'is',
  'are',
  'responsible',
  'mean',
  'stand',
  'owns',
  'actions',
  'action',
  'about',
  'funds',
  'funded',
  'finances',
  'financed',
  'help',
  'cooperates',
  'cooperate',
  'goal',
  'area',
  'working',
  'method',
  'contain',
  'contains',
  'in',
  'of',
  'for',
  'with',
  'list',
  'show',
  'by',
]);
const SWEDISH_CUES = new Set([
  'vem',
  'vad',
  'vilka',
  'vilken',
  'ansvarar',
  'är',
  'och',
  'för',
  'som',
  'har',
  'åtgärd',
  'åtgärder',
  'betyder',
  'står',
  'finansieras',
  'samverkar',
  'hjälp',
  'innehåller',
  'målområde',
  'om',
  'med',
  'av',
  'i',
  'på',
]);

export function detectLanguage(text: string): Language {
  const tokens = tokenize(text);
  const en = tokens.filter((t) => ENGLISH_CUES.has(t)).length;
  const sv = tokens.filter((t) => SWEDISH_CUES.has(t)).length;
  // Å, ä and ö mark Swedish, but not in a Swedish name inside an English sentence ("…in Linköping?").
  const swedishLetters = tokens.filter((t) => /[åäö]/.test(t)).length;
  if (en >= 2 && en > sv + swedishLetters) return 'en';
  if (swedishLetters > 0) return 'sv';
  return en > sv ? 'en' : 'sv';
}

export function detectFocus(text: string): RoleFocus {
  const t = text.toLocaleLowerCase('sv');
  if (/finansi|betala[rs]?\b|bekosta|\bpengar|\bfund|financ|\bpays?\b|\bpaid\b|\bmoney\b/.test(t)) return 'finansiering';
  if (/samverk|samarbet|cooperat|collaborat|partner|\binvolved\b/.test(t)) return 'samverkan';
  if (/ansva|huvudansvar|\bäger\b|responsib|\bowns?\b|in charge/.test(t)) return 'ansvarig';
  return 'all';
}

const ACTION_ID = /(?<![\p{L}\p{N}])[aå]\s?(\d{1,3})\s?[-–:]\s?(\d{1,3})(?![\p{L}\p{N}])/iu;
const GROUP_REF =
  /(?<![\p{L}])(?:åtgärd(?:sgrupp)?|åtgärdsnummer|grupp|gruppen|punkt|action(?:\s+group)?|group|item|measure)\s*(?:nr\.?|nummer|number|no\.?)?\s*(\d{1,3})\b(?!\s*[.,]\s*\d)/iu;
const BARE_GROUP = /^\s*(?:nr\.?\s*)?(\d{1,3})\s*[?.!]?\s*$/;
const SUBSECTION_REF = /(?:^|\s)(\d{1,2})\.(\d{1,2})(?=[\s?.!,]|$)/;
/**
 * "Målområde 2", "arbetssättet", "fokusområde 3", "goal area 1": the words for the plan's kinds of
 * area (from its data), in the singular or definite, Swedish or English, with a number or without.
 */
export function areaReference(areaKinds: AreaKindDefinition[]): RegExp {
  const words = areaKinds.flatMap((k) => [k.label.sv, k.label.en]).map((w) => w.toLocaleLowerCase('sv'));
  const forms = words.flatMap((w) => {
    const spaced = escapeRegExp(w).replace(/\s+/g, '\\s*');
    return [spaced, `${spaced}(?:et|t|en|n)`];
  });
  // "mål område", "goal area", "target area" as people type them.
  forms.push('mål\\s*område', 'target\\s*area');
  return new RegExp(
    `(?<![\\p{L}])(${forms.sort((a, b) => b.length - a.length).join('|')})\\s*(?:nr\\.?|nummer|number)?\\s*(\\d)?(?!\\p{N})`,
    'iu',
  );
}

const DEFINE = [
  // "Vad heter LOS i klartext?", "Vad är SSPF utskrivet?", "Vad står SIG för fullt ut?": the expansion asked for.
  /^\s*(?:[Vv]ad|[Hh]ur)\s+(?:heter|är|blir|står|lyder)\s+["“']?([A-ZÅÄÖ][A-ZÅÄÖ\d-]{1,9})["”']?\s*(?:för\s+)?(?:i\s+klartext|utskrivet|utskrivna|utskriven|fullt\s+ut|i\s+sin\s+helhet|utan\s+förkortning)\s*[?.!]*\s*$/,
  /^\s*[Ww]hat\s+(?:is|does)\s+["“']?([A-ZÅÄÖ][A-ZÅÄÖ\d-]{1,9})["”']?\s+(?:short\s+for|spelled\s+out|in\s+full)\s*[?.!]*\s*$/,
  /^\s*(?:vad|vilket?)\s+(?:betyder|innebär|står|är|menas\s+med|avses\s+med)\s+(?:förkortningen\s+|begreppet\s+|ordet\s+)?["“']?(.+?)["”']?\s*(?:för\s+(?:något|nåt|någonting|(?:en|ett)\s+[a-zåäöé]+|grupp|enhet|förvaltning|organisation|aktör|myndighet|typ)|för)?\s*(?:i\s+(?:planen|åtgärdsplanen))?\s*[?.!]*\s*$/i,
  /^\s*what\s+(?:does|do|is)\s+(?:the\s+)?(?:abbreviation\s+|acronym\s+|term\s+)?["“']?(.+?)["”']?\s*(?:mean|stand\s+for)?\s*[?.!]*\s*$/i,
  /^\s*(?:förklara|förkortningen|explain|define|definiera)\s+["“']?(.+?)["”']?\s*[?.!]*\s*$/i,
  // Asked indirectly, with words before it: "Jag undrar vad SSPF betyder", "I wonder what SSPF stands for" (a code in capitals).
  /(?:^|\s)[Vv]ad\s+["“']?([A-ZÅÄÖ][A-ZÅÄÖ\d-]{1,9})["”']?\s+(?:betyder|står\s+för|innebär)\s*[?.!]*\s*$/,
  /(?:^|\s)[Ww]hat\s+["“']?([A-Z][A-Z\d-]{1,9})["”']?\s+(?:means|stands\s+for)\s*[?.!]*\s*$/,
];

/** "det andra målområdet", "tredje arbetssättet", "the second goal area": an ordinal before the area's word. */
const ORDINALS = lookupTable<number>({
  första: 1,
  andra: 2,
  tredje: 3,
  fjärde: 4,
  femte: 5,
  sjätte: 6,
  sjunde: 7,
  åttonde: 8,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
});
/** "målområde två", "goal area three": a number in words after it. */
const CARDINALS = lookupTable<number>({
  ett: 1,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
});

/**
 * The number in words beside an area's word at [start, end): an ordinal before it, a cardinal after.
 * "andra" also means "other" ("andra målområden"): a number only after "det", "den" or "the".
 */
function numberWordAround(text: string, start: number, end: number): number | null {
  const before = /(?:^|[^\p{L}])(?:(det|den|the)\s+)?(\p{L}+)\s+$/iu.exec(text.slice(0, start));
  const ordinal = before ? ORDINALS[before[2]!.toLocaleLowerCase('sv')] : undefined;
  if (ordinal !== undefined && (ordinal !== 2 || before![1] !== undefined || before![2]!.toLocaleLowerCase('sv') === 'second'))
    return ordinal;
  const after = /^\s*(\p{L}+)(?![\p{L}])/u.exec(text.slice(end));
  const cardinal = after ? CARDINALS[after[1]!.toLocaleLowerCase('sv')] : undefined;
  return cardinal ?? null;
}

/** "Vem har beslutat om planen?", "När antogs planen?", "Hur länge gäller planen?" (and in English). */
const PLAN_DECISION = [
  /^\s*(?:vem|vilka|vilken)\s+(?:har\s+)?(?:äger|beslutade|beslutat|beslöt|antog|antagit|fastställde|fastställt|godkände|godkänt)(?:\s+om)?\s+(?:planen|åtgärdsplanen)\s*[?!.]*\s*$/iu,
  /^\s*(?:när|vilket datum)\s+(?:antogs|beslutades|fastställdes|godkändes)\s+(?:planen|åtgärdsplanen)\s*[?!.]*\s*$/iu,
  /^\s*(?:hur\s+länge|till\s+när|vilken\s+period|vilka\s+år|när)\s+gäller\s+(?:planen|åtgärdsplanen)\s*[?!.]*\s*$/iu,
  /^\s*(?:who|which body)\s+(?:owns|adopted|approved|decided(?:\s+on)?)\s+the\s+plan\s*[?!.]*\s*$/iu,
  /^\s*when\s+was\s+the\s+plan\s+(?:adopted|approved|decided)\s*[?!.]*\s*$/iu,
  /^\s*(?:how\s+long\s+is\s+the\s+plan\s+valid|(?:what|which)\s+(?:period|years)\s+does\s+the\s+plan\s+cover)\s*[?!.]*\s*$/iu,
];

/** Questions for the plan's units themselves: which there are, and who has the most actions. */
const UNITS_LISTED = [
  /^\s*(?:vilka|lista|visa|vilka olika)\s+(?:alla\s+)?(?:förvaltningar|enheter|aktörer|ansvariga|avdelningar|organisationer|parter|samverkansparter)(?:\s+(?:finns|är|nämns|ingår|står|är med))?(?:\s+(?:det\s+)?(?:med\s+)?(?:i|inom)\s+(?:planen|åtgärdsplanen))?\s*[?!.]*\s*$/iu,
  /^\s*(?:vem|vilken förvaltning|vilken enhet|vilka)\s+(?:ansvarar för|har|äger|är ansvarig för|är ansvariga för)\s+(?:flest|mest|flesta)(?:\s+åtgärder(?:na)?)?(?:\s+i\s+(?:planen|åtgärdsplanen))?\s*[?!.]*\s*$/iu,
  /^\s*(?:which|list|show)(?:\s+all)?(?:\s+the)?\s+(?:departments|units|organisations|organizations|actors|owners|parties)(?:\s+(?:are|appear))?(?:\s+(?:in|named in)\s+the\s+plan)?\s*[?!.]*\s*$/iu,
  /^\s*(?:who|which department|which unit)\s+(?:owns|has|is responsible for)\s+(?:the\s+)?most(?:\s+actions)?(?:\s+in\s+the\s+plan)?\s*[?!.]*\s*$/iu,
];

/** `areaRef` is the plan's `areaReference`: which words name its areas. */
export function readIntent(raw: string, areaRef: RegExp): Intent {
  const text = raw.trim();
  if (text === '' || tokenize(text).length === 0) return { kind: 'empty' };
  // "hjälp", and greetings or "vad kan du hjälpa mig med?": the help with its examples, not "nothing in the plan".
  if (isGreetingOnly(text)) return { kind: 'help', greeting: true };
  if (/^\s*\/?(hjälp|help|hjalp|\?|start|meny|menu)\s*[?!.]*\s*$/i.test(text) || isSmallTalk(text)) return { kind: 'help' };
  if (isThanks(text)) return { kind: 'thanks' };
  if (
    /^\s*(vilken plan(?: gäller| används| är aktiv)?|aktiv plan|vilken åtgärdsplan(?: gäller)?|om planen|which plan(?: is active| applies)?|active plan)\s*[?!.]*\s*$/i.test(
      text,
    ) ||
    // "Hur många åtgärder finns det i planen?": the plan's answer says how many.
    /^\s*(hur många åtgärder (finns( det)?|har|innehåller)( (i )?(planen|åtgärdsplanen))?|how many actions (are there|does the plan (have|contain))( in the plan)?)\s*[?!.]*\s*$/i.test(
      text,
    )
  ) {
    return { kind: 'plan' };
  }
  // Who decided the plan, when, and for how long it holds: its metadata, which the plan's answer gives.
  if (PLAN_DECISION.some((pattern) => pattern.test(text))) return { kind: 'plan' };
  if (UNITS_LISTED.some((pattern) => pattern.test(text))) return { kind: 'units' };
  const focus = detectFocus(text);

  const id = ACTION_ID.exec(text);
  if (id) return { kind: 'action-id', group: Number(id[1]), row: Number(id[2]), focus };

  const sub = SUBSECTION_REF.exec(text);
  if (
    (sub && /\b(avsnitt|punkt|del|åtgärd|section|subsection|under)\b/i.test(text)) ||
    (sub && /^\s*\d{1,2}\.\d{1,2}\s*[?]?\s*$/.test(text))
  ) {
    return { kind: 'subsection', label: `${sub![1]}.${sub![2]}`, focus };
  }

  const group = GROUP_REF.exec(text) ?? BARE_GROUP.exec(text);
  if (group) return { kind: 'group', group: Number(group[1]), focus };

  const area = areaRef.exec(text);
  if (area) {
    const number = area[2] ? Number(area[2]) : numberWordAround(text, area.index, area.index + area[0].length);
    return { kind: 'area', kindWord: area[1]!.toLocaleLowerCase('sv'), number, words: text };
  }

  // "Vad står det i 14.3?": a subsection, not a term "det i 14.3" to define.
  if (sub) return { kind: 'subsection', label: `${sub[1]}.${sub[2]}`, focus };
  for (const pattern of DEFINE) {
    const m = pattern.exec(text);
    if (m && m[1] && tokenize(m[1]).length <= 4) return { kind: 'define', term: m[1].trim() };
  }
  return { kind: 'search', text, focus };
}
