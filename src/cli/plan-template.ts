/**
 * npm run plan:template [-- <out.xlsx>]
 *
 * Writes the plan template any municipality can fill (sheets Åtgärder, Plan, Enheter and the
 * instructions), and says how to import it, from Excel or as CSV.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { templateWorkbook } from '../plan-io/template-workbook';
import { ACTION_COLUMNS, PLAN_KEYS, UNIT_COLUMNS } from '../core/plan/template/columns';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'plan-mall.xlsx');
  writeFileSync(out, await templateWorkbook());
  const headers = (columns: Array<{ header: string }>) => columns.map((c) => c.header).join(';');
  console.log(`Mallen är sparad: ${out}`);
  console.log('Fyll i flikarna Åtgärder, Plan och Enheter (se fliken Instruktioner), och importera med:');
  console.log(`  npm run plan:import -- ${out}`);
  console.log('');
  console.log('Som CSV (UTF-8, semikolon eller komma), en fil per flik i samma mapp:');
  console.log(`  plan.csv          ${headers(ACTION_COLUMNS)}`);
  console.log(`  plan-plan.csv     Uppgift;Värde   (en rad per uppgift: ${PLAN_KEYS.map((k) => k.header).join(', ')})`);
  console.log(`  plan-enheter.csv  ${headers(UNIT_COLUMNS)}`);
  console.log('  npm run plan:import -- plan.csv');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
