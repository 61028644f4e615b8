/** The safety chief's summary card: counts per status and area (charts with a text fallback), response rate per unit, late units with contacts. */
import { fillPlaceholders, t } from '../../core/texts/catalog';
import { areaShortName } from '../../core/plan/areas';
import type { Language } from '../../core/language';
import type { AreaSummary } from '../../core/report/report-model';
import type { RoundSummary } from '../../usecases/notifier';
import { expandCard } from '../cards/render';
import { NO_UNIT, NOT_REPORTED, type Status } from '../../core/followup/model';
import { countOf } from '../../core/report/report-model';
import { roundLabel } from '../../core/followup/periods';
import type { ClosingPreview } from '../../usecases/close-round';
import { fittedTemplate } from '../cards/fit-card';

const LABELS = {
  sv: {
    statusChart: 'Status för alla rapporter',
    area: 'Område',
    reports: 'Rapporter',
    units: 'Svarsfrekvens per enhet',
    late: 'Enheter som inte är klara',
    exportDocx: 'Exportera rapport (Word)',
    exportXlsx: 'Exportera rapport (Excel)',
    exportMd: 'Exportera rapport (Markdown)',
    exportZip: 'Arkivpaket för registrator (zip)',
    title: 'Sammanställning uppföljning {year}',
    subtitle: '{answered} av {total} rapporter ({rate} %) · sista svarsdag {deadline} · {state}',
    open: 'pågår',
    closed: 'stängd',
    noLate: 'Alla enheter med kontakter har svarat.',
    withoutContacts: 'Enheter utan kontakter: {n} (en administratör kan svara för dem)',
    answerFor: 'Svara för enheten',
    chooseUnit: 'Enhet',
  },
  en: {
    statusChart: 'Status of all reports',
    area: 'Area',
    reports: 'Reports',
    units: 'Response rate per unit',
    late: 'Units not finished',
    exportDocx: 'Export report (Word)',
    exportXlsx: 'Export report (Excel)',
    exportMd: 'Export report (Markdown)',
    exportZip: 'Archive package for the registrar (zip)',
    title: 'Follow-up {year} summary',
    subtitle: '{answered} of {total} reports ({rate} %) · deadline {deadline} · {state}',
    open: 'open',
    closed: 'closed',
    noLate: 'Every unit with contacts has answered.',
    withoutContacts: 'Units without contacts: {n} (an admin can answer for them)',
    answerFor: 'Answer for the unit',
    chooseUnit: 'Unit',
  },
} as const;

/** Late units listed on the card; the rest are in the report. */
const MAX_LATE_LINES = 15;

const fill = fillPlaceholders;

export function summaryCard({ report, reminders, unreached = [] }: RoundSummary, lang: Language): Record<string, unknown> {
  const l = LABELS[lang];
  // The bar chart cuts long titles ("Kunsk…") and clips in a narrow panel: it shows "MO 1", the list its title.
  const shortLabel = (a: AreaSummary) => areaShortName(a.area, lang);
  const total = report.rows.length;
  const answered = total - countOf(report.totals, 'none');
  // "Per målområde och arbetssätt", "Per focus area": the plan's own kinds of area.
  const kinds = report.areaKinds.map((k) => k.label[lang].toLocaleLowerCase(lang === 'sv' ? 'sv' : 'en'));
  const perArea = `Per ${kinds.length < 2 ? kinds.join('') : `${kinds.slice(0, -1).join(', ')} ${lang === 'sv' ? 'och' : 'and'} ${kinds.at(-1)}`}`;
  const title = fill(l.title, { year: roundLabel(report.year) });
  const subtitle = fill(l.subtitle, {
    answered,
    total,
    rate: total ? Math.round((100 * answered) / total) : 0,
    deadline: report.deadline,
    state: report.state === 'open' ? l.open : l.closed,
  });
  // The statuses and "not reported", in the status table's order, words and colours.
  const series = [
    ...report.statuses.map((s) => ({
      key: s.key as Status | 'none',
      legend: lang === 'en' ? s.enLabel : s.label,
      color: s.color as string,
    })),
    { key: 'none' as const, legend: lang === 'en' ? NOT_REPORTED.enLabel : NOT_REPORTED.label, color: NOT_REPORTED.color as string },
  ];
  const donut = series.map((s) => ({ legend: s.legend, value: countOf(report.totals, s.key), color: s.color }));
  // The fallback's FactSet takes text: numbers there showed as empty values on clients without charts.
  const donutFacts = donut.map((d) => ({ title: d.legend, value: String(d.value) }));
  const bars = series.map((s) => ({
    legend: s.legend,
    color: s.color,
    values: report.areas.map((a) => ({ x: shortLabel(a), y: countOf(a.counts, s.key) })),
  }));
  const areaLines = report.areas.map(
    (a) => `${shortLabel(a)} ${a.areaTitle}: ${series.map((s) => `${s.legend} ${countOf(a.counts, s.key)}`).join(' · ')}`,
  );
  // Every responsible unit, one row each, as the header counts all reports; those nobody answers
  // for are named once, below, not marked on every row (#25: "(inga kontakter)" 16 times).
  // Rows the plan gives no owner are no unit: counted once, under their own name, not among the units.
  const owned = report.units.filter((u) => u.unit !== NO_UNIT);
  const withoutOwner = report.rows.filter((r) => r.unit === NO_UNIT);
  const unitFacts = owned.map((u) => ({
    title: u.unit,
    value: `${u.answered}/${u.total} (${u.total ? Math.round((100 * u.answered) / u.total) : 0} %)`,
  }));
  // Units nobody could be reached for are not merely late: said apart, with who and why (#25).
  const unreachedNames = new Set(unreached.map((u) => u.unit));
  const late = report.lateUnits.filter((u) => u.contacts.length > 0 && !unreachedNames.has(u.unit));
  const unreachedLines = unreached
    .slice(0, MAX_LATE_LINES)
    .map((u) => `${u.unit}: ${u.people.map((p) => `${p.who} (${t(`reach.${p.problem}`, lang)})`).join(', ')}`);
  if (unreached.length > MAX_LATE_LINES) unreachedLines.push(`… +${unreached.length - MAX_LATE_LINES}`);
  const lateLines =
    late.length === 0
      ? [l.noLate]
      : late.slice(0, MAX_LATE_LINES).map((u) => `${u.unit}: ${u.answered}/${u.total} – ${u.contacts.join(', ')}`);
  if (late.length > MAX_LATE_LINES) lateLines.push(`… +${late.length - MAX_LATE_LINES}`);
  // Units nobody answers for, still to report: named, with a way for an admin to answer for them.
  const orphans = owned.filter((u) => u.contacts.length === 0 && u.answered < u.total);
  // By name only: their counts are in the table above.
  const orphanLines = orphans.map((u) => u.unit);
  return expandCard('summary', {
    fallbackText: [title, subtitle, ...areaLines, ...lateLines, ...unreachedLines, ...orphanLines].join('\n'),
    unreachedTitle: unreached.length ? [t('summaryUnreached', lang, { n: unreached.length })] : [],
    unreachedLines,
    orphanTitle: orphans.length ? [fill(l.withoutContacts, { n: orphans.length })] : [],
    orphanLines: orphanLines.length ? [orphanLines.join(', ')] : [],
    orphanChoices: orphans.map((u) => ({ title: `${u.unit} (${u.answered}/${u.total})`, value: u.unit })),
    // A closed round takes no answers: no Svara för enheten on its summary (#25).
    hasOrphans: orphans.length > 0 && report.state === 'open',
    // A closed round's answers no longer change: the package the registrar archives (#28).
    canArchive: report.state === 'closed',
    ...reminderOffer(reminders, lang),
    firstOrphan: orphans[0]?.unit ?? '',
    title,
    subtitle,
    donut,
    donutFacts,
    bars,
    areaLines,
    unitFacts: [
      ...unitFacts,
      ...(withoutOwner.length
        ? [
            {
              title: t('summaryWithoutOwner', lang),
              value: `${withoutOwner.filter((r) => r.status).length}/${withoutOwner.length} (${withoutOwner.map((r) => r.actionId).join(', ')})`,
            },
          ]
        : []),
    ],
    lateLines,
    year: String(report.year),
    lang,
    labels: { ...l, areaChart: perArea, areas: perArea },
  });
}

