/**
 * Turns the plan document (Markdown converted from the PDF: tab-separated tables,
 * <b>/<sup> markup, footnotes between table rows) into the Plan model.
 * The source has real defects; each one is repaired and reported as a warning.
 */
import { sectionsOfDocument } from './sections';
import { createHash } from 'node:crypto';
import type { Action, Area, AreaKindDefinition, Group, ImportWarning, Plan, Subsection } from './model';
import { PLAN_SCHEMA_VERSION } from './model';
import { parseFunderCell, parseUnitCell } from './cells';
import type { UnitGlossary } from './glossary';
import { extractAbbreviations, type TextLine } from './abbreviations';
import { STATUS_SETS, type FollowUpPeriod, type StatusDefinition } from './follow-up-config';
import { ownValue } from '../lookup-table';
import { withoutHiddenControls } from '../plain-text';

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
  /** Who follows the plan up and to whom it is reported, in the plan's words. */
  followedUpBy?: string;
  reportedTo?: string;
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
  const named = ownValue(STATUS_SETS, setting ?? 'standard');
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

/** One line of the document as the reader sees it. */
interface Line {
  no: number;
  /** Trailing tabs kept: a row whose other cells are empty ends in tabs. */
  text: string;
  trimmed: string;
}

/** A table row: its cells (at least four) and the first, trimmed. */
interface Row extends Line {
  cells: string[];
  first: string;
}

/**
 * Reads the document line by line. Where it is (the area, the group and its subsection, whether
 * footnotes came since the last row, whether a list of working methods is being read) is its
 * state; what it has read is its output. Each line goes to the first rule of LINE_RULES (and,
 * for a table row, ROW_RULES) that takes it.
 */
class PlanReader {
  // Where the reader is.
  area: Area | undefined;
  group: Group | undefined;
  subsection: Subsection | null = null;
  footnotesSinceLastRow = false;
  inMethodList = false;
  // What it has read.
  readonly areas: Area[] = [];
  readonly groups: Group[] = [];
  readonly actions: Action[] = [];
  readonly footnotes: Record<string, string> = {};
  readonly textLines: TextLine[] = [];
  readonly meta = { title: '', diarienummer: '', adoptedBy: '', validity: '' };
  /** The working methods, as the document lists them under its heading about "arbetssätt". */
  readonly workingMethods: string[] = [];
  readonly warnings: ImportWarning[] = [];

  constructor(readonly glossary: UnitGlossary) {}

  warn(code: ImportWarning['code'], line: number, message: string): void {
    this.warnings.push({ code, line, message });
  }

  /** A heading or prose ends the group's table. */
  closeGroup(): void {
    this.group = undefined;
    this.subsection = null;
  }

  read(line: Line): void {
    if (line.trimmed === '') return;
    this.textLines.push({ line: line.no, text: line.trimmed });
    for (const rule of LINE_RULES) if (rule(this, line)) return;
  }
}

/** A rule takes the line (true) or leaves it to the next. */
type LineRule = (reader: PlanReader, line: Line) => boolean;
type RowRule = (reader: PlanReader, row: Row) => boolean;

/** A heading: the title, a working method, or a målområde ("Målområde 2: …", misspelt or not). */
const heading: LineRule = (r, { no, trimmed }) => {
  const match = HEADING.exec(trimmed);
  if (!match) return false;
  r.closeGroup();
  const text = match[1]!.trim();
  if (!r.meta.title && trimmed.startsWith('# ')) r.meta.title = text;
  const method = r.workingMethods.findIndex((m) => m === text);
  r.inMethodList = method < 0 && r.workingMethods.length === 0 && /arbetssätt/i.test(text);
  if (method >= 0 && !r.areas.some((a) => a.id === `arbetssatt-${method + 1}`)) {
    r.area = { id: `arbetssatt-${method + 1}`, kind: 'arbetssatt', number: method + 1, title: text, headingAsPrinted: text };
    r.areas.push(r.area);
    return true;
  }
  const goal = GOAL_AREA.exec(text);
  if (goal) {
    const number = Number(goal[2]);
    if (goal[1] !== 'Målområde') r.warn('heading-typo', no, `Heading "${text}" read as "Målområde ${number}: ${goal[3]}"`);
    r.area = { id: `malomrade-${number}`, kind: 'malomrade', number, title: goal[3]!.trim(), headingAsPrinted: text };
    r.areas.push(r.area);
  }
  return true;
};

