/** The editable unit glossary (data/glossary/units.json): codes the plan uses but does not define. */

export type UnitKind = 'municipal' | 'all-municipal' | 'internal-group' | 'role' | 'external' | 'funder' | 'other';

export interface GlossaryUnit {
  code: string;
  kind: UnitKind;
  expansion: string | null;
  source: string | null;
  aliases?: string[];
  /** Set when the municipality gave the expansion in chat (`ordlista VOF …`): who and when. */
  setBy?: string;
  setAt?: string;
}

/** An expansion an admin gave in chat for a code the plan does not define. */
export interface GlossaryEntry {
  code: string;
  expansion: string;
  setBy: string;
  setAt: string;
}

/**
 * The glossary with the municipality's own expansions: an entry gives a unit its expansion, with
 * who set it and when (shown with every answer that uses it). Codes the glossary does not have
 * are left out: the use case accepts only codes the plan uses.
 */
export function withEntries(glossary: UnitGlossary, entries: GlossaryEntry[]): UnitGlossary {
  if (entries.length === 0) return glossary;
  const byCode = new Map(entries.map((e) => [e.code.toLocaleLowerCase('sv'), e]));
  const apply = <T extends { code: string; expansion: string | null }>(u: T): T => {
    const entry = byCode.get(u.code.toLocaleLowerCase('sv'));
    return entry ? { ...u, expansion: entry.expansion, setBy: entry.setBy, setAt: entry.setAt } : u;
  };
  return { ...glossary, units: glossary.units.map(apply), subunits: glossary.subunits.map(apply) };
}

export interface GlossarySubunit {
  code: string;
  parent: string;
  expansion: string | null;
  source: string | null;
  aliases?: string[];
  setBy?: string;
  setAt?: string;
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
