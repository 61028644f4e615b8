/**
 * The consolidated follow-up report, as plain data: one row per action and responsible unit, in
 * plan order, with the stored answer, who gave it and when, and the change since last year; and a
 * summary per målområde / working method and per unit. Pure: the caller brings plan and answers.
 */
import { areaRef, type AreaRef } from '../plan/areas';
import { compareVersions, type VersionComparison } from '../plan/compare-versions';
import type { AreaKindDefinition, Plan } from '../plan/model';
import { withoutHiddenControls } from '../plain-text';
import { codesWithoutName, findSubunit, findUnit, type UnitGlossary } from '../plan/glossary';
import {
  NOT_REPORTED,
  reportKey,
  statusLabel,
  type Answer,
  type Contact,
  type Obligation,
  type Round,
  type Status,
  type StatusDefinition,
} from '../followup/model';

/** Reports per status key of the plan's table, and 'none' for rows without an answer. */
export type StatusCounts = Record<Status | 'none', number>;

/** A count that is 0 where nothing was counted. */
export const countOf = (counts: StatusCounts, key: Status | 'none'): number => counts[key] ?? 0;

export interface ReportRow {
  actionId: string;
  group: number;
  groupTitle: string;
  areaId: string;
  areaTitle: string;
  actionText: string;
  /** The unit that reports this row; Ansvarig as printed is beside it. */
  unit: string;
  ansvarig: string;
  status: Status | null;
  statusLabel: string;
  description: string;
  /** Who answered: their name, else their e-mail or Entra id (the admins' own views); see publicReport. */
  answeredBy: string;
  /** Who answered by name only ('' when the directory gave none): what a public report may show. */
  answeredByName: string;
  answeredAt: string;
  onBehalf: boolean;
  /** Last year's status, when last year's round exists and had an answer for this row. */
  previousStatus: Status | null;
  /**
   * "ny i år" / "oförändrad" / "Påbörjad → Pågående" / "ej rapporterad i år"; "ny åtgärd i planen"
   * when a revised plan added it, "ändrad åtgärd: …" when it revised its text; empty without a previous round.
   */
  change: string;
}

/** How the plan changed between the previous round's version and this round's: what the comparison could not carry over. */
export interface PlanVersionChanges {
  from: string;
  to: string;
  added: Array<{ id: string; text: string }>;
  changed: Array<{ id: string; text: string; previousId: string; previousText: string }>;
  /** Actions of the previous version that this one does not have, with their last status. */
  removed: Array<{ id: string; text: string; previousStatuses: string[] }>;
}

export interface AreaSummary {
  areaId: string;
  areaTitle: string;
  /** Its kind and number in the plan ("Målområde 1"), with short labels where the title does not fit. */
  area: AreaRef;
  counts: StatusCounts;
}

export interface UnitSummary {
  unit: string;
  answered: number;
  total: number;
  /** Contacts, for chasing a late unit: names, else e-mail or Entra id (the admins' own views); see publicReport. */
  contacts: string[];
  /** The contacts by name only: what a public report may show. */
  contactNames: string[];
}

/** A code the report uses and what it stands for: the plan's own list, the glossary (a source or an admin), or nothing known. */
export interface ReportAbbreviation {
  code: string;
  expansion: string | null;
}

export interface Report {
  year: number;
  deadline: string;
  state: Round['state'];
  planTitle: string;
  diarienummer: string;
  municipality: string;
  planVersion: string;
  /** What the plan calls its groups ("Åtgärd", "Mål"). */
  groupLabel: { sv: string; en: string };
  hasPreviousYear: boolean;
  /** What the plan calls its areas, for a column header: "Målområde / Arbetssätt", "Fokusområde". */
  areaHeading: string;
  /** The plan's kinds of area, in its words: "Per målområde och arbetssätt" on the summary. */
  areaKinds: AreaKindDefinition[];
  /** The plan's status table, in its order: the columns, legends and colours of every report. */
  statuses: StatusDefinition[];
  rows: ReportRow[];
  areas: AreaSummary[];
  totals: StatusCounts;
  units: UnitSummary[];
  /** Units with unanswered rows, most behind first. */
  lateUnits: UnitSummary[];
  /** Set when the previous round asked about another version of the plan. */
  versionChanges?: PlanVersionChanges;
  /** The codes the plan writes, with their full names where known, for the report's Förkortningar. */
  abbreviations: ReportAbbreviation[];
}

