/**
 * Questions typed on a keyboard without å, ä and ö ("vem ar ansvarig for atgarderna?", "vad gor
 * socialforvaltningen?"): each word is given back its letters when the plan's own words, its units'
 * names or the verbs that decide what is asked have exactly one word that folds to it
 * (åtgärderna → atgarderna). A word that is a word as it is typed stays ("har", "kommun"), and so
 * does one that folds from two ("ar": år or är) unless the question is Swedish and one of them is
 * the usual one in a question. Only a question with no å, ä or ö at all is read so: one who types
 * them means the others as typed.
 */

/** "Åtgärderna" → "atgarderna": å and ä to a, ö to o, é to e, lower case. */
export const folded = (word: string): string => word.toLocaleLowerCase('sv').replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e');

/** Swedish question words with å, ä or ö that a plan's text need not have. */
const QUESTION_WORDS = [
  'är',
  'innehåller',
  'innehålla',
  'gäller',
  'tillhör',
  'hör',
  'varför',
  'därför',
  'främst',
  'själv',
  'ännu',
  'sådana',
  'någon',
  'några',
  'något',
  'också',
  'över',
  'efter',
  'för',
  'på',
  'gör',
  'görs',
  'göra',
  'när',
  'där',
  'här',
  'så',
  'också',
  'även',
  'både',
  'många',
  'får',
  'mål',
  'år',
  'åtgärd',
  'åtgärden',
  'åtgärder',
  'åtgärderna',
  'målområde',
  'målområden',
  'arbetssätt',
  'förkortning',
  'förkortningen',
  'förvaltning',
  'förvaltningen',
  'förvaltningar',
  'förvaltningarna',
  'hjälp',
  'fråga',
  'betyder',
  'står',
  'innebär',
  'vilka',
  'säkerhetschef',
  'säkerhetschefen',
  'ansvarar',
  'följer',
  'följs',
  'uppföljning',
  'uppföljningen',
  'läge',
  'lägesbild',
  'lägesbilden',
  'våld',
  'nära',
  'skolgård',
  'skolgårdar',
  'skolgårdarna',
  'föräldrar',
  'brottsförebyggande',
  'förebyggande',
  'trygghetsskapande',
  'kamerabevakning',
  'kommunstyrelsen',
  'kommunfullmäktige',
];

/** Where a folded word could be two words, the one a Swedish question means: "vem ar" is "vem är". */
const IN_A_SWEDISH_QUESTION: Record<string, string> = {
  ar: 'är',
  for: 'för',
  pa: 'på',
  sa: 'så',
  nar: 'när',
  gor: 'gör',
  mal: 'mål',
  da: 'då',
};

/** Words that make a question Swedish when it has no å, ä or ö. */
const SWEDISH = new Set([
  'vem',
  'vad',
  'vilka',
  'vilken',
  'vilket',
  'hur',
  'som',
  'och',
  'har',
  'finns',
  'ansvarig',
  'ansvariga',
  'kommunen',
  'planen',
  'med',
  'om',
  'inom',
  'av',
  'till',
  'jag',
  'vi',
  'det',
  'den',
]);

export class DiacriticRestorer {
  /** Folded form → the one word it comes from, or null where two words fold to it. */
  private readonly byFolded = new Map<string, string | null>();
  /** Every word as spelt, lower case: a typed word that is one of them is left as it is. */
  private readonly asSpelt = new Set<string>();

  constructor(texts: Iterable<string>) {
    const add = (word: string) => {
      // Codes are typed in capitals as the plan writes them ("SÄK"): no Swedish word ("sak") is read as one.
      if (word.length > 1 && word === word.toLocaleUpperCase('sv')) return;
      const lower = word.toLocaleLowerCase('sv');
      this.asSpelt.add(lower);
      if (!/[åäöé]/.test(lower)) return;
      const key = folded(lower);
      const known = this.byFolded.get(key);
      if (known === undefined) this.byFolded.set(key, lower);
      else if (known !== lower) this.byFolded.set(key, null);
    };
    for (const text of [...texts, ...QUESTION_WORDS]) for (const word of text.match(/\p{L}[\p{L}-]*/gu) ?? []) add(word);
    // The small words of a Swedish question are words as typed, whatever a plan's text has: a short
    // plan without "har" turned "vem har …" into "vem här …".
    for (const word of SWEDISH) this.asSpelt.add(word);
  }

  /** The question with its words' å, ä and ö given back; the question as it is when it has any of them. */
  restore(question: string): string {
    if (/[åäöÅÄÖ]/.test(question)) return question;
    const words = question.toLocaleLowerCase('sv').match(/\p{L}+/gu) ?? [];
    // Swedish by its small words, or by a long word of the plan's typed without its letters ("atgarderna").
    const swedish =
      words.some((w) => SWEDISH.has(w)) || words.some((w) => w.length >= 6 && !this.asSpelt.has(w) && Boolean(this.byFolded.get(w)));
    // An English question ("who is responsible for …") is read as it is typed.
    if (!swedish) return question;
    return question.replace(/\p{L}[\p{L}-]*/gu, (word, offset: number) => {
      const lower = word.toLocaleLowerCase('sv');
      // "i ar": this year, not "is".
      if (swedish && lower === 'ar' && /\bi\s+$/i.test(question.slice(0, offset))) return keepCase(word, 'år');
      if (swedish && IN_A_SWEDISH_QUESTION[lower]) return keepCase(word, IN_A_SWEDISH_QUESTION[lower]!);
      if (this.asSpelt.has(lower)) return word;
      const restored = this.byFolded.get(lower) ?? this.restoreParts(lower);
      return restored ? keepCase(word, restored) : word;
    });
  }

  /**
   * A word the plan has only in another form or inside a compound ("omradena" for områden,
   * "ordningsvaktsomradena", "atgardsplanens"): the longest piece of it (MIN_PIECE letters or more) that
   * folds from exactly one word of the plan gets that word's letters, and so on for what is left on
   * either side. Undefined when no piece does.
   */
  private restoreParts(lower: string): string | undefined {
    for (let length = lower.length - 1; length >= MIN_PIECE; length--) {
      for (let start = 0; start + length <= lower.length; start++) {
        const restored = this.byFolded.get(lower.slice(start, start + length));
        if (!restored) continue;
        const before = lower.slice(0, start);
        const after = lower.slice(start + length);
        return (this.restoreParts(before) ?? before) + restored + (this.restoreParts(after) ?? after);
      }
    }
    return undefined;
  }
}

/** The shortest piece of a word given back its letters on its own ("omrad" is too short to be sure of). */
const MIN_PIECE = 6;

/** "Atgarder" → "Åtgärder": the restored word with the typed word's first capital. */
function keepCase(typed: string, word: string): string {
  return /^\p{Lu}/u.test(typed) ? word.charAt(0).toLocaleUpperCase('sv') + word.slice(1) : word;
}
