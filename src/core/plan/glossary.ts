import type { Plan, PlanUnit } from './model';

/** The editable unit glossary (data/glossary/units.json): codes the plan uses but does not define. */

export type UnitKind = 'municipal' | 'company' | 'all-municipal' | 'internal-group' | 'role' | 'external' | 'funder' | 'other';

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

/** What a plan's unit types (its "Enheter" sheet) are as glossary kinds. */
const KIND_OF_TYPE: Record<PlanUnit['type'], UnitKind> = {
  förvaltning: 'municipal',
  // A municipal company reports on its actions, but is no förvaltning ("Samtliga förvaltningar" is not it).
  bolag: 'company',
  kommun: 'all-municipal',
  extern: 'external',
  förening: 'external',
  roll: 'role',
  finansiär: 'funder',
};

/** Words in a cell that qualify a unit rather than name one. */
const QUALIFIERS = ['vid behov', 'm.fl.', 'm.fl', 'med flera', 'IOP'];

/** The glossary a plan's own units make: codes, their names as aliases and expansions, their kinds. */
export function glossaryOfUnits(units: PlanUnit[]): UnitGlossary {
  return {
    units: [
      ...units.map((u): GlossaryUnit => ({
        code: u.code,
        kind: KIND_OF_TYPE[u.type],
        expansion: u.name,
        source: u.name ? 'Planens flik Enheter' : null,
        ...(u.name && u.name !== u.code ? { aliases: [u.name] } : {}),
      })),
      { code: ALL_MUNICIPAL_UNITS, kind: 'all-municipal', expansion: null, source: null },
      // "Inom ram": the departments' own budget, as Swedish plans write it.
      { code: 'Inom ram', kind: 'funder', expansion: 'Inom förvaltningens egen budgetram', source: null, aliases: ['inom ram'] },
    ],
    subunits: [],
    qualifiers: QUALIFIERS,
  };
}

/** A plan's glossary: the units it defines itself, else the one given (Linköping's glossary file). */
export function planGlossary(plan: Plan, otherwise: () => UnitGlossary): UnitGlossary {
  return plan.units.length > 0 ? glossaryOfUnits(plan.units) : otherwise();
}

/** A code as plans write them: one word with two capitals or more ("SF", "SÄKSAM", "MFoF"), not a name ("Polisen"). */
const looksLikeCode = (code: string): boolean => code.length <= 12 && !/\s/.test(code) && (code.match(/[A-ZÅÄÖ]/g) ?? []).length >= 2;

/**
 * The codes a plan writes in its Ansvarig, Samverkan and Finansiering cells that nobody has named:
 * not in the plan's own list of abbreviations, and without a full name in the glossary (from a
 * source, the plan's Enheter sheet, or an admin in chat). These are what admins are asked to fill in.
 */
export function codesWithoutName(plan: Plan, glossary: UnitGlossary): string[] {
  const defined = new Set(plan.abbreviations.map((a) => a.abbreviation.toLocaleUpperCase('sv')));
  const codes = new Set<string>();
  for (const action of plan.actions) {
    for (const unit of [...action.ansvarig.units, ...action.samverkan.units]) {
      codes.add(unit.code);
      for (const sub of unit.subunits) codes.add(sub);
    }
    for (const funder of action.finansiering.funders) codes.add(funder.code);
  }
  // One pass over the glossary, not one per code: a plan at the limits has 150 units.
  const namedCodes = new Set(
    [...glossary.units, ...glossary.subunits]
      .filter((u) => u.expansion)
      .flatMap((u) => [u.code, ...(u.aliases ?? [])])
      .map((c) => c.toLocaleLowerCase('sv')),
  );
  const named = (code: string) => namedCodes.has(code.toLocaleLowerCase('sv'));
  return [...codes]
    .filter((code) => looksLikeCode(code) && !defined.has(code.toLocaleUpperCase('sv')) && !named(code))
    .sort((a, b) => a.localeCompare(b, 'sv'));
}
