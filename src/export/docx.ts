/**
 * The report to the city council as a Word document (docx), from the same report model as the
 * Excel and Markdown reports, to be filed as it is: a title page (the municipality, the plan and
 * its registration number, the period, the date, preliminary or final with the response rate, who
 * compiled it); a summary per area with a chart and its caption; the response rate per unit and
 * the units that have not reported; the actions the plan gives no owner, under one heading; what
 * changed in the plan since the previous round; the abbreviations; then, per area and group, each
 * action with its id, text, Ansvarig as printed, and each responsible unit's status, description,
 * when it was answered (by whom only where the municipality chose to name people), and last year's
 * status. Units are named, never people's e-mail addresses (the caller gives a publicReport).
 * Real Word headings (navigable), tables whose header rows repeat and are marked as headers, with
 * columns wide enough for every word (column-widths.ts), page numbers; a round still open says
 * "Preliminär" at the top of every page.
 */
import type { Report, ReportRow } from '../core/report/report-model';
import { countOf } from '../core/report/report-model';
import { areaName } from '../core/plan/areas';
import { NO_UNIT, NOT_REPORTED, statusLabel } from '../core/followup/model';
import { comparableRound, roundLabel } from '../core/followup/periods';
import { swedishDate, swedishDateTime } from '../core/followup/schedule';
import { chartImage, chartSeries } from './charts';
import { fitColumns, type FittedColumns } from './column-widths';

export const PRELIMINARY = 'PRELIMINÄR – uppföljningen pågår och svaren kan ändras';

export interface DocumentOptions {
  /** The person who asked for the report, by name: "Sammanställd av" on the title page. */
  compiledBy?: string;
  now?: Date;
}

