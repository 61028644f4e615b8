/**
 * The report to the city council as a Word document (docx), from the same report model as the
 * Excel and Markdown reports: a title page; a summary per area with a chart; the response rate
 * and the units that have not reported; what changed in the plan since the previous round; then,
 * per area and group, each action with its id, text, Ansvarig as printed, and each responsible
 * unit's status, description, who answered and when (on a unit's behalf said so), and last year's
 * status where there was a round. Real Word headings (navigable), tables whose header rows repeat
 * and are marked as headers, the chart with alternative text, page numbers; a round still open
 * says "Preliminär" at the top of every page.
 */
import type { Report, ReportRow } from '../core/report/report-model';
import { countOf } from '../core/report/report-model';
import { areaName } from '../core/plan/areas';
import { NOT_REPORTED, statusLabel } from '../core/followup/model';
import { comparableRound, roundLabel } from '../core/followup/periods';
import { swedishDate, swedishDateTime } from '../core/followup/schedule';
import { chartImage, chartSeries } from './charts';

/** A first column of 40 % and the rest shared: titles beside counts. */
function widthsFor(columns: number): number[] {
  return columns <= 1 ? [100] : [40, ...Array<number>(columns - 1).fill(Math.floor(60 / (columns - 1)))];
}

export const PRELIMINARY = 'PRELIMINÄR – uppföljningen pågår och svaren kan ändras';

