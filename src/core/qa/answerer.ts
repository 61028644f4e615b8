/**
 * Answers staff questions about the action plan: who is responsible for, cooperates on or
 * finances an action; which actions a unit or funder has; what an abbreviation means; what a
 * group, målområde or working method contains. Pure: the plan and glossary come in, data goes out.
 * This is the router: it reads what is asked (intent.ts) and hands it to the answer builder for
 * that kind of question (answers/), which all read one PlanKnowledge of the plan.
 */
import type { Plan } from '../plan/model';
import { areaKindNamed } from '../plan/areas';
import { findSubunit, findUnit, type UnitGlossary } from '../plan/glossary';
import type { Answer, Citation, Language } from './answer-model';
import { detectFocus, detectLanguage, readIntent } from './intent';
import { outsideThePlan } from './outside-plan';
import { PlanPassages } from './answers/passage-answer';
import { wordsToCount, type MunicipalityWord } from './municipality-words';
import { plainTyped } from '../typed-text';
import { PlanKnowledge } from './answers/knowledge';
import { actionsAnswer, groupAnswer, planAnswer } from './answers/listing-answers';
import { areaAnswer, areaNamedByTitle } from './answers/area-answers';
import { unitAnswer, unitsAnswer } from './answers/unit-answers';
import { statusAnswer } from './answers/status-answer';
import { defineAnswer } from './answers/define-answer';
import { searchAnswer } from './answers/search-answer';

/** Longer questions are refused with an explanation: nobody types a 10 KB question. */
export const MAX_QUESTION_LENGTH = 500;

/** A sentence that asks: it opens with a question word. */
const QUESTION_START = /^\s*(vad|vem|vilka|vilken|vilket|hur|var|när|varför|what|who|which|how|where|when|why)(?=$|[^\p{L}])/iu;

export class PlanAnswerer {
  private readonly k: PlanKnowledge;

  constructor(
    plan: Plan,
    glossary: UnitGlossary,
    /** The municipality's own words for the plan's terms, given in chat. */
    municipalityWords: ReadonlyArray<Pick<MunicipalityWord, 'word' | 'planTerms'>> = [],
  ) {
    this.k = new PlanKnowledge(plan, glossary, municipalityWords);
  }

  /** The help card's example questions, from the plan's own data. */
  get examples(): Record<Language, string[]> {
    return this.k.examples;
  }

  /** The plan cited with every answer: its title and registration number. */
  get citationBase(): Omit<Citation, 'actionIds'> {
    return this.k.citationBase;
  }

  /**
   * The words of a question that found nothing (`answer`: refused as not in the plan, or only the
   * nearest rows offered) that nothing here knows, typed in lower case (see municipality-words):
   * for an admin to see which words staff use and give them. None for a question answered.
   */
  wordsToCount(typed: string, answer: Answer): string[] {
    const foundNothing = (answer.kind === 'not-found' && answer.reason === 'no-match') || answer.kind === 'suggestions';
    // Read as answer() read it: a typo it corrected ("polisn") is no unknown word.
    const question = this.k.withTyposCorrected(this.k.diacritics.restore(plainTyped(typed)));
    if (!foundNothing || question.length > MAX_QUESTION_LENGTH) return [];
    return wordsToCount(question, this.k.search.unknownWords(question));
  }

