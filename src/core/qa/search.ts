/**
 * Free-text search over the plan's action rows, with MiniSearch (BM25, prefix and fuzzy matching)
 * on Snowball-stemmed Swedish. The query is expanded with English translations, synonyms and
 * compound parts; each result says how many of the user's content words it covers, so that
 * a question about something the plan does not mention finds nothing rather than noise.
 */
import MiniSearch from 'minisearch';
import type { MunicipalityWord } from './municipality-words';
import type { Plan } from '../plan/model';
import { ENGLISH_TO_SWEDISH, SYNONYMS, VERB_SYNONYMS } from './lexicon';
import { ownValue } from '../lookup-table';
import {
  firstAtOrAfter,
  isMisspeltStopWord,
  isStopWord,
  splitByKnownTail,
  splitCompound,
  stemSwedish,
  tokenize,
  Vocabulary,
  withinOneEdit,
} from './text';

interface ActionDocument {
  id: string;
  text: string;
  context: string;
  extra: string;
  /** Ansvarig, Samverkan and Finansiering as printed: finds partners named in part ("Brottsofferjouren"). */
  owners: string;
}

export interface SearchHit {
  actionId: string;
  score: number;
  /** Share of the user's content words that this row matches (0–1). */
  coverage: number;
  /** The row contains, as it is, a long word of the question that few rows contain. */
  strong: boolean;
  /** How many rows share the rarest of the question's long words that this row contains (lower is more specific). */
  rarity: number;
  /** Share of the content words matched in the row's own words, not only in Ansvarig/Samverkan/Finansiering. */
  ownCoverage: number;
  /** The weight of the best term it matched: 1 for a word of the question or its synonym, less for a part or a beginning. */
  matchWeight: number;
  /**
   * The question's verb is the row's task verb ("tar fram" ~ "Ta fram …", "genomför" ~ "Genomföra …"),
   * or the question asks about cooperation and the row's task is cooperation.
   */
  taskVerb: boolean;
}

export interface SearchOutcome {
  /** The content words of the question, after stop words are removed. */
  contentWords: string[];
  /** The municipality's own words in the question, read as the plan's words an admin gave for them. */
  readAs?: Array<{ word: string; planTerms: string[] }>;
  hits: SearchHit[];
  /**
   * Set when no row matched enough of the question and the search was relaxed: the words that
   * match no row of the plan at all were dropped, and the hits match the words kept.
   */
  relaxed?: {
    kept: string[];
    dropped: string[];
    /** Some word kept is in only a few rows (three or fewer): what is left names something, it does not only describe. */
    specific: boolean;
  };
  /** Set when every word is in the plan but no row has enough of them together: the hits are only the nearest. */
  apart?: boolean;
  /** Verbs of "vem <verb> …" that neither the plan nor the lexicon knows, left out as how, not what. */
  ignoredVerbs?: string[];
  /**
   * Set when the best rows match only by a beginning or a common part of a word ("IT-säkerheten"
   * meets "säkerhet…"): the nearest rows to choose from, never an owner.
   */
  weak?: boolean;
  /**
   * Set when the best rows were found by a long, rare word alone and other words of the question
   * match no row of the plan in any form: those words, which may be the question's topic.
   */
  nowhere?: string[];
}

/** Words for "the work" that, before "mot", "med" or "kring", only introduce the topic. */
const WORK_WORDS = new Set(['arbete', 'arbetet', 'jobb', 'jobbet', 'insatser', 'insatserna', 'work', 'efforts']);
const WORK_PREPOSITIONS = new Set(['mot', 'med', 'kring', 'runt', 'against', 'on']);
/** Two content words must both match; three need two; a lone word must match. */
const MULTIWORD_SYNONYMS = Object.entries(SYNONYMS).filter(([key]) => key.includes(' '));
/** Verb particles that, placed before the verb, make the plan's nouns: ut|byggnad, fram|tagande, upp|följning. */
const PARTICLES = new Set(['ut', 'upp', 'fram', 'in', 'av', 'över', 'ner', 'ned', 'bort', 'till', 'på']);
/**
 * Particles that begin the plan's nouns made from particle verbs. Only those whose remainder is
 * long and seldom a word by chance: "ut|betalningar", "in|stanser" would meet "betalas", "stan".
 */
const NOUN_PARTICLES = ['om', 'ny', 'av', 'in'];
const VERB_SYNONYMS_BY_STEM = new Map(Object.entries(VERB_SYNONYMS).map(([key, values]) => [stemSwedish(key), values]));
const SYNONYMS_BY_STEM = new Map(
  Object.entries(SYNONYMS)
    .filter(([key]) => !key.includes(' '))
    .map(([key, values]) => [stemSwedish(key), values]),
);

const MIN_COVERAGE = 0.6;
/** A row matched only by terms this weak (a word's beginning, a common part of it) is offered, not answered. */
const WEAK_MATCH = 0.3;
/** A shared beginning counts as the same root only when so few rows have words that begin with it. */
const MAX_ROWS_OF_A_ROOT = 5;

