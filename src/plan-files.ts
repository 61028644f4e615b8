/**
 * Reads and writes the plans on disk: the active plan and its glossary, checked before use, and the
 * plan library (data/plans/<municipality>/<version>.json) that imports add versions to. Which plan
 * is active: PLAN_FILE when set; else the one `npm run plan:use` chose (data/plans/active.json);
 * else Linköping's 2023 plan, as a fresh clone starts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { Plan } from './core/plan/model';
import { planGlossary, type UnitGlossary } from './core/plan/glossary';
import { slug } from './core/plan/slug';
import { assertValidPlan, planIntegrityErrors } from './core/plan/schema';

export const DEFAULT_PLAN = 'data/plan/plan-2023.json';
export const PLAN_LIBRARY = 'data/plans';
const ACTIVE_FILE = 'active.json';

/** The plan to start with is missing or is no valid plan: the operator's to fix, said without a stack trace. */
export class PlanFileError extends Error {
  override readonly name = 'PlanFileError';
}

export function loadPlan(file: string): Plan {
  if (!existsSync(file)) throw new PlanFileError(`The plan ${file} does not exist (PLAN_FILE, or npm run plan:use -- <file>)`);
  let plan: unknown;
  try {
    plan = JSON.parse(readFileSync(file, 'utf8'));
    assertValidPlan(plan);
  } catch (error) {
    throw new PlanFileError(`The plan ${file} is not a valid plan: ${error instanceof Error ? error.message : String(error)}`);
  }
  const errors = planIntegrityErrors(plan);
  if (errors.length > 0) throw new PlanFileError(`Plan ${file} is inconsistent:\n${errors.join('\n')}`);
  return plan;
}

export function loadGlossary(file: string): UnitGlossary {
  const glossary = JSON.parse(readFileSync(file, 'utf8')) as UnitGlossary;
  if (!Array.isArray(glossary.units) || !Array.isArray(glossary.subunits) || !Array.isArray(glossary.qualifiers)) {
    throw new Error(`Glossary ${file} must have units, subunits and qualifiers`);
  }
  return glossary;
}

/** A plan's glossary: the units it defines itself (template sheet "Enheter"), else the glossary file. */
export function glossaryFor(plan: Plan, glossaryFile: string): UnitGlossary {
  return planGlossary(plan, () => loadGlossary(glossaryFile));
}

/** The active plan's file: what `npm run plan:use` chose, else Linköping's 2023 plan. */
export function activePlanFile(root: string): string {
  const active = join(root, PLAN_LIBRARY, ACTIVE_FILE);
  if (existsSync(active)) {
    const chosen = (JSON.parse(readFileSync(active, 'utf8')) as { file?: unknown }).file;
    if (typeof chosen === 'string' && chosen !== '') {
      const file = isAbsolute(chosen) ? chosen : join(root, chosen);
      // Never another municipality's plan in silence: the chosen one is gone, so say which and how to mend it.
      if (!existsSync(file)) {
        throw new PlanFileError(
          `The plan chosen in ${join(PLAN_LIBRARY, ACTIVE_FILE)} (${chosen}) does not exist: choose one with npm run plan:use -- <file>`,
        );
      }
      return file;
    }
  }
  return join(root, DEFAULT_PLAN);
}

/** Makes a plan the active one for `npm start` (PLAN_FILE, when set, still wins). */
export function chooseActivePlan(root: string, file: string): void {
  loadPlan(file);
  mkdirSync(join(root, PLAN_LIBRARY), { recursive: true });
  writeFileSync(join(root, PLAN_LIBRARY, ACTIVE_FILE), `${JSON.stringify({ file: relative(root, file) }, null, 2)}\n`);
}

/** "Exempelby kommun" → "exempelby-kommun": the plan's folder in the library. */
export const municipalitySlug = (municipality: string): string => slug(municipality, 'plan');

/** Where an imported plan version is kept: data/plans/<municipality>/<version>.json. */
export function libraryFile(root: string, plan: Plan): string {
  const version = plan.planVersion.replace(/[^A-Za-z0-9._-]+/g, '-');
  return join(root, PLAN_LIBRARY, municipalitySlug(plan.source.municipality), `${version}.json`);
}

/** Every version of the plan in `file`'s folder (its own municipality's), by version. */
export function planVersions(file: string): Map<string, Plan> {
  const versions = new Map<string, Plan>();
  const own = loadPlan(file);
  versions.set(own.planVersion, own);
  for (const name of readdirSync(dirname(file))) {
    if (!name.endsWith('.json') || join(dirname(file), name) === file) continue;
    try {
      const plan = loadPlan(join(dirname(file), name));
      if (plan.source.municipality === own.source.municipality && !versions.has(plan.planVersion)) versions.set(plan.planVersion, plan);
    } catch {
      // Not a plan (a settings file, a glossary): not a version.
    }
  }
  return versions;
}
