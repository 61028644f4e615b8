/** Validates a plan against plan.schema.json (the contract of data/plan/*.json). */
import Ajv from 'ajv';
import schema from './plan.schema.json';
import type { Plan } from './model';
import { ownValue } from '../lookup-table';

const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile<Plan>(schema);

export function planSchemaErrors(candidate: unknown): string[] {
  if (validate(candidate)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

export function assertValidPlan(candidate: unknown): asserts candidate is Plan {
  const errors = planSchemaErrors(candidate);
  if (errors.length > 0) throw new Error(`Plan does not match its schema:\n${errors.slice(0, 20).join('\n')}`);
}

/** Checks that ids and references inside a valid plan agree with each other. */
export function planIntegrityErrors(plan: Plan): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  const areaIds = new Set(plan.areas.map((a) => a.id));
  for (const action of plan.actions) {
    if (ids.has(action.id)) errors.push(`duplicate action id ${action.id}`);
    ids.add(action.id);
    if (!areaIds.has(action.areaId)) errors.push(`${action.id}: unknown area ${action.areaId}`);
    for (const n of action.footnotes) if (!ownValue(plan.footnotes, String(n))) errors.push(`${action.id}: footnote ${n} is not defined`);
  }
  for (const group of plan.groups) {
    for (const id of group.actionIds) if (!ids.has(id)) errors.push(`group ${group.number}: unknown action ${id}`);
  }
  return errors;
}
