/**
 * The help card's example questions, made from the plan's own data so that they work on any
 * municipality's plan: a short group title, the unit responsible for most actions, a funder, a
 * code the plan or glossary explains, a group, an action id and an area. A plan may give its own.
 */
import type { Language } from '../language';
import type { Plan } from '../plan/model';
import { ALL_MUNICIPAL_UNITS, findUnit, type UnitGlossary } from '../plan/glossary';
import { areaKindDefinition } from '../plan/areas';

export function helpExamples(plan: Plan, glossary: UnitGlossary): Record<Language, string[]> {
  if (plan.helpExamples) return plan.helpExamples;
  const sv: string[] = [];
  const en: string[] = [];
  const topic = [...plan.groups].filter((g) => g.title.split(/\s+/).length <= 3).sort((a, b) => a.title.length - b.title.length)[0];
  if (topic) {
    const words = topic.title.charAt(0).toLocaleLowerCase('sv') + topic.title.slice(1);
    sv.push(`Vem ansvarar för ${words}?`);
    en.push(`Who is responsible for ${words}?`);
  }
  const unit = mostResponsible(plan);
  if (unit) {
    sv.push(`Vilka åtgärder har ${unit}?`);
    en.push(`Which actions does ${unit} own?`);
  }
  // A funder from outside, not the departments' own budget ("Inom ram").
  const funder = plan.actions
    .flatMap((a) => a.finansiering.funders.map((f) => f.code))
    .find((code) => !/egen budget/i.test(findUnit(glossary, code)?.expansion ?? '') && !/^inom ram/i.test(code));
  if (funder) {
    sv.push(`Vad finansieras av ${funder}?`);
    en.push(`What is funded by ${funder}?`);
  }
  const term = plan.abbreviations[0]?.abbreviation ?? glossary.units.find((u) => u.expansion && u.code !== u.expansion)?.code;
  if (term) {
    sv.push(`Vad betyder ${term}?`);
    en.push(`What does ${term} mean?`);
  }
  const group = plan.groups.find((g) => g.actionIds.length >= 2);
  if (group && plan.groups.length > 1) {
    sv.push(`${plan.groupLabel.sv} ${group.number}`);
    en.push(`${plan.groupLabel.en} ${group.number}`);
  }
  const action = plan.actions[Math.min(plan.actions.length - 1, Math.floor(plan.actions.length / 2))]!;
  sv.push(action.id);
  en.push(action.id);
  const kind = plan.areaKinds.find((k) => plan.areas.filter((a) => a.kind === k.kind).length >= 2) ?? plan.areaKinds[0];
  const area = kind && plan.areas.filter((a) => a.kind === kind.kind)[1];
  if (kind && area) {
    const label = areaKindDefinition(plan, kind.kind).label;
    sv.push(`Vad innehåller ${label.sv.toLocaleLowerCase('sv')} ${area.number}?`);
    en.push(`What is in ${label.en.toLocaleLowerCase('en')} ${area.number}?`);
  }
  return { sv, en };
}

/** The unit (not "all departments") named responsible for the most actions, for an example. */
function mostResponsible(plan: Plan): string | undefined {
  const counts = new Map<string, number>();
  for (const a of plan.actions) {
    for (const u of a.ansvarig.units) if (u.code !== ALL_MUNICIPAL_UNITS) counts.set(u.code, (counts.get(u.code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