/** While the round is open: the remind button opens a confirmation saying how many get a reminder. */
function reminderOffer(reminders: RoundSummary['reminders'], lang: Language) {
  if (!reminders) return { canRemind: false, remindLines: [], hasPeopleToRemind: false };
  return {
    canRemind: true,
    remindLines: reminderPreviewLines(reminders, lang),
    hasPeopleToRemind: reminders.people > 0,
    remindLabels: { open: t('remindOpen', lang), send: t('remindSend', lang) },
  };
}

/** "3 personer som inte har svarat klart får en påminnelse …", and those without a chat, from the preview. */
export function reminderPreviewLines(reminders: NonNullable<RoundSummary['reminders']>, lang: Language, withNames = false): string[] {
  return [
    reminders.people > 0
      ? t('remindPreview', lang, { n: reminders.people })
      : t(reminders.withoutChat > 0 ? 'remindNobody' : 'remindAllDone', lang),
    ...(reminders.withoutChat > 0 ? [t('remindWithoutChat', lang, { n: reminders.withoutChat })] : []),
    // Each by name, with why: a count alone hides who has to be reached another way.
    ...(withNames ? (reminders.withoutChatPeople ?? []) : []).map((who) => t('remindWithoutChatPerson', lang, { who })),
  ];
}

/** "stäng uppföljning": what closing now leaves out, to confirm with Stäng. */
export function closeConfirmCard(year: number, preview: ClosingPreview, lang: Language): Record<string, unknown> {
  const title = t('closeConfirmTitle', lang, { year: roundLabel(year) });
  const facts = [
    { title: t('closeFactAnswered', lang), value: `${preview.answered} / ${preview.total}` },
    { title: t('closeFactUnits', lang), value: String(preview.unitsMissing) },
    { title: t('closeFactPeople', lang), value: String(preview.peopleUnfinished) },
    {
      title: t('closeFactDeadline', lang),
      value: preview.daysLeft >= 0 ? t('closeDaysLeft', lang, { deadline: preview.deadline, days: preview.daysLeft }) : preview.deadline,
    },
  ];
  const lines = [t('closeConsequence', lang)];
  return expandCard('close-confirm', {
    fallbackText: [title, ...facts.map((f) => `${f.title}: ${f.value}`), ...lines].join('\n'),
    title,
    facts,
    lines,
    year: String(year),
    lang,
    labels: { close: t('closeButton', lang), cancel: t('cancel', lang) },
  });
}

/** "påminn": how many get a reminder, to confirm before anything is sent. */
export function remindConfirmCard(
  year: number,
  reminders: NonNullable<RoundSummary['reminders']>,
  lang: Language,
): Record<string, unknown> {
  const title = t('remindConfirmTitle', lang, { year });
  const lines = reminderPreviewLines(reminders, lang, true);
  const data = {
    fallbackText: [title, ...lines].join('\n'),
    title,
    lines,
    hasPeopleToRemind: reminders.people > 0,
    year: String(year),
    lang,
    labels: { send: t('remindSend', lang), cancel: t('cancel', lang) },
  };
  return fittedTemplate('remind-confirm', data, 'lines', (n) => `… +${n}`);
}
