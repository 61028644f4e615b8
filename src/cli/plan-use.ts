/**
 * npm run plan:use [-- <plan.json>]
 *
 * Without an argument: the plans in the library and which one is active. With one: makes that
 * plan the active one for the bot (on its next start; PLAN_FILE, when set, still wins).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { activePlanFile, chooseActivePlan, loadPlan, PLAN_LIBRARY } from '../plan-files';
import { projectRoot } from '../project-root';

function describe(file: string, root: string): string {
  const plan = loadPlan(file);
  return `${plan.source.municipality || '(kommun ej angiven)'} · ${plan.source.title} · version ${plan.planVersion} · ${plan.actions.length} åtgärder (${relative(root, file)})`;
}

function main(): number {
  const root = projectRoot();
  const chosen = process.argv[2];
  if (chosen) {
    const file = resolve(chosen);
    if (!existsSync(file)) {
      console.error(`${chosen} finns inte. Importera planen först: npm run plan:import -- plan.xlsx`);
      return 1;
    }
    chooseActivePlan(root, file);
    console.log(`Aktiv plan: ${describe(file, root)}`);
    if (process.env.PLAN_FILE) console.log(`Obs: PLAN_FILE är satt (${process.env.PLAN_FILE}) och gäller före valet.`);
    console.log('Starta om boten för att den ska använda planen.');
    return 0;
  }
  const active = process.env.PLAN_FILE ? resolve(process.env.PLAN_FILE) : activePlanFile(root);
  console.log(`Aktiv plan: ${describe(active, root)}`);
  const library = join(root, PLAN_LIBRARY);
  if (existsSync(library)) {
    for (const dir of readdirSync(library, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const name of readdirSync(join(library, dir.name)).filter((n) => n.endsWith('.json'))) {
        console.log(`  ${describe(join(library, dir.name, name), root)}`);
      }
    }
  }
  return 0;
}

try {
  process.exit(main());
} catch (error) {
  // A file that is no plan (or fails its checks): said in one line, nothing chosen.
  console.error(`Det är ingen giltig plan: ${error instanceof Error ? error.message.split('\n').slice(0, 4).join('; ') : String(error)}`);
  process.exit(1);
}
