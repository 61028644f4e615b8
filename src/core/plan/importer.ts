/**
 * Turns the plan document (Markdown converted from the PDF: tab-separated tables,
 * <b>/<sup> markup, footnotes between table rows) into the Plan model.
 * The source has real defects; each one is repaired and reported as a warning.
 */
import { createHash } from 'node:crypto';
import type { Action, Area, AreaKindDefinition, Group, ImportWarning, Plan, Subsection } from './model';
import { PLAN_SCHEMA_VERSION } from './model';
import { parseFunderCell, parseUnitCell } from './cells';
import type { UnitGlossary } from './glossary';
import { extractAbbreviations, type TextLine } from './abbreviations';
import { STATUS_SETS, type FollowUpPeriod, type StatusDefinition } from './follow-up-config';

/**
 * What the document does not say about itself, from the municipality's settings file beside it
 * (data/plan/<document>.settings.json): its name, how it is followed up, what its kinds of area are
 * called in short, its own misspellings, and example questions. Defaults where a setting is missing.
 */
export interface PlanSettings {
  municipality?: string;
  planVersion?: string;
  /** A status set's name ("standard", "trafikljus") or the statuses themselves. */
  statuses?: string | StatusDefinition[];
  period?: FollowUpPeriod;
  areaKinds?: AreaKindDefinition[];
  spellingVariants?: Record<string, string[]>;
  helpExamples?: { sv: string[]; en: string[] };
  groupLabel?: { sv: string; en: string };
}

/** Målområde and arbetssätt, as a plan of this kind names them, where the settings do not. */
const DOCUMENT_AREA_KINDS: AreaKindDefinition[] = [
  { kind: 'malomrade', label: { sv: 'Målområde', en: 'Goal area' }, short: { sv: 'MO', en: 'GA' } },
  { kind: 'arbetssatt', label: { sv: 'Arbetssätt', en: 'Working method' }, short: { sv: 'AS', en: 'WM' } },
];

/** The status set a setting names, or the statuses it lists. */
export function statusesOf(setting: PlanSettings['statuses']): StatusDefinition[] {
  if (Array.isArray(setting)) return setting;
  const named = STATUS_SETS[setting ?? 'standard'];
  if (!named) throw new Error(`Unknown status set "${String(setting)}": use ${Object.keys(STATUS_SETS).join(' or ')}`);
  return named;
}

export interface ImportResult {
  plan: Plan;
  warnings: ImportWarning[];
}

const HEADING = /^#{1,6}\s+(.*)$/;
const GOAL_AREA = /^(M\S*?de)\s+(\d)\s*:\s*(.+)$/;
const FOOTNOTE_DEF = /^<sup>(\d+)<\/sup>\s*(.+)$/;
const GROUP_HEADER = /^(\d{1,2})\.\s+(.+)$/;
const SUBSECTION = /^<b>(\d{1,2})\.(\d{1,2})\s+(.+?)<\/b>$/;
const SUP = /\s*<sup>(\d+)<\/sup>\s*/g;

