/**
 * Answers staff questions about the action plan: who is responsible for, cooperates on or
 * finances an action; which actions a unit or funder has; what an abbreviation means; what a
 * group, målområde or working method contains. Pure: the plan and glossary come in, data goes out.
 */
import { t } from '../texts/catalog';
import type { Action, Area, AreaKind, Plan, UnitRef } from '../plan/model';
import { areaKindNamed, areaName, areaRef } from '../plan/areas';
import { helpExamples } from './help-examples';
import { ALL_MUNICIPAL_UNITS, findSubunit, findUnit, type UnitGlossary } from '../plan/glossary';
import type { ActionView, Answer, Citation, Language, RoleFocus } from './answer-model';
import { actionView } from '../plan/action-view';
import { areaReference, detectFocus, detectLanguage, readIntent } from './intent';
import { PlanSearch, type SearchOutcome } from './search';
import { ENGLISH_TO_SWEDISH } from './lexicon';
import { wordsToCount, type MunicipalityWord } from './municipality-words';
import { asksForExternalPartners, columnListing } from './column-listing';
import { escapeRegExp, isStopWord, STOP_WORDS, stemSwedish, tokenize, withinOneEdit } from './text';
import { plainTyped } from '../typed-text';

/** Longer questions are refused with an explanation: nobody types a 10 KB question. */
export const MAX_QUESTION_LENGTH = 500;

/** The verbs that say what is asked, corrected when typed one letter off (see withTyposCorrected). */
const INTENT_WORDS = ['betyder', 'innebär', 'ansvarar', 'samverkar', 'finansierar', 'finansieras', 'förkortningen'];

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
  'together',
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

interface MentionedUnit {
  code: string;
  token: string;
}

export class PlanAnswerer {
  private readonly search: PlanSearch;
  private readonly byId: Map<string, Action>;
  /** The plan's ids as people type them (any case, any dash): "t-12", "1.3". */
  private readonly byTypedId: Map<string, Action>;
  /** Which words name the plan's kinds of area. */
  private readonly areaRef: RegExp;
  /** A group named by what the plan calls its groups, alone: "Mål 3". */
  private readonly groupRef: RegExp;
  /** The help card's example questions, from the plan's own data. */
  readonly examples: Record<Language, string[]>;
  /** The plan cited with every answer: its title and registration number. */
  readonly citationBase: Omit<Citation, 'actionIds'>;
  /** Every unit or funder code that the plan's cells name, for recognizing them in questions. */
  private readonly unitNames: Array<{ name: string; lower: string; code: string; patterns: RegExp[] }>;
  /** Subunits the plan names in parentheses ("SÄK" in "KLF (SÄK)"), for "Vilka åtgärder har SÄK?". */
  private readonly subunitCodes: Set<string>;

  constructor(
    readonly plan: Plan,
    readonly glossary: UnitGlossary,
    /** The municipality's own words for the plan's terms, given in chat. */
    municipalityWords: ReadonlyArray<Pick<MunicipalityWord, 'word' | 'planTerms'>> = [],
  ) {
    this.search = new PlanSearch(plan, municipalityWords);
    this.byId = new Map(plan.actions.map((a) => [a.id, a]));
    this.byTypedId = new Map(plan.actions.map((a) => [typedId(a.id), a]));
    this.areaRef = areaReference(plan.areaKinds);
    // "Mål 3" where the plan calls its groups goals ("åtgärd 3" is read by the intent for every plan).
    const labels = [plan.groupLabel.sv, plan.groupLabel.en].map((l) => escapeRegExp(l));
    this.groupRef = new RegExp(`^\\s*(?:${labels.join('|')})\\s*(?:nr\\.?|nummer|number)?\\s*(\\d{1,3})\\s*[?.!]*\\s*$`, 'iu');
    this.examples = helpExamples(plan, glossary);
    this.citationBase = { document: plan.source.title, diarienummer: plan.source.diarienummer };
    const codes = new Set<string>();
    for (const a of plan.actions) {
      for (const u of [...a.ansvarig.units, ...a.samverkan.units]) codes.add(u.code);
      for (const f of a.finansiering.funders) codes.add(f.code);
    }
    this.subunitCodes = new Set(plan.actions.flatMap((a) => [...a.ansvarig.units, ...a.samverkan.units].flatMap((u) => u.subunits)));
    for (const sub of this.subunitCodes) if (/^[A-ZÅÄÖ]{2,6}$/.test(sub) && !codes.has(sub)) codes.add(`sub:${sub}`);
    const names: Array<{ name: string; code: string }> = [];
    for (const code of codes) {
      const name = code.startsWith('sub:') ? code.slice(4) : code;
      names.push({ name, code });
      const known = code.startsWith('sub:') ? findSubunit(glossary, name) : findUnit(glossary, code);
      for (const alias of known?.aliases ?? []) names.push({ name: alias, code });
      // What the municipality has said a code means ("Socialförvaltningen") names the unit too.
      if (known?.expansion && known.expansion.length <= 60) names.push({ name: known.expansion, code });
    }
    // Longest names first, so "Samtliga förvaltningar" wins over shorter names inside it.
    this.unitNames = names
      .sort((a, b) => b.name.length - a.name.length)
      .map(({ name, code }) => {
        // Short codes must be whole words in capitals ("SF", "SF:s"); in lower case only where they
        // are no Swedish word ("sf", "kof"); longer names in any case ("polisen").
        const patterns = [new RegExp(`(?<=\\s)${escapeRegExp(name)}(?::s|s)?(?=\\s)`, name.length <= 3 ? 'u' : 'iu')];
        if (name.length <= 4 && /^[A-ZÅÄÖ]+$/.test(name))
          patterns.push(new RegExp(`(?<=\\s)${escapeRegExp(name.toLocaleLowerCase('sv'))}(?=\\s)`, 'u'));
        return { name, lower: name.toLocaleLowerCase('sv'), code, patterns };
      });
  }

