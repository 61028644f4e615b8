/**
 * Imports a plan file, whatever its form: Linköping's document (.md, with its settings file
 * beside it) or a filled template (.xlsx, or .csv with its sibling sheets). The CLI and the tests
 * call this; it reads files and returns the plan or the problems, and writes nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { importPlan, type PlanSettings } from '../core/plan/importer';
import { readTemplate, type TemplateProblem } from '../core/plan/template/read-template';
import type { Plan } from '../core/plan/model';
import type { UnitGlossary } from '../core/plan/glossary';
import { readTemplateWorkbook } from './template-workbook';
import { CsvEncodingError, readTemplateCsv } from './template-csv';

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

export async function importPlanFile(file: string, documentGlossary: () => UnitGlossary): Promise<PlanFileImport> {
  const extension = extname(file).toLowerCase();
  if (!existsSync(file)) return fileProblem(file, `filen ${file} finns inte`);
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
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  const { plan, problems } = readTemplate(sheets, { file: basename(file), sha256 });
  return { plan, problems, warnings: [] };
}

/** "Åtgärder rad 7, kolumn Åtgärd: Åtgärd är tom" */
export function problemText(p: TemplateProblem): string {
  const where = p.column ? `${p.sheet} rad ${p.row}, kolumn ${p.column}` : `${p.sheet} rad ${p.row}`;
  return `${p.fatal ? 'Fel' : 'Varning'}: ${where}: ${p.message}`;
}