function stripMarkup(text: string): string {
  return text
    .replace(/<\/?b>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes footnote markers from a cell and returns them. */
function takeFootnotes(text: string): { text: string; refs: number[] } {
  const refs: number[] = [];
  const cleaned = text.replace(SUP, (_m, n: string) => {
    refs.push(Number(n));
    return ' ';
  });
  return { text: stripMarkup(cleaned).replace(/\s+([.,])/g, '$1'), refs };
}

function isSeparatorRow(cells: string[]): boolean {
  return cells.every((c) => /^-*$/.test(c.trim())) && cells.some((c) => c.includes('-'));
}

export function importPlan(
  document: string,
  glossary: UnitGlossary,
  fileName = 'atgardsplan.md',
  settings: PlanSettings = {},
): ImportResult {
  const warnings: ImportWarning[] = [];
  const warn = (code: ImportWarning['code'], line: number, message: string): void => {
    warnings.push({ code, line, message });
  };

  const lines = document.split(/\r?\n/);
  const areas: Area[] = [];
  const groups: Group[] = [];
  const actions: Action[] = [];
  const footnotes: Record<string, string> = {};
  const textLines: TextLine[] = [];
  const meta = { title: '', diarienummer: '', adoptedBy: '', validity: '' };

  let area: Area | undefined;
  let group: Group | undefined;
  let subsection: Subsection | null = null;
  let footnotesSinceLastRow = false;
  /** The working methods, as the document lists them under its heading about "arbetssätt". */
  const workingMethods: string[] = [];
  let inMethodList = false;

  const closeGroup = (): void => {
    group = undefined;
    subsection = null;
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    // Trailing tabs matter: a row whose other cells are empty ends in tabs.
    const line = raw.replace(/[\r\n ]+$/, '');
    const trimmed = line.trim();
    if (trimmed === '') return;
    textLines.push({ line: lineNo, text: trimmed });

    const heading = HEADING.exec(trimmed);
    if (heading) {
      closeGroup();
      const text = heading[1]!.trim();
      if (!meta.title && trimmed.startsWith('# ')) meta.title = text;
      const method = workingMethods.findIndex((m) => m === text);
      inMethodList = method < 0 && workingMethods.length === 0 && /arbetssätt/i.test(text);
      if (method >= 0 && !areas.some((a) => a.id === `arbetssatt-${method + 1}`)) {
        area = { id: `arbetssatt-${method + 1}`, kind: 'arbetssatt', number: method + 1, title: text, headingAsPrinted: text };
        areas.push(area);
        return;
      }
      const goal = GOAL_AREA.exec(text);
      if (goal) {
        const number = Number(goal[2]);
        if (goal[1] !== 'Målområde') {
          warn('heading-typo', lineNo, `Heading "${text}" read as "Målområde ${number}: ${goal[3]}"`);
        }
        area = { id: `malomrade-${number}`, kind: 'malomrade', number, title: goal[3]!.trim(), headingAsPrinted: text };
        areas.push(area);
      }
      return;
    }

    const bullet = /^[-•]\s+(.+)$/.exec(trimmed);
    if (inMethodList && bullet) {
      workingMethods.push(stripMarkup(bullet[1]!));
      return;
    }
    const metaMatch = /^(Diarienummer|Antaget av|Giltighetstid):\s*(.*)$/.exec(trimmed);
    if (metaMatch && !group) {
      const value = metaMatch[2]!.trim();
      if (metaMatch[1] === 'Diarienummer') meta.diarienummer = value;
      if (metaMatch[1] === 'Antaget av') meta.adoptedBy = value;
      if (metaMatch[1] === 'Giltighetstid') meta.validity = value;
      return;
    }

    const footnote = FOOTNOTE_DEF.exec(trimmed);
    if (footnote) {
      footnotes[footnote[1]!] = stripMarkup(footnote[2]!);
      if (group) footnotesSinceLastRow = true;
      return;
    }
    if (/^-{3,}$/.test(trimmed)) return; // page break

    if (!line.includes('\t')) {
      closeGroup(); // prose ends a table
      return;
    }

    const cells = line.split('\t');
    while (cells.length < 4) cells.push('');
    const first = cells[0]!.trim();

    if (isSeparatorRow(cells)) {
      if (group) warn('separator-row', lineNo, `Separator row in group ${group.number} skipped`);
      return;
    }

    const header = GROUP_HEADER.exec(stripMarkup(first));
    if (header && stripMarkup(cells[1]!) === 'Ansvarig') {
      if (!area) throw new Error(`Line ${lineNo}: group ${header[1]} comes before any working method or målområde heading`);
      group = { number: Number(header[1]), title: header[2]!.trim(), areaId: area.id, subsections: [], actionIds: [] };
      groups.push(group);
      subsection = null;
      footnotesSinceLastRow = false;
      return;
    }
    if (!group) return; // tables outside the action groups (follow-up legend, table of contents)

    const otherCellsEmpty = cells.slice(1).every((c) => stripMarkup(c) === '');
    const sub = SUBSECTION.exec(first);
    if (sub && otherCellsEmpty) {
      const position = group.subsections.length + 1;
      const labelAsPrinted = `${sub[1]}.${sub[2]}`;
      const label = `${group.number}.${position}`;
      subsection = { labelAsPrinted, label, title: stripMarkup(sub[3]!) };
      group.subsections.push(subsection);
      if (Number(sub[1]) !== group.number) {
        warn(
          'subsection-wrong-group',
          lineNo,
          `Subsection "${labelAsPrinted} ${subsection.title}" is printed under group ${group.number}; read as ${label}`,
        );
      } else if (labelAsPrinted !== label) {
        warn(
          'subsection-renumbered',
          lineNo,
          `Subsection "${labelAsPrinted} ${subsection.title}" renumbered ${label} because an earlier subsection of group ${group.number} was mislabelled`,
        );
      }
      return;
    }

    const { text, refs } = takeFootnotes(first);
    if (text === '' && otherCellsEmpty) return;

    const previous = actions[actions.length - 1];
    const continuesPrevious =
      otherCellsEmpty && refs.length === 0 && /^[a-zåäö]/.test(text) && previous !== undefined && previous.group === group.number;
    if (continuesPrevious) {
      previous.text = `${previous.text} ${text}`;
      previous.sourceLines.push(lineNo);
      warn('row-continued', lineNo, `Row text "${text.slice(0, 40)}…" continues ${previous.id} across a page break`);
      return;
    }
    if (footnotesSinceLastRow) {
      warn('footnote-interrupts-table', lineNo, `Footnotes interrupt the table of group ${group.number}; the table continues here`);
    }
    footnotesSinceLastRow = false;

    const id = `A${group.number}-${group.actionIds.length + 1}`;
    const ansvarigText = stripMarkup(cells[1]!);
    const samverkanText = stripMarkup(cells[2]!);
    const finansieringText = stripMarkup(cells[3]!);
    const ansvarig = parseUnitCell(ansvarigText, glossary);
    const samverkan = parseUnitCell(samverkanText, glossary);
    for (const issue of [...ansvarig.issues, ...samverkan.issues]) warn('unit-typo', lineNo, `${id}: ${issue.message}`);
    if (ansvarigText === '') warn('empty-ansvarig', lineNo, `${id} has no Ansvarig printed`);

    const action: Action = {
      id,
      group: group.number,
      groupTitle: group.title,
      subsection,
      areaId: group.areaId,
      text,
      ansvarig: { asPrinted: ansvarigText, units: ansvarig.units },
      samverkan: { asPrinted: samverkanText, units: samverkan.units },
      finansiering: { asPrinted: finansieringText, funders: parseFunderCell(finansieringText, glossary) },
      footnotes: refs,
      sourceLines: [lineNo],
    };
    group.actionIds.push(id);
    actions.push(action);
  });

  repairGluedFootnotes(actions, footnotes, warn);

  // "Kommundirektör 2023-12-14": who decided, and when.
  const adopted = /^(.*?)\s*(\d{4}-\d{2}-\d{2})?$/.exec(meta.adoptedBy)!;
  const plan: Plan = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    planVersion: settings.planVersion ?? (meta.validity || 'unknown'),
    source: {
      municipality: settings.municipality ?? '',
      title: meta.title,
      diarienummer: meta.diarienummer,
      adoptedBy: adopted[1]!,
      adoptedAt: adopted[2] ?? '',
      validity: meta.validity,
      file: fileName,
      sha256: createHash('sha256').update(document).digest('hex'),
    },
    areaKinds: settings.areaKinds ?? DOCUMENT_AREA_KINDS,
    areas,
    goals: [],
    followUp: { period: settings.period ?? 'year', statuses: statusesOf(settings.statuses) },
    spellingVariants: settings.spellingVariants ?? {},
    units: [],
    groupLabel: settings.groupLabel ?? { sv: 'Åtgärd', en: 'Action group' },
    ...(settings.helpExamples ? { helpExamples: settings.helpExamples } : {}),
    groups,
    actions,
    footnotes,
    abbreviations: extractAbbreviations(textLines, footnotes),
    importWarnings: warnings,
  };
  return { plan, warnings };
}

/**
 * Where the conversion lost the superscript, a footnote number sits after an abbreviation:
 * "ANDTS 12". It is a footnote when that footnote exists; the number is removed from the text.
 */
function repairGluedFootnotes(
  actions: Action[],
  footnotes: Record<string, string>,
  warn: (code: ImportWarning['code'], line: number, message: string) => void,
): void {
  for (const action of actions) {
    action.text = action.text.replace(/\b([A-ZÅÄÖ]{2,6}) (\d{1,2})(?=[\s.,)]|$)/g, (whole, abbr: string, n: string) => {
      if (!footnotes[n]) return whole;
      action.footnotes.push(Number(n));
      warn('footnote-glued', action.sourceLines[0]!, `${action.id}: "${abbr} ${n}" read as ${abbr} with footnote ${n}`);
      return abbr;
    });
  }
}
