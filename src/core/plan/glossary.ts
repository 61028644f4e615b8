/** The editable unit glossary (data/glossary/units.json): codes the plan uses but does not define. */

export type UnitKind = 'municipal' | 'all-municipal' | 'internal-group' | 'role' | 'external' | 'funder' | 'other';

export interface GlossaryUnit {
  code: string;
  kind: UnitKind;
  expansion: string | null;
  source: string | null;
  aliases?: string[];
}

export interface GlossarySubunit {
  code: string;
  parent: string;
  expansion: string | null;
  source: string | null;
  aliases?: string[];
}

export interface UnitGlossary {
  units: GlossaryUnit[];
  subunits: GlossarySubunit[];
  /** Words that qualify a unit rather than name one ("vid behov", "m.fl."). */
  qualifiers: string[];
}

export const ALL_MUNICIPAL_UNITS = 'Samtliga förvaltningar';

export function findUnit(glossary: UnitGlossary, code: string): GlossaryUnit | undefined {
  const wanted = code.toLocaleLowerCase('sv');
  return glossary.units.find(
    (u) => u.code.toLocaleLowerCase('sv') === wanted || (u.aliases ?? []).some((a) => a.toLocaleLowerCase('sv') === wanted),
  );
}

export function findSubunit(glossary: UnitGlossary, code: string): GlossarySubunit | undefined {
  const wanted = code.toLocaleLowerCase('sv');
  return glossary.subunits.find(
    (u) => u.code.toLocaleLowerCase('sv') === wanted || (u.aliases ?? []).some((a) => a.toLocaleLowerCase('sv') === wanted),
  );
}
