/** Reads the imported plan and the unit glossary from disk and checks them before use. */
import { readFileSync } from 'node:fs';
import type { Plan } from './core/plan/model';
import type { UnitGlossary } from './core/plan/glossary';
import { assertValidPlan, planIntegrityErrors } from './core/plan/schema';

export function loadPlan(file: string): Plan {
  const plan: unknown = JSON.parse(readFileSync(file, 'utf8'));
  assertValidPlan(plan);
  const errors = planIntegrityErrors(plan);
  if (errors.length > 0) throw new Error(`Plan ${file} is inconsistent:\n${errors.join('\n')}`);
  return plan;
}

export function loadGlossary(file: string): UnitGlossary {
  const glossary = JSON.parse(readFileSync(file, 'utf8')) as UnitGlossary;
  if (!Array.isArray(glossary.units) || !Array.isArray(glossary.subunits) || !Array.isArray(glossary.qualifiers)) {
    throw new Error(`Glossary ${file} must have units, subunits and qualifiers`);
  }
  return glossary;
}
