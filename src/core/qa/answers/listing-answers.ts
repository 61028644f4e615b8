/** The plan itself, one of its groups, and a list of actions: answers that list what the plan prints. */
import type { Action } from '../../plan/model';
import { areaName, areaRef } from '../../plan/areas';
import type { Answer, Language, RoleFocus } from '../answer-model';
import type { PlanKnowledge } from './knowledge';

export function planAnswer(k: PlanKnowledge, language: Language): Answer {
  const { source, followUp } = k.plan;
  return {
    kind: 'plan',
    language,
    metadata: {
      municipality: source.municipality,
      title: source.title,
      diarienummer: source.diarienummer,
      adoptedBy: source.adoptedBy,
      adoptedAt: source.adoptedAt,
      validity: source.validity,
    },
    version: k.plan.planVersion,
    period: followUp.period,
    statuses: followUp.statuses.map((s) => (language === 'en' ? s.enLabel : s.label)),
    areas: k.plan.areas.map((a) => `${areaName(areaRef(k.plan, a), language)}: ${a.title}`),
    actionCount: k.plan.actions.length,
  };
}

export function groupAnswer(k: PlanKnowledge, language: Language, number: number, focus: RoleFocus): Answer {
  const group = k.plan.groups.find((g) => g.number === number);
  if (!group) {
    const last = String(Math.max(...k.plan.groups.map((g) => g.number)));
    return {
      kind: 'not-found',
      language,
      reason: 'unknown-group',
      detail: String(number),
      values: { label: k.plan.groupLabel[language], last },
    };
  }
  const actions = group.actionIds.map((id) => k.byId.get(id)!);
  const area = k.plan.areas.find((a) => a.id === group.areaId)!;
  return {
    ...actionsAnswer(k, language, focus, 'group', actions),
    group: { number, title: group.title, areaTitle: area.title, label: k.plan.groupLabel },
  };
}

export function actionsAnswer(
  k: PlanKnowledge,
  language: Language,
  focus: RoleFocus,
  query: 'text' | 'id' | 'group' | 'subsection',
  actions: Action[],
): Extract<Answer, { kind: 'actions' }> {
  return {
    kind: 'actions',
    language,
    focus,
    query,
    actions: actions.map((a) => k.view(a)),
    citation: k.cite(actions.map((a) => a.id)),
  };
}
