/** The safety chief's summary card: counts per status and area (charts with a text fallback), response rate per unit, late units with contacts. */
import type { Language } from '../../core/qa/answer-model';
import type { Report } from '../../core/report/report-model';
import { expandCard } from '../cards/render';
import { fillPlaceholders } from '../../core/qa/phrases';

const LABELS = {
  sv: { pagaende: 'Pågående', paborjad: 'Påbörjad', ej: 'Ej påbörjad', none: 'Ej rapporterad', statusChart: 'Status för alla rapporter', areaChart: 'Per målområde och arbetssätt', area: 'Område', reports: 'Rapporter', areas: 'Per målområde och arbetssätt', units: 'Svarsfrekvens per enhet', late: 'Enheter som inte är klara', remind: 'Påminn de som inte är klara', exportXlsx: 'Exportera rapport (Excel)', exportMd: 'Exportera rapport (Markdown)', title: 'Sammanställning uppföljning {year}', subtitle: '{answered} av {total} rapporter ({rate} %) · sista svarsdag {deadline} · {state}', open: 'pågår', closed: 'stängd', noLate: 'Alla enheter med kontakter har svarat.', noContacts: 'inga kontakter' },
  en: { pagaende: 'Ongoing', paborjad: 'Started', ej: 'Not started', none: 'Not reported', statusChart: 'Status of all reports', areaChart: 'Per goal area and working method', area: 'Area', reports: 'Reports', areas: 'Per goal area and working method', units: 'Response rate per unit', late: 'Units not finished', remind: 'Remind those not finished', exportXlsx: 'Export report (Excel)', exportMd: 'Export report (Markdown)', title: 'Follow-up {year} summary', subtitle: '{answered} of {total} reports ({rate} %) · deadline {deadline} · {state}', open: 'open', closed: 'closed', noLate: 'Every unit with contacts has answered.', noContacts: 'no contacts' },
} as const;

const COLORS = { pagaende: 'good', paborjad: 'warning', ej: 'attention', none: 'neutral' } as const;
/** Late units listed on the card; the rest are in the report. */
const MAX_LATE_LINES = 15;

const fill = fillPlaceholders;

export function summaryCard(report: Report, lang: Language): Record<string, unknown> {
  const l = LABELS[lang];
  const total = report.rows.length;
  const answered = total - report.totals.none;
  const title = fill(l.title, { year: report.year });
  const subtitle = fill(l.subtitle, { answered, total, rate: total ? Math.round((100 * answered) / total) : 0, deadline: report.deadline, state: report.state === 'open' ? l.open : l.closed });
  const donut = [
    { legend: l.pagaende, value: report.totals.pagaende, color: COLORS.pagaende },
    { legend: l.paborjad, value: report.totals.paborjad, color: COLORS.paborjad },
    { legend: l.ej, value: report.totals['ej-paborjad'], color: COLORS.ej },
    { legend: l.none, value: report.totals.none, color: COLORS.none },
  ];
  const short = (title: string) => (title.length > 28 ? `${title.slice(0, 27)}…` : title);
  const bars = [
    ['pagaende', l.pagaende],
    ['paborjad', l.paborjad],
    ['ej-paborjad', l.ej],
    ['none', l.none],
  ].map(([key, legend]) => ({
    legend,
    color: COLORS[(key === 'ej-paborjad' ? 'ej' : key) as keyof typeof COLORS],
    values: report.areas.map((a) => ({ x: short(a.areaTitle), y: a.counts[key as keyof typeof a.counts] })),
  }));
  const areaLines = report.areas.map((a) => `${a.areaTitle}: ${l.pagaende} ${a.counts.pagaende} · ${l.paborjad} ${a.counts.paborjad} · ${l.ej} ${a.counts['ej-paborjad']} · ${l.none} ${a.counts.none}`);
  const unitLine = report.units.filter((u) => u.contacts.length > 0 || u.answered > 0).map((u) => `${u.unit} ${u.answered}/${u.total}`).join(' · ') || '–';
  const late = report.lateUnits.filter((u) => u.contacts.length > 0);
  const lateLines = late.length === 0 ? [l.noLate] : late.slice(0, MAX_LATE_LINES).map((u) => `${u.unit}: ${u.answered}/${u.total} – ${u.contacts.join(', ')}`);
  if (late.length > MAX_LATE_LINES) lateLines.push(`… +${late.length - MAX_LATE_LINES}`);
  return expandCard('summary', {
    fallbackText: [title, subtitle, ...areaLines, ...lateLines].join('\n'),
    title,
    subtitle,
    donut,
    bars,
    areaLines,
    unitLine,
    lateLines,
    year: String(report.year),
    lang,
    labels: l,
  });
}
