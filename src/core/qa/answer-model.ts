/** What the question answering returns: plain data that the bot renders as cards and the chat as text. */

import type { Language } from '../language';

export type { Language };
export type RoleFocus = 'ansvarig' | 'samverkan' | 'finansiering' | 'all';

export type { ActionView, UnitExpansion } from '../plan/action-view';
import type { ActionView } from '../plan/action-view';
import type { AreaRef } from '../plan/areas';
import type { PlanMetadata } from '../plan/model';
export type { AreaRef };

/** What a listing across a column asks for: any funding, funding from outside, no owner printed, a partner qualifier ("IOP"). */
export type ColumnCriterion =
  | { kind: 'funding'; external: boolean }
  | { kind: 'no-owner' }
  /** Actions whose Samverkan cell is empty: "Vilka åtgärder har ingen samverkanspart?". */
  | { kind: 'no-partner' }
  /**
   * No Finansiering printed: `without` of `total` actions. Where most have none (Linköping: 114 of
   * 124) the listing shows the few that have it (`shown: 'with'`), which says the same in a card.
   */
  | { kind: 'no-funding'; without: number; total: number; shown: 'without' | 'with' }
  | { kind: 'qualifier'; qualifier: string }
  /** Actions that involve every one of these units (Ansvarig or Samverkan): "SF och VOF tillsammans". */
  | { kind: 'shared'; units: string[] };

export interface Citation {
  document: string;
  diarienummer: string;
  actionIds: string[];
}

export type Answer =
  | {
      kind: 'actions';
      language: Language;
      focus: RoleFocus;
      query: 'text' | 'id' | 'group' | 'subsection';
      actions: ActionView[];
      group?: { number: number; title: string; areaTitle: string; label: { sv: string; en: string } };
      /** Words of the question read as the plan's words that the municipality gave for them ("drönarna" → kamerabevakning). */
      readAs?: Array<{ word: string; planTerms: string[] }>;
      citation: Citation;
    }
  | {
      kind: 'unit';
      language: Language;
      unit: string;
      expansion: string | null;
      relation: 'responsible' | 'cooperates' | 'both';
      /**
       * Asked for one role the unit has in no action, while it has the other ("vem ansvarar för
       * Novahuset?", a partner only): that role, said first, and the other shown instead.
       */
      noneAs?: 'responsible' | 'cooperates';
      responsible: ActionView[];
      cooperates: ActionView[];
      allMunicipal: ActionView[];
      /** Set when the question asked about one working method or målområde only. */
      area?: AreaRef;
      citation: Citation;
    }
  | { kind: 'funder'; language: Language; funder: string; expansion: string | null; actions: ActionView[]; citation: Citation }
  | {
      kind: 'abbreviation';
      language: Language;
      term: string;
      expansion: string | null;
      /** plan-unexplained: a code the plan writes (in its cells) but does not explain, and no glossary has. */
      source: 'plan' | 'glossary' | 'plan-unexplained';
      notes: string[];
      kindLabel: string | null;
      /** The municipality gave the expansion in chat: who and when (shown with it). */
      setBy?: string;
      setAt?: string;
      usedIn: string[];
      citation: Citation | null;
    }
  | {
      kind: 'area';
      language: Language;
      area: AreaRef;
      /** Each group of the area; a group of few actions comes with them (a count alone tells little). */
      groups: Array<{ number: number; title: string; actionCount: number; actions?: ActionView[] }>;
      /** What the plan calls its groups ("Åtgärd", "Mål"), and counts them in words where it says. */
      groupLabel: { sv: string; en: string };
      groupWords?: { sv: [string, string]; en: [string, string] };
      citation: Citation;
    }
  | {
      /** Every action whose Ansvarig, Samverkan or Finansiering cell meets a criterion, e.g. external funding. */
      kind: 'column';
      language: Language;
      column: 'ansvarig' | 'samverkan' | 'finansiering';
      criterion: ColumnCriterion;
      actions: ActionView[];
      citation: Citation;
    }
  /** `greeting`: only a "hej" was written, answered with a short hello rather than the whole help. */
  | { kind: 'help'; language: Language; examples: string[]; source: Omit<Citation, 'actionIds'>; greeting?: boolean }
  | {
      /** The partners outside the municipality that the plan names, each with the actions it takes part in. */
      kind: 'partners';
      language: Language;
      partners: Array<{ code: string; expansion: string | null; responsible: string[]; cooperates: string[] }>;
      citation: Citation;
    }
  /** Thanked: a short "you're welcome" with how to ask again. */
  | { kind: 'thanks'; language: Language; example: string }
  /**
   * What the plan says in its prose, in its own words: the section's heading and its paragraphs
   * that the question is about. No owner is named beyond what the passage itself says.
   */
  | { kind: 'passage'; language: Language; heading: string; paragraphs: string[]; citation: Omit<Citation, 'actionIds'> }
  | {
      /** "Vilka målområden finns?", "What are the working methods?": the plan's areas of a kind (or all), each with its size. */
      kind: 'areas';
      language: Language;
      areas: Array<{ area: AreaRef; groups: number; actions: number }>;
      /** The plan's own word for its groups, singular and plural, where it has one ("mål", "mål"). */
      groupWords?: { sv: [string, string]; en: [string, string] };
      citation: Citation;
    }
  | {
      /** The follow-up's statuses with the plan's definitions; `asked`: those the question named. */
      kind: 'statuses';
      language: Language;
      statuses: Array<{ label: string; enLabel: string; description: string }>;
      asked: string[];
      citation: Citation;
    }
  | {
      /** The units the plan names as responsible or cooperating, most actions first, with how many each. */
      kind: 'units';
      language: Language;
      units: Array<{ code: string; expansion: string | null; responsible: number; cooperates: number }>;
      citation: Citation;
    }
  | {
      /** Which plan the bot answers from: its metadata and how it is followed up. */
      kind: 'plan';
      language: Language;
      metadata: PlanMetadata;
      version: string;
      period: 'year' | 'half-year' | 'tertial';
      statuses: string[];
      areas: string[];
      actionCount: number;
    }
  | {
      /**
       * Not sure enough to name an owner: the question's words that the plan has nowhere, the ones
       * that matched, and the nearest actions (id and text only) to choose from.
       */
      kind: 'suggestions';
      language: Language;
      /**
       * Why not an answer: words the plan has nowhere ('unmatched'); words each in the plan but in no
       * row together ('apart'); words met only in part, by a beginning or a common part ('partly').
       */
      why: 'unmatched' | 'apart' | 'partly';
      unmatched: string[];
      matched: string[];
      actions: Array<Pick<ActionView, 'id' | 'text'>>;
    }
  | {
      kind: 'not-found';
      language: Language;
      /** no-topic: only question words and "och", "mer", "det" ("vem mer?"): a follow-up the bot cannot place. */
      /** outside-plan: figures, statistics or people's contact details, which a plan does not state (detail: 'figures' or 'contact'). */
      reason:
        | 'no-match'
        | 'no-topic'
        | 'outside-plan'
        | 'unknown-action-id'
        | 'unknown-group'
        | 'unknown-area'
        | 'unknown-term'
        | 'empty'
        | 'too-long';
      detail?: string;
      /** What the plan has instead, in its own words, for the message: "Åtgärd", "25", "målområde 1–3 …", an example. */
      values?: Record<string, string>;
    };