  /**
   * The words of a question that found nothing (`answer`: refused as not in the plan, or only the
   * nearest rows offered) that nothing here knows, typed in lower case (see municipality-words):
   * for an admin to see which words staff use and give them. None for a question answered.
   */
  wordsToCount(typed: string, answer: Answer): string[] {
    const foundNothing = (answer.kind === 'not-found' && answer.reason === 'no-match') || answer.kind === 'suggestions';
    // Read as answer() read it: a typo it corrected ("polisn") is no unknown word.
    const question = this.withTyposCorrected(plainTyped(typed));
    if (!foundNothing || question.length > MAX_QUESTION_LENGTH) return [];
    return wordsToCount(question, this.search.unknownWords(question));
  }

  /**
   * The words a question turns on, typed one letter off, as they are spelt: the verbs that say what
   * is asked ("betyer" → betyder, "samverkra" → samverkar) and the units' names ("polisn" → Polisen).
   * Only a word of five letters or more that the plan does not have as it is, and no stop word: a
   * row's own words are found by the search's fuzzy match, and short words are too often others.
   */
  private withTyposCorrected(question: string): string {
    return question.replace(/\p{L}{5,}/gu, (word) => {
      const lower = word.toLocaleLowerCase('sv');
      if (INTENT_WORDS.includes(lower) || isStopWord(lower) || this.search.knowsExactly(lower)) return word;
      const near = (w: string) => Math.abs(w.length - lower.length) <= 1 && withinOneEdit(lower, w);
      const intentWord = INTENT_WORDS.find(near);
      if (intentWord) return intentWord;
      const unit = this.unitNames.find((u) => u.lower.length >= 6 && !u.lower.includes(' ') && near(u.lower));
      return unit ? unit.name : word;
    });
  }

