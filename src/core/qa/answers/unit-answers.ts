/** A unit's, a funder's or a partner's actions, and what several units share. */
import { t } from '../../texts/catalog';
import type { UnitRef } from '../../plan/model';
import { areaRef } from '../../plan/areas';
import { ALL_MUNICIPAL_UNITS, findSubunit, findUnit } from '../../plan/glossary';
import type { Answer, Language, RoleFocus } from '../answer-model';
import { involves, type MentionedUnit, type PlanKnowledge } from './knowledge';

/** A unit's actions; with `parent`, `code` is a subunit of it ("SÄK" of "KLF"); a subunit alone matches any parent. */
export function unitAnswer(k: PlanKnowledge, language: Language, code: string, focus: RoleFocus, parent?: string, areaId?: string): Answer {
  // "HR" is both a unit of its own ("HR VSS") and a subunit of KLF ("KLF (HR)"): both count.
  const isSubunit = k.subunitCodes.has(code) && (parent !== undefined || !k.unitNames.some((n) => n.code === code));
  const matches = (u: UnitRef): boolean =>
    parent !== undefined ? u.code === parent && u.subunits.includes(code) : u.code === code || u.subunits.includes(code);
  const inArea = k.plan.actions.filter((a) => areaId === undefined || a.areaId === areaId);
  const responsible = inArea.filter((a) => a.ansvarig.units.some(matches));
  const cooperates = inArea.filter((a) => a.samverkan.units.some(matches));
  const isMunicipal = !isSubunit && findUnit(k.glossary, code)?.kind === 'municipal';
  const allMunicipal = isMunicipal ? inArea.filter((a) => a.ansvarig.units.some((u) => u.code === ALL_MUNICIPAL_UNITS)) : [];
  const area = areaId ? k.plan.areas.find((a) => a.id === areaId) : undefined;
  const asked = focus === 'samverkan' ? 'cooperates' : focus === 'ansvarig' ? 'responsible' : 'both';
  // Asked for a role the unit has nowhere while it has the other: said so, and the other role shown,
  // never "not named in the plan" for a partner asked about as an owner.
  const noneAs =
    asked === 'responsible' && responsible.length === 0 && allMunicipal.length === 0 && cooperates.length > 0
      ? ('responsible' as const)
      : asked === 'cooperates' && cooperates.length === 0 && responsible.length > 0
        ? ('cooperates' as const)
        : undefined;
  const relation = noneAs === 'responsible' ? 'cooperates' : noneAs === 'cooperates' ? 'responsible' : asked;
  const shown = [...(relation !== 'cooperates' ? responsible : []), ...(relation !== 'responsible' ? cooperates : [])];
  return {
    kind: 'unit',
    language,
    unit: isSubunit && parent ? `${parent} (${code})` : code,
    expansion: glossaryExpansion(isSubunit ? findSubunit(k.glossary, code) : findUnit(k.glossary, code), language),
    relation,
    ...(noneAs ? { noneAs } : {}),
    responsible: relation === 'cooperates' ? [] : responsible.map((a) => k.view(a)),
    cooperates: relation === 'responsible' ? [] : cooperates.map((a) => k.view(a)),
    allMunicipal: relation === 'cooperates' ? [] : allMunicipal.map((a) => k.view(a)),
    ...(area ? { area: areaRef(k.plan, area) } : {}),
    citation: k.cite(shown.map((a) => a.id)),
  };
}

/**
 * "Vilka förvaltningar finns i planen?", "Vem ansvarar för flest åtgärder?": every unit the plan names
 * as responsible or cooperating, with how many actions each, most responsibility first.
 */