const emptyCounts = (statuses: StatusDefinition[]): StatusCounts =>
  Object.fromEntries([...statuses.map((s) => s.key), 'none'].map((k) => [k, 0]));

function changeText(statuses: StatusDefinition[], current: Answer | undefined, previous: Answer | undefined, hasPrevious: boolean): string {
  if (!hasPrevious) return '';
  if (!previous && current) return 'ny i år';
  if (!current && previous) return 'ej rapporterad i år';
  if (!current || !previous) return '';
  return current.status === previous.status
    ? 'oförändrad'
    : `${statusLabel(statuses, previous.status)} → ${statusLabel(statuses, current.status)}`;
}

export function buildReport(input: {
  plan: Plan;
  round: Round;
  obligations: Obligation[];
  answers: Answer[];
  /** Last year's answers, or undefined when there was no round last year. */
  previousAnswers: Answer[] | undefined;
  /** The plan version last year's round asked about, when it is another than this round's. */
  previousPlan?: Plan;
  contacts: readonly Contact[];
  /** The glossary with the names given in chat, for the abbreviations; without one, the plan's own list only. */
  glossary?: UnitGlossary;
}): Report {
  const { plan, round, obligations, answers, previousAnswers, contacts } = input;
  const byKey = new Map(answers.map((a) => [reportKey(a), a]));
  const previousByKey = new Map((previousAnswers ?? []).map((a) => [reportKey(a), a]));
  // Across plan versions, last year's answer is the one for the action this one continues (never one that merely shares its id).
  const comparison =
    input.previousPlan && previousAnswers && input.previousPlan.planVersion !== plan.planVersion
      ? compareVersions(input.previousPlan, plan)
      : undefined;
  const previousId = (id: string): string | undefined => (comparison ? comparison.previousOf.get(id) : id);
  const actions = new Map(plan.actions.map((a) => [a.id, a]));
  const areaTitle = new Map(plan.areas.map((a) => [a.id, a.title]));
  const hasPrevious = previousAnswers !== undefined;
  const statuses = plan.followUp.statuses;

  const rows: ReportRow[] = obligations.map((o) => {
    const action = actions.get(o.actionId)!;
    const answer = byKey.get(reportKey(o));
    const continued = previousId(o.actionId);
    const previous = continued ? previousByKey.get(reportKey({ actionId: continued, unit: o.unit })) : undefined;
    return {
      actionId: o.actionId,
      group: action.group,
      groupTitle: action.groupTitle,
      areaId: action.areaId,
      areaTitle: areaTitle.get(action.areaId) ?? '',
      actionText: action.text,
      unit: o.unit,
      ansvarig: action.ansvarig.asPrinted,
      status: answer?.status ?? null,
      statusLabel: answer ? statusLabel(statuses, answer.status) : NOT_REPORTED.label,
      // Cleaned where text enters; again here for what was stored before that (every report reads these rows).
      description: withoutHiddenControls(answer?.description ?? ''),
      answeredBy: withoutHiddenControls(
        answer ? (answer.answeredBy.name ?? answer.answeredBy.upn ?? answer.answeredBy.aadObjectId ?? '') : '',
      ),
      answeredByName: withoutHiddenControls(answer?.answeredBy.name ?? ''),
      answeredAt: answer?.answeredAt ?? '',
      onBehalf: answer?.onBehalf ?? false,
      previousStatus: previous?.status ?? null,
      change: versionedChange(comparison, o.actionId, changeText(statuses, answer, previous, hasPrevious)),
    };
  });

  const areas: AreaSummary[] = plan.areas.map((area) => {
    const counts = emptyCounts(statuses);
    for (const row of rows)
      if (actions.get(row.actionId)!.areaId === area.id) counts[row.status ?? 'none'] = countOf(counts, row.status ?? 'none') + 1;
    return { areaId: area.id, areaTitle: area.title, area: areaRef(plan, area), counts };
  });
  const totals = emptyCounts(statuses);
  for (const row of rows) totals[row.status ?? 'none'] = countOf(totals, row.status ?? 'none') + 1;

  const unitNames = [...new Set(obligations.map((o) => o.unit))];
  const units: UnitSummary[] = unitNames.map((unit) => {
    const mine = rows.filter((r) => r.unit === unit);
    return {
      unit,
      answered: mine.filter((r) => r.status !== null).length,
      total: mine.length,
      contacts: contacts.filter((c) => c.unit === unit).map((c) => c.person.name ?? c.person.upn ?? c.person.aadObjectId ?? ''),
      contactNames: contacts.filter((c) => c.unit === unit && c.person.name).map((c) => withoutHiddenControls(c.person.name!)),
    };
  });
  const lateUnits = units
    .filter((u) => u.answered < u.total)
    .sort((a, b) => a.answered / a.total - b.answered / b.total || b.total - a.total);

  return {
    year: round.year,
    deadline: round.deadline,
    state: round.state,
    planTitle: plan.source.title,
    diarienummer: plan.source.diarienummer,
    municipality: plan.source.municipality,
    planVersion: plan.planVersion,
    groupLabel: plan.groupLabel,
    hasPreviousYear: hasPrevious,
    areaHeading: plan.areaKinds.map((k, i) => (i === 0 ? k.label.sv : k.label.sv.toLocaleLowerCase('sv'))).join(' / '),
    areaKinds: plan.areaKinds,
    statuses,
    rows,
    areas,
    totals,
    units,
    lateUnits,
    ...(comparison && input.previousPlan
      ? { versionChanges: versionChanges(comparison, input.previousPlan, plan, previousAnswers ?? []) }
      : {}),
    abbreviations: reportAbbreviations(plan, input.glossary),
  };
}