  answer(typed: string): Answer {
    const question = this.withTyposCorrected(plainTyped(typed));
    const language = detectLanguage(question);
    if (question.length > MAX_QUESTION_LENGTH) {
      return { kind: 'not-found', language, reason: 'too-long', detail: String(MAX_QUESTION_LENGTH) };
    }
    const intent = readIntent(question, this.areaRef);
    // An id the plan gives itself ("T-12", "1.3"), typed alone or in a question.
    const ownId = this.ownIdIn(question);
    if (ownId && intent.kind !== 'action-id') return this.actionsAnswer(language, detectFocus(question), 'id', [ownId]);
    const namedGroup = intent.kind === 'search' ? this.groupRef.exec(question) : null;
    if (namedGroup) return this.groupAnswer(language, Number(namedGroup[1]), 'all');
    // A lone abbreviation the plan defines ("PDV?", "ANDTS") asks what it means; so does a code in
    // capitals that the plan writes in its cells and no unit is ("IOP?").
    const lone = question.trim().replace(/[?!.]+$/, '');
    if (
      intent.kind === 'search' &&
      /^[A-Za-zÅÄÖåäö]{2,6}$/.test(lone) &&
      (this.plan.abbreviations.some((a) => a.abbreviation === lone.toLocaleUpperCase('sv')) ||
        (/^[A-ZÅÄÖ]+$/.test(lone) &&
          !findUnit(this.glossary, lone) &&
          !findSubunit(this.glossary, lone) &&
          !this.subunitCodes.has(lone) &&
          !this.search.knows(lone) &&
          this.actionsNaming(lone).length > 0))
    ) {
      return this.defineAnswer(question, lone, language);
    }
    switch (intent.kind) {
      case 'empty':
        return { kind: 'not-found', language, reason: 'empty', values: { example: this.examples[language][0] ?? '' } };
      case 'help':
        return { kind: 'help', language, examples: this.examples[language], source: this.citationBase };
      case 'plan':
        return this.planAnswer(language);
      case 'thanks':
        return { kind: 'thanks', language, example: this.examples[language][0] ?? '' };
      case 'action-id': {
        const action = this.byId.get(`A${intent.group}-${intent.row}`);
        if (!action) {
          const example = this.plan.actions[Math.floor(this.plan.actions.length / 2)]!.id;
          return {
            kind: 'not-found',
            language,
            reason: 'unknown-action-id',
            detail: `A${intent.group}-${intent.row}`,
            values: { example },
          };
        }
        return this.actionsAnswer(language, intent.focus, 'id', [action]);
      }
      case 'group':
        return this.groupAnswer(language, intent.group, intent.focus);
      case 'subsection': {
        const actions = this.plan.actions.filter(
          (a) => a.subsection && (a.subsection.labelAsPrinted === intent.label || a.subsection.label === intent.label),
        );
        if (actions.length > 0) return this.actionsAnswer(language, intent.focus, 'subsection', actions);
        // "åtgärd 9.2" where group 9 has no subsections: the user most likely means row 2 of group 9.
        const [group, row] = intent.label.split('.');
        const byPosition = this.byId.get(`A${group}-${row}`);
        if (byPosition) return this.actionsAnswer(language, intent.focus, 'id', [byPosition]);
        return this.searchAnswer(question, language, intent.focus);
      }
      case 'area': {
        // "Vad ansvarar SF för i målområde 1?": the unit's actions in that area (the unit card's "Visa alla").
        const unit = this.mentionedUnits(question).find((u) => !u.code.startsWith('sub:'));
        const kind = areaKindNamed(this.plan, intent.kindWord);
        const area = this.plan.areas.find((a) => a.kind === (kind ?? this.plan.areas[0]!.kind) && a.number === intent.number);
        if (unit && area) return this.unitAnswer(language, unit.code, detectFocus(question), undefined, area.id);
        return this.areaAnswer(language, kind, intent.number, intent.words);
      }
      case 'define':
        return this.defineAnswer(question, intent.term, language);
      case 'search': {
        const area = this.areaNamedByTitle(question);
        // "Vad gör SF mot våld i nära relationer?": the unit's actions in the area its title names.
        const unit = area && this.mentionedUnits(question).find((u) => !u.code.startsWith('sub:'));
        if (area && unit) return this.unitAnswer(language, unit.code, detectFocus(question), undefined, area.id);
        if (area) return this.areaAnswer(language, area.kind, area.number, '');
        return this.searchAnswer(question, language, intent.focus);
      }
    }
  }

