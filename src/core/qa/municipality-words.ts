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

/**
 * A word not known when a question found nothing: by how many people, how often and when it was
 * last asked. One person counts once a day (`count`) and once in all (`askers`), so that one
 * person cannot put a word first on the admins' card by asking it a hundred times.
 */
export interface UnknownWord {
  word: string;
  /** Askings counted: one per person and day. */
  count: number;
  /**
   * Who asked, each as a key that names nobody (a hash of the word and the person's id, made by
   * the caller: the same person gives different keys for different words), with the last day
   * they asked. Words counted before people were counted have none.
   */
  askers?: Asker[];
  lastSeen: string;
}

export interface Asker {
  key: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
}

/** One word of a question that found nothing, and the key of who asked it. */
export interface AskedWord {
  word: string;
  askerKey: string;
}

/** How many people asked a word (a word counted before people were counted: one). */
export function peopleWhoAsked(word: UnknownWord): number {
  return Math.max(1, word.askers?.length ?? 0);
}

/** A word is shown to admins once this many people asked it: one person alone cannot put it there. */
export const MIN_PEOPLE_SHOWN = 2;
/** Keys kept per word, the latest: enough to count "many"; a flood of identities does not grow it. */
export const MAX_ASKERS_KEPT = 50;

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
 * The counted words with new askings added: a person's asking counts once a day (`count`) and once
 * in all (`askers`); last seen updated; words given meanwhile (`given`, any form: "drönare" given,
 * "drönarna" goes), words and askers older than a year dropped; the words most people asked kept.
 */
export function withUnknownWords(current: UnknownWord[], asked: AskedWord[], now: Date, given: readonly string[] = []): UnknownWord[] {
  const givenStems = new Set(given.map((w) => stemSwedish(w)));
  const today = now.toISOString().slice(0, 10);
  const oldest = now.getTime() - UNKNOWN_WORD_KEPT_DAYS * 86_400_000;
  const oldestDay = new Date(oldest).toISOString().slice(0, 10);
  const byWord = new Map(
    current.map((w) => [w.word, { ...w, askers: (w.askers ?? []).filter((a) => a.day >= oldestDay).map((a) => ({ ...a })) }]),
  );
  for (const { word, askerKey } of asked) {
    const entry = byWord.get(word) ?? { word, count: 0, askers: [], lastSeen: now.toISOString() };
    byWord.set(word, entry);
    const asker = entry.askers.find((a) => a.key === askerKey);
    if (asker?.day === today) continue;
    if (asker) asker.day = today;
    else entry.askers = [...entry.askers, { key: askerKey, day: today }].slice(-MAX_ASKERS_KEPT);
    entry.count += 1;
    entry.lastSeen = now.toISOString();
  }
  return [...byWord.values()]
    .filter((w) => !givenStems.has(stemSwedish(w.word)) && Date.parse(w.lastSeen) >= oldest)
    .sort(
      (a, b) =>
        peopleWhoAsked(b) - peopleWhoAsked(a) ||
        b.count - a.count ||
        b.lastSeen.localeCompare(a.lastSeen) ||
        a.word.localeCompare(b.word, 'sv'),
    )
    .slice(0, MAX_UNKNOWN_WORDS);
}

/** The words admins see: those asked by enough people (MIN_PEOPLE_SHOWN), most people first. */
export function unknownWordsShown(words: UnknownWord[]): UnknownWord[] {
  return words.filter((w) => peopleWhoAsked(w) >= MIN_PEOPLE_SHOWN);
}