export class PlanSearch {
  private readonly index: MiniSearch<ActionDocument>;
  private readonly vocabulary = new Vocabulary();
  /** How many rows each stem of the plan is in: a rare one names something, a common one describes. */
  private readonly rowsWithStem = new Map<string, number>();
  /** Rows whose own text is about cooperation ("samverkan", "samverka", "samarbete"). */
  private readonly cooperationRows = new Set<string>();
  /** Each row's task verb as the row begins ("ta fram", "genomföra"), where it begins with one. */
  private readonly taskVerbs = new Map<string, string>();
  /**
   * Each stem of the rows, its compounds' parts included, with the rows that have it, sorted: for how
   * many rows have a word that begins so ("assistans…").
   */
  private readonly rowsOfStem = new Map<string, number[]>();
  private sortedRowStems: string[] = [];
  /** Answers of rowsWithWordsBeginning: the plan does not change, and users' words repeat. Bounded. */
  private readonly rowsBeginningCache = new Map<string, number>();
  /** Codes and names the plan writes in capitals (SSPF, LOV3, SAVE): short, but they name one thing. */
  private readonly codeStems = new Set<string>();

  /** The municipality's own words for the plan's terms, by word and by stem (see municipality-words). */
  private readonly ownWords = new Map<string, string[]>();
  private readonly ownWordsByStem = new Map<string, string[]>();

