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
  const stem = swedish.stem(word);
  return stem.length >= 7 && stem.endsWith('et') ? swedish.stem(stem.slice(0, -2)) : stem;
}

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
  'vem', 'vilka', 'vilken', 'vilket', 'vad', 'hur', 'var', 'när', 'varför', 'är', 'har', 'ska', 'skall', 'som', 'och', 'eller',
  'i', 'på', 'för', 'av', 'med', 'om', 'till', 'att', 'det', 'den', 'de', 'en', 'ett', 'inom', 'kring', 'mot', 'från', 'vid',
  'under', 'efter', 'sig', 'sin', 'sina', 'sitt', 'där', 'så', 'man', 'jag', 'vi', 'ni', 'du', 'mig', 'oss', 'kan', 'får',
  'finns', 'gör', 'göra', 'gäller', 'handlar', 'sköter', 'står', 'jobbar', 'arbetar', 'håller', 'tar', 'hand', 'nu', 'alla',
  'åtgärd', 'åtgärden', 'åtgärder', 'åtgärderna', 'åtgärdsplanen', 'planen', 'plan', 'kommunen', 'kommunens', 'linköping',
  'linköpings', 'ansvarig', 'ansvariga', 'ansvarar', 'ansvaret', 'ansvar', 'huvudansvar', 'huvudansvarig', 'samverkar',
  'samverkan', 'samverkanspart', 'samverkansparter', 'finansierar', 'finansieras', 'finansiering', 'finansierad', 'betalar',
  'bekostar', 'pengar', 'medel', 'tack', 'hej', 'snälla', 'frågan', 'fråga', 'berätta', 'visa', 'lista', 'ge', 'mer', 'info',
  'information', 'ingår', 'innehåller', 'fram', 'ta', 'tar', 'upp', 'någon', 'något', 'några', 'mycket', 'också', 'även', 'bara', 'just', 'egentligen',
  // English
  'who', 'whom', 'what', 'which', 'how', 'where', 'when', 'why', 'is', 'are', 'was', 'the', 'a', 'an', 'of', 'for', 'in', 'on',
  'to', 'and', 'or', 'with', 'about', 'does', 'do', 'did', 'it', 'its', 'this', 'that', 'responsible', 'responsibility',
  'owns', 'own', 'owner', 'owners', 'in-charge', 'charge', 'action', 'actions', 'measure', 'measures', 'cooperates', 'cooperate',
  'cooperating', 'involved', 'partners', 'funds', 'fund', 'funded', 'finances', 'financed', 'financing', 'pays', 'paid',
  'please', 'tell', 'me', 'show', 'list', 'municipality', 'there', 'any', 'be', 'by', 'has', 'have', 'handles', 'runs',
]);

/** Prefixes of intent words, so that typos ("ansvarr", "samverkr") are not taken for content. */
const INTENT_PREFIXES = ['ansvar', 'ansva', 'samverk', 'finansi', 'responsib', 'cooperat', 'collaborat', 'financ'];

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token) || INTENT_PREFIXES.some((p) => token.startsWith(p));
}

/** Splits a compound into two words of the vocabulary, allowing the Swedish joint "s" ("trygghets|kameror"). */
export function splitCompound(word: string, vocabulary: ReadonlySet<string>, minPart = 4): string[] | null {
  for (let i = word.length - minPart; i >= minPart; i--) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    const headStem = stemSwedish(head);
    const tailStem = stemSwedish(tail);
    const bareHead = head.endsWith('s') ? head.slice(0, -1) : head;
    const headKnown =
      vocabulary.has(headStem) ||
      vocabulary.has(stemSwedish(bareHead)) ||
      (bareHead.length >= 6 && [...vocabulary].some((v) => v.startsWith(bareHead)));
    if (headKnown && vocabulary.has(tailStem)) return [vocabulary.has(headStem) ? head : bareHead, tail];
  }
  return null;
}
