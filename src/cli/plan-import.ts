/**
 * npm run plan:import -- <document.md> <out.json> [glossary.json]
 *
 * Linköping's plan document (Markdown from the PDF) into the plan model; what the document does
 * not say about itself comes from <document>.settings.json beside it, when there is one.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { importPlan, type PlanSettings } from '../core/plan/importer';
import { assertValidPlan } from '../core/plan/schema';
import type { UnitGlossary } from '../core/plan/glossary';

const [documentPath, outPath, glossaryPath = resolve(__dirname, '../../data/glossary/units.json')] = process.argv.slice(2);
if (!documentPath || !outPath) {
  console.error('Usage: npm run plan:import -- <document.md> <out.json> [units-glossary.json]');
  process.exit(2);
}
const glossary = JSON.parse(readFileSync(glossaryPath, 'utf8')) as UnitGlossary;
const settingsPath = documentPath.replace(/\.md$/i, '.settings.json');
const settings = existsSync(settingsPath) ? (JSON.parse(readFileSync(settingsPath, 'utf8')) as PlanSettings) : {};
const { plan, warnings } = importPlan(readFileSync(documentPath, 'utf8'), glossary, basename(documentPath), settings);
assertValidPlan(plan);
for (const w of warnings) console.warn(`warning line ${w.line} [${w.code}]: ${w.message}`);
writeFileSync(outPath, `${JSON.stringify(plan, null, 2)}\n`);
console.log(
  `${plan.groups.length} groups, ${plan.actions.length} actions, ${plan.abbreviations.length} abbreviations, ${warnings.length} warnings → ${outPath}`,
);
