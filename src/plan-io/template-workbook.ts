/**
 * The plan template as an Excel workbook (exceljs): writing an empty one to fill, and reading a
 * filled one as rows of text for the pure reader (core/plan/template/read-template.ts). What a
 * cell shows is what is read: dates and numbers as Excel displays them.
 */
import type { SheetRows } from '../core/plan/template/read-template';
import {
  ABBREVIATION_COLUMNS,
  ABBREVIATIONS_SHEET,
  TEXT_COLUMNS,
  TEXT_SHEET,
  ACTION_COLUMNS,
  ACTIONS_SHEET,
  PLAN_KEYS,
  PLAN_SHEET,
  UNIT_COLUMNS,
  UNITS_SHEET,
  type ColumnDefinition,
} from '../core/plan/template/columns';
import { STATUS_SETS } from '../core/plan/follow-up-config';

export const INSTRUCTIONS_SHEET = 'Instruktioner';

async function excel() {
  const { default: ExcelJS } = await import('exceljs');
  return ExcelJS;
}

type Workbook = InstanceType<Awaited<ReturnType<typeof excel>>['Workbook']>;

/**
 * A sheet of the template's columns: the header row frozen and bold, a required column's header
 * marked with *, and each header's explanation as its note (shown when the mouse is over it).
 */
function addColumnSheet<K extends string>(workbook: Workbook, name: string, columns: ColumnDefinition<K>[], width: (key: K) => number) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.required ? `${c.header} *` : c.header, key: c.key, width: width(c.key) }));
  columns.forEach((c, i) => {
    sheet.getRow(1).getCell(i + 1).note = c.help;
  });
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** An empty template: the three sheets with their headers explained, and how to fill and import it. */
export async function templateWorkbook(): Promise<Buffer> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trygghetsboten';
  workbook.created = new Date();
  workbook.title = 'Mall för åtgärdsplan';

  addColumnSheet(workbook, ACTIONS_SHEET, ACTION_COLUMNS, (key) => (key === 'action' ? 60 : 22));

  const plan = workbook.addWorksheet(PLAN_SHEET);
  plan.columns = [
    { header: 'Uppgift', key: 'key', width: 18 },
    { header: 'Värde', key: 'value', width: 40 },
    { header: 'Förklaring', key: 'help', width: 70 },
  ];
  plan.getRow(1).font = { bold: true };
  for (const k of PLAN_KEYS) plan.addRow({ key: k.required ? `${k.header} *` : k.header, value: '', help: k.help });
  const rowOf = (header: string) => PLAN_KEYS.findIndex((k) => k.header === header) + 2;
  plan.getCell(`B${rowOf('Uppföljning')}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"år,halvår,tertial"'] };
  plan.getCell(`B${rowOf('Statusar')}`).dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${Object.keys(STATUS_SETS).join(',')}"`],
  };

  const units = addColumnSheet(workbook, UNITS_SHEET, UNIT_COLUMNS, (key) => (key === 'name' ? 40 : 16));
  for (let row = 2; row <= 200; row++) {
    units.getCell(`C${row}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"förvaltning,bolag,kommun,extern,förening,roll,finansiär"'],
    };
  }
  addColumnSheet(workbook, ABBREVIATIONS_SHEET, ABBREVIATION_COLUMNS, (key) => (key === 'expansion' ? 60 : 18));
  addColumnSheet(workbook, TEXT_SHEET, TEXT_COLUMNS, (key) => (key === 'text' ? 100 : 30));

  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  help.getColumn(1).width = 110;
  for (const line of INSTRUCTIONS) help.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const INSTRUCTIONS = [
  'Så fyller du i mallen',
  '',
  `1. Fliken ${ACTIONS_SHEET}: en rad per åtgärd. Kolumner med * måste fyllas i. Håll muspekaren över en rubrik för en förklaring.`,
  '   Område kan heta som planen kallar sina områden (Målområde, Fokusområde, Löfte, Strategi …) om det står i första kolumnen; rubriken blir vad områdena kallas.',
  '   Skriv gärna numret först: "1. Trygg stadsmiljö".',
  '   Ansvarig och Samverkan: koderna från fliken Enheter, åtskilda med komma, t.ex. "SOC, Polisen". "Samtliga förvaltningar" går också.',
  '   Id kan lämnas tomt: då får åtgärden en beteckning som blir densamma varje gång samma fil importeras.',
  `2. Fliken ${PLAN_SHEET}: kommunens namn och planens titel, diarienummer, beslut, giltighetstid, version, hur ofta planen följs upp (år, halvår, tertial),`,
  '   vilka statusar som rapporteras (standard: Pågående, Påbörjad, Ej påbörjad; trafikljus: Grön, Gul, Röd), vem som följer upp planen och vem den rapporteras till.',
  `3. Fliken ${UNITS_SHEET}: kommunens egna enheter som nämns i Ansvarig, med kod, namn och typ (förvaltning, bolag, kommun, extern, förening, roll, finansiär).`,
  '   En ansvarig som inte finns här stoppar importen, så att varje ansvarig går att nå i uppföljningen. Samverkansparter och finansiärer som saknas',
  '   läggs till som externa aktörer, och importen säger vilka.',
  `4. Fliken ${ABBREVIATIONS_SHEET}: planens förkortningar och vad de står för. Importen listar de koder som ingen förklarar.`,
  `5. Fliken ${TEXT_SHEET} (valfri): planens löptext, ett stycke per rad under avsnittets rubrik (t.ex. Uppföljning, Bakgrund, Finansiering).`,
  '   Boten svarar på frågor om vad planen säger med styckets egna ord och avsnittets rubrik.',
  '',
  'Importera: npm run plan:import -- plan.xlsx',
  'Varje problem skrivs ut med flik, rad och kolumn. Finns ett problem som stoppar importen importeras ingenting.',
  '',
  'Som CSV (UTF-8, komma eller semikolon): spara fliken Åtgärder som plan.csv och, om du vill, fliken Plan som plan-plan.csv',
  'fliken Enheter som plan-enheter.csv, fliken Förkortningar som plan-forkortningar.csv och fliken Text som plan-text.csv i samma mapp. Importera sedan med: npm run plan:import -- plan.csv',
];

/** A filled workbook as sheets of text, the rows as Excel numbers them (row 1 first). */
export async function readTemplateWorkbook(file: string): Promise<SheetRows[]> {
  const ExcelJS = await excel();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets
    .filter((sheet) => sheet.name !== INSTRUCTIONS_SHEET)
    .map((sheet) => {
      const rows: string[][] = [];
      for (let r = 1; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        const cells: string[] = [];
        for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) cells.push(cellText(row.getCell(c)));
        rows.push(cells);
      }
      return { name: sheet.name, rows };
    });
}

/** What a cell shows; a date as YYYY-MM-DD (Excel shows it in the reader's locale). */
function cellText(cell: { value: unknown; text: string }): string {
  if (cell.value instanceof Date) return cell.value.toISOString().slice(0, 10);
  return cell.text ?? '';
}