/** A bullet of the list of working methods under the heading about them. */
const workingMethod: LineRule = (r, { trimmed }) => {
  const bullet = /^[-•]\s+(.+)$/.exec(trimmed);
  if (!r.inMethodList || !bullet) return false;
  r.workingMethods.push(stripMarkup(bullet[1]!));
  return true;
};

/** "Diarienummer: …", "Antaget av: …", "Giltighetstid: …" outside the tables. */
const metadata: LineRule = (r, { trimmed }) => {
  const match = /^(Diarienummer|Antaget av|Giltighetstid):\s*(.*)$/.exec(trimmed);
  if (!match || r.group) return false;
  const value = match[2]!.trim();
  if (match[1] === 'Diarienummer') r.meta.diarienummer = value;
  if (match[1] === 'Antaget av') r.meta.adoptedBy = value;
  if (match[1] === 'Giltighetstid') r.meta.validity = value;
  return true;
};

/** A footnote's text; between a table's rows it interrupts the table, which goes on after it. */
const footnote: LineRule = (r, { trimmed }) => {
  const match = FOOTNOTE_DEF.exec(trimmed);
  if (!match) return false;
  r.footnotes[match[1]!] = stripMarkup(match[2]!);
  if (r.group) r.footnotesSinceLastRow = true;
  return true;
};

const pageBreak: LineRule = (_r, { trimmed }) => /^-{3,}$/.test(trimmed);

/** Prose (no tab) ends a table. */
const prose: LineRule = (r, { text }) => {
  if (text.includes('\t')) return false;
  r.closeGroup();
  return true;
};

/** A table row, to the row rules. */
const tableRow: LineRule = (r, line) => {
  const cells = line.text.split('\t');
  while (cells.length < 4) cells.push('');
  const row: Row = { ...line, cells, first: cells[0]!.trim() };
  for (const rule of ROW_RULES) if (rule(r, row)) return true;
  return true;
};

const LINE_RULES: LineRule[] = [heading, workingMethod, metadata, footnote, pageBreak, prose, tableRow];

const separatorRow: RowRule = (r, { no, cells }) => {
  if (!isSeparatorRow(cells)) return false;
  if (r.group) r.warn('separator-row', no, `Separator row in group ${r.group.number} skipped`);
  return true;
};

/** "3. Title | Ansvarig | Samverkan | Finansiering": a group's table begins. */
const groupHeader: RowRule = (r, { no, cells, first }) => {
  const header = GROUP_HEADER.exec(stripMarkup(first));
  if (!header || stripMarkup(cells[1]!) !== 'Ansvarig') return false;
  if (!r.area) throw new Error(`Line ${no}: group ${header[1]} comes before any working method or målområde heading`);
  r.group = { number: Number(header[1]), title: header[2]!.trim(), areaId: r.area.id, subsections: [], actionIds: [] };
  r.groups.push(r.group);
  r.subsection = null;
  r.footnotesSinceLastRow = false;
  return true;
};

/** Tables outside the action groups (the follow-up legend, the table of contents). */
const outsideGroups: RowRule = (r) => !r.group;

const otherCellsEmpty = (cells: string[]): boolean => cells.slice(1).every((c) => stripMarkup(c) === '');

/** "<b>3.2 Title</b>" alone on a row: a subsection, numbered by its place when printed wrong. */
const subsectionRow: RowRule = (r, { no, cells, first }) => {
  const group = r.group!;
  const sub = SUBSECTION.exec(first);
  if (!sub || !otherCellsEmpty(cells)) return false;
  const position = group.subsections.length + 1;
  const labelAsPrinted = `${sub[1]}.${sub[2]}`;
  const label = `${group.number}.${position}`;
  const subsection: Subsection = { labelAsPrinted, label, title: stripMarkup(sub[3]!) };
  r.subsection = subsection;
  group.subsections.push(subsection);
  if (Number(sub[1]) !== group.number) {
    r.warn(
      'subsection-wrong-group',
      no,
      `Subsection "${labelAsPrinted} ${subsection.title}" is printed under group ${group.number}; read as ${label}`,
    );
  } else if (labelAsPrinted !== label) {
    r.warn(
      'subsection-renumbered',
      no,
      `Subsection "${labelAsPrinted} ${subsection.title}" renumbered ${label} because an earlier subsection of group ${group.number} was mislabelled`,
    );
  }
  return true;
};