  constructor(plan: Plan, municipalityWords: ReadonlyArray<Pick<MunicipalityWord, 'word' | 'planTerms'>> = []) {
    for (const { word, planTerms } of municipalityWords) {
      this.ownWords.set(word, planTerms);
      this.ownWordsByStem.set(stemSwedish(word), planTerms);
    }
    const abbreviations = plan.abbreviations;
    const documents: ActionDocument[] = plan.actions.map((action) => {
      // Group and subsection titles, not the målområde's: a title shared by 60 rows would drown the row's own words.
      const context = [action.groupTitle, action.subsection?.title ?? ''].join(' ');
      const stems = new Set(tokenize(`${action.text} ${context}`).map(stemSwedish));
      for (const stem of stems) {
        this.vocabulary.add(stem);
        this.rowsWithStem.set(stem, (this.rowsWithStem.get(stem) ?? 0) + 1);
      }
      for (const code of `${action.text} ${context}`.match(/\b\p{Lu}[\p{Lu}\d]+\b/gu) ?? [])
        this.codeStems.add(stemSwedish(tokenize(code)[0]!));
      const owners = [action.ansvarig.asPrinted, action.samverkan.asPrinted, action.finansiering.asPrinted].join(' ');
      if (/samverk|samarbet/i.test(action.text)) this.cooperationRows.add(action.id);
      const verb = taskVerbOf(action.text);
      if (verb) this.taskVerbs.set(action.id, verb);
      return { id: action.id, text: action.text, context, extra: '', owners };
    });
    // Second pass, once the vocabulary is known: spelled-out abbreviations, spelling variants, compound parts.
    for (const doc of documents) {
      const extra: string[] = [];
      const tokens = tokenize(`${doc.text} ${doc.context}`);
      for (const a of abbreviations) {
        if (new RegExp(`\\b${a.abbreviation}\\b`).test(`${doc.text} ${doc.context}`)) extra.push(a.expansion);
      }
      // A hyphen the document's line break left apart ("BRÅ- uppdrag", "APT- material"): the word joined too.
      for (const m of `${doc.text} ${doc.context}`.matchAll(/([\p{L}\p{N}]+)-\s+([\p{L}\p{N}]+)/gu)) extra.push(`${m[1]}-${m[2]}`);
      for (const token of tokens) {
        extra.push(...(ownValue(plan.spellingVariants, token) ?? []));
        if (token.includes('-')) extra.push(...token.split('-').filter((part) => part.length >= 3));
        // The plan's own compounds are split even where the tail is no word of its own ("narkotika|sök"),
        // so that "hundsök" or "bevakning" can meet them.
        // Or where the head is no word of its own but the tail is ("religions|dialog": "dialog" is in other rows).
        if (token.length >= 9)
          extra.push(
            ...(splitCompound(token, this.vocabulary, { tailMustBeKnown: false }) ?? splitByKnownTail(token, this.vocabulary) ?? []),
          );
        // A noun made of a particle and a verb ("om|byggnation", "av|radikalisering", "in|rapportering")
        // is also found by the verb ("bygger", "radikaliseras", "rapporterar").
        const particle = NOUN_PARTICLES.find((p) => token.startsWith(p) && token.length - p.length >= 8);
        if (particle) extra.push(token.slice(particle.length));
      }
      doc.extra = extra.join(' ');
      for (const token of tokenize(doc.extra)) this.vocabulary.add(stemSwedish(token));
      const row = documents.indexOf(doc);
      for (const stem of new Set(tokenize(`${doc.text} ${doc.context} ${doc.extra}`).map(stemSwedish))) {
        this.rowsOfStem.set(stem, [...(this.rowsOfStem.get(stem) ?? []), row]);
      }
    }

    this.index = new MiniSearch<ActionDocument>({
      fields: ['text', 'context', 'extra', 'owners'],
      storeFields: [],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => (isStopWord(term) ? null : stemSwedish(term)),
      searchOptions: {
        boost: { text: 2, context: 1, extra: 1, owners: 0.5 },
        prefix: (term) => term.length >= 4,
        // Edit distance 1 from five letters, 2 from nine: enough for typos, cheap enough for the radix tree.
        // Only for words that the plan does not contain as they are: a known word needs no typo search.
        fuzzy: (term) => (this.vocabulary.has(term) ? false : term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
        weights: { fuzzy: 0.3, prefix: 0.6 },
      },
    });
    this.index.addAll(documents);
    this.sortedRowStems = [...this.rowsOfStem.keys()].sort();
  }

  /** True when the stemmed word is a word of the plan as it is, not only the beginning of one. */
  knowsExactly(word: string): boolean {
    return this.vocabulary.has(stemSwedish(word));
  }

  /**
   * The words of a question that nothing here knows: not the plan, not a word it begins, not the
   * lexicon, the municipality's words or the English glossary (for counting what staff ask in vain).
   */
  unknownWords(question: string): string[] {
    return tokenize(question).filter(
      (t) =>
        !isStopWord(t) &&
        !isMisspeltStopWord(t) &&
        !/\d/.test(t) &&
        !this.knows(t) &&
        this.synonymsOf(t).length === 0 &&
        verbSynonymsOf(t).length === 0 &&
        !(t in ENGLISH_TO_SWEDISH) &&
        typoSynonymsOf(t).length === 0,
    );
  }

  /** The plan's words the municipality gave for a word, as typed or in another form ("drönarna" ~ "drönare"). */
  private ownTermsOf(word: string): string[] | undefined {
    return this.ownWords.get(word) ?? this.ownWordsByStem.get(stemSwedish(word));
  }

  /** The municipality's own words among the question's words, with the plan's words they were read as. */
  private ownWordsIn(words: string[]): Array<{ word: string; planTerms: string[] }> {
    return words.flatMap((word) => {
      const planTerms = this.ownTermsOf(word);
      return planTerms ? [{ word, planTerms }] : [];
    });
  }

  /** The municipality's own word's terms first, then the lexicon's synonyms. */
  private synonymsOf(word: string): string[] {
    return this.ownTermsOf(word) ?? synonymsOf(word);
  }

  /** True when the stemmed word, or a word that it begins, is in the plan. */
  knows(word: string): boolean {
    const stem = stemSwedish(word);
    return this.vocabulary.has(stem) || (stem.length >= 4 && this.vocabulary.hasPrefix(stem));
  }

  /**
   * The alternatives one content word of the question stands for, each with a weight: the word
   * itself and its translations and synonyms count fully; parts and truncations, which match more
   * widely, count less, so a row with the whole word ranks first.
   */
  private alternatives(word: string, phrase: string): Map<string, number> {
    const alts = new Map<string, number>();
    const add = (term: string, weight: number): void => {
      if (weight > (alts.get(term) ?? 0)) alts.set(term, weight);
    };
    // A phrase of the lexicon joined into one word of the question ("welfare fraud"): what it stands for, only.
    if (word.includes(' ')) {
      for (const t of SYNONYMS[word] ?? []) [t, ...this.synonymsOf(t)].forEach((u) => add(u, 1));
      return alts;
    }
    // English plurals and verb forms: "supports", "witnesses" → "support", "witness". A translated
    // English word is searched in Swedish only, or the plan's one English sentence (SAVE) would win.
    // A singular finds a plural entry too ("guard" → "guards").
    const english =
      ENGLISH_TO_SWEDISH[word] ??
      ENGLISH_TO_SWEDISH[word.replace(/(es|s)$/, '')] ??
      ENGLISH_TO_SWEDISH[word.replace(/s$/, '')] ??
      ENGLISH_TO_SWEDISH[`${word}s`] ??
      [];
    if (english.length > 0) {
      // The Swedish word's own everyday synonyms too: radicalisation → radikalisering → våldsbejakande extremism.
      english.forEach((t) => add(t, 1));
      english.flatMap((t) => this.synonymsOf(t)).forEach((t) => add(t, 1));
    } else add(word, 1);
    // Synonyms by stem: "gänget" and "hyresvärdarna" find the entries for "gäng" and "hyresvärdar".
    for (const t of this.synonymsOf(word)) add(t, 1);
    // Or of the everyday word it is a typo of, where the plan has no such word.
    if (!this.knows(word) && this.synonymsOf(word).length === 0) for (const t of typoSynonymsOf(word)) add(t, 1);
    // A doubled consonant before a definite or plural ending ("gymmen", "gymmet" ~ "gym").
    const single = word.replace(/(\p{L})\1(en|et|ar|arna|er|erna)$/u, '$1');
    if (single !== word && !this.knows(word) && (this.knows(single) || this.synonymsOf(single).length > 0)) {
      add(single, 1);
      this.synonymsOf(single).forEach((t) => add(t, 1));
    }
    // A compound joined with an "s" where the plan has none, or the other way round
    // ("ordningsvakts|områdena" ~ "ordningsvaktområden", "trygghet|vandring" ~ "trygghetsvandring").
    if (word.length >= 9 && !this.knows(word)) {
      const joint = this.jointVariant(word);
      if (joint) add(joint, 1);
    }
    // A genitive "-s" on a name the plan has ("Swecos utbildning").
    if (word.length >= 5 && word.endsWith('s') && !this.knows(word) && this.knows(word.slice(0, -1))) add(word.slice(0, -1), 1);
    // Plural definite "-ena" (områdena ~ områden), where the plan has the other form.
    if (word.endsWith('ena') && !this.knows(word) && this.knows(word.slice(0, -1))) add(word.slice(0, -1), 1);
    for (const [key, values] of MULTIWORD_SYNONYMS) if (phrase.includes(key)) values.forEach((v) => add(v, 1));
    // "honour-related", "Municipal-samarbetet": each part stands for the word too.
    // A name joined to a common noun ("SAVE-projektet", "Sweco-utbildningen"): the name, which few
    // rows have, leads; the common part ("projekt", in many rows) only helps.
    if (word.includes('-')) {
      const parts = word.split('-').filter((part) => part.length >= 3);
      // A code of the plan ("SAVE", "ANDTS", "LOV3") leads whatever the other part is.
      const hasCode = parts.some((part) => this.codeStems.has(stemSwedish(part)));
      // A part nowhere in the plan ("IT-säkerheten", "EU-migranter") is the word's topic: the other
      // parts only help, so that a row they meet alone is offered, never answered.
      const unknownPart = word.split('-').some((part) => this.isNowhere(part));
      for (const part of parts) {
        const stem = stemSwedish(part);
        const rows = this.rowsWithStem.get(stem) ?? 0;
        const rare = hasCode ? this.codeStems.has(stem) : rows > 0 && rows <= 3;
        const weight = rare && !unknownPart ? 1 : 0.3;
        this.alternatives(part, phrase).forEach((w, t) => add(t, w * weight));
      }
    }
    if (!this.knows(word) && word.length >= 7) {
      for (const part of splitCompound(word, this.vocabulary) ?? []) add(part, 0.5);
      // A compound the plan does not have, whose tail is an everyday word for a term of the plan
      // ("online|kursen" → kurs → utbildning): the tail's synonyms, a little weaker than the word's own.
      // Unless its head is nowhere in the plan ("parkerings|övervakningen" is not the plan's camera
      // surveillance): then the head is the topic, and the tail only helps, as a hyphenated part does.
      for (let i = 3; i <= word.length - 4; i++) {
        const tailSynonyms = this.synonymsOf(word.slice(i));
        if (tailSynonyms.length > 0) {
          const weight = this.isNowhere(word.slice(0, i)) ? 0.3 : 0.8;
          tailSynonyms.forEach((t) => add(t, weight));
          break;
        }
      }
      // Or whose head names something only a few rows have ("assistans|ersättning" ~ "assistansfusk"): the head, weaker.
      const head = this.rareHead(word);
      if (head) add(head, 0.5);
      // Or whose head is one ("knark|försäljning" → narkotika + försäljning): both parts, when the tail is the plan's.
      for (let i = 3; i <= word.length - 4; i++) {
        const headSynonyms = this.synonymsOf(word.slice(0, i));
        const tail = word.slice(i);
        if (headSynonyms.length > 0 && this.knows(tail)) {
          headSynonyms.forEach((t) => add(t, 0.8));
          add(tail, 0.8);
          break;
        }
      }
    }
    for (const prefix of this.knownPrefixes(stemSwedish(word))) add(prefix, 0.3);
    return alts;
  }

  /** A word the plan has in no form, that no synonym or English word leads to the plan from (a joint "s" aside). */
  private isNowhere(word: string): boolean {
    const nowhere = (w: string) =>
      !this.knows(w) && this.knownPrefixes(stemSwedish(w)).length === 0 && this.synonymsOf(w).length === 0 && !(w in ENGLISH_TO_SWEDISH);
    return nowhere(word) && !(word.length > 4 && word.endsWith('s') && !nowhere(word.slice(0, -1)));
  }

  /** The word with a joint "s" taken out or put in, where the plan has that form. */
  private jointVariant(word: string): string | undefined {
    // Known as it is, or but for an ending the stemmer leaves ("områdena" ~ "områd…"): the plan's stem.
    const known = (candidate: string): string | undefined => {
      const stem = stemSwedish(candidate);
      if (this.vocabulary.has(stem)) return candidate;
      return this.knownPrefixes(stem).find((prefix) => prefix.length >= stem.length - 3);
    };
    for (let i = 4; i <= word.length - 4; i++) {
      const without = word[i] === 's' ? known(word.slice(0, i) + word.slice(i + 1)) : undefined;
      if (without) return without;
      const withS = word[i - 1] !== 's' && word[i] !== 's' ? known(`${word.slice(0, i)}s${word.slice(i)}`) : undefined;
      if (withS) return withS;
    }
    return undefined;
  }

  /** Marks the rows whose task verb the question uses (a tie-breaker: only where there is more than one row). */
  private markTaskVerbs(hits: SearchHit[], tokens: string[]): void {
    if (hits.length < 2) return;
    const askedVerbs = verbPhrasesOf(tokens);
    for (const token of tokens) for (const verb of verbSynonymsOf(token)) askedVerbs.add(verb);
    // "Vem samverkar med … om …": a row whose own task is cooperation ("Utveckla lokal samverkan") is
    // the one asked for, rather than a row that only lists the partner.
    const asksCooperation = tokens.some((t) => /^(samverk|samarbet)/.test(t));
    // A compound task verb ends with the question's verb: "leder" ~ "Projektleda" (not a function word's
    // form: "för" is no "genom|föra").
    const contentVerbs = [...verbPhrasesOf(tokens.filter((t) => !isStopWord(t)))].filter((v) => v.length >= 4 && !v.includes(' '));
    for (const hit of hits) {
      const verb = this.taskVerbs.get(hit.actionId) ?? '';
      const endsWithAsked = verb !== '' && contentVerbs.some((v) => verb !== v && verb.endsWith(v));
      hit.taskVerb = askedVerbs.has(verb) || endsWithAsked || (asksCooperation && this.cooperationRows.has(hit.actionId));
    }
  }

  private rowsWithWordsBeginning(prefix: string): number {
    const cached = this.rowsBeginningCache.get(prefix);
    if (cached !== undefined) return cached;
    const sorted = this.sortedRowStems;
    const rows = new Set<number>();
    for (let i = firstAtOrAfter(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++)
      for (const row of this.rowsOfStem.get(sorted[i]!)!) rows.add(row);
    if (this.rowsBeginningCache.size >= 20_000) this.rowsBeginningCache.clear();
    this.rowsBeginningCache.set(prefix, rows.size);
    return rows.size;
  }

  /**
   * The longest head of an unknown compound (six letters or more) that begins words of only a few
   * rows (three or fewer): "assistans|ersättning" ~ "assistansfusk". A head in many rows
   * ("trygghets|rådet") says too little alone.
   */
  private rareHead(word: string): string | undefined {
    for (let i = word.length - 4; i >= 6; i--) {
      const head = word.slice(0, i);
      const bare = head.endsWith('s') ? head.slice(0, -1) : head;
      for (const candidate of new Set([head, bare])) {
        if (candidate.length < 6) continue;
        const rows = this.rowsWithWordsBeginning(candidate);
        if (rows > 0 && rows <= 3) return candidate;
        if (rows > 3) return undefined;
      }
    }
    return undefined;
  }

  /**
   * Where the stemmer leaves forms apart ("utbildning" vs "utbilda" → "utbild"), the stems of the
   * plan that begin the word and keep most of it.
   */
  private knownPrefixes(stem: string): string[] {
    const found: string[] = [];
    if (stem.length < 8) return found;
    for (let n = stem.length - 1; n >= Math.max(5, Math.ceil(stem.length * 0.6)) && found.length < 3; n--) {
      const prefix = stem.slice(0, n);
      if (this.vocabulary.has(prefix)) found.push(prefix);
    }
    // The same root with another ending ("religiösa" ~ "religionsdialog", "extremist" ~ "extremism"):
    // a long shared beginning, most of the word, that begins words of a few rows. Not for compounds
    // (stems over ten letters): "trygghets|rådet" shares "trygghets" with many rows and is no root.
    if (found.length === 0 && !this.vocabulary.has(stem) && stem.length <= 10) {
      for (let n = stem.length - 1; n >= Math.max(6, Math.ceil(stem.length * 0.75)); n--) {
        const prefix = stem.slice(0, n);
        if (!this.vocabulary.hasPrefix(prefix)) continue;
        if (this.rowsWithWordsBeginning(prefix) <= MAX_ROWS_OF_A_ROOT) found.push(prefix);
        break;
      }
    }
    return found;
  }

  search(question: string, limit = 5): SearchOutcome {
    const phrase = tokenize(question).join(' ');
    // Short words that the plan does not know ("stan", "ju") are filler, not a topic outside the plan.
    // "en plan mot …" names a plan to be written; "the plan", "this plan" is the action plan itself.
    const asked = tokenize(question);
    const contentWords = asked.filter(
      (t, i) =>
        !isStopWord(t) &&
        !(t === 'plan' && ['the', 'this', 'our', 'your'].includes(asked[i - 1] ?? '')) &&
        !/^\d+$/.test(t) &&
        (t.length > 4 || this.knows(t) || t in ENGLISH_TO_SWEDISH || this.synonymsOf(t).length > 0) &&
        !(isMisspeltStopWord(t) && !this.knowsExactly(t)) &&
        // "arbetet mot människohandel", "jobbet med avhoppare": the work is what follows, not a word of its own.
        !(WORK_WORDS.has(t) && WORK_PREPOSITIONS.has(asked[i + 1] ?? '')),
    );
    // A phrase of the lexicon made only of words that say nothing alone ("action plan"): a word of its own.
    for (const [key] of MULTIWORD_SYNONYMS) {
      if (phrase.includes(key) && tokenize(key).every((t) => isStopWord(t)) && contentWords.length > 0) contentWords.push(key);
    }
    if (contentWords.length === 0) return { contentWords, hits: [] };
    // Everyday verbs for the plan's task verbs ("hjälper", "stoppar") rank rows that have the verb
    // higher, but a row without it is not refused for that: the question's topic is in its nouns.
    // So is the verb of "who <verb> …" / "vem <verb> …" that neither the plan nor the lexicon knows
    // ("who writes the communication plan"): it says how, the nouns say what.
    const unknownVerb = verbAfterWho(asked);
    const verbTerms = contentWords.filter(
      (w) =>
        !this.knows(w) &&
        (verbSynonymsOf(w).length > 0 ||
          (w === unknownVerb && this.synonymsOf(w).length === 0 && !(w in ENGLISH_TO_SWEDISH) && typoSynonymsOf(w).length === 0)),
    );
    const ignoredVerbs: string[] = [];
    if (verbTerms.length > 0 && verbTerms.length < contentWords.length) {
      contentWords.splice(0, contentWords.length, ...contentWords.filter((w) => !verbTerms.includes(w)));
      ignoredVerbs.push(...verbTerms.filter((w) => verbSynonymsOf(w).length === 0));
    }
    const verbAlternatives = contentWords.length === 0 ? [] : verbTerms.flatMap((w) => verbSynonymsOf(w));
    // The phrases joined into one word are that word's alone; the others still help every word.
    const unjoined = joinPhrases(contentWords, phrase).reduce((rest, key) => rest.replace(key, ' '), phrase);

    const tokens = tokenize(question);
    const readAs = this.ownWordsIn(contentWords);
    const groups = contentWords.map((word) => {
      const alts = this.alternatives(word, unjoined);
      // A particle verb ("bygger ut", "tar fram", "följer upp") is a prefixed noun in the plan
      // ("utbyggnaden", "framtagande", "uppföljning"): the particle before the verb's stem.
      const next = tokens[tokens.indexOf(word) + 1];
      if (next && PARTICLES.has(next)) {
        const prefixed = next + stemSwedish(word).replace(/(er|ar|a)$/, '');
        if (this.vocabulary.hasPrefix(prefixed)) alts.set(prefixed, Math.max(alts.get(prefixed) ?? 0, 1));
      }
      return alts;
    });
    const weights = new Map<string, number>();
    for (const verb of verbAlternatives) for (const token of tokenize(verb)) weights.set(stemSwedish(token), 0.5);
    for (const group of groups) {
      for (const [term, weight] of group) {
        for (const token of tokenize(term)) {
          const stem = stemSwedish(token);
          weights.set(stem, Math.max(weights.get(stem) ?? 0, weight));
        }
      }
    }
    const queryText = [...groups.flatMap((g) => [...g.keys()]), ...verbAlternatives].join(' ');
    const processed = groups.map((g) => new Set([...g.keys()].flatMap((t) => tokenize(t)).map((t) => stemSwedish(t))));

    const results = this.index.search(queryText, { combineWith: 'OR', boostTerm: (term) => weights.get(term) ?? 1 });
    // A long, rare word of the question found as it is ("registerkontroller"), or a code of the plan
    // ("SSPF"), identifies a row even when the rest of the question does not match.
    // Its spelling variants count as it ("ordningsvakts|områdena" ~ "ordningsvaktområden"). Not the
    // verb of "vem <verb> …": the topic is in the nouns ("vem utvärderar områdesteamen" is about områdesteamen).
    const askedVerb = verbAfterWho(tokens);
    const spellings = contentWords
      .filter((w) => w !== askedVerb)
      .flatMap((w) => [w, ...(w.length >= 9 && !this.knows(w) ? [this.jointVariant(w) ?? ''] : [])]);
    const ownStems = spellings
      .filter((w) => w !== '')
      .map((w) => stemSwedish(w))
      .filter((stem) => stem.length >= 8 || this.codeStems.has(stem));
    const rowsWith = new Map<string, number>();
    for (const r of results) for (const term of Object.keys(r.match)) rowsWith.set(term, (rowsWith.get(term) ?? 0) + 1);
    const hits: SearchHit[] = results.map((r) => {
      const matched = new Set(r.queryTerms);
      const covered = processed.filter((terms) => [...terms].some((t) => matched.has(t))).length;
      // The words found in the row's own text, not only in its Ansvarig/Samverkan/Finansiering cells:
      // "säkerhet" in "Säkerhets-samordnare" (a Samverkan cell) says less than in "eventsäkerhet" (its task).
      const ownTerms = Object.entries(r.match)
        .filter(([, fields]) => fields.some((f) => f !== 'owners'))
        .map(([term]) => term);
      const ownCovered = processed.filter((terms) =>
        [...terms].some((t) => ownTerms.some((o) => o.startsWith(t) || t.startsWith(o))),
      ).length;
      const rare = ownStems.filter((stem) => r.match[stem] !== undefined).map((stem) => rowsWith.get(stem) ?? Infinity);
      const rarity = rare.length > 0 ? Math.min(...rare) : Infinity;
      return {
        actionId: String(r.id),
        score: r.score,
        coverage: covered / groups.length,
        ownCoverage: ownCovered / groups.length,
        strong: rarity <= 3,
        rarity,
        matchWeight: Math.max(0, ...r.queryTerms.map((t) => weights.get(t) ?? 1)),
        taskVerb: false,
      };
    });
    // The question's verbs, and the plan's task verbs that they are everyday words for ("skriva" ~ "ta fram").
    this.markTaskVerbs(hits, tokens);
    const strict = bestOf(hits, limit);
    if (strict.length > 0 && strict[0]!.matchWeight <= WEAK_MATCH) return { contentWords, readAs, ignoredVerbs, hits: strict, weak: true };
    const unmatched = processed.map((terms) => !results.some((r) => r.queryTerms.some((t) => terms.has(t))));
    if (strict.length > 0 && strict[0]!.coverage < 1) {
      // A long, rare word found a row, but a word of the question is nowhere in the plan in any form
      // ("belysningen i tunneln", "snöröjningen på skolgården"): said, so the answer can be unsure.
      const nowhere = contentWords.filter((_, i) => unmatched[i]);
      if (nowhere.length > 0) return { contentWords, readAs, ignoredVerbs, hits: strict, nowhere };
    }
    if (strict.length > 0 || groups.length < 2) return { contentWords, readAs, ignoredVerbs, hits: strict };

    // Relaxed: a few words that the plan has nowhere ("nuförtiden", "gänget") must not sink a
    // question whose other words find a row. Coverage is counted over the words some row matches.
    // Short words ("många", "hamna") are dropped only beside two or more words the plan has: alone
    // with one, they are too little to tell filler from topic, and still count as missed.
    const matchedCount = unmatched.filter((u) => !u).length;
    const droppable = unmatched.map((u, i) => u && (contentWords[i]!.length >= 6 || matchedCount >= 2));
    const kept = contentWords.filter((_, i) => !droppable[i]);
    const dropped = contentWords.filter((_, i) => droppable[i]);
    if (kept.length === 0) return { contentWords, readAs, ignoredVerbs, hits: [] };
    if (dropped.length === 0) {
      // Every word is in the plan, but no row has enough of them together ("sex" and "samtycke"
      // are in two rows): the rows nearest, to choose from, never an owner. Not for four words or
      // more: that is a sentence (an answer typed into the chat), not a question about two topics.
      if (groups.length > 3) return { contentWords, readAs, ignoredVerbs, hits: [] };
      const nearest = hits
        .filter((h) => h.coverage >= 0.5)
        .sort((a, b) => b.coverage - a.coverage || b.ownCoverage - a.ownCoverage || b.score - a.score)
        .slice(0, limit);
      return nearest.length > 0 ? { contentWords, ignoredVerbs, hits: nearest, apart: true } : { contentWords, ignoredVerbs, hits: [] };
    }
    const relaxedHits = hits.map((h) => ({
      ...h,
      coverage: (h.coverage * groups.length) / kept.length,
      ownCoverage: (h.ownCoverage * groups.length) / kept.length,
    }));
    // Met as it is or as a beginning, not by a typo's likeness ("lights" is one letter from "ligt").
    const metAsTyped = (r: (typeof results)[number], terms: Set<string>): boolean =>
      Object.keys(r.match).some((m) => [...terms].some((t) => m.startsWith(t)));
    const specific = contentWords.some((_, i) => {
      if (droppable[i]) return false;
      const rows = results.filter((r) => metAsTyped(r, processed[i]!)).length;
      return rows > 0 && rows <= 3;
    });
    return { contentWords, readAs, ignoredVerbs, hits: bestOf(relaxedHits, limit), relaxed: { kept, dropped, specific } };
  }
}

/** A row with the question's task verb is preferred only when its score is at least this share of the best. */
const TASK_VERB_REACH = 0.5;

/** The rows that match enough of the question, best first: most words covered, then the rarest word, then the score. */
function bestOf(hits: SearchHit[], limit: number): SearchHit[] {
  const candidates = hits.filter((h) => h.coverage >= MIN_COVERAGE || (h.strong && h.coverage >= 0.5));
  // The question's task verb breaks a tie between rows alike in what they cover, not a clear lead:
  // "motverkar bidragsfusk" is about the fraud, and a row far ahead on it is not passed by one that
  // begins "Motverka …" and meets the fraud only by a synonym.
  const top = Math.max(0, ...candidates.map((h) => h.score));
  for (const h of candidates) if (h.taskVerb && h.score < top * TASK_VERB_REACH) h.taskVerb = false;
  const relevant = candidates.sort(
    (a, b) =>
      b.coverage - a.coverage ||
      b.ownCoverage - a.ownCoverage ||
      a.rarity - b.rarity ||
      Number(b.taskVerb) - Number(a.taskVerb) ||
      b.score - a.score,
  );
  const best = relevant[0];
  if (!best) return [];
  return relevant.filter((h) => h.coverage === best.coverage && (h.score >= best.score * 0.6 || h.rarity === best.rarity)).slice(0, limit);
}

/**
 * Joins, in place, the content words that make up a phrase of the lexicon ("welfare fraud", "lämna
 * gänget") into one: the phrase names one thing, and a row that meets only one of its words
 * ("fraud" ~ "felaktiga utbetalningar") has not met it.
 */
function joinPhrases(contentWords: string[], phrase: string): string[] {
  const joined: string[] = [];
  for (const [key] of MULTIWORD_SYNONYMS) {
    if (!` ${phrase} `.includes(` ${key} `)) continue;
    const parts = tokenize(key).filter((t) => !isStopWord(t));
    if (parts.length < 2 || !parts.every((p) => contentWords.includes(p))) continue;
    const at = contentWords.indexOf(parts[0]!);
    const rest = contentWords.filter((w) => !parts.includes(w));
    rest.splice(Math.min(at, rest.length), 0, key);
    contentWords.splice(0, contentWords.length, ...rest);
    joined.push(key);
  }
  return joined;
}

/** Auxiliaries between "vem" and the verb ("vem ska ta fram", "vem som gör"). */
const AUXILIARIES = new Set(['ska', 'skall', 'som', 'kan', 'får', 'måste', 'borde', 'bör']);

/** The verb of a question "vem <verb> …" / "who <verb> …", as typed; undefined if there is none. */
function verbAfterWho(tokens: string[]): string | undefined {
  const at = tokens.findIndex((t) => t === 'vem' || t === 'who');
  if (at < 0) return undefined;
  return tokens.slice(at + 1).find((t) => !AUXILIARIES.has(t));
}

/**
 * The verb a row's task begins with, lower case, with its particle ("Ta fram …" → "ta fram",
 * "Genomföra …" → "genomföra"); none where the row begins with who does it ("Berörda ska …").
 */
function taskVerbOf(text: string): string | undefined {
  const [first, second] = tokenize(text);
  // "Arbeta för …" says how, not what: asked "arbetar med", it is no sign of the row.
  if (!first || second === 'ska' || first === 'arbeta' || !/(a|för|sätt)$/.test(first)) return undefined;
  return second && PARTICLES.has(second) && first.length <= 3 ? `${first} ${second}` : first;
}

/**
 * The forms in which a question's words could name a task verb: "tar fram" → "ta fram",
 * "utvecklar" → "utveckla", "upprätthåller" → "upprätthålla", "genomför" → "genomför", "genomföra".
 */
function verbPhrasesOf(tokens: string[]): Set<string> {
  const phrases = new Set<string>();
  tokens.forEach((token, i) => {
    const forms = [token, token.replace(/r$/, ''), token.replace(/er$/, 'a'), `${token}a`];
    const next = tokens[i + 1];
    for (const form of forms) {
      phrases.add(form);
      if (next && PARTICLES.has(next)) phrases.add(`${form} ${next}`);
    }
  });
  return phrases;
}

/**
 * The lexicon's synonyms of a word, looked up as typed, by stem, and without a definite ending
 * the stemmer keeps on short words ("gänget" → "gäng").
 */
function verbSynonymsOf(word: string): string[] {
  return VERB_SYNONYMS[word] ?? VERB_SYNONYMS_BY_STEM.get(stemSwedish(word)) ?? [];
}

function synonymsOf(word: string): string[] {
  const direct = SYNONYMS[word] ?? SYNONYMS_BY_STEM.get(stemSwedish(word));
  if (direct) return direct;
  // A final "n" only after a vowel ("skolan" ~ "skola"): in "barn" it is the word's own, not an ending.
  const bare = word.replace(/(arna|erna|orna|en|et|na|(?<=[aeiouyåäö])n)$/, '');
  return bare.length >= 3 && bare !== word ? (SYNONYMS[bare] ?? SYNONYMS_BY_STEM.get(stemSwedish(bare)) ?? []) : [];
}

/** The lexicon's single words, by length, for finding one a typo is one letter off. */
const SYNONYM_KEYS_BY_LENGTH = new Map<number, string[]>();
for (const key of Object.keys(SYNONYMS).filter((k) => !k.includes(' '))) {
  SYNONYM_KEYS_BY_LENGTH.set(key.length, [...(SYNONYM_KEYS_BY_LENGTH.get(key.length) ?? []), key]);
}

/**
 * The synonyms of an everyday word typed one letter off ("kamrorna" for "kamerorna"): the plan's
 * own words have MiniSearch's fuzzy match, the lexicon's everyday words this. Six letters or more,
 * where one letter off is seldom another word.
 */
function typoSynonymsOf(word: string): string[] {
  if (word.length < 6) return [];
  for (const length of [word.length, word.length - 1, word.length + 1]) {
    const key = (SYNONYM_KEYS_BY_LENGTH.get(length) ?? []).find((k) => withinOneEdit(word, k));
    if (key) return SYNONYMS[key]!;
  }
  return [];
}