  answer(typed: string): Answer {
    // Typed without å, ä and ö: read with them, as the plan spells its words.
    const question = this.k.withTyposCorrected(this.k.diacritics.restore(plainTyped(typed)));
    const language = detectLanguage(question);
    if (question.length > MAX_QUESTION_LENGTH) {
      return { kind: 'not-found', language, reason: 'too-long', detail: String(MAX_QUESTION_LENGTH) };
    }
    // "Vad betyder SSPF? Såg det i ett mejl": the question is what comes before the question mark,
    // when that alone is answered; the rest is context that must not knock it off.
    const asked = /^([^?]{3,}\?)\s*\S/.exec(question);
    if (asked) {
      const first = this.answerQuestion(asked[1]!, detectLanguage(asked[1]!));
      if (!['not-found', 'suggestions', 'help', 'thanks'].includes(first.kind)) return first;
    }
    // "Hej! Vad betyder SSPF?", "En kollega frågade mig. Vem ansvarar för …?": a sentence before the
    // question is context; the last sentence that is a question is what is asked.
    const sentences = question.split(/(?<=[.!:])\s+/);
    const last = [...sentences].reverse().find((s) => QUESTION_START.test(s));
    if (sentences.length > 1 && last && last !== question) {
      const answered = this.answerQuestion(last, detectLanguage(last));
      if (!['not-found', 'suggestions', 'help', 'thanks'].includes(answered.kind)) return answered;
    }
    // "Vad betyder SSPF, såg det i ett mejl": what a code means, asked before a comma, is the question.
    const defined = /^([^,.;?]{3,})[,.;]\s*\S/.exec(question);
    if (!asked && defined) {
      const first = this.answerQuestion(defined[1]!, detectLanguage(defined[1]!));
      if (first.kind === 'abbreviation') return first;
    }
    const answer = this.answerQuestion(question, language);
    // What the plan says in its prose: asked of the plan as a whole, or where no action answers.
    // A question (not a statement such as an answer typed into the chat), and not one for an owner:
    // "vem undervisar om …?" is an action's, and its nearest rows are what to offer.
    const noRow = answer.kind === 'not-found' && (answer.reason === 'no-match' || answer.reason === 'no-topic');
    const unanswered =
      (noRow || answer.kind === 'suggestions') &&
      /^\s*(vad|hur|varför|vilken|vilket|vilka|när|what|how|why|which|when)(?=$|[^\p{L}])/iu.test(question);
    const aboutThePlan =
      PlanPassages.asksAboutThePlan(this.planNamedPlainly(question)) &&
      !['abbreviation', 'area', 'areas', 'plan', 'help'].includes(answer.kind);
    // Where the nearest rows are offered, a passage replaces them only when it holds the whole
    // question ("vilka handlingsplaner ska tas fram?" is the rows', not the passage that says "ta fram").
    const offered = answer.kind === 'suggestions' && !aboutThePlan;
    if (unanswered || aboutThePlan) return this.k.passages.answer(question, language, offered ? { mustHold: question } : {}) ?? answer;
    // An owner's question that no row answers, about a subject of the prose ("vem ansvarar för
    // uppföljningen?"), is the prose's too, where a passage holds what it asks about ("vem
    // rapporterar skadegörelse?" is no question for a passage that has "rapporterar" alone).
    const topic = noRow ? PlanPassages.ownersProseTopic(question) : undefined;
    if (topic !== undefined) return this.k.passages.answer(question, language, { mustHold: topic }) ?? answer;
    return answer;
  }

  /** The question with the plan's own name for itself ("trygghetsplanen") as "planen", for the questions about the plan as a whole. */
  private planNamedPlainly(question: string): string {
    return this.k.ownPlanWord ? question.replace(this.k.ownPlanWord, 'planen') : question;
  }