const emptyRow: RowRule = (_r, { cells, first }) => takeFootnotes(first).text === '' && otherCellsEmpty(cells);

/** A row whose text starts in lower case with nothing else: the previous row's text, cut by a page break. */
const continuation: RowRule = (r, { no, cells, first }) => {
  const { text, refs } = takeFootnotes(first);
  const previous = r.actions[r.actions.length - 1];
  if (!otherCellsEmpty(cells) || refs.length > 0 || !/^[a-zåäö]/.test(text) || previous?.group !== r.group!.number) return false;
  previous.text = `${previous.text} ${text}`;
  previous.sourceLines.push(no);
  r.warn('row-continued', no, `Row text "${text.slice(0, 40)}…" continues ${previous.id} across a page break`);
  return true;
};

/** An action: its text, and who is responsible, cooperates and finances, as printed and as read. */
const actionRow: RowRule = (r, { no, cells, first }) => {
  const group = r.group!;
  const { text, refs } = takeFootnotes(first);
  if (r.footnotesSinceLastRow) {
    r.warn('footnote-interrupts-table', no, `Footnotes interrupt the table of group ${group.number}; the table continues here`);
  }
  r.footnotesSinceLastRow = false;
  const id = `A${group.number}-${group.actionIds.length + 1}`;
  const ansvarigText = stripMarkup(cells[1]!);
  const samverkanText = stripMarkup(cells[2]!);
  const finansieringText = stripMarkup(cells[3]!);
  const ansvarig = parseUnitCell(ansvarigText, r.glossary);
  const samverkan = parseUnitCell(samverkanText, r.glossary);
  for (const issue of [...ansvarig.issues, ...samverkan.issues]) r.warn('unit-typo', no, `${id}: ${issue.message}`);
  if (ansvarigText === '') r.warn('empty-ansvarig', no, `${id} has no Ansvarig printed`);
  group.actionIds.push(id);
  r.actions.push({
    id,
    group: group.number,
    groupTitle: group.title,
    subsection: r.subsection,
    areaId: group.areaId,
    text,
    ansvarig: { asPrinted: ansvarigText, units: ansvarig.units },
    samverkan: { asPrinted: samverkanText, units: samverkan.units },
    finansiering: { asPrinted: finansieringText, funders: parseFunderCell(finansieringText, r.glossary) },
    footnotes: refs,
    sourceLines: [no],
  });
  return true;
};

const ROW_RULES: RowRule[] = [separatorRow, groupHeader, outsideGroups, subsectionRow, emptyRow, continuation, actionRow];

export function importPlan(
  document: string,
  glossary: UnitGlossary,
  fileName = 'atgardsplan.md',
  settings: PlanSettings = {},
): ImportResult {
  const reader = new PlanReader(glossary);
  withoutHiddenControls(document)
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const text = raw.replace(/[\r\n ]+$/, '');
      reader.read({ no: index + 1, text, trimmed: text.trim() });
    });
  const { areas, groups, actions, footnotes, textLines, meta, warnings } = reader;
  repairGluedFootnotes(actions, footnotes, (code, line, message) => reader.warn(code, line, message));

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
    followUp: {
      period: settings.period ?? 'year',
      statuses: statusesOf(settings.statuses),
      ...(settings.followedUpBy ? { followedUpBy: settings.followedUpBy } : {}),
      ...(settings.reportedTo ? { reportedTo: settings.reportedTo } : {}),
    },
    spellingVariants: settings.spellingVariants ?? {},
    units: [],
    groupLabel: settings.groupLabel ?? { sv: 'Åtgärd', en: 'Action group' },
    ...(settings.helpExamples ? { helpExamples: settings.helpExamples } : {}),
    groups,
    actions,
    footnotes,
    abbreviations: extractAbbreviations(textLines, footnotes),
    importWarnings: warnings,
    sections: sectionsOfDocument(document),
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
      if (!ownValue(footnotes, n)) return whole;
      action.footnotes.push(Number(n));
      warn('footnote-glued', action.sourceLines[0]!, `${action.id}: "${abbr} ${n}" read as ${abbr} with footnote ${n}`);
      return abbr;
    });
  }
}