export async function reportDocument(report: Report, now = new Date()): Promise<Buffer> {
  // Loaded when a Word report is asked for, like exceljs for Excel.
  const docx = await import('docx');
  const {
    AlignmentType,
    Document,
    Footer,
    Header,
    HeadingLevel,
    ImageRun,
    Packer,
    PageBreak,
    PageNumber,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    TextRun,
    WidthType,
  } = docx;
  const round = roundLabel(report.year);
  const open = report.state === 'open';

  const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: value, ...options });
  const paragraph = (value: string, options: { bold?: boolean; italics?: boolean } = {}) =>
    new Paragraph({ children: [text(value, options)] });
  const heading = (value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text: value, heading: level, keepNext: true });
  const cell = (value: string, width: number, bold = false) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: value.split('\n').map((line) => paragraph(line, { bold })),
    });
  /**
   * A table whose first row is its header: repeated on each page and marked as a header for screen
   * readers. `widths` in per cent: the first column (a title, a description) wider than the counts.
   */
  const table = (header: string[], rows: string[][], widths: number[] = widthsFor(header.length)) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i] ?? 10, true)) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, widths[i] ?? 10)) })),
      ],
    });

  const total = report.rows.length;
  const answered = total - countOf(report.totals, 'none');
  const rate = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)} %` : '–');
  const series = chartSeries(report);
  const chart = await chartImage(report);
  const chartWidth = 600;

  const titlePage = [
    new Paragraph({ text: `Uppföljning ${round} av åtgärdsplanen`, heading: HeadingLevel.TITLE }),
    paragraph(report.planTitle, { bold: true }),
    ...(report.municipality ? [paragraph(report.municipality)] : []),
    ...(report.diarienummer ? [paragraph(`Diarienummer: ${report.diarienummer}`)] : []),
    paragraph(`Planversion: ${report.planVersion}`),
    paragraph(`Uppföljningsperiod: ${round} · sista svarsdag ${report.deadline}`),
    paragraph(`Rapporten skapad: ${swedishDate(now)}`),
    // Final only for a closed round, and never without how much of the plan it covers.
    paragraph(
      open
        ? `${PRELIMINARY}. ${answered} av ${total} rapporter lämnade hittills (${rate(answered, total)}).`
        : `Uppföljningen är stängd; rapporten är slutlig, med ${answered} av ${total} rapporter lämnade (${rate(answered, total)}).`,
      { bold: true },
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];

  const statusHeaders = [...report.statuses.map((s) => s.label), NOT_REPORTED.label];
  const summary = [
    heading('Sammanfattning', HeadingLevel.HEADING_1),
    paragraph(
      `Varje ansvarig enhet rapporterar varje åtgärd som ${report.statuses.map((s) => `${s.label} (${s.description.charAt(0).toLowerCase()}${s.description.slice(1)})`).join(', ')}, med en beskrivning av utvecklingen.`,
    ),
    table(
      [report.areaHeading, ...statusHeaders, 'Svarsfrekvens'],
      [
        ...report.areas.map((a) => {
          const none = countOf(a.counts, 'none');
          const all = series.reduce((sum, s) => sum + countOf(a.counts, s.key), 0);
          return [
            `${areaName(a.area, 'sv')}: ${a.areaTitle}`,
            ...series.map((s) => String(countOf(a.counts, s.key))),
            rate(all - none, all),
          ];
        }),
        ['Totalt', ...series.map((s) => String(countOf(report.totals, s.key))), rate(answered, total)],
      ],
    ),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width: chartWidth, height: Math.round((chartWidth * chart.height) / chart.width) },
          altText: { name: 'Rapporter per status och område', title: 'Rapporter per status och område', description: chart.altText },
        }),
      ],
    }),
    paragraph(chart.altText, { italics: true }),
    heading('Svarsfrekvens per enhet', HeadingLevel.HEADING_2),
    table(
      ['Enhet', 'Rapporterade', 'Av', 'Andel'],
      report.units.map((u) => [u.unit, String(u.answered), String(u.total), rate(u.answered, u.total)]),
    ),
    heading('Enheter som inte har rapporterat', HeadingLevel.HEADING_2),
    ...(report.lateUnits.length === 0
      ? [paragraph('Alla ansvariga enheter har rapporterat.')]
      : report.lateUnits.map((u) =>
          paragraph(
            `${u.unit}: ${u.answered} av ${u.total} rapporterade${u.contacts.length ? ` (kontakter: ${u.contacts.join(', ')})` : ' (inga kontakter)'}`,
          ),
        )),
  ];

  const changes = report.versionChanges
    ? [
        heading(
          `Ändringar i planen sedan ${roundLabel(comparableRound(report.year))} (version ${report.versionChanges.from} → ${report.versionChanges.to})`,
          HeadingLevel.HEADING_2,
        ),
        paragraph(`Nya åtgärder: ${report.versionChanges.added.map((a) => `${a.id} ${a.text}`).join('; ') || '–'}`),
        paragraph(
          `Ändrade åtgärder: ${report.versionChanges.changed.map((a) => `${a.id} (tidigare ${a.previousId}: ${a.previousText})`).join('; ') || '–'}`,
        ),
        paragraph(
          `Borttagna åtgärder: ${report.versionChanges.removed.map((a) => `${a.id} ${a.text}${a.previousStatuses.length ? ` (senast ${a.previousStatuses.join(', ')})` : ''}`).join('; ') || '–'}`,
        ),
      ]
    : [];

  const previous = report.hasPreviousYear ? roundLabel(comparableRound(report.year)) : undefined;
  const rowHeader = [
    'Enhet',
    'Status',
    'Beskrivning av utveckling',
    'Besvarad av',
    ...(previous ? [`Status ${previous} / förändring`] : []),
  ];
  const rowWidths = previous ? [14, 12, 40, 18, 16] : [15, 13, 50, 22];
  /** Last year's status and the change: "Påbörjad → Pågående", "Pågående (oförändrad)", "ny åtgärd i planen". */
  const previousCell = (r: ReportRow): string => {
    if (r.change.includes('→') && !r.change.startsWith('ändrad åtgärd')) return r.change;
    const before = r.previousStatus ? statusLabel(report.statuses, r.previousStatus) : '–';
    return r.change ? `${before} (${r.change})` : before;
  };
  const answerRow = (r: ReportRow): string[] => [
    r.unit,
    r.statusLabel,
    r.description || '–',
    r.answeredBy ? `${r.answeredBy}${r.onBehalf ? ' (för enhetens räkning)' : ''}\n${swedishDateTime(r.answeredAt)}` : '–',
    ...(previous ? [previousCell(r)] : []),
  ];
  const actionsPart: Array<InstanceType<typeof Paragraph> | InstanceType<typeof Table>> = [
    new Paragraph({ children: [new PageBreak()] }),
    heading('Åtgärder', HeadingLevel.HEADING_1),
  ];
  for (const area of report.areas) {
    const rows = report.rows.filter((r) => r.areaId === area.areaId);
    if (rows.length === 0) continue;
    actionsPart.push(heading(`${areaName(area.area, 'sv')}: ${area.areaTitle}`, HeadingLevel.HEADING_2));
    let group = -1;
    let action = '';
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r.group !== group) {
        group = r.group;
        actionsPart.push(heading(`${report.groupLabel.sv} ${r.group}. ${r.groupTitle}`, HeadingLevel.HEADING_3));
      }
      if (r.actionId === action) continue;
      action = r.actionId;
      const ofAction = rows.filter((x) => x.actionId === r.actionId);
      actionsPart.push(
        new Paragraph({ keepNext: true, children: [text(`${r.actionId} `, { bold: true }), text(r.actionText)] }),
        new Paragraph({ keepNext: true, children: [text('Ansvarig: ', { bold: true }), text(r.ansvarig || '(anges inte i planen)')] }),
        table(rowHeader, ofAction.map(answerRow), rowWidths),
        new Paragraph({ children: [] }),
      );
    }
  }

  const pageHeader = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          text(`Uppföljning ${round} · ${report.diarienummer || report.planTitle}`),
          ...(open ? [text(`  ${PRELIMINARY}`, { bold: true })] : []),
        ],
      }),
    ],
  });
  const pageFooter = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
  const document = new Document({
    creator: 'Trygghetsboten',
    title: `Uppföljning ${round} – ${report.planTitle}`,
    description: `Uppföljning ${round} av ${report.planTitle}${report.diarienummer ? ` (${report.diarienummer})` : ''}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: { titlePage: false },
        headers: { default: pageHeader },
        footers: { default: pageFooter },
        children: [...titlePage, ...summary, ...changes, ...actionsPart],
      },
    ],
  });
  return Packer.toBuffer(document);
}
