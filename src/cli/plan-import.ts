/**
 * npm run plan:import -- <plan.xlsx | plan.csv | document.md> [out.json] [--ersätt]
 *
 * Validates every row of a plan file and prints each problem with sheet, row and column. Imports
 * nothing if anything is fatal; otherwise writes the plan as a version in the plan library
 * (data/plans/<municipality>/<version>.json), or to out.json when given. A version already in the
 * library is not overwritten unless --ersätt says so: a revised plan gets a version of its own.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { assertValidPlan } from '../core/plan/schema';
import { importPlanFile, problemText } from '../plan-io/import-plan-file';
import { libraryFile, loadGlossary } from '../plan-files';
import { projectRoot } from '../project-root';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const replace = args.includes('--ersätt') || args.includes('--replace');
  const [file, out] = args.filter((a) => !a.startsWith('--'));
  if (!file) {
    console.error('Användning: npm run plan:import -- <plan.xlsx | plan.csv | dokument.md> [ut.json] [--ersätt]');
    return 2;
  }
  const root = projectRoot();
  const { plan, problems, warnings } = await importPlanFile(resolve(file), () => loadGlossary(resolve(root, 'data/glossary/units.json')));
  for (const p of problems) console.error(problemText(p));
  for (const w of warnings) console.warn(`varning ${w}`);
  if (!plan) {
    console.error(`Inget importerades: ${problems.filter((p) => p.fatal).length} fel att rätta i ${file}.`);
    return 1;
  }
  assertValidPlan(plan);
  const target = out ? resolve(out) : libraryFile(root, plan);
  if (!out && existsSync(target) && !replace && readFileSync(target, 'utf8') !== `${JSON.stringify(plan, null, 2)}\n`) {
    console.error(
      `Version ${plan.planVersion} av ${plan.source.municipality}s plan finns redan (${relative(root, target)}). ` +
        'Ange en ny Version i fliken Plan för den reviderade planen, eller --ersätt för att skriva över.',
    );
    return 1;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(plan, null, 2)}\n`);
  const areas = new Set(plan.areas.map((a) => a.id)).size;
  console.log(`${plan.actions.length} åtgärder i ${areas} områden, version ${plan.planVersion} → ${relative(root, target) || target}`);
  if (!out) console.log(`Gör den till den aktiva planen med: npm run plan:use -- ${relative(root, target)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