/**
 * The codes a reader of the report meets: the plan's own abbreviations, and every code its cells
 * write for a unit or funder, with the full name the plan or the glossary gives, or none (said so).
 */
function reportAbbreviations(plan: Plan, glossary: UnitGlossary | undefined): ReportAbbreviation[] {
  const byCode = new Map<string, string | null>();
  for (const a of plan.abbreviations) byCode.set(a.abbreviation, a.expansion);
  const noGlossary: UnitGlossary = { units: [], subunits: [], qualifiers: [] };
  const known = glossary ?? noGlossary;
  // Every code written in the cells: those without a name are what codesWithoutName finds with an empty glossary.
  for (const code of codesWithoutName({ ...plan, abbreviations: [] }, noGlossary)) {
    if (byCode.has(code)) continue;
    byCode.set(code, (findUnit(known, code) ?? findSubunit(known, code))?.expansion ?? null);
  }
  return [...byCode].map(([code, expansion]) => ({ code, expansion })).sort((a, b) => a.code.localeCompare(b.code, 'sv'));
}

/** What a report filed as a public record may say about people. */
export interface PublicReportOptions {
  /** Whether people's names are shown (REPORT_PERSON_NAMES); e-mail addresses and Entra ids never are. */
  personNames: boolean;
}

/**
 * The report as it is filed with the council's papers, a public record: units named, people by
 * name only where the municipality chose that, never an e-mail address or an Entra id.
 */
export function publicReport(report: Report, options: PublicReportOptions): Report {
  const people = (names: string[]) => (options.personNames ? names : []);
  const unit = (u: UnitSummary): UnitSummary => ({ ...u, contacts: people(u.contactNames), contactNames: people(u.contactNames) });
  return {
    ...report,
    rows: report.rows.map((r) => {
      const name = options.personNames ? r.answeredByName : '';
      return { ...r, answeredBy: name, answeredByName: name };
    }),
    units: report.units.map(unit),
    lateUnits: report.lateUnits.map(unit),
  };
}

/** The change text of a row whose action a revised plan added or reworded. */
function versionedChange(comparison: VersionComparison | undefined, actionId: string, change: string): string {
  if (!comparison) return change;
  if (comparison.added.includes(actionId)) return 'ny åtgärd i planen';
  if (comparison.changed.includes(actionId)) return `ändrad åtgärd: ${change}`;
  return change;
}

function versionChanges(comparison: VersionComparison, previousPlan: Plan, plan: Plan, previousAnswers: Answer[]): PlanVersionChanges {
  const text = (p: Plan, id: string) => p.actions.find((a) => a.id === id)?.text ?? '';
  return {
    from: comparison.from,
    to: comparison.to,
    added: comparison.added.map((id) => ({ id, text: text(plan, id) })),
    changed: comparison.changed.map((id) => {
      const previousId = comparison.previousOf.get(id)!;
      return { id, text: text(plan, id), previousId, previousText: text(previousPlan, previousId) };
    }),
    removed: comparison.removed.map((a) => ({
      id: a.id,
      text: a.text,
      // In the previous version's own words for its statuses.
      previousStatuses: previousAnswers
        .filter((answer) => answer.actionId === a.id)
        .map((answer) => `${answer.unit}: ${statusLabel(previousPlan.followUp.statuses, answer.status)}`),
    })),
  };
}
