/**
 * Finds the abbreviations that the plan defines itself:
 *   "… arbetet (BFT)"            words, then the abbreviation in parentheses
 *   "MVP (mentorer i …)"         the abbreviation, then its words in parentheses
 *   "ANDTS¹²" + footnote 12      a footnote that spells it out
 *   "SSPF – samverkan …"         a dash
 * Which of the preceding words belong to the abbreviation is decided by its letters:
 * the shortest run of words that starts with the abbreviation's first letter and
 * contains its letters in order ("Social insatsgrupp (SIG)"); failing that, the three words before it.
 */
import type { Abbreviation } from './model';
import { ownValue } from '../lookup-table';

const ABBR = '[A-ZÅÄÖ]{2,6}';
const STOP_WORDS = new Set([
  'och',
  'med',
  'mot',
  'för',
  'i',
  'på',
  'av',
  'om',
  'till',
  'det',
  'den',
  'de',
  'en',
  'ett',
  'inom',
  'ramen',
  'mellan',
]);

function containsInOrder(haystack: string, letters: string): boolean {
  let i = 0;
  const h = haystack.toLocaleLowerCase('sv');
  for (const ch of letters.toLocaleLowerCase('sv')) {
    i = h.indexOf(ch, i);
    if (i < 0) return false;
    i += 1;
  }
  return true;
}

/** Generic head nouns that an abbreviation often leaves out: "… trygghetsskapande arbetet (BFT)". */
const GENERIC_WORDS = new Set(['arbetet', 'arbete', 'arbetsgrupp']);

/**
 * True when every content word of the run starts the next letter of the abbreviation,
 * optionally also giving later letters from inside the word (compounds: "brottsförebyggande" → B, F).
 */
export function spellsAbbreviation(words: string[], abbr: string): boolean {
  const letters = abbr.toLocaleLowerCase('sv');
  const content = words
    .map((w) => w.toLocaleLowerCase('sv').replace(/[^\p{L}-]/gu, ''))
    .filter((w) => w && !STOP_WORDS.has(w) && !GENERIC_WORDS.has(w));
  const match = (wordIndex: number, letterIndex: number): boolean => {
    if (wordIndex === content.length) return letterIndex === letters.length;
    const word = content[wordIndex]!;
    if (word.charAt(0) !== letters.charAt(letterIndex)) return false;
    // Try the word giving 1, 2, … letters, the extra ones found in order inside it.
    let next = letterIndex + 1;
    let from = 1;
    if (match(wordIndex + 1, next)) return true;
    while (next < letters.length) {
      const at = word.indexOf(letters.charAt(next), from);
      if (at < 0) return false;
      next += 1;
      from = at + 1;
      if (match(wordIndex + 1, next)) return true;
    }
    return false;
  };
  return content.length > 0 && match(0, 0);
}

