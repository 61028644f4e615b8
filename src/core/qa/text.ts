/**
 * Swedish text processing for search: tokens, Snowball stems, stop words, and compound
 * splitting against the plan's own vocabulary ("trygghetskameror" → "trygghet" + "kameror").
 */
import { newStemmer } from 'snowball-stemmers';

const swedish = newStemmer('swedish');
const english = newStemmer('english');

/**
 * Snowball's Swedish stemmer, plus the definite "-et" that it keeps ("projektet", "arbetet"),
 * so that "projektet" meets "projekt" and "arbetet" meets "arbete".
 */
export function stemSwedish(word: string): string {
  const known = stemCache.get(word);
  if (known !== undefined) return known;
  const first = swedish.stem(definiteToIndefinite(word));
  const stem = first.length >= 7 && first.endsWith('et') ? swedish.stem(first.slice(0, -2)) : first;
  if (stemCache.size >= STEM_CACHE_SIZE) stemCache.clear();
  stemCache.set(word, stem);
  return stem;
}

/**
 * The definite form that Snowball's Swedish stemmer leaves apart from the word: "-an" of nouns in
 * -a (stadskärnan ~ stadskärna, testarenan ~ testarena). The final "n" goes, so both stem alike.
 * (Plural "-ena", områdena ~ områden, cannot be told from words like "arena" by letters alone.)
 */
function definiteToIndefinite(word: string): string {
  return word.length >= 7 && word.endsWith('an') ? word.slice(0, -1) : word;
}

/** Stemming is the hot path of every question; the plan's and users' words repeat. Bounded. */
const STEM_CACHE_SIZE = 20_000;
const stemCache = new Map<string, string>();

export function stemEnglish(word: string): string {
  return english.stem(word);
}

