/**
 * The question answering with the municipality's glossary and its own words: the plan's answerer
 * rebuilt when an admin gives an expansion (ordlista) or a word (synonym) in chat (on this instance
 * at once; other instances within a few minutes, on their next question after that). Building it
 * takes tens of milliseconds, and both are given a handful of times a year.
 */
import { PlanAnswerer } from '../core/qa/answerer';
import type { Answer, Citation, Language } from '../core/qa/answer-model';

/** What the help card needs of the plan: example questions and the plan it cites. */
export interface PlanHelp {
  examples: string[];
  source: Omit<Citation, 'actionIds'>;
}
import type { Plan } from '../core/plan/model';
import { withEntries, type GlossaryEntry, type UnitGlossary } from '../core/plan/glossary';
import type { MunicipalityWord } from '../core/qa/municipality-words';
import type { Logger } from '../log';

export interface QuestionAnswerer {
  answer(question: string): Answer;
  /** The words of a question that found nothing to count for admins (see core/qa/municipality-words). */
  wordsToCount?(question: string, answer: Answer): string[];
  /** The help card's example questions and the plan it cites. */
  help(language: Language): PlanHelp;
  /** Rebuilds from the stored glossary entries, where there are any. */
  refresh?(): Promise<void>;
}

const REFRESH_MS = 5 * 60_000;

export class LiveAnswerer implements QuestionAnswerer {
  private current: PlanAnswerer;
  private loadedAt = 0;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly plan: Plan,
    private readonly glossary: UnitGlossary,
    private readonly entries: () => Promise<GlossaryEntry[]>,
    private readonly words: () => Promise<MunicipalityWord[]>,
    private readonly logger: Logger,
    private readonly refreshMs = REFRESH_MS,
  ) {
    this.current = new PlanAnswerer(plan, glossary);
  }

  help(language: Language): PlanHelp {
    return { examples: this.current.examples[language], source: this.current.citationBase };
  }

  wordsToCount(question: string, answer: Answer): string[] {
    return this.current.wordsToCount(question, answer);
  }

  answer(question: string): Answer {
    // Stale: answer with what is known now, and look for new entries in the background.
    if (Date.now() - this.loadedAt > this.refreshMs) void this.refresh();
    return this.current.answer(question);
  }

  /** Reads the entries and the words and rebuilds the answerer; a store that fails keeps the one there is. */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const [entries, words] = await Promise.all([this.entries(), this.words()]);
        this.current = new PlanAnswerer(this.plan, withEntries(this.glossary, entries), words);
        this.loadedAt = Date.now();
      } catch (error) {
        this.loadedAt = Date.now(); // not again on every question while the store is down
        this.logger.warn({ event: 'glossary-load-failed', err: error }, 'glossary entries not loaded; answers without them');
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }
}
