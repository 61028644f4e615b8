/**
 * The action plan as data: any municipality's plan, whether imported from Linköping's document
 * (core/plan/importer.ts) or from the plan template anyone can fill (core/plan/template/). Stored
 * as versioned JSON and read by everything else; everything users see of a plan (titles,
 * citations, area names, statuses, help examples) comes from here, never from code.
 * Pure types: no I/O here.
 */
import type { FollowUpConfig } from './follow-up-config';

export const PLAN_SCHEMA_VERSION = 2;

/** A kind of area as the plan names it: "malomrade", "arbetssatt", "fokusomrade", … (any). */
export type AreaKind = string;

/** How the plan names a kind of area, in full and short (charts, lists): "Målområde", "MO". */
export interface AreaKindDefinition {
  kind: AreaKind;
  label: { sv: string; en: string };
  short: { sv: string; en: string };
}

export interface Area {
  /** Stable id: kind and number, "malomrade-1", "fokusomrade-3". */
  id: string;
  kind: AreaKind;
  number: number;
  title: string;
  /** The heading exactly as printed, including any typo ("Målnråde 2: …"). */
  headingAsPrinted: string;
}

export interface Subsection {
  /** As printed in the document, e.g. "5.3" under group 6. */
  labelAsPrinted: string;
  /** Corrected: group number + position within the group, e.g. "6.3". */
  label: string;
  title: string;
}

/** One unit (or actor) named in an Ansvarig/Samverkan cell. */
export interface UnitRef {
  /** Canonical code or name, e.g. "KLF", "Polisen", "Samtliga förvaltningar", "Rädda barnen". */
  code: string;
  /** Subunits in parentheses, normalized: "KLF (SÄK)" → ["SÄK"]; "SÄK(KLF)" → ["SÄK"]. */
  subunits: string[];
  /** Words of the cell that qualify it, e.g. "genom säkerhets-samordnare", "vid behov". */
  qualifier?: string;
  /** The piece of the cell this was read from, exactly as printed. */
  asPrinted: string;
}

/** One funder named in a Finansiering cell. */
export interface FunderRef {
  code: string;
  asPrinted: string;
}

export interface RoleCell {
  /** Exactly as printed in the document (markup removed, whitespace kept as single spaces). */
  asPrinted: string;
}

/** A goal under an area (a template's "Mål" column); actions may belong to one. */
export interface Goal {
  id: string;
  areaId: string;
  title: string;
}

/** How an action's effect is measured (a template's "Indikator" column). */
export interface Indicator {
  name: string;
  baseline?: string;
  target?: string;
}

export interface Action {
  /**
   * Stable, human-typable id: as the plan gives it, or "A<group>-<n>" (n = position of the row
   * within its group, 1-based) where it gives none: the same file imported twice gives the same ids.
   */
  id: string;
  group: number;
  groupTitle: string;
  /** The subsection the row is printed under, if any. */
  subsection: Subsection | null;
  areaId: string;
  text: string;
  ansvarig: RoleCell & { units: UnitRef[] };
  samverkan: RoleCell & { units: UnitRef[] };
  finansiering: RoleCell & { funders: FunderRef[] };
  /** Footnote numbers referenced from the row. */
  footnotes: number[];
  /** 1-based line number(s) in the source document, for citing and debugging. */
  sourceLines: number[];
  goalId?: string;
  /** When the action is to be done, as the plan says it ("2024–2025", "Q3"). */
  timeframe?: string;
  indicator?: Indicator;
  /** The problem in the lägesbild that the action answers. */
  cause?: string;
  /** Set when the plan's file gave the id (a template's "Id" column): the municipality's identity for the action. */
  idGiven?: true;
  /** Ids in the plan's version before that this action replaces (a template's "Ersätter" column). */
  replaces?: string[];
}

export interface Group {
  number: number;
  title: string;
  areaId: string;
  subsections: Subsection[];
  actionIds: string[];
}

export interface Abbreviation {
  abbreviation: string;
  expansion: string;
  /**
   * How the document defines it: "(ABBR)" after the words, words in parentheses after "ABBR", a
   * footnote, "ABBR – words", "words, ABBR", or the template's sheet Förkortningar.
   */
  definedBy: 'parenthesis-after' | 'parenthesis-before' | 'footnote' | 'dash' | 'comma' | 'sheet';
  /** Further explanations found in the document (e.g. a footnote beside an inline expansion). */
  notes: string[];
  sourceLine: number;
}

export interface ImportWarning {
  code:
    | 'subsection-wrong-group'
    | 'subsection-renumbered'
    | 'row-continued'
    | 'footnote-interrupts-table'
    | 'footnote-glued'
    | 'separator-row'
    | 'heading-typo'
    | 'unit-typo'
    | 'empty-ansvarig';
  line: number;
  message: string;
}

/** A unit, actor or funder the plan names, from a template's "Enheter" sheet. */
export interface PlanUnit {
  code: string;
  name: string | null;
  /** bolag: a municipal company; kommun: the municipality as a whole; förening: an association. */
  type: 'förvaltning' | 'bolag' | 'kommun' | 'extern' | 'förening' | 'roll' | 'finansiär';
}

/** A section of the plan's prose: its heading and paragraphs, as the plan words them. */
export interface PlanSection {
  heading: string;
  paragraphs: string[];
}

/** What a plan says about itself: the municipality, the title and registration number, the decision, the validity. */
export interface PlanMetadata {
  municipality: string;
  title: string;
  /** The registration number (diarienummer), cited with every answer. */
  diarienummer: string;
  /** Who decided the plan ("Kommundirektör", "Kommunfullmäktige"). */
  adoptedBy: string;
  /** When it was decided, YYYY-MM-DD, or "" when the plan does not say. */
  adoptedAt: string;
  /** The period of validity as printed ("2023", "2024–2026"). */
  validity: string;
}

export interface Plan {
  schemaVersion: number;
  /** Version of this plan, e.g. "2023", "2025-2"; a round records the version it asked about. */
  planVersion: string;
  /** The plan's metadata, and the file it was imported from. */
  source: PlanMetadata & { file: string; sha256: string };
  /** The kinds of area the plan has, in its own words. */
  areaKinds: AreaKindDefinition[];
  areas: Area[];
  goals: Goal[];
  /** Statuses and the period a follow-up round covers. */
  followUp: FollowUpConfig;
  /** The plan's own misspellings and the spelling a user will type instead ("kvinnjouren" → "kvinnojouren"). */
  spellingVariants: Record<string, string[]>;
  /** Units the plan defines (a template's "Enheter" sheet); empty for a plan that defines none. */
  units: PlanUnit[];
  /** What the plan calls its numbered groups of actions: "Åtgärd 9" in Linköping's, "Mål 3" where they are goals. */
  groupLabel: { sv: string; en: string };
  /** The groups counted in words, singular and plural ("mål", "mål"; "goal", "goals"); "åtgärdsgrupp(er)" where not given. */
  groupWords?: { sv: [string, string]; en: [string, string] };
  /** The help card's example questions where the municipality chose them; else made from the plan's data. */
  helpExamples?: { sv: string[]; en: string[] };
  groups: Group[];
  actions: Action[];
  footnotes: Record<string, string>;
  abbreviations: Abbreviation[];
  importWarnings: ImportWarning[];
  /** The plan's prose, section by section (its own words, for questions about what it says); none in a plan without text. */
  sections?: PlanSection[];
}