  /**
   * A working method or målområde named by its title alone ("Innovativa lösningar och teknik",
   * "vilka åtgärder finns för våld i nära relation"): the question is (part of) the title, or asks
   * for a listing with at least half of the title's words. "Vem …" asks for an owner: the search.
   */
  private areaNamedByTitle(question: string): Area | undefined {
    const words = (text: string) =>
      new Set(
        tokenize(text)
          .filter((t) => !isStopWord(t) && t.length > 2)
          .map(stemSwedish),
      );
    // English words by the plan's Swedish ones ("innovative solutions" ~ "Innovativa lösningar").
    const asked = new Set(
      tokenize(question)
        .filter((t) => !isStopWord(t) && t.length > 2)
        .flatMap((t) => (ENGLISH_TO_SWEDISH[t]?.slice(0, 1) ?? [t]).flatMap((w) => tokenize(w)))
        .map(stemSwedish),
    );
    // "Vem gör en plan mot organiserad brottslighet?" asks who owns an action, not what an area holds.
    if (asked.size < 2 || /^\s*(vem|vilka|who)\s+(?!åtgärder)/i.test(question)) return undefined;
    const listing =
      /^\s*(vilka åtgärder|vad (gör|görs|ingår|finns|innehåller)|(visa|lista) (allt|alla åtgärder|åtgärderna)?|berätta om|which actions|what (is|are) (in|done)|(show|list) (me )?(all|everything|the actions)?|tell me about)/i.test(
        question,
      );
    let best: { area: Area; shared: number } | undefined;
    for (const area of this.plan.areas) {
      const title = words(area.title);
      const shared = [...asked].filter((w) => title.has(w)).length;
      const isTitle = shared === asked.size && shared >= 2;
      const listsIt = listing && shared >= 2 && shared * 2 >= title.size;
      if ((isTitle || listsIt) && shared > (best?.shared ?? 0)) best = { area, shared };
    }
    return best?.area;
  }

  private planAnswer(language: Language): Answer {
    const { source, followUp } = this.plan;
    return {
      kind: 'plan',
      language,
      metadata: {
        municipality: source.municipality,
        title: source.title,
        diarienummer: source.diarienummer,
        adoptedBy: source.adoptedBy,
        adoptedAt: source.adoptedAt,
        validity: source.validity,
      },
      version: this.plan.planVersion,
      period: followUp.period,
      statuses: followUp.statuses.map((s) => (language === 'en' ? s.enLabel : s.label)),
      areas: this.plan.areas.map((a) => `${areaName(areaRef(this.plan, a), language)}: ${a.title}`),
      actionCount: this.plan.actions.length,
    };
  }

  private groupAnswer(language: Language, number: number, focus: RoleFocus): Answer {
    const group = this.plan.groups.find((g) => g.number === number);
    if (!group) {
      const last = String(Math.max(...this.plan.groups.map((g) => g.number)));
      return {
        kind: 'not-found',
        language,
        reason: 'unknown-group',
        detail: String(number),
        values: { label: this.plan.groupLabel[language], last },
      };
    }
    const actions = group.actionIds.map((id) => this.byId.get(id)!);
    const area = this.plan.areas.find((a) => a.id === group.areaId)!;
    return {
      ...this.actionsAnswer(language, focus, 'group', actions),
      group: { number, title: group.title, areaTitle: area.title, label: this.plan.groupLabel },
    };
  }

  private areaAnswer(language: Language, kind: AreaKind | null, number: number | null, words: string): Answer {
    let area = this.plan.areas.find((a) => (kind === null || a.kind === kind) && a.number === number);
    if (!area && number === null) {
      // The stop words keep the intent's words here: "samverkan" names a working method ("arbetssättet samverkan").
      const wanted = new Set(tokenize(words).filter((t) => t.length > 3 && (!STOP_WORDS.has(t) || /^(samverk|samarbet|ansvar)/.test(t))));
      area = this.plan.areas.find((a) => (kind === null || a.kind === kind) && tokenize(a.title).some((t) => wanted.has(t)));
    }
    // The kind named without a number or a title's word ("Vilka målområden finns?"): its areas, each a button away.
    if (!area && number === null) return this.areasAnswer(language, kind);
    if (!area) {
      const ranges = this.plan.areaKinds.map((k) => {
        const numbers = this.plan.areas.filter((a) => a.kind === k.kind).map((a) => a.number);
        return `${k.label[language].toLocaleLowerCase(language === 'sv' ? 'sv' : 'en')} ${Math.min(...numbers)}–${Math.max(...numbers)}`;
      });
      const areas =
        ranges.length < 2 ? ranges.join('') : `${ranges.slice(0, -1).join(', ')} ${language === 'sv' ? 'och' : 'and'} ${ranges.at(-1)}`;
      return {
        kind: 'not-found',
        language,
        reason: 'unknown-area',
        detail: number === null ? undefined : String(number),
        values: { areas },
      };
    }
    const groups = this.plan.groups
      .filter((g) => g.areaId === area.id)
      .map((g) => ({
        number: g.number,
        title: g.title,
        actionCount: g.actionIds.length,
        ...(g.actionIds.length <= FEW_ACTIONS ? { actions: g.actionIds.map((id) => this.view(this.byId.get(id)!)) } : {}),
      }));
    return {
      kind: 'area',
      language,
      area: areaRef(this.plan, area),
      groups,
      groupLabel: this.plan.groupLabel,
      ...(this.plan.groupWords ? { groupWords: this.plan.groupWords } : {}),
      citation: this.cite(this.plan.groups.filter((g) => g.areaId === area.id).flatMap((g) => g.actionIds)),
    };
  }

