/**
 * A workbook's size, checked before it is read: exceljs reads a whole workbook into memory, and the
 * template's reader visits every cell up to the last, so one cell far out (XFD1048576, in a 7 KB
 * file) or a million rows would take minutes and gigabytes. The streaming reader looks at the rows
 * as they come and stops at the first one past the limits, within seconds whatever the file.
 */
import { MAX_PLAN_COLUMNS, MAX_PLAN_ROWS } from '../core/limits';

/** Excel's name for a column number: 1 → A, 16384 → XFD. */
function columnName(n: number): string {
  let name = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

const fmt = (n: number): string => n.toLocaleString('sv-SE');

/** Why the workbook is too large to read (in Swedish, naming the sheet, the cell and the limit), or undefined. */
export async function workbookBoundsProblem(file: string): Promise<string | undefined> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    const name = (sheet as { name?: string }).name ?? '';
    for await (const row of sheet as AsyncIterable<{ number: number; values: unknown[] }>) {
      const columns = Array.isArray(row.values) ? row.values.length - 1 : 0;
      if (row.number > MAX_PLAN_ROWS)
        return `bladet ${name} har något på rad ${fmt(row.number)}; en plan får ha högst ${fmt(MAX_PLAN_ROWS)} rader per blad. Ta bort raderna under planen (markera dem och välj Ta bort) och spara igen`;
      if (columns > MAX_PLAN_COLUMNS)
        return `bladet ${name} har något i cell ${columnName(columns)}${row.number}; en plan får ha högst ${MAX_PLAN_COLUMNS} kolumner (till och med ${columnName(MAX_PLAN_COLUMNS)}). Ta bort kolumnerna till höger om planen och spara igen`;
    }
  }
  return undefined;
}