export function unitsAnswer(k: PlanKnowledge, language: Language): Answer {
  const counts = new Map<string, { responsible: number; cooperates: number }>();
  const count = (code: string, role: 'responsible' | 'cooperates') => {
    const c = counts.get(code) ?? { responsible: 0, cooperates: 0 };
    c[role] += 1;
    counts.set(code, c);
  };
  for (const a of k.plan.actions) {
    for (const code of new Set(a.ansvarig.units.map((u) => u.code))) count(code, 'responsible');
    for (const code of new Set(a.samverkan.units.map((u) => u.code))) count(code, 'cooperates');
  }
  const units = [...counts]
    .map(([code, c]) => ({ code, expansion: glossaryExpansion(findUnit(k.glossary, code), language), ...c }))
    .sort((a, b) => b.responsible - a.responsible || b.cooperates - a.cooperates || a.code.localeCompare(b.code, 'sv'));
  return { kind: 'units', language, units, citation: k.cite([]) };
}

export function funderAnswer(k: PlanKnowledge, language: Language, code: string): Answer {
  const actions = k.plan.actions.filter((a) => a.finansiering.funders.some((f) => f.code === code));
  return {
    kind: 'funder',
    language,
    funder: code,
    expansion: findUnit(k.glossary, code)?.expansion ?? null,
    actions: actions.map((a) => k.view(a)),
    citation: k.cite(actions.map((a) => a.id)),
  };
}

export function isOnlyFunder(k: PlanKnowledge, code: string): boolean {
  return !k.plan.actions.some((a) => [...a.ansvarig.units, ...a.samverkan.units].some((u) => u.code === code));
}

/**
 * Two units or more named without a topic ("Vad samarbetar SF och Polisen om?", "SF och VOF
 * tillsammans"): the actions that involve them all, as a compact listing, the units in the order named.
 */
export function sharedAnswer(k: PlanKnowledge, language: Language, question: string, units: MentionedUnit[]): Answer | undefined {
  const named = units
    .filter((u) => !u.code.startsWith('sub:'))
    .sort((a, b) => question.indexOf(a.token.trim()) - question.indexOf(b.token.trim()));
  if (named.length < 2) return undefined;
  const shared = k.plan.actions.filter((a) => named.every((u) => involves(a, u.code)));
  if (shared.length === 0) return undefined;
  return {
    kind: 'column',
    language,
    column: 'samverkan',
    criterion: { kind: 'shared', units: named.map((u) => u.code) },
    actions: shared.map((a) => k.view(a)),
    citation: k.cite(shared.map((a) => a.id)),
  };
}

/**
 * "Vilka externa aktörer samverkar kommunen med?": the actors themselves, each with the actions it
 * is responsible for or cooperates in (most actions first), not 50 actions to read through.
 */
export function partnersAnswer(k: PlanKnowledge, language: Language): Answer {
  const byCode = new Map<string, { code: string; expansion: string | null; responsible: string[]; cooperates: string[] }>();
  const partnerOf = (code: string) => {
    let partner = byCode.get(code);
    if (!partner) {
      partner = { code, expansion: findUnit(k.glossary, code)?.expansion ?? null, responsible: [], cooperates: [] };
      byCode.set(code, partner);
    }
    return partner;
  };
  const external = (u: UnitRef) => findUnit(k.glossary, u.code)?.kind === 'external';
  const actions = k.plan.actions.filter((a) => [...a.ansvarig.units, ...a.samverkan.units].some(external));
  for (const a of actions) {
    for (const u of new Set(a.ansvarig.units.filter(external).map((u) => u.code))) partnerOf(u).responsible.push(a.id);
    for (const u of new Set(a.samverkan.units.filter(external).map((u) => u.code))) partnerOf(u).cooperates.push(a.id);
  }
  const partners = [...byCode.values()].sort(
    (a, b) =>
      b.responsible.length + b.cooperates.length - (a.responsible.length + a.cooperates.length) || a.code.localeCompare(b.code, 'sv'),
  );
  return { kind: 'partners', language, partners, citation: k.cite(actions.map((a) => a.id)) };
}

/** A code's expansion for a heading; marked when the municipality gave it in chat rather than a source. */
function glossaryExpansion(known: { expansion: string | null; setBy?: string } | undefined, language: Language): string | null {
  if (!known?.expansion) return null;
  return known.setBy ? `${known.expansion} (${t('glossaryMark', language)})` : known.expansion;
}
