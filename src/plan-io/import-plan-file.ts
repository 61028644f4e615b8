/**
 * Imports a plan file, whatever its form: Linköping's document (.md, with its settings file
 * beside it) or a filled template (.xlsx, or .csv with its sibling sheets). The CLI and the tests
 * call this; it reads files and returns the plan or the problems, and writes nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { importPlan, type PlanSettings } from '../core/plan/importer';
import { readTemplate, type TemplateProblem } from '../core/plan/template/read-template';
import type { Plan } from '../core/plan/model';
import type { UnitGlossary } from '../core/plan/glossary';
import { readTemplateWorkbook } from './template-workbook';
import { CsvEncodingError, readTemplateCsv } from './template-csv';
import { workbookBoundsProblem } from './workbook-bounds';
import { MAX_PLAN_ACTIONS, MAX_PLAN_COLUMNS, MAX_PLAN_FILE_BYTES, MAX_PLAN_ROWS, MAX_PLAN_UNITS } from '../core/limits';

export interface PlanFileImport {
  plan: Plan | null;
  problems: TemplateProblem[];
  /** The document importer's repairs (Linköping's .md), as lines. */
  warnings: string[];
}

/** A problem with the file as a whole (it is missing, or not what its name says), said as the rows' problems are. */
const fileProblem = (file: string, message: string): PlanFileImport => ({
  plan: null,
  problems: [{ sheet: basename(file), row: 1, column: '', message, fatal: true }],
  warnings: [],
});

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;

/** A plan larger than the bot keeps (core/limits.ts), or undefined. */
function planBoundsProblem(plan: Plan): string | undefined {
  if (plan.actions.length > MAX_PLAN_ACTIONS)
    return `planen har ${plan.actions.length} åtgärder; en plan får ha högst ${MAX_PLAN_ACTIONS.toLocaleString('sv-SE')}`;
  const units = new Set(plan.actions.flatMap((a) => a.ansvarig.units.map((u) => u.code)));
  if (units.size > MAX_PLAN_UNITS) return `planen har ${units.size} ansvariga enheter; en plan får ha högst ${MAX_PLAN_UNITS}`;
  return undefined;
}

/** Checks the file's size and the plan's, then imports it. */
export async function importPlanFile(file: string, documentGlossary: () => UnitGlossary): Promise<PlanFileImport> {
  if (!existsSync(file)) return fileProblem(file, `filen ${file} finns inte`);
  const size = statSync(file).size;
  if (size > MAX_PLAN_FILE_BYTES)
    return fileProblem(file, `filen är ${megabytes(size)}; en plan får vara högst ${megabytes(MAX_PLAN_FILE_BYTES)}`);
  const imported = await importWithinBounds(file, documentGlossary);
  const tooLarge = imported.plan ? planBoundsProblem(imported.plan) : undefined;
  return tooLarge ? fileProblem(file, tooLarge) : imported;
}

async function importWithinBounds(file: string, documentGlossary: () => UnitGlossary): Promise<PlanFileImport> {
  const extension = extname(file).toLowerCase();
  if (extension === '.md') {
    const settingsPath = file.replace(/\.md$/i, '.settings.json');
    const settings = existsSync(settingsPath) ? (JSON.parse(readFileSync(settingsPath, 'utf8')) as PlanSettings) : {};
    const { plan, warnings } = importPlan(readFileSync(file, 'utf8'), documentGlossary(), basename(file), settings);
    if (plan.actions.length === 0 || plan.areas.length === 0) {
      return fileProblem(
        file,
        'dokumentet har inga åtgärdstabeller i Linköpingsplanens form; en kommuns egen plan importeras från mallen (npm run plan:template)',
      );
    }
    return { plan, problems: [], warnings: warnings.map((w) => `rad ${w.line} [${w.code}]: ${w.message}`) };
  }
  if (extension !== '.xlsx' && extension !== '.csv') {
    throw new Error(`${file}: en plan importeras från .xlsx, .csv eller (Linköpings dokument) .md`);
  }
  if (extension === '.xlsx') {
    // A file that is no workbook at all is said below, as exceljs finds it.
    const tooLarge = await workbookBoundsProblem(file).catch(() => undefined);
    if (tooLarge) return fileProblem(file, tooLarge);
  }
  let sheets;
  try {
    sheets = extension === '.xlsx' ? await readTemplateWorkbook(file) : readTemplateCsv(file);
  } catch (error) {
    if (error instanceof CsvEncodingError) return fileProblem(file, error.message);
    // exceljs says "Can't find end of central directory" of a file that is no workbook.
    return fileProblem(
      file,
      `filen kunde inte läsas som ${extension === '.xlsx' ? 'en Excel-arbetsbok' : 'CSV'}: spara den på nytt ur Excel och importera igen`,
    );
  }
  for (const sheet of sheets) {
    if (sheet.rows.length > MAX_PLAN_ROWS)
      return fileProblem(
        file,
        `${sheet.name} har ${sheet.rows.length.toLocaleString('sv-SE')} rader; en plan får ha högst ${MAX_PLAN_ROWS.toLocaleString('sv-SE')} rader per blad`,
      );
    const widest = Math.max(0, ...sheet.rows.map((r) => r.length));
    if (widest > MAX_PLAN_COLUMNS)
      return fileProblem(file, `${sheet.name} har ${widest} kolumner; en plan får ha högst ${MAX_PLAN_COLUMNS}`);
  }
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  const { plan, problems } = readTemplate(sheets, { file: basename(file), sha256 });
  return { plan, problems, warnings: [] };
}

/** "Åtgärder rad 7, kolumn Åtgärd: Åtgärd är tom" */
export function problemText(p: TemplateProblem): string {
  const where = p.column ? `${p.sheet} rad ${p.row}, kolumn ${p.column}` : `${p.sheet} rad ${p.row}`;
  return `${p.fatal ? 'Fel' : 'Varning'}: ${where}: ${p.message}`;
}
