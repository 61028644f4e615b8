/**
 * What the answers are built from, prepared once per plan: the plan and its glossary, the search
 * over its rows, its ids as people type them, the names of its units and subunits, and the views of
 * its rows. Each answer builder (the files beside this one) reads it; none changes it.
 */
import type { Action, Plan } from '../../plan/model';
import { findSubunit, findUnit, type UnitGlossary } from '../../plan/glossary';
import type { ActionView, Citation, Language } from '../answer-model';
import { actionView } from '../../plan/action-view';
import { areaReference } from '../intent';
import { helpExamples } from '../help-examples';
import { PlanSearch } from '../search';
import type { MunicipalityWord } from '../municipality-words';
import { escapeRegExp, isStopWord, withinOneEdit } from '../text';

export interface MentionedUnit {
  code: string;
  token: string;
}

import { DiacriticRestorer } from '../diacritics';
import { PlanPassages } from './passage-answer';

/** The verbs that say what is asked, corrected when typed one letter off (see withTyposCorrected). */
const INTENT_WORDS = ['betyder', 'innebär', 'ansvarar', 'samverkar', 'finansierar', 'finansieras', 'förkortningen'];

export class PlanKnowledge {
  readonly search: PlanSearch;
  readonly byId: Map<string, Action>;
  /** The plan's ids as people type them (any case, any dash): "t-12", "1.3". */
  readonly byTypedId: Map<string, Action>;
  /** Which words name the plan's kinds of area. */
  readonly areaRef: RegExp;
  /**
   * The plan's own name for itself where it is not "åtgärdsplan" ("Trygghetsplan för Sjöstad" →
   * "trygghetsplanen"), read as "planen" by the questions about the plan as a whole.
   */
  readonly ownPlanWord: RegExp | undefined;
  /** A group named by what the plan calls its groups, alone: "Mål 3". */
  readonly groupRef: RegExp;
  /** The help card's example questions, from the plan's own data. */
  readonly examples: Record<Language, string[]>;
  /** The plan cited with every answer: its title and registration number. */
  readonly citationBase: Omit<Citation, 'actionIds'>;
  /** Every unit or funder code that the plan's cells name, for recognizing them in questions. */
  readonly unitNames: Array<{ name: string; lower: string; code: string; patterns: RegExp[] }>;
  /** Subunits the plan names in parentheses ("SÄK" in "KLF (SÄK)"), for "Vilka åtgärder har SÄK?". */
  readonly subunitCodes: Set<string>;
  /** Gives a question typed without å, ä and ö its letters back, from the plan's own words. */
  readonly diacritics: DiacriticRestorer;
  /** The plan's prose, for questions about what it says. */
  readonly passages: PlanPassages;

