/**
 * The action plan as data. Produced by the importer from the plan document,
 * stored as versioned JSON (data/plan/plan-2023.json) and read by everything else.
 * Pure types: no I/O here.
 */

export const PLAN_SCHEMA_VERSION = 1;

/** The four working methods (arbetssätt, groups 1–4) and the three goal areas (målområden, groups 5–25). */
export type AreaKind = 'arbetssatt' | 'malomrade';

export interface Area {
  /** Stable id: "arbetssatt-1".."arbetssatt-4", "malomrade-1".."malomrade-3". */
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

export interface Action {
  /** Stable, human-typable id: "A<group>-<n>", n = position of the row within its group (1-based). */
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
  /** How the document defines it: "(ABBR)" after the words, words in parentheses after "ABBR", a footnote, or "ABBR – words". */
  definedBy: 'parenthesis-after' | 'parenthesis-before' | 'footnote' | 'dash';
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

export interface Plan {
  schemaVersion: number;
  /** Version of this plan, e.g. "2023". */
  planVersion: string;
  source: {
    title: string;
    diarienummer: string;
    adoptedBy: string;
    validity: string;
    file: string;
    sha256: string;
  };
  areas: Area[];
  groups: Group[];
  actions: Action[];
  footnotes: Record<string, string>;
  abbreviations: Abbreviation[];
  importWarnings: ImportWarning[];
}
