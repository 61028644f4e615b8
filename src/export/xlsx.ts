/**
 * The report as an Excel workbook (exceljs): "Åtgärder", one row per action and responsible unit
 * with the status marked in the plan's three columns, and "Sammanställning" with the counts per
 * målområde / working method and the response rate per unit.
 */
import type { Report } from '../core/report/report-model';
import { NOT_REPORTED, statusLabel } from '../core/followup/model';
import { comparableRound, roundLabel } from '../core/followup/periods';
import { swedishDateTime } from '../core/followup/schedule';

export const ROWS_SHEET = 'Åtgärder';
export const SUMMARY_SHEET = 'Sammanställning';
export const CHANGES_SHEET = 'Planändringar';

export async function reportWorkbook(report: Report): Promise<Buffer> {
  // Loaded when a report is asked for: exceljs is large, and the bot answers questions all day without it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trygghetsboten';
  workbook.created = new Date();
  workbook.title = `Uppföljning ${roundLabel(report.year)} – ${report.planTitle}`;

  // One column per status, keyed by the status itself, headed by the plan's word for it.
  const statusColumns = report.statuses.map((status) => ({
    header: status.label,
    key: status.key,
    width: Math.max(10, status.label.length + 1),
  }));
  const sheet = workbook.addWorksheet(ROWS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns: Array<{ header: string; key: string; width: number }> = [
    { header: 'Id', key: 'id', width: 8 },
    { header: 'Åtgärd', key: 'group', width: 28 },
    { header: report.areaHeading, key: 'area', width: 28 },
    { header: 'Åtgärd (text i planen)', key: 'text', width: 60 },
    { header: 'Ansvarig (som i planen)', key: 'ansvarig', width: 22 },
    { header: 'Rapporterande enhet', key: 'unit', width: 14 },
    ...statusColumns,
    { header: 'Beskrivning av utveckling', key: 'description', width: 60 },
    { header: 'Besvarad av', key: 'by', width: 22 },
    { header: 'Besvarad', key: 'at', width: 20 },
    { header: 'För enhetens räkning', key: 'onBehalf', width: 12 },
  ];
  if (report.hasPreviousYear) {
    columns.push(
      { header: `Status ${roundLabel(comparableRound(report.year))}`, key: 'previous', width: 14 },
      { header: 'Förändring', key: 'change', width: 26 },
    );
  }
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  for (const row of report.rows) {
    sheet.addRow({
      id: row.actionId,
      group: `${row.group}. ${row.groupTitle}`,
      area: row.areaTitle,
      text: row.actionText,
      ansvarig: row.ansvarig,
      unit: row.unit,
      ...Object.fromEntries(report.statuses.map((status) => [status.key, row.status === status.key ? 'X' : ''])),
      description: row.description,
      by: row.answeredBy,
      // Excel has no time zones: the Swedish wall-clock time is written, as the Word report and the cards show it (#25).
      at: row.answeredAt ? new Date(`${swedishDateTime(row.answeredAt).replace(' ', 'T')}:00Z`) : '',
      onBehalf: row.onBehalf ? 'Ja' : '',
      previous: row.previousStatus ? statusLabel(report.statuses, row.previousStatus) : '',
      change: row.change,
    });
  }
  sheet.getColumn('at').numFmt = 'yyyy-mm-dd hh:mm';
  for (const key of ['text', 'description', 'group', 'area']) sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

  const summary = workbook.addWorksheet(SUMMARY_SHEET);
  summary.columns = [
    { header: report.areaHeading, key: 'area', width: 50 },
    ...statusColumns,
    { header: NOT_REPORTED.label, key: 'none', width: 14 },
  ];
  summary.getRow(1).font = { bold: true };
  for (const area of report.areas) {
    summary.addRow({ area: area.areaTitle, ...area.counts });
  }
  const total = summary.addRow({ area: 'Totalt', ...report.totals });
  total.font = { bold: true };
  summary.addRow([]);
  const header = summary.addRow(['Enhet', 'Rapporterade', 'Av', 'Svarsfrekvens', 'Kontakter']);
  header.font = { bold: true };
  for (const unit of report.units) {
    summary.addRow([unit.unit, unit.answered, unit.total, unit.total ? unit.answered / unit.total : 0, unit.contacts.join(', ')]);
    summary.lastRow!.getCell(4).numFmt = '0%';
  }
  if (report.versionChanges) {
    // A revised plan: what was compared with what, so that a changed number is never read as progress on another action.
    const changes = report.versionChanges;
    const sheet = workbook.addWorksheet(CHANGES_SHEET);
    sheet.columns = [
      { header: 'Ändring', key: 'kind', width: 12 },
      { header: `Id (version ${changes.to})`, key: 'id', width: 14 },
      { header: 'Åtgärd', key: 'text', width: 60 },
      { header: `Tidigare (version ${changes.from})`, key: 'before', width: 60 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const a of changes.added) sheet.addRow({ kind: 'Ny', id: a.id, text: a.text, before: '' });
    for (const a of changes.changed) sheet.addRow({ kind: 'Ändrad', id: a.id, text: a.text, before: `${a.previousId}: ${a.previousText}` });
    for (const a of changes.removed) {
      sheet.addRow({
        kind: 'Borttagen',
        id: '',
        text: '',
        before: `${a.id}: ${a.text}${a.previousStatuses.length ? ` (senast ${a.previousStatuses.join(', ')})` : ''}`,
      });
    }
    for (const key of ['text', 'before']) sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