  constructor(
    readonly plan: Plan,
    readonly glossary: UnitGlossary,
    /** The municipality's own words for the plan's terms, given in chat. */
    municipalityWords: ReadonlyArray<Pick<MunicipalityWord, 'word' | 'planTerms'>> = [],
  ) {
    this.search = new PlanSearch(plan, municipalityWords);
    this.diacritics = new DiacriticRestorer([
      ...plan.actions.flatMap((a) => [a.text, a.groupTitle, a.ansvarig.asPrinted, a.samverkan.asPrinted, a.finansiering.asPrinted]),
      ...plan.areas.map((a) => a.title),
      ...plan.areaKinds.flatMap((k) => [k.label.sv]),
      ...plan.abbreviations.map((a) => a.expansion),
      ...plan.units.flatMap((u) => [u.code, u.name ?? '']),
      ...glossary.units.flatMap((u) => [u.code, u.expansion ?? '', ...(u.aliases ?? [])]),
      ...INTENT_WORDS,
    ]);
    this.byId = new Map(plan.actions.map((a) => [a.id, a]));
    this.byTypedId = new Map(plan.actions.map((a) => [typedId(a.id), a]));
    this.areaRef = areaReference(plan.areaKinds);
    const titleWord = /^\s*(\p{L}+plan)(?=$|[^\p{L}])/iu.exec(plan.source.title)?.[1]?.toLocaleLowerCase('sv');
    this.ownPlanWord =
      titleWord && titleWord !== 'åtgärdsplan' && titleWord !== 'plan'
        ? new RegExp(`(?<![\\p{L}])${escapeRegExp(titleWord)}(?:en|ens)(?![\\p{L}])`, 'giu')
        : undefined;
    // "Mål 3" where the plan calls its groups goals ("åtgärd 3" is read by the intent for every plan).
    const labels = [plan.groupLabel.sv, plan.groupLabel.en].map((l) => escapeRegExp(l));
    this.groupRef = new RegExp(`^\\s*(?:${labels.join('|')})\\s*(?:nr\\.?|nummer|number)?\\s*(\\d{1,3})\\s*[?.!]*\\s*$`, 'iu');
    this.examples = helpExamples(plan, glossary);
    this.citationBase = { document: plan.source.title, diarienummer: plan.source.diarienummer };
    this.passages = new PlanPassages(plan, this.citationBase);
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
        // A name that is a Swedish noun ("Säkerhetsombud", "Ordningsvakter") in its definite or plural
        // form, as a question names the people ("säkerhetsombuden", "ordningsvakterna").
        if (name.length >= 6 && /^\p{Lu}\p{Ll}+$/u.test(name))
          patterns.push(new RegExp(`(?<=\\s)${escapeRegExp(name)}(?:en|et|na|n|er|erna|ar|arna)s?(?=\\s)`, 'iu'));
        return { name, lower: name.toLocaleLowerCase('sv'), code, patterns };
      });
  }

  /**
   * The words a question turns on, typed one letter off, as they are spelt: the verbs that say what
   * is asked ("betyer" → betyder, "samverkra" → samverkar) and the units' names ("polisn" → Polisen).
   * Only a word of five letters or more that the plan does not have as it is, and no stop word: a
   * row's own words are found by the search's fuzzy match, and short words are too often others.
   */
  withTyposCorrected(question: string): string {
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

  /** Where the plan writes a code (its text or its cells), once per code: a pattern over every row is not free. */
  readonly rowsNamingCode = new Map<string, string[]>();

  /** Where the plan writes a code (its text or its cells), once per code: a pattern over every row is not free. */
  actionsNaming(code: string): string[] {
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
  ownIdIn(question: string): Action | undefined {
    for (const token of question.split(/[\s,;!?()"“”]+/)) {
      const found = this.byTypedId.get(typedId(token.replace(/[.:]+$/, '')));
      if (found && !/^A\d+-\d+$/.test(found.id)) return found;
    }
    return undefined;
  }

  /** The units and subunits a question names, each once, in the order found (longest names first). */
  mentionedUnits(question: string): MentionedUnit[] {
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

  /** The plan cited with the given rows. */
  cite(actionIds: string[]): Citation {
    return { ...this.citationBase, actionIds };
  }

  /** Views are plain data derived from the plan alone, so each is built once. */
  readonly views = new Map<string, ActionView>();

  view(action: Action): ActionView {
    let view = this.views.get(action.id);
    if (!view) {
      view = actionView(this.plan, this.glossary, action);
      this.views.set(action.id, view);
    }
    return view;
  }
}

/** Whether a row names the unit as responsible, cooperating or funding. */
export function involves(action: Action, code: string): boolean {
  return (
    [...action.ansvarig.units, ...action.samverkan.units].some((u) => u.code === code) ||
    action.finansiering.funders.some((f) => f.code === code)
  );
}

/**
 * "SF:s åtgärder", "MOS's tasks": the possessive kept on the name ("SFs", "MOSs"), before the colon
 * or apostrophe goes with the punctuation.
 */
export function possessivesJoined(text: string): string {
  return text.replace(/(\p{L}):s(?![\p{L}])/gu, '$1s').replace(/(\p{L})['’]s(?![\p{L}])/gu, '$1s');
}

/** An id as typed, for lookup: lower case, any dash a hyphen. */
function typedId(id: string): string {
  return id.toLocaleLowerCase('sv').replace(/[\u2010-\u2015\u2212]/g, '-');
}