/** Lower-case words of letters and digits; keeps hyphenated codes like "lk-data" together. */
export function tokenize(text: string): string[] {
  return (
    text
      .toLocaleLowerCase('sv')
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** Words that say nothing about which action is meant: question words, the plan's own framing. */
export const STOP_WORDS = new Set([
  // Swedish
  'vem',
  // Function words that say nothing about the topic in a question
  'inte',
  // Everyday verbs for "is in charge of" that name no task
  'kollar',
  'kolla',
  'ordnar',
  'ordna',
  'driver',
  'fixar',
  'sysslar',
  'fixa',
  // "ser till att" (makes sure), "blivit" (become): no topic of their own
  'ser',
  'blivit',
  'blev',
  // "Enligt planen", "grejer", "folk": framing and vague nouns for people and things, never a topic
  'enligt',
  'grejer',
  'grejerna',
  'grej',
  'saker',
  'sakerna',
  'folk',
  // "Vi har problem med …", "vem ska jag kontakta / vända mig till": framing a question, not its topic
  'problem',
  // "Vem har bollen?", "vem äger frågan": who is responsible, in everyday words
  'bollen',
  'problemen',
  'kontakta',
  'kontaktar',
  'vända',
  'vänder',
  'över',
  // "Vem beslutar om …", "vem bestämmer över …": who is responsible, asked in other words
  'beslutar',
  'besluta',
  'bestämmer',
  'bestämma',
  'decides',
  'decide',
  'ute',
  // When, not what: "fritidsgårdar på kvällarna", "aktiviteter på helgerna" (night words are not
  // here: nattvandring is a topic of its own)
  'kvällen',
  'kvällarna',
  'kvällar',
  'kvällstid',
  'helgen',
  'helgerna',
  'helger',
  'dagtid',
  'evenings',
  'weekends',
  // Adverbs and courtesy words of everyday speech
  'nuförtiden',
  'numera',
  'egentligen',
  'fortfarande',
  'just',
  'idag',
  'ibland',
  'alltid',
  'aldrig',
  'kanske',
  'typ',
  'liksom',
  'faktiskt',
  'ungefär',
  'redan',
  'ännu',
  'gärna',
  'snälla',
  'tack',
  'undrar',
  'undra',
  'någon',
  'något',
  'nåt',
  'några',
  'bara',
  'också',
  'även',
  'lite',
  'väl',
  'ju',
  'då',
  'här',
  'denna',
  'detta',
  'dessa',
  'vår',
  'våra',
  'vårt',
  'dem',
  'dom',
  'vara',
  'blir',
  'bli',
  'hade',
  'skulle',
  'vill',
  'måste',
  'borde',
  'vilka',
  'vilken',
  'vilket',
  'vad',
  'hur',
  'var',
  'när',
  'varför',
  'är',
  'har',
  'ska',
  'skall',
  'som',
  'och',
  'eller',
  'i',
  'på',
  'för',
  'av',
  'med',
  'om',
  'till',
  'att',
  'det',
  'den',
  'de',
  'en',
  'ett',
  'inom',
  'kring',
  'mot',
  'från',
  'vid',
  'under',
  'efter',
  'sig',
  'sin',
  'sina',
  'sitt',
  'där',
  'så',
  'man',
  'jag',
  'vi',
  'ni',
  'du',
  'mig',
  'oss',
  'kan',
  'får',
  'finns',
  'gör',
  'göra',
  'gäller',
  'handlar',
  'sköter',
  'står',
  'jobbar',
  'arbetar',
  'håller',
  'tar',
  'hand',
  'nu',
  'alla',
  'åtgärd',
  'åtgärden',
  'åtgärder',
  'åtgärderna',
  'åtgärdsplanen',
  'planen',
  'kommunen',
  'kommunens',
  'linköping',
  'linköpings',
  'ansvarig',
  'ansvariga',
  'ansvarar',
  'ansvaret',
  'ansvar',
  'huvudansvar',
  'huvudansvarig',
  'samverkar',
  'samverkan',
  'samverkanspart',
  'samverkansparter',
  'finansierar',
  'finansieras',
  'finansiering',
  'finansierad',
  'betalar',
  'bekostar',
  'pengar',
  'medel',
  'tack',
  'hej',
  'snälla',
  'frågan',
  'fråga',
  'berätta',
  'visa',
  'lista',
  'ge',
  'mer',
  'info',
  'information',
  'ingår',
  'innehåller',
  'fram',
  'ta',
  'tar',
  'upp',
  'ordnar',
  'ordna',
  'driver',
  'leder',
  'hanterar',
  'fixar',
  'berör',
  'berörs',
  'rör',
  'säger',
  'står',
  'nämns',
  'nämner',
  'förvaltning',
  'förvaltningen',
  'enhet',
  'enheten',
  'vilken',
  'vilket',
  'vilkas',
  'någon',
  'något',
  'några',
  'mycket',
  'också',
  'även',
  'bara',
  'just',
  'egentligen',
  // Quantity and age words around the topic ("fler kameror", "nya områden") and "utifrån" (based on,
  // from outside): in the plan they frame a row's topic, they never name it.
  'fler',
  'flera',
  'ny',
  'nya',
  'nytt',
  'utifrån',
  'olika',
  'bland',
  // Light verbs that carry a particle's meaning ("sätter upp", "ställer till", "lägger ner"): no topic.
  'sätter',
  'sätta',
  'ställer',
  'ställa',
  'lägger',
  'lägga',
  // English
  // Words that qualify a name or a role without naming a topic ("the Swedish Tax Agency", "religious leaders").
  'swedish',
  'agency',
  'leader',
  'leaders',
  'against',
  'into',
  'from',
  'their',
  'them',
  'they',
  'there',
  'these',
  'those',
  'our',
  'we',
  'you',
  'any',
  'some',
  'all',
  'new',
  'members',
  'who',
  'whom',
  'what',
  'which',
  'how',
  'where',
  'when',
  'why',
  'is',
  'are',
  'was',
  'the',
  'a',
  'an',
  'of',
  'for',
  'in',
  'on',
  'to',
  'and',
  'or',
  'with',
  'about',
  'among',
  'amongst',
  'between',
  'within',
  'around',
  'across',
  'does',
  'do',
  'did',
  'it',
  'its',
  'this',
  'that',
  'responsible',
  'responsibility',
  'owns',
  'own',
  'owner',
  'owners',
  'in-charge',
  'deals',
  'should',
  'contact',
  'ask',
  'deal',
  'handles',
  'handle',
  'takes',
  'care',
  'people',
  'things',
  'charge',
  'action',
  'actions',
  'measure',
  'measures',
  'cooperates',
  'cooperate',
  'cooperating',
  'involved',
  'partners',
  'funds',
  'fund',
  'funded',
  'finances',
  'financed',
  'financing',
  'pays',
  'paid',
  'please',
  'tell',
  'me',
  'show',
  'list',
  'municipality',
  'there',
  'any',
  'be',
  'by',
  'has',
  'have',
  'handles',
  'runs',
  'handle',
  'run',
  'organises',
  'organizes',
  'says',
  'say',
  'mentions',
  'concern',
  'concerns',
  'works',
  'work',
  'working',
  'involve',
  'involves',
  'involving',
  'department',
  'unit',
]);

/** Prefixes of intent words, so that typos ("ansvarr", "samverkr") are not taken for content. */
const INTENT_PREFIXES = ['ansvar', 'ansva', 'samverk', 'samarbet', 'finansi', 'responsib', 'cooperat', 'collaborat', 'financ'];

/** Words that begin like an intent word but name a topic ("financial assistance" is ekonomiskt bistånd). */
const NOT_INTENT = new Set(['financial']);

export function isStopWord(token: string): boolean {
  return (
    STOP_WORDS.has(token) || (INTENT_PREFIXES.some((p) => token.startsWith(p)) && !NOT_INTENT.has(token)) || isDefiniteOfStopWord(token)
  );
}

/** "huvudansvaret", "frågorna": the definite form of a stop word the list has in the indefinite. */
function isDefiniteOfStopWord(token: string): boolean {
  if (token.length < 7) return false;
  const bare = token.replace(/(orna|erna|arna|et|en)$/, '');
  return bare !== token && bare.length >= 4 && STOP_WORDS.has(bare);
}

/** Long stop words, the ones a typo can hit and still be recognised ("ansvrar" for "ansvarar"). */
const LONG_STOP_WORDS = [...STOP_WORDS].filter((w) => w.length >= 6);

/** A misspelt question word: one letter off a long stop word (left out, added, changed or two swapped). */
export function isMisspeltStopWord(token: string): boolean {
  if (token.length < 5 || isStopWord(token)) return false;
  return LONG_STOP_WORDS.some((w) => Math.abs(w.length - token.length) <= 1 && withinOneEdit(token, w));
}

/** Damerau–Levenshtein distance at most 1. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  if (restA.slice(1) === restB.slice(1)) return true; // changed
  if (restA === restB.slice(1) || restA.slice(1) === restB) return true; // left out or added
  return restA.length >= 2 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2); // swapped
}

/** Stems of the plan, with a fast "is any stem starting with this?" for compounds and prefixes. */
export class Vocabulary {
  private readonly stems = new Set<string>();
  private sorted: string[] | undefined;

  add(stem: string): void {
    this.stems.add(stem);
    this.sorted = undefined;
  }

  has(stem: string): boolean {
    return this.stems.has(stem);
  }

  /**
   * True if some stem starts with `prefix` (binary search in the sorted stems), not counting stems
   * that start with `except` (the compound being split must not vouch for its own head).
   */
  hasPrefix(prefix: string, except?: string): boolean {
    const sorted = (this.sorted ??= [...this.stems].sort());
    for (let i = firstAtOrAfter(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) {
      if (except === undefined || !sorted[i]!.startsWith(except)) return true;
    }
    return false;
  }
}

/** Where `key` would stand in `sorted` (binary search): the first element not less than it. */
export function firstAtOrAfter(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Splits a compound into two words of the vocabulary, allowing the Swedish joint "s" ("trygghets|kameror"). */
export function splitCompound(
  word: string,
  vocabulary: Vocabulary | ReadonlySet<string>,
  options: { minHead?: number; minTail?: number; tailMustBeKnown?: boolean } = {},
): string[] | null {
  const { minHead = 4, minTail = 3, tailMustBeKnown = true } = options;
  const except = stemSwedish(word);
  const hasPrefix = (prefix: string): boolean =>
    vocabulary instanceof Vocabulary
      ? vocabulary.hasPrefix(prefix, except)
      : [...vocabulary].some((v) => v.startsWith(prefix) && !v.startsWith(except));
  for (let i = word.length - minTail; i >= minHead; i--) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    const headStem = stemSwedish(head);
    const tailStem = stemSwedish(tail);
    const bareHead = head.endsWith('s') ? head.slice(0, -1) : head;
    const headKnown = vocabulary.has(headStem) || vocabulary.has(stemSwedish(bareHead)) || (bareHead.length >= 5 && hasPrefix(bareHead));
    const tailKnown = vocabulary.has(tailStem) || (tail.endsWith('ena') && vocabulary.has(stemSwedish(tail.slice(0, -1))));
    if (headKnown && (!tailMustBeKnown || tailKnown))
      return [vocabulary.has(headStem) ? head : bareHead, tail.endsWith('ena') && !vocabulary.has(tailStem) ? tail.slice(0, -1) : tail];
  }
  return null;
}

/**
 * Splits a compound of the plan whose head is no word of the plan but whose tail is, five letters
 * or more ("religions|dialog" → "religion" + "dialog"): the longest such tail, the joint "s" dropped.
 */
export function splitByKnownTail(word: string, vocabulary: Vocabulary): string[] | null {
  for (let i = 4; i <= word.length - 5; i++) {
    const tail = word.slice(i);
    if (vocabulary.has(stemSwedish(tail)) && stemSwedish(tail) !== stemSwedish(word)) {
      const head = word.slice(0, i);
      return [head.endsWith('s') && head.length >= 5 ? head.slice(0, -1) : head, tail];
    }
  }
  return null;
}

/** Text to match as it is inside a regular expression ("KLF (SÄK)", "m.fl."). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
