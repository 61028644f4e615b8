/**
 * Who reports what: every unit in an action's Ansvarig reports it; "Samtliga förvaltningar" means
 * every municipal department (from the glossary). Units without contacts are unreachable: an admin
 * answers for them.
 */
import type { Plan } from '../plan/model';
import { ALL_MUNICIPAL_UNITS, type UnitGlossary } from '../plan/glossary';
import { NO_UNIT, type Contact, type Obligation } from './model';

export function municipalUnits(glossary: UnitGlossary): string[] {
  return glossary.units.filter((u) => u.kind === 'municipal').map((u) => u.code);
}

/** The reports a round expects, in plan order, one per action and responsible unit. */
export function obligationsFor(plan: Plan, glossary: UnitGlossary): Obligation[] {
  const municipal = municipalUnits(glossary);
  const out: Obligation[] = [];
  for (const action of plan.actions) {
    const units = new Set<string>();
    for (const u of action.ansvarig.units) {
      if (u.code === ALL_MUNICIPAL_UNITS) municipal.forEach((m) => units.add(m));
      else units.add(u.code);
    }
    if (units.size === 0) units.add(NO_UNIT);
    for (const unit of units) out.push({ actionId: action.id, unit });
  }
  return out;
}

export interface RoundPlanSummary {
  actions: number;
  obligations: number;
  /** Units that report, with how many actions and how many contacts. */
  units: Array<{ unit: string; actions: number; contacts: number }>;
  reachableUnits: string[];
  unreachableUnits: string[];
  /** People to be asked: one message each, whatever the number of units they answer for. */
  recipients: number;
}

export function summarizeRound(
  obligations: Obligation[],
  contacts: readonly Contact[],
  personKeyOf: (c: Contact) => string,
): RoundPlanSummary {
  const byUnit = new Map<string, number>();
  for (const o of obligations) byUnit.set(o.unit, (byUnit.get(o.unit) ?? 0) + 1);
  const units = [...byUnit].map(([unit, actions]) => ({ unit, actions, contacts: contacts.filter((c) => c.unit === unit).length }));
  const reachable = units.filter((u) => u.contacts > 0).map((u) => u.unit);
  const recipients = new Set(contacts.filter((c) => reachable.includes(c.unit)).map(personKeyOf));
  return {
    actions: new Set(obligations.map((o) => o.actionId)).size,
    obligations: obligations.length,
    units,
    reachableUnits: reachable,
    unreachableUnits: units.filter((u) => u.contacts === 0).map((u) => u.unit),
    recipients: recipients.size,
  };
}