/** Picks the words before "(ABBR)" that spell it out; lettersMatch tells whether the letters matched. */
export function expansionBefore(textBefore: string, abbr: string): { expansion: string; lettersMatch: boolean } | null {
  const clause = textBefore.split(/[.:;!?]|\s[-–]\s/).pop() ?? '';
  const words = clause
    .replace(/<[^>]+>/g, ' ')
    .replace(/\b\d+(\.\d+)?\b/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  for (let n = 1; n <= Math.min(8, words.length); n++) {
    const run = words.slice(words.length - n);
    if (STOP_WORDS.has(run[0]!.toLocaleLowerCase('sv'))) continue;
    if (spellsAbbreviation(run, abbr)) return { expansion: run.join(' ').replace(/,$/, ''), lettersMatch: true };
  }
  // The letters do not spell it: the last words before it, but not the capitalised first word of
  // the sentence ("Återkommande myndighetsgemensamma verksamhetskontroller (LOS)": the sentence
  // begins there; the name does not).
  const run = words.slice(-3);
  const sentenceStart = run.length === words.length && run.length >= 3 && /^\p{Lu}/u.test(run[0]!);
  return { expansion: (sentenceStart ? run.slice(1) : run).join(' ').replace(/,$/, ''), lettersMatch: false };
}

export interface TextLine {
  line: number;
  text: string;
}

/**
 * Extracts abbreviations from the document's lines (markup still in place) and its footnotes.
 * `guess: false` keeps only definitions whose words spell the abbreviation: the template's import
 * never takes the words that merely stand before a code for its meaning.
 */
export function extractAbbreviations(
  lines: TextLine[],
  footnotes: Record<string, string>,
  options: { guess?: boolean } = {},
): Abbreviation[] {
  const guess = options.guess ?? true;
  const found = new Map<string, Abbreviation & { lettersMatch: boolean }>();
  const add = (a: Abbreviation, lettersMatch: boolean): void => {
    if (!lettersMatch && !guess) return;
    const existing = found.get(a.abbreviation);
    if (!existing) {
      found.set(a.abbreviation, { ...a, lettersMatch });
    } else if (!existing.lettersMatch && lettersMatch) {
      // A later, better definition wins; the earlier wording stays as a note.
      found.set(a.abbreviation, { ...a, notes: [...existing.notes, existing.expansion], lettersMatch });
    } else if (existing.expansion !== a.expansion && !existing.notes.includes(a.expansion)) {
      existing.notes.push(a.expansion);
    }
  };

  for (const { line, text } of lines) {
    if (/^<sup>\d+<\/sup>/.test(text)) continue; // footnote definitions are handled below
    const cells = text.split('\t');
    // Only the text column and prose: owner cells hold unit codes like "KLF (SÄK)", not definitions.
    const prose = (cells[0] ?? '').replace(/<\/?b>/g, '');

    for (const m of prose.matchAll(new RegExp(`\\((${ABBR})\\)`, 'g'))) {
      const abbr = m[1]!;
      const before = expansionBefore(prose.slice(0, m.index), abbr);
      if (before)
        add(
          { abbreviation: abbr, expansion: before.expansion, definedBy: 'parenthesis-after', notes: [], sourceLine: line },
          before.lettersMatch,
        );
    }
    for (const m of prose.matchAll(new RegExp(`\\b(${ABBR})\\s*(?:<sup>\\d+</sup>\\s*)?\\(([^)]+)\\)`, 'g'))) {
      const abbr = m[1]!;
      const words = m[2]!.trim();
      // Looser than expansionBefore: the words are delimited by the parentheses, and may be English
      // ("SAVE (Support and protection Against Violence, on Equal terms …)").
      const initialMatches = words.charAt(0).toLocaleLowerCase('sv') === abbr.charAt(0).toLocaleLowerCase('sv');
      if (words.split(/\s+/).length >= 2 && initialMatches && containsInOrder(words, abbr)) {
        add({ abbreviation: abbr, expansion: words, definedBy: 'parenthesis-before', notes: [], sourceLine: line }, true);
      }
    }
    // "… samverkan socialtjänst, skola, polis och fritid, SSPF": the words before a comma spell it.
    for (const m of prose.matchAll(new RegExp(`,\\s*(${ABBR})\\b(?![\\p{L}-])`, 'gu'))) {
      const abbr = m[1]!;
      const before = expansionBefore(prose.slice(0, m.index), abbr);
      if (before?.lettersMatch)
        add({ abbreviation: abbr, expansion: before.expansion, definedBy: 'comma', notes: [], sourceLine: line }, true);
    }
    for (const m of prose.matchAll(new RegExp(`\\b(${ABBR})\\s+[–-]\\s+([^\\t]+)`, 'g'))) {
      const abbr = m[1]!;
      const words = m[2]!.trim();
      if (containsInOrder(words, abbr)) {
        add({ abbreviation: abbr, expansion: words, definedBy: 'dash', notes: [], sourceLine: line }, true);
      }
    }
    // "ANDTS <sup>12</sup>" or the glued form "ANDTS 12", where footnote 12 spells it out.
    for (const m of prose.matchAll(new RegExp(`\\b(${ABBR})\\s*(?:<sup>(\\d+)</sup>|\\s(\\d{1,2})\\b)`, 'g'))) {
      const abbr = m[1]!;
      const note = ownValue(footnotes, m[2] ?? m[3] ?? '');
      if (!note) continue;
      const spelled = containsInOrder(note, abbr) && note.charAt(0).toLocaleLowerCase('sv') === abbr.charAt(0).toLocaleLowerCase('sv');
      if (spelled) {
        add({ abbreviation: abbr, expansion: note, definedBy: 'footnote', notes: [], sourceLine: line }, true);
      } else if (found.has(abbr)) {
        found.get(abbr)!.notes.push(note);
      } else {
        add({ abbreviation: abbr, expansion: note, definedBy: 'footnote', notes: [], sourceLine: line }, false);
      }
    }
  }
  return [...found.values()]
    .map(({ lettersMatch: _ignored, ...a }) => a)
    .sort((a, b) => a.abbreviation.localeCompare(b.abbreviation, 'sv'));
}