export async function reportDocument(report: Report, options: DocumentOptions = {}): Promise<Buffer> {
  const now = options.now ?? new Date();
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
    TableLayoutType,
    TableRow,
    TextRun,
    WidthType,
  } = docx;
  const round = roundLabel(report.year);
  const open = report.state === 'open';

  type RunOptions = { bold?: boolean; italics?: boolean; size?: number };
  const text = (value: string, options: RunOptions = {}) => new TextRun({ text: value, ...options });
  const paragraph = (value: string, options: RunOptions = {}) => new Paragraph({ children: [text(value, options)] });
  /** "Label: value" with the label in bold, as the title page's facts. */
  const fact = (label: string, value: string) =>
    new Paragraph({ spacing: { after: 80 }, children: [text(`${label}: `, { bold: true }), text(value)] });
  const heading = (value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text: value, heading: level, keepNext: true });
  const cell = (value: string, width: number, size: number, bold = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      children: value.split('\n').map((line) => paragraph(line, { bold, size })),
    });
  /**
   * A table whose first row is its header: repeated on each page and marked as a header for screen
   * readers. Fixed column widths that hold every word whole (fitColumns); `flexible` are the
   * columns of running text that get the room left.
   */
  const fitted = (header: string[], rows: string[][], flexible: number[]): FittedColumns =>
    fitColumns(header.map((h, i) => ({ header: h, cells: rows.map((r) => r[i] ?? ''), flexible: flexible.includes(i) })));
  /** `columns`: widths fitted beforehand, so that the tables of one kind line up (every action's answers). */
  const table = (header: string[], rows: string[][], flexible: number[] = [0], columns = fitted(header, rows, flexible)) => {
    const { widths, halfPoints } = columns;
    return new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i]!, halfPoints, true)) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, widths[i]!, halfPoints)) })),
      ],
    });
  };

  const total = report.rows.length;
  const answered = total - countOf(report.totals, 'none');
  const rate = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)} %` : '–');
  const series = chartSeries(report);
  const chart = await chartImage(report);
  const chartWidth = 600;

  const status = open ? `Preliminär – uppföljningen pågår och svaren kan ändras` : 'Slutlig – uppföljningen är stängd';
  const titlePage = [
    ...(report.municipality
      ? [new Paragraph({ spacing: { before: 2400, after: 240 }, children: [text(report.municipality, { size: 32 })] })]
      : []),
    new Paragraph({ text: `Uppföljning ${round} av åtgärdsplanen`, heading: HeadingLevel.TITLE, spacing: { after: 240 } }),
    new Paragraph({ spacing: { after: 480 }, children: [text(report.planTitle, { bold: true, size: 28 })] }),
    ...(report.diarienummer ? [fact('Diarienummer', report.diarienummer)] : []),
    fact('Uppföljningsperiod', `${round}, sista svarsdag ${swedishDate(new Date(`${report.deadline}T12:00:00Z`))}`),
    // Final only for a closed round, and never without how much of the plan it covers.
    fact('Status', status),
    fact('Svarsfrekvens', `${answered} av ${total} rapporter lämnade (${rate(answered, total)})`),
    fact('Rapportens datum', swedishDate(now)),
    fact('Sammanställd av', options.compiledBy ? `${options.compiledBy}, med Trygghetsboten` : 'Trygghetsboten'),
    fact('Planversion', report.planVersion),
    new Paragraph({ children: [new PageBreak()] }),
  ];

  const statusHeaders = [...report.statuses.map((s) => s.label), NOT_REPORTED.label];
  const owned = report.units.filter((u) => u.unit !== NO_UNIT);
  const lateOwned = report.lateUnits.filter((u) => u.unit !== NO_UNIT);
  const withoutOwner = report.rows.filter((r) => r.unit === NO_UNIT);
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
      keepNext: true,
      spacing: { before: 240 },
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width: chartWidth, height: Math.round((chartWidth * chart.height) / chart.width) },
          altText: { name: 'Rapporter per status och område', title: 'Rapporter per status och område', description: chart.altText },
        }),
      ],
    }),
    // A caption, not the numbers again: they are in the table above.
    paragraph(`Figur 1. Rapporter per status och ${report.areaHeading.toLocaleLowerCase('sv')}. Antalen står i tabellen ovan.`, {
      italics: true,
    }),
    heading('Svarsfrekvens per enhet', HeadingLevel.HEADING_2),
    table(
      ['Enhet', 'Rapporterade', 'Av', 'Andel'],
      owned.map((u) => [u.unit, String(u.answered), String(u.total), rate(u.answered, u.total)]),
    ),
    heading('Enheter som inte har rapporterat allt', HeadingLevel.HEADING_2),
    ...(lateOwned.length === 0
      ? [paragraph('Alla ansvariga enheter har rapporterat.')]
      : [
          table(
            ['Enhet', 'Rapporterade', 'Saknas', ...(lateOwned.some((u) => u.contacts.length > 0) ? ['Kontaktpersoner'] : [])],
            lateOwned.map((u) => [
              u.unit,
              `${u.answered} av ${u.total}`,
              String(u.total - u.answered),
              ...(lateOwned.some((x) => x.contacts.length > 0) ? [u.contacts.join(', ') || '–'] : []),
            ]),
          ),
        ]),
    ...(withoutOwner.length === 0
      ? []
      : [
          heading('Åtgärder utan ansvarig enhet i planen', HeadingLevel.HEADING_2),
          paragraph(
            `Planen anger ingen ansvarig enhet för ${withoutOwner.length === 1 ? 'en åtgärd' : `${withoutOwner.length} åtgärder`}. De redovisas här samlat, och inte som en enhet.`,
          ),
          table(
            ['Åtgärd', 'Text', 'Status'],
            withoutOwner.map((r) => [r.actionId, r.actionText, r.statusLabel]),
            [1],
          ),
        ]),
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

  const abbreviations = report.abbreviations.length
    ? [
        heading('Förkortningar', HeadingLevel.HEADING_2),
        table(
          ['Förkortning', 'Betydelse'],
          report.abbreviations.map((a) => [a.code, a.expansion ?? 'Namnet anges inte i planen eller kommunens ordlista']),
          [1],
        ),
      ]
    : [];

  const previous = report.hasPreviousYear ? roundLabel(comparableRound(report.year)) : undefined;
  const names = report.rows.some((r) => r.answeredBy !== '');
  const rowHeader = [
    'Enhet',
    'Status',
    'Beskrivning av utveckling',
    names ? 'Besvarad av' : 'Besvarad',
    ...(previous ? [`Status ${previous} / förändring`] : []),
  ];
  /** Last year's status and the change: "Påbörjad → Pågående", "Pågående (oförändrad)", "ny åtgärd i planen". */
  const previousCell = (r: ReportRow): string => {
    if (r.change.includes('→') && !r.change.startsWith('ändrad åtgärd')) return r.change;
    const before = r.previousStatus ? statusLabel(report.statuses, r.previousStatus) : '–';
    return r.change ? `${before} (${r.change})` : before;
  };
  /** When it was answered, by whom where people are named, and whether on the unit's behalf. */
  const answeredCell = (r: ReportRow): string =>
    r.answeredAt
      ? [r.answeredBy, swedishDateTime(r.answeredAt), r.onBehalf ? '(för enhetens räkning)' : ''].filter(Boolean).join('\n')
      : '–';
  const answerRow = (r: ReportRow): string[] => [
    r.unit === NO_UNIT ? '–' : r.unit,
    r.statusLabel,
    r.description || '–',
    answeredCell(r),
    ...(previous ? [previousCell(r)] : []),
  ];
  // One set of widths for every action's table, fitted to all the answers: the columns line up page after page.
  const answerColumns = fitted(rowHeader, report.rows.map(answerRow), [2]);
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
        table(rowHeader, ofAction.map(answerRow), [2], answerColumns),
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
        children: [...titlePage, ...summary, ...changes, ...abbreviations, ...actionsPart],
      },
    ],
  });
  return Packer.toBuffer(document);
}
