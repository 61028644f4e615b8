/**
 * The report's chart as an image, made without a browser: a Vega specification (stacked bars, one
 * per area, a segment per status) rendered to SVG by Vega in Node and to PNG by resvg. The numbers
 * are the report's, the colours and words the plan's status table's, as on the summary card.
 */
import type { Spec } from 'vega';
import type { Report } from '../core/report/report-model';
import { countOf } from '../core/report/report-model';
import { areaShortName } from '../core/plan/areas';
import { NOT_REPORTED, type StatusColor } from '../core/followup/model';

/** The summary card's colours (Adaptive Cards' good / warning / attention), for print. */
const COLOURS: Record<StatusColor, string> = { good: '#2e7d32', warning: '#f9a825', attention: '#c62828', neutral: '#9e9e9e' };

export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
  /** The chart's numbers as text, for readers who cannot see it (the image's alternative text). */
  altText: string;
}

/** The series of the chart: each status in the table's order, then "not reported". */
export function chartSeries(report: Report): Array<{ key: string; label: string; colour: string }> {
  return [
    ...report.statuses.map((s) => ({ key: s.key, label: s.label, colour: COLOURS[s.color] })),
    { key: 'none', label: NOT_REPORTED.label, colour: COLOURS.neutral },
  ];
}

export function chartSpec(report: Report): Record<string, unknown> {
  const series = chartSeries(report);
  const values = report.areas.flatMap((a) =>
    series.map((s, order) => ({ area: areaShortName(a.area, 'sv'), status: s.label, order, n: countOf(a.counts, s.key) })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega/v5.json',
    width: 520,
    height: 240,
    padding: 8,
    background: 'white',
    data: [
      {
        name: 'counts',
        values,
        transform: [{ type: 'stack', groupby: ['area'], sort: { field: 'order' }, field: 'n' }],
      },
    ],
    scales: [
      { name: 'x', type: 'band', range: 'width', padding: 0.2, domain: { data: 'counts', field: 'area' } },
      { name: 'y', type: 'linear', range: 'height', nice: true, zero: true, domain: { data: 'counts', field: 'y1' } },
      { name: 'colour', type: 'ordinal', domain: series.map((s) => s.label), range: series.map((s) => s.colour) },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', labelFont: 'DejaVu Sans', labelFontSize: 12 },
      { orient: 'left', scale: 'y', title: 'Rapporter', titleFont: 'DejaVu Sans', labelFont: 'DejaVu Sans', tickMinStep: 1 },
    ],
    legends: [{ fill: 'colour', title: 'Status', titleFont: 'DejaVu Sans', labelFont: 'DejaVu Sans', labelFontSize: 12 }],
    marks: [
      {
        type: 'rect',
        from: { data: 'counts' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'area' },
            width: { scale: 'x', band: 1 },
            y: { scale: 'y', field: 'y0' },
            y2: { scale: 'y', field: 'y1' },
            fill: { scale: 'colour', field: 'status' },
          },
        },
      },
    ],
  };
}

/** "MO 1 Organiserad brottslighet …: Pågående 3, Påbörjad 1, …" for each area: the chart in words. */
export function chartAltText(report: Report): string {
  const series = chartSeries(report);
  return [
    'Stapeldiagram: rapporter per status och område.',
    ...report.areas.map(
      (a) => `${areaShortName(a.area, 'sv')} ${a.areaTitle}: ${series.map((s) => `${s.label} ${countOf(a.counts, s.key)}`).join(', ')}.`,
    ),
  ].join(' ');
}

export async function chartImage(report: Report, widthPx = 1200): Promise<ChartImage> {
  // Loaded when a Word report is made: the bot answers questions all day without them.
  const vega = await import('vega');
  const { Resvg } = await import('@resvg/resvg-js');
  const view = new vega.View(vega.parse(chartSpec(report) as Spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const rendered = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  }).render();
  return { png: Buffer.from(rendered.asPng()), width: rendered.width, height: rendered.height, altText: chartAltText(report) };
}
