/**
 * An action as people see it: its place in the plan (group, subsection, area), its text, and the
 * three cells exactly as printed, with the expansions of the codes in them where the glossary or
 * the plan gives one. Used by the answers and by the follow-up's round card alike.
 */
import type { Action, Plan } from './model';
import { areaRef, type AreaRef } from './areas';
import { findSubunit, findUnit, type UnitGlossary } from './glossary';

export interface UnitExpansion {
  code: string;
  expansion: string;
  /** Given by the municipality in chat, not by the plan or the glossary file. */
  givenInChat?: boolean;
}

export interface ActionView {
  id: string;
  group: number;
  groupTitle: string;
  /** What the plan calls the group ("Åtgärd", "Mål"). */
  groupLabel: { sv: string; en: string };
  /** Corrected subsection label and title, with the printed label when it differs. */
  subsection: { label: string; labelAsPrinted: string; title: string } | null;
  areaTitle: string;
  /** The area in the plan's own words ("Målområde 1"). */
  area: AreaRef;
  text: string;
  /** Exactly as the plan prints them. */
  ansvarig: string;
  samverkan: string;
  finansiering: string;
  /** Expansions of the codes in the three cells, where the glossary or the plan gives one. */
  expansions: UnitExpansion[];
}

export function actionView(plan: Plan, glossary: UnitGlossary, action: Action): ActionView {
  const area = plan.areas.find((a) => a.id === action.areaId)!;
  return {
    id: action.id,
    group: action.group,
    groupTitle: action.groupTitle,
    groupLabel: plan.groupLabel,
    subsection: action.subsection ? { ...action.subsection } : null,
    areaTitle: area.title,
    area: areaRef(plan, area),
    text: action.text,
    ansvarig: action.ansvarig.asPrinted,
    samverkan: action.samverkan.asPrinted,
    finansiering: action.finansiering.asPrinted,
    expansions: expansionsFor(plan, glossary, action),
  };
}

function expansionsFor(plan: Plan, glossary: UnitGlossary, action: Action): UnitExpansion[] {
  const out = new Map<string, string>();
  const codes = [
    ...[...action.ansvarig.units, ...action.samverkan.units].flatMap((u) => [u.code, ...u.subunits]),
    ...action.finansiering.funders.map((f) => f.code),
  ];
  const inChat = new Set<string>();
  for (const code of codes) {
    const known = findUnit(glossary, code) ?? findSubunit(glossary, code);
    const expansion = known?.expansion ?? plan.abbreviations.find((a) => a.abbreviation === code)?.expansion;
    if (expansion && expansion !== code) out.set(code, expansion);
    if (known?.setBy) inChat.add(code);
  }
  return [...out].map(([code, expansion]) => ({ code, expansion, ...(inChat.has(code) ? { givenInChat: true } : {}) }));
}
