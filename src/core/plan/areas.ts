/**
 * An area as people see it: its kind in the plan's own words ("Målområde 2", "Fokusområde 3",
 * "Goal area 2"), and in short for charts ("MO 2"). Every name comes from the plan's data.
 */
import type { Language } from '../language';
import type { Area, AreaKind, AreaKindDefinition, Plan } from './model';

export interface AreaRef {
  id: string;
  kind: AreaKind;
  number: number;
  title: string;
  kindLabel: { sv: string; en: string };
  short: { sv: string; en: string };
}

/** The plan's definition of a kind of area; a kind the plan does not define is named by its id. */
export function areaKindDefinition(plan: Pick<Plan, 'areaKinds'>, kind: AreaKind): AreaKindDefinition {
  const defined = plan.areaKinds.find((k) => k.kind === kind);
  if (defined) return defined;
  const name = kind.charAt(0).toLocaleUpperCase('sv') + kind.slice(1);
  return { kind, label: { sv: name, en: name }, short: { sv: name.slice(0, 2).toUpperCase(), en: name.slice(0, 2).toUpperCase() } };
}

export function areaRef(plan: Pick<Plan, 'areaKinds'>, area: Area): AreaRef {
  const definition = areaKindDefinition(plan, area.kind);
  return { id: area.id, kind: area.kind, number: area.number, title: area.title, kindLabel: definition.label, short: definition.short };
}

/** "Målområde 2" / "Goal area 2". */
export const areaName = (area: Pick<AreaRef, 'kindLabel' | 'number'>, language: Language): string =>
  `${area.kindLabel[language]} ${area.number}`;

/** "MO 2" / "GA 2": for chart axes, where the title does not fit. */
export const areaShortName = (area: Pick<AreaRef, 'short' | 'number'>, language: Language): string =>
  `${area.short[language]} ${area.number}`;

/**
 * Which of the plan's kinds a word names ("målområdet", "Goal area", "fokusområde"): the label in
 * either language, in the singular or definite.
 */
export function areaKindNamed(plan: Pick<Plan, 'areaKinds'>, word: string): AreaKind | null {
  const typed = word.toLocaleLowerCase('sv').replace(/\s+/g, '');
  for (const k of plan.areaKinds) {
    for (const label of [k.label.sv, k.label.en]) {
      const base = label.toLocaleLowerCase('sv').replace(/\s+/g, '');
      if (typed === base || (typed.startsWith(base) && typed.length - base.length <= 2)) return k.kind;
    }
  }
  // "mål område", "target area": the first kind, as a plan's goal areas usually come first.
  return /^(målområde|targetarea)/.test(typed) ? (plan.areaKinds.find((k) => /^mål/i.test(k.label.sv))?.kind ?? null) : null;
}
