/**
 * Questions about what the plan says in its prose — who follows it up and how often, what the law
 * requires, how the actions are financed, its background — answered with the passage's own words
 * and its section's heading. The sections are the plan's data (any plan's, as imported), indexed
 * here by their words' stems; a passage is given only where it holds most of the question's words.
 */
import type { Plan } from '../../plan/model';
import type { Answer, Citation, Language } from '../answer-model';
import { stemSwedish, tokenize } from '../text';

/** A paragraph with the stems of its words, and its section's heading's stems. */
interface Passage {
  heading: string;
  paragraph: string;
  stems: Set<string>;
  headingStems: Set<string>;
}

/** Questions about the plan as a whole, its follow-up, the law, its financing in general, its background. */
const ABOUT_THE_PLAN =
  /(följ(s|er|a)? (\p{L}+ )?upp|uppföljning|rapporter(as|ar|a)\b|återrapport|\blag(en|stiftning\p{L}*)?\b|kräver|finansier(as|ing)\p{L}* (åtgärderna|planen|arbetet)|bakgrund|syfte|definition|vad innebär|vad menas med|lägesbild)/iu;

/** "Vem ansvarar för", "vem har hand om", "vem rapporterar": the frame of a question for whom. */
const OWNER_FRAME = /^\s*vem\s+(?:har\s+hand\s+om|tar\s+hand\s+om|håller\s+i|är\s+ansvarig\s+för|ansvarar\s+för|\p{L}+)\s+/iu;

/** The plan or the law named in a question. */
const PLAN_ITSELF = /(^|[^\p{L}])(planen|planens|åtgärdsplanen|åtgärdsplanens|lagen|lagstiftningen|the plan|the law)(?=$|[^\p{L}])/iu;

/** Paragraphs of one section shown at most, where as many hold the question. */
const MAX_PARAGRAPHS = 2;

/** Of the question's content words, this share (and at least two) must be in one paragraph or its heading. */
const MIN_SHARE = 0.6;

export class PlanPassages {
  private readonly passages: Passage[];

  constructor(
    plan: Plan,
    private readonly citation: Omit<Citation, 'actionIds'>,
  ) {
    // The title's own section is the document's front matter (its references, its decision), not what it says.
    const prose = (plan.sections ?? []).filter((section) => section.heading !== plan.source.title);
    this.passages = prose.flatMap((section) =>
      section.paragraphs.map((paragraph) => ({
        heading: section.heading,
        paragraph,
        stems: stemsOf(paragraph),
        headingStems: stemsOf(section.heading),
      })),
    );
  }

  /**
   * Whether a question is about the plan itself rather than an action: it names the plan or the law
   * ("hur ofta följs planen upp?", "vad kräver lagen?"), with a subject of its prose. "Vem
   * rapporterar till EST?" names neither, and is an action's.
   */
  static asksAboutThePlan(question: string): boolean {
    return ABOUT_THE_PLAN.test(question) && PLAN_ITSELF.test(question);
  }

  /**
   * An owner's question ("vem ansvarar för uppföljningen?", "vem rapporterar till kommunfullmäktige?")
   * about a subject of the plan's prose, plan named or not: what it asks about, without its frame
   * ("uppföljningen", "till kommunfullmäktige"); undefined for any other question.
   */
  static ownersProseTopic(question: string): string | undefined {
    const framed = OWNER_FRAME.exec(question);
    return framed && ABOUT_THE_PLAN.test(question) ? question.slice(framed[0].length) : undefined;
  }

  /**
   * The passage a question is about, or undefined where none holds enough of its words: most of
   * them and two at least; for a question about the plan as a whole ("hur ofta följs planen upp?"),
   * one is enough, in the passage that has the question's own subject (the follow-up, the law).
   * `mustHold`: words every passage answered must hold (the topic of an owner's question).
   */
  answer(question: string, language: Language, options: { mustHold?: string } = {}): Answer | undefined {
    const wanted = [...stemsOf(question)];
    const needed = options.mustHold === undefined ? [] : [...stemsOf(options.mustHold)];
    if (wanted.length === 0) return undefined;
    const subject = ABOUT_THE_PLAN.exec(question);
    const subjectStems = subject ? [...stemsOf(subject[0])] : [];
    let best: { passage: Passage; found: number; score: number } | undefined;
    const scores = new Map<Passage, number>();
    for (const passage of this.passages) {
      const has = (stem: string) => {
        const loosely = subjectStems.some((st) => stem.startsWith(st));
        return holds(passage.stems, stem, loosely) || holds(passage.headingStems, stem, loosely);
      };
      const found = wanted.filter(has).length;
      if (!needed.every(has)) continue;
      // The subject in the heading weighs most ("Genomförande och uppföljning"), in the text next.
      const onSubject = subjectStems.filter((st) => holds(passage.headingStems, st)).length * 2 + subjectStems.filter(has).length;
      const score = found + onSubject;
      scores.set(passage, score);
      if (!best || score > best.score) best = { passage, found, score };
    }
    const enough = subject ? 1 : 2;
    if (!best || best.found < enough || best.found / wanted.length < (subject ? 0.5 : MIN_SHARE)) return undefined;
    // Paragraphs of the same section that hold the question as well, in the plan's order: who answers
    // for the follow-up is said over two ("… anger i vilken kolumn", "… delges säkerhetschef").
    const heading = best.passage.heading;
    const paragraphs = this.passages
      .filter((p) => p.heading === heading && scores.get(p) === best!.score)
      .slice(0, MAX_PARAGRAPHS)
      .map((p) => p.paragraph);
    return { kind: 'passage', language, heading, paragraphs, citation: this.citation };
  }
}

/**
 * A stem among a passage's, or the beginning of one of them ("lag" in "lagstiftning"). `loosely`, for
 * the question's subject: also one of them with an ending the stemmer left on it ("syftet" ~ "syft").
 */
function holds(stems: Set<string>, stem: string, loosely = false): boolean {
  if (stems.has(stem)) return true;
  if (stem.length < 3) return false;
  for (const s of stems) {
    if (s.startsWith(stem)) return true;
    if (loosely && s.length >= 4 && stem.startsWith(s) && LEFT_ENDING.test(stem.slice(s.length))) return true;
  }
  return false;
}

/** Endings the Swedish stemmer leaves on some words ("syftet", "planens"). */
const LEFT_ENDING = /^(?:et|en|ets|ens|a|ar|er|or|na|n|s)$/;

/** Words of any question about the plan that say nothing of which passage. */
const PASSAGE_STOP_WORDS = new Set(
  (
    'planen åtgärdsplanen åtgärdsplanens åtgärdsplan plan planens kommunen kommunens hur ofta upp vad vilka vilken vilket vem som den det de och att för med till ' +
    'har kan ska inte eller man när där här finns får också även sig sin sina dess deras alla varje mer mest ' +
    'the and how often what who which does plan'
  ).split(' '),
);

function stemsOf(text: string): Set<string> {
  return new Set(
    tokenize(text)
      // Function words only: the verbs a search ignores ("finansieras", "följs") are what a passage is about.
      .filter((w) => w.length >= 3 && !PASSAGE_STOP_WORDS.has(w))
      .map(stemSwedish),
  );
}
