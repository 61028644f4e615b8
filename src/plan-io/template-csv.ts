/**
 * The plan template as CSV files: the actions in <name>.csv and, beside it, the Plan, Enheter and
 * Förkortningar sheets as <name>-plan.csv, <name>-enheter.csv and <name>-forkortningar.csv if they are there. Swedish Excel saves CSV with
 * semicolons; comma works as well. UTF-8 with or without BOM; a file in another encoding is refused
 * with what to do, rather than read with its å, ä and ö lost.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { SheetRows } from '../core/plan/template/read-template';
import { ABBREVIATIONS_SHEET, ACTIONS_SHEET, PLAN_SHEET, TEXT_SHEET, UNITS_SHEET } from '../core/plan/template/columns';

export class CsvEncodingError extends Error {}

export function readTemplateCsv(file: string): SheetRows[] {
  const base = file.replace(/\.csv$/i, '');
  const sheets: SheetRows[] = [{ name: ACTIONS_SHEET, rows: readCsv(file) }];
  for (const [suffix, name] of [
    ['-plan.csv', PLAN_SHEET],
    ['-enheter.csv', UNITS_SHEET],
    ['-forkortningar.csv', ABBREVIATIONS_SHEET],
    ['-text.csv', TEXT_SHEET],
  ] as const) {
    if (existsSync(base + suffix)) sheets.push({ name, rows: readCsv(base + suffix) });
  }
  return sheets;
}

export function readCsv(file: string): string[][] {
  const bytes = readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) {
    throw new CsvEncodingError(`${file} är inte sparad som UTF-8: spara den i Excel som "CSV UTF-8 (kommaavgränsad)" och importera igen`);
  }
  const content = text.replace(/^\uFEFF/, '');
  return parse(content, { delimiter: delimiterOf(content), relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
}

/** Semicolon or comma: whichever the header line has more of, outside quotes. */
function delimiterOf(content: string): string {
  const header = (content.split(/\r?\n/)[0] ?? '').replace(/"[^"]*"/g, '');
  return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) && header.includes(';') ? ';' : ',';
}