  /** A message with no topic ("vem mer?", "vad betyder det?"): asked what it is about, with an example question. */
  private noTopicAnswer(language: Language): Answer {
    return { kind: 'not-found', language, reason: 'no-topic', values: { example: this.examples[language][0] ?? '' } };
  }

  private areasAnswer(language: Language, kind: AreaKind | null): Answer {
    const areas = this.plan.areas
      .filter((a) => kind === null || a.kind === kind)
      .map((a) => {
        const groups = this.plan.groups.filter((g) => g.areaId === a.id);
        return { area: areaRef(this.plan, a), groups: groups.length, actions: groups.reduce((n, g) => n + g.actionIds.length, 0) };
      });
    return {
      kind: 'areas',
      language,
      areas,
      ...(this.plan.groupWords ? { groupWords: this.plan.groupWords } : {}),
      citation: this.cite([]),
    };
  }

  private defineAnswer(question: string, term: string, language: Language): Answer {
    const cleaned = term
      .replace(/[?!."“”']/g, '')
      .replace(/\s+(i planen|i åtgärdsplanen|in the plan)$/i, '')
      // "Vad är en SIG?": the article is not part of the term.
      .replace(/^(en|ett|the|a|an)\s+(?=\S)/i, '')
      .trim();
    // "Vad betyder det?": what "det" was is in a message the bot does not keep.
    if (/^(det|den|detta|denna|dom|dem|de|that|it|this|mer|more)$/i.test(cleaned)) {
      return this.noTopicAnswer(language);
    }
    const upper = cleaned.toLocaleUpperCase('sv');
    const fromPlan = this.plan.abbreviations.find((a) => a.abbreviation.toLocaleUpperCase('sv') === upper);
    const usedIn = (code: string): string[] => this.actionsNaming(code);
    if (fromPlan) {
      const ids = usedIn(fromPlan.abbreviation);
      return {
        kind: 'abbreviation',
        language,
        term: fromPlan.abbreviation,
        expansion: fromPlan.expansion,
        source: 'plan',
        notes: fromPlan.notes,
        kindLabel: null,
        usedIn: ids,
        citation: this.cite(ids),
      };
    }
    const unit = findUnit(this.glossary, cleaned);
    const subunit = unit ? undefined : findSubunit(this.glossary, cleaned);
    const known = unit ?? subunit;
    if (known) {
      const ids = usedIn(cleaned);
      const kindLabel = unit ? unit.kind : `subunit:${subunit!.parent}`;
      return {
        kind: 'abbreviation',
        language,
        term: known.code,
        expansion: known.expansion,
        source: 'glossary',
        notes: known.source ? [known.source] : [],
        kindLabel,
        ...(known.setBy ? { setBy: known.setBy, setAt: known.setAt } : {}),
        usedIn: ids,
        citation: ids.length ? this.cite(ids) : null,
      };
    }
    // "Vad är kamerabevakning?" or "What is funded by Vinnova?" are questions about the plan's content.
    if (/^[A-ZÅÄÖ]{2,6}$/.test(cleaned) && !this.search.knows(cleaned)) {
      // A code the plan writes in its cells without explaining it ("IOP Novahuset"): where it is, never "not in the plan".
      const ids = usedIn(cleaned);
      if (ids.length > 0) {
        return {
          kind: 'abbreviation',
          language,
          term: cleaned,
          expansion: null,
          source: 'plan-unexplained',
          notes: [],
          kindLabel: null,
          usedIn: ids,
          citation: this.cite(ids),
        };
      }
      return { kind: 'not-found', language, reason: 'unknown-term', detail: cleaned };
    }
    return this.searchAnswer(question, language, detectFocus(question));
  }

  /** Where the plan writes a code (its text or its cells), once per code: a pattern over every row is not free. */
  private readonly rowsNamingCode = new Map<string, string[]>();

  private actionsNaming(code: string): string[] {
    let ids = this.rowsNamingCode.get(code);
    if (!ids) {
      // Case-sensitive: the plan writes codes in capitals, and "SIG" is not the word "sig".
      const pattern = new RegExp(`(^|[^\\p{L}])${escapeRegExp(code)}([^\\p{L}]|$)`, 'u');
      ids = this.plan.actions
        .filter((a) => pattern.test(`${a.text} ${a.ansvarig.asPrinted} ${a.samverkan.asPrinted} ${a.finansiering.asPrinted}`))
        .map((a) => a.id);
      if (this.rowsNamingCode.size >= 1_000) this.rowsNamingCode.clear();
      this.rowsNamingCode.set(code, ids);
    }
    return ids;
  }

  /** An action id of the plan's own (not "A<group>-<n>", which the intent reads) in the question. */
  private ownIdIn(question: string): Action | undefined {
    for (const token of question.split(/[\s,;!?()"“”]+/)) {
      const found = this.byTypedId.get(typedId(token.replace(/[.:]+$/, '')));
      if (found && !/^A\d+-\d+$/.test(found.id)) return found;
    }
    return undefined;
  }

  private mentionedUnits(question: string): MentionedUnit[] {
    const found: MentionedUnit[] = [];
    let rest = ` ${possessivesJoined(question).replace(/[?!.,;:"“”()]/g, ' ')} `;
    // A name not in the question in any case needs no pattern tried (most of them, most of the time).
    const lower = rest.toLocaleLowerCase('sv');
    for (const { code, lower: name, patterns } of this.unitNames) {
      if (!lower.includes(name)) continue;
      let m: RegExpExecArray | null = null;
      for (const pattern of patterns) if (!m) m = pattern.exec(rest);
      if (m) {
        if (!found.some((f) => f.code === code)) found.push({ code, token: m[0] });
        rest = rest.replace(m[0], ' ');
      }
    }
    return found;
  }

  private searchAnswer(question: string, language: Language, focus: RoleFocus): Answer {
    const units = this.mentionedUnits(question);
    if (units.length === 0 && asksForExternalPartners(question)) return this.partnersAnswer(language);
    const listing = units.length === 0 ? columnListing(question, this.plan, this.glossary) : undefined;
    if (listing) {
      return {
        kind: 'column',
        language,
        column: listing.column,
        criterion: listing.criterion,
        actions: listing.actions.map((a) => this.view(a)),
        citation: this.cite(listing.actions.map((a) => a.id)),
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
    let outcome = this.search.search(remaining, units.length > 0 ? this.plan.actions.length : SEARCH_LIMIT);

    if (units.length > 0 && outcome.contentWords.length === 0) {
      // "KLF (SÄK)": a unit with one of its subunits named in parentheses after it.
      const sub = units.find((u) => u.code.startsWith('sub:'));
      const parent = units.find((u) => !u.code.startsWith('sub:'));
      if (sub && (!parent || units.length === 2)) return this.unitAnswer(language, sub.code.slice(4), focus, parent?.code);
      const shared = this.sharedAnswer(language, question, units);
      if (shared) return shared;
      const unit = units[0]!;
      if (focus === 'finansiering' || this.isOnlyFunder(unit.code)) return this.funderAnswer(language, unit.code);
      return this.unitAnswer(language, unit.code, focus);
    }
    let actions = outcome.hits.map((h) => this.byId.get(h.actionId)!);
    if (units.length > 0 && actions.length > 0) {
      const involving = actions.filter((a) => units.some((u) => involves(a, u.code)));
      if (involving.length > 0) actions = involving.slice(0, SEARCH_LIMIT);
      else {
        // No row found involves the unit: its name may be a word of the rows' own text instead
        // ("BFT och segregationsarbetet", "kontroller med andra myndigheter"). Searched with it, if that finds rows outright.
        const whole = this.search.search(question, SEARCH_LIMIT);
        const own = this.plan.actions.filter((a) => units.some((u) => involves(a, u.code)));
        if (whole.hits.length > 0 && !whole.relaxed && !whole.apart && !whole.weak) {
          outcome = whole;
          actions = whole.hits.map((h) => this.byId.get(h.actionId)!);
        } else if (own.length > 0 && own.length <= FEW_ACTIONS_OF_A_PARTNER) {
          // A partner with a row or two ("Swecos utbildning" ~ A21-1's "kunskapshöjande insats … framtagen
          // av Sweco"): its rows are what the question is about, whatever else it calls them.
          return this.actionsAnswer(language, focus, 'text', own);
        }
      }
    }
    actions = actions.slice(0, SEARCH_LIMIT);
    // Nothing but question words, "och", "mer", "det" ("vem mer?", "och samverkan?", "vad betyder det?"):
    // a follow-up to a question the bot does not keep. Not "nothing in the plan about that".
    if (actions.length === 0 && units.length === 0 && outcome.contentWords.length === 0) {
      return this.noTopicAnswer(language);
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
    const answer = this.actionsAnswer(language, focus, 'text', actions);
    // Found through a word the municipality gave: said so, as the glossary's expansions are.
    const readAs = (outcome.readAs ?? []).filter((r) => r.planTerms.length > 0);
    return readAs.length > 0 ? { ...answer, readAs } : answer;
  }

  /**
   * "Vilka externa aktörer samverkar kommunen med?": the actors themselves, each with the actions it
   * is responsible for or cooperates in (most actions first), not 50 actions to read through.
   */
  private partnersAnswer(language: Language): Answer {
    const byCode = new Map<string, { code: string; expansion: string | null; responsible: string[]; cooperates: string[] }>();
    const partnerOf = (code: string) => {
      let partner = byCode.get(code);
      if (!partner) {
        partner = { code, expansion: findUnit(this.glossary, code)?.expansion ?? null, responsible: [], cooperates: [] };
        byCode.set(code, partner);
      }
      return partner;
    };
    const external = (u: UnitRef) => findUnit(this.glossary, u.code)?.kind === 'external';
    const actions = this.plan.actions.filter((a) => [...a.ansvarig.units, ...a.samverkan.units].some(external));
    for (const a of actions) {
      for (const u of new Set(a.ansvarig.units.filter(external).map((u) => u.code))) partnerOf(u).responsible.push(a.id);
      for (const u of new Set(a.samverkan.units.filter(external).map((u) => u.code))) partnerOf(u).cooperates.push(a.id);
    }
    const partners = [...byCode.values()].sort(
      (a, b) =>
        b.responsible.length + b.cooperates.length - (a.responsible.length + a.cooperates.length) || a.code.localeCompare(b.code, 'sv'),
    );
    return { kind: 'partners', language, partners, citation: this.cite(actions.map((a) => a.id)) };
  }

  /**
   * Two units or more named without a topic ("Vad samarbetar SF och Polisen om?", "SF och VOF
   * tillsammans"): the actions that involve them all, as a compact listing, the units in the order named.
   */
  private sharedAnswer(language: Language, question: string, units: MentionedUnit[]): Answer | undefined {
    const named = units
      .filter((u) => !u.code.startsWith('sub:'))
      .sort((a, b) => question.indexOf(a.token.trim()) - question.indexOf(b.token.trim()));
    if (named.length < 2) return undefined;
    const shared = this.plan.actions.filter((a) => named.every((u) => involves(a, u.code)));
    if (shared.length === 0) return undefined;
    return {
      kind: 'column',
      language,
      column: 'samverkan',
      criterion: { kind: 'shared', units: named.map((u) => u.code) },
      actions: shared.map((a) => this.view(a)),
      citation: this.cite(shared.map((a) => a.id)),
    };
  }

  private isOnlyFunder(code: string): boolean {
    return !this.plan.actions.some((a) => [...a.ansvarig.units, ...a.samverkan.units].some((u) => u.code === code));
  }

  /** A unit's actions; with `parent`, `code` is a subunit of it ("SÄK" of "KLF"); a subunit alone matches any parent. */
  private unitAnswer(language: Language, code: string, focus: RoleFocus, parent?: string, areaId?: string): Answer {
    // "HR" is both a unit of its own ("HR VSS") and a subunit of KLF ("KLF (HR)"): both count.
    const isSubunit = this.subunitCodes.has(code) && (parent !== undefined || !this.unitNames.some((n) => n.code === code));
    const matches = (u: UnitRef): boolean =>
      parent !== undefined ? u.code === parent && u.subunits.includes(code) : u.code === code || u.subunits.includes(code);
    const inArea = this.plan.actions.filter((a) => areaId === undefined || a.areaId === areaId);
    const responsible = inArea.filter((a) => a.ansvarig.units.some(matches));
    const cooperates = inArea.filter((a) => a.samverkan.units.some(matches));
    const isMunicipal = !isSubunit && findUnit(this.glossary, code)?.kind === 'municipal';
    const allMunicipal = isMunicipal ? inArea.filter((a) => a.ansvarig.units.some((u) => u.code === ALL_MUNICIPAL_UNITS)) : [];
    const area = areaId ? this.plan.areas.find((a) => a.id === areaId) : undefined;
    const relation = focus === 'samverkan' ? 'cooperates' : focus === 'ansvarig' ? 'responsible' : 'both';
    const shown = [...(relation !== 'cooperates' ? responsible : []), ...(relation !== 'responsible' ? cooperates : [])];
    return {
      kind: 'unit',
      language,
      unit: isSubunit && parent ? `${parent} (${code})` : code,
      expansion: glossaryExpansion(isSubunit ? findSubunit(this.glossary, code) : findUnit(this.glossary, code), language),
      relation,
      responsible: relation === 'cooperates' ? [] : responsible.map((a) => this.view(a)),
      cooperates: relation === 'responsible' ? [] : cooperates.map((a) => this.view(a)),
      allMunicipal: relation === 'cooperates' ? [] : allMunicipal.map((a) => this.view(a)),
      ...(area ? { area: areaRef(this.plan, area) } : {}),
      citation: this.cite(shown.map((a) => a.id)),
    };
  }

  private funderAnswer(language: Language, code: string): Answer {
    const actions = this.plan.actions.filter((a) => a.finansiering.funders.some((f) => f.code === code));
    return {
      kind: 'funder',
      language,
      funder: code,
      expansion: findUnit(this.glossary, code)?.expansion ?? null,
      actions: actions.map((a) => this.view(a)),
      citation: this.cite(actions.map((a) => a.id)),
    };
  }

  private actionsAnswer(
    language: Language,
    focus: RoleFocus,
    query: 'text' | 'id' | 'group' | 'subsection',
    actions: Action[],
  ): Extract<Answer, { kind: 'actions' }> {
    return {
      kind: 'actions',
      language,
      focus,
      query,
      actions: actions.map((a) => this.view(a)),
      citation: this.cite(actions.map((a) => a.id)),
    };
  }

  private cite(actionIds: string[]): Citation {
    return { ...this.citationBase, actionIds };
  }

  /** Views are plain data derived from the plan alone, so each is built once. */
  private readonly views = new Map<string, ActionView>();

  view(action: Action): ActionView {
    let view = this.views.get(action.id);
    if (!view) {
      view = this.buildView(action);
      this.views.set(action.id, view);
    }
    return view;
  }

  private buildView(action: Action): ActionView {
    return actionView(this.plan, this.glossary, action);
  }
}

function involves(action: Action, code: string): boolean {
  return (
    [...action.ansvarig.units, ...action.samverkan.units].some((u) => u.code === code) ||
    action.finansiering.funders.some((f) => f.code === code)
  );
}

/**
 * "SF:s åtgärder", "MOS's tasks": the possessive kept on the name ("SFs", "MOSs"), before the colon
 * or apostrophe goes with the punctuation.
 */
function possessivesJoined(text: string): string {
  return text.replace(/(\p{L}):s(?![\p{L}])/gu, '$1s').replace(/(\p{L})['’]s(?![\p{L}])/gu, '$1s');
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
function isConfidentRelaxation(relaxed: NonNullable<SearchOutcome['relaxed']>): boolean {
  return relaxed.kept.length >= 2 && relaxed.kept.length > relaxed.dropped.length;
}

const longest = (words: string[]): number => Math.max(0, ...words.map((w) => w.length));

/** A unit or partner named in a question with this many actions or fewer: those are the answer. */
const FEW_ACTIONS_OF_A_PARTNER = 3;

/** A group of an area with this many actions or fewer is shown with them. */
const FEW_ACTIONS = 2;

/** A code's expansion for a heading; marked when the municipality gave it in chat rather than a source. */
function glossaryExpansion(known: { expansion: string | null; setBy?: string } | undefined, language: Language): string | null {
  if (!known?.expansion) return null;
  return known.setBy ? `${known.expansion} (${t('glossaryMark', language)})` : known.expansion;
}

/** An id as typed, for lookup: lower case, any dash a hyphen. */
function typedId(id: string): string {
  return id.toLocaleLowerCase('sv').replace(/[\u2010-\u2015\u2212]/g, '-');
}