  private answerQuestion(question: string, language: Language): Answer {
    // Figures, statistics or someone's phone number: not in a plan, so no row and no owner.
    const outside = outsideThePlan(question);
    if (outside) return { kind: 'not-found', language, reason: 'outside-plan', detail: outside };
    const intent = readIntent(this.planNamedPlainly(question), this.k.areaRef);
    // What a follow-up status means ("Vad betyder Påbörjad?"): the plan's own definitions.
    const statuses = intent.kind === 'search' || intent.kind === 'define' ? statusAnswer(this.k, question, language) : undefined;
    if (statuses) return statuses;
    // An id the plan gives itself ("T-12", "1.3"), typed alone or in a question.
    const ownId = this.k.ownIdIn(question);
    if (ownId && intent.kind !== 'action-id') return actionsAnswer(this.k, language, detectFocus(question), 'id', [ownId]);
    const namedGroup = intent.kind === 'search' ? this.k.groupRef.exec(question) : null;
    if (namedGroup) return groupAnswer(this.k, language, Number(namedGroup[1]), 'all');
    // A lone abbreviation the plan defines ("PDV?", "ANDTS") asks what it means; so does a code in
    // capitals that the plan writes in its cells and no unit is ("IOP?").
    const lone = question.trim().replace(/[?!.]+$/, '');
    if (
      intent.kind === 'search' &&
      /^[A-Za-zÅÄÖåäö]{2,6}$/.test(lone) &&
      (this.k.plan.abbreviations.some((a) => a.abbreviation === lone.toLocaleUpperCase('sv')) ||
        (/^[A-ZÅÄÖ]+$/.test(lone) &&
          !findUnit(this.k.glossary, lone) &&
          !findSubunit(this.k.glossary, lone) &&
          !this.k.subunitCodes.has(lone) &&
          !this.k.search.knows(lone) &&
          this.k.actionsNaming(lone).length > 0))
    ) {
      return defineAnswer(this.k, question, lone, language);
    }
    switch (intent.kind) {
      case 'empty':
        return { kind: 'not-found', language, reason: 'empty', values: { example: this.k.examples[language][0] ?? '' } };
      case 'help':
        return {
          kind: 'help',
          language,
          examples: this.k.examples[language],
          source: this.k.citationBase,
          ...(intent.greeting ? { greeting: true } : {}),
        };
      case 'plan':
        return planAnswer(this.k, language);
      case 'thanks':
        return { kind: 'thanks', language, example: this.k.examples[language][0] ?? '' };
      case 'action-id': {
        const action = this.k.byId.get(`A${intent.group}-${intent.row}`);
        if (!action) {
          const example = this.k.plan.actions[Math.floor(this.k.plan.actions.length / 2)]!.id;
          return {
            kind: 'not-found',
            language,
            reason: 'unknown-action-id',
            detail: `A${intent.group}-${intent.row}`,
            values: { example },
          };
        }
        return actionsAnswer(this.k, language, intent.focus, 'id', [action]);
      }
      case 'group':
        return groupAnswer(this.k, language, intent.group, intent.focus);
      case 'subsection': {
        const actions = this.k.plan.actions.filter(
          (a) => a.subsection && (a.subsection.labelAsPrinted === intent.label || a.subsection.label === intent.label),
        );
        if (actions.length > 0) return actionsAnswer(this.k, language, intent.focus, 'subsection', actions);
        // "åtgärd 9.2" where group 9 has no subsections: the user most likely means row 2 of group 9.
        const [group, row] = intent.label.split('.');
        const byPosition = this.k.byId.get(`A${group}-${row}`);
        if (byPosition) return actionsAnswer(this.k, language, intent.focus, 'id', [byPosition]);
        return searchAnswer(this.k, question, language, intent.focus);
      }
      case 'area': {
        // "Vad ansvarar SF för i målområde 1?": the unit's actions in that area (the unit card's "Visa alla").
        const unit = this.k.mentionedUnits(question).find((u) => !u.code.startsWith('sub:'));
        const kind = areaKindNamed(this.k.plan, intent.kindWord);
        const area = this.k.plan.areas.find((a) => a.kind === (kind ?? this.k.plan.areas[0]!.kind) && a.number === intent.number);
        if (unit && area) return unitAnswer(this.k, language, unit.code, detectFocus(question), undefined, area.id);
        return areaAnswer(this.k, language, kind, intent.number, intent.words);
      }
      case 'define':
        return defineAnswer(this.k, question, intent.term, language);
      case 'units':
        return unitsAnswer(this.k, language);
      case 'search': {
        const area = areaNamedByTitle(this.k, question);
        // "Vad gör SF mot våld i nära relationer?": the unit's actions in the area its title names.
        const unit = area && this.k.mentionedUnits(question).find((u) => !u.code.startsWith('sub:'));
        if (area && unit) return unitAnswer(this.k, language, unit.code, detectFocus(question), undefined, area.id);
        if (area) return areaAnswer(this.k, language, area.kind, area.number, '');
        return searchAnswer(this.k, question, language, intent.focus);
      }
    }
  }
}
