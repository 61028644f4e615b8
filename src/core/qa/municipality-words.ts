/**
 * The municipality's own words for the plan's terms ("kamera" for "kamerabevakning", "nätkurs"
 * for "e-utbildning"): staff ask in words that no plan prints, and which of them mean which of the
 * plan's terms only the municipality can say. An admin gives one in chat; the search then reads the
 * word as those terms, as it reads the built-in lexicon's words.
 *
 * And the words it did not know: when a question finds nothing, its words that neither the plan nor
 * any lexicon knows are counted, so that an admin sees which words staff use and can give them.
 * Only single words typed in lower case are kept, never a question: questions about violence or
 * abuse may hold names and details about people, a list of topic words should not.
 */
import { isStopWord, stemSwedish, tokenize } from './text';

export interface MunicipalityWord {
  /** The everyday word, lower case, as staff type it ("kamera"). */
  word: string;
  /** The plan's words it stands for ("kamerabevakning"), each a word the plan has. */
  planTerms: string[];
  setBy: string;
  setAt: string;
}

/** A word not known when a question found nothing: how often and when it was last asked. */
export interface UnknownWord {
  word: string;
  count: number;
  lastSeen: string;
}

export const MAX_WORD_LENGTH = 40;
export const MAX_PLAN_TERMS = 4;

/** One word, letters and hyphens only ("kamera", "e-utbildning"): what a question is split into. */
const WORD = /^\p{L}[\p{L}-]*\p{L}$/u;

export type WordCheck =
  | { ok: true; word: string; planTerms: string[] }
  | { ok: false; reason: 'bad-word'; max: number }
  | { ok: false; reason: 'terms-not-in-plan'; terms: string[] }
  | { ok: false; reason: 'word-in-plan'; word: string };

/**
 * Checks what an admin typed ("kamera", "kamerabevakning, övervakning"): one everyday word that the
 * plan does not have itself (the plan's own words are found as they are), and one to four words of
 * the plan's, each one the plan has (`knowsExactly`), so that the word leads somewhere.
 */
export function checkMunicipalityWord(
  input: { word: string; terms: string },
  planHas: { word(word: string): boolean; wordAsPrinted(word: string): boolean },
): WordCheck {
  const word = input.word.trim().toLocaleLowerCase('sv');
  const planTerms = [
    ...new Set(
      input.terms
        .split(/[,;]| och | and /)
        .map((t) => t.trim().toLocaleLowerCase('sv'))
        .filter((t) => t !== ''),
    ),
  ];
  if (!WORD.test(word) || word.length > MAX_WORD_LENGTH || isStopWord(word)) return { ok: false, reason: 'bad-word', max: MAX_WORD_LENGTH };
  if (planTerms.length === 0 || planTerms.length > MAX_PLAN_TERMS || planTerms.some((t) => !WORD.test(t) || t.length > MAX_WORD_LENGTH))
    return { ok: false, reason: 'bad-word', max: MAX_WORD_LENGTH };
  if (planHas.wordAsPrinted(word)) return { ok: false, reason: 'word-in-plan', word };
  const missing = planTerms.filter((t) => !planHas.word(t));
  if (missing.length > 0) return { ok: false, reason: 'terms-not-in-plan', terms: missing };
  return { ok: true, word, planTerms };
}

/** At most this many words of one question are counted: a pasted text is not many questions. */
const MAX_WORDS_A_QUESTION = 3;

/**
 * The words of an unanswered question worth counting: those the search did not know (`unknown`)
 * that were typed in lower case in the question (a capital, even at the start, may be a name) and
 * are words, 4 to 30 letters, not numbers, codes or addresses.
 */
export function wordsToCount(question: string, unknown: string[]): string[] {
  const typed = new Set(
    question
      .split(/[^\p{L}\p{N}@.-]+/u)
      .filter((w) => w !== '' && w === w.toLocaleLowerCase('sv'))
      .map((w) => w.replace(/^[.-]+|[.-]+$/g, '')),
  );
  return [...new Set(unknown)]
    .filter((w) => typed.has(w) && WORD.test(w) && w.length >= 4 && w.length <= 30 && tokenize(w).length === 1)
    .slice(0, MAX_WORDS_A_QUESTION);
}

/** How many words are kept: the most asked, then the latest. A year's questions fit; a flood does not grow it. */
export const MAX_UNKNOWN_WORDS = 300;
/** Words not asked for a year are forgotten. */
export const UNKNOWN_WORD_KEPT_DAYS = 365;

/**
 * The counted words with new ones added: counts summed, last seen updated, words given meanwhile
 * (`given`, any form: "drönare" given, "drönarna" goes) and words older than a year dropped, the most asked kept.
 */
export function withUnknownWords(current: UnknownWord[], words: string[], now: Date, given: readonly string[] = []): UnknownWord[] {
  const givenStems = new Set(given.map((w) => stemSwedish(w)));
  const byWord = new Map(current.map((w) => [w.word, { ...w }]));
  for (const word of words) {
    const known = byWord.get(word);
    if (known) {
      known.count += 1;
      known.lastSeen = now.toISOString();
    } else byWord.set(word, { word, count: 1, lastSeen: now.toISOString() });
  }
  const oldest = now.getTime() - UNKNOWN_WORD_KEPT_DAYS * 86_400_000;
  return [...byWord.values()]
    .filter((w) => !givenStems.has(stemSwedish(w.word)) && Date.parse(w.lastSeen) >= oldest)
    .sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen) || a.word.localeCompare(b.word, 'sv'))
    .slice(0, MAX_UNKNOWN_WORDS);
}
