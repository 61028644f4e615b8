/**
 * A filled plan template (sheets "Åtgärder", "Plan", "Enheter", as rows of text) into the plan
 * model. Every row is checked; each problem names its sheet, row and column as the person who
 * filled the file sees them, and a plan is returned only when nothing is fatal. Ids the file does
 * not give are made from the row's place (group and position), so the same file imported twice
 * gives the same ids. Pure: the workbook and CSV files are read by the adapters.
 */
import { distance } from 'fastest-levenshtein';
import type { PlanSection } from '../model';
import type { Abbreviation, Action, AreaKindDefinition, Group, Plan, PlanMetadata, PlanUnit, Area, Goal } from '../model';
import { PLAN_SCHEMA_VERSION } from '../model';
import { STATUS_SETS, type FollowUpPeriod } from '../follow-up-config';
import { codesWithoutName, findUnit, glossaryOfUnits } from '../glossary';
import { parseFunderCell, parseUnitCell } from '../cells';
import { extractAbbreviations } from '../abbreviations';
import { slug } from '../slug';
import { ownValue } from '../../lookup-table';
import { withoutHiddenControls } from '../../plain-text';
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
  columnOf,
  normalizeHeader,
  type AbbreviationColumn,
  type ActionColumn,
  type ColumnDefinition,
  type PlanKey,
  type UnitColumn,
} from './columns';

/** A sheet as text: rows[0] is Excel's row 1. */
export interface SheetRows {
  name: string;
  rows: string[][];
}

export interface TemplateProblem {
  sheet: string;
  /** 1-based, as Excel shows it. */
  row: number;
  column: string;
  message: string;
  /** A fatal problem stops the import; the others are said and the plan is imported. */
  fatal: boolean;
}

export interface TemplateSource {
  file: string;
  sha256: string;
}

export type TemplateResult = { plan: Plan; problems: TemplateProblem[] } | { plan: null; problems: TemplateProblem[] };

const PERIODS: Record<string, FollowUpPeriod> = {
  år: 'year',
  årsvis: 'year',
  helår: 'year',
  year: 'year',
  halvår: 'half-year',
  halvårsvis: 'half-year',
  'half-year': 'half-year',
  tertial: 'tertial',
  tertialvis: 'tertial',
};

/** The Typ column's words, and the words plans use for the same. */
const UNIT_TYPES: Record<string, PlanUnit['type']> = {
  förvaltning: 'förvaltning',
  bolag: 'bolag',
  'kommunalt bolag': 'bolag',
  kommun: 'kommun',
  kommunen: 'kommun',
  extern: 'extern',
  förening: 'förening',
  organisation: 'förening',
  roll: 'roll',
  finansiär: 'finansiär',
};
const TYPE_WORDS = 'förvaltning, bolag, kommun, extern, förening, roll eller finansiär';

const ID_PATTERN = /^[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö._-]{0,23}$/;

export function readTemplate(given: SheetRows[], source: TemplateSource): TemplateResult {
  // Cells read as they are: a bidi override or a zero-width character in a unit's name would make it read differently.
  const sheets = given.map((s) => ({ name: s.name, rows: s.rows.map((row) => row.map((c) => withoutHiddenControls(c ?? ''))) }));
  const problems: TemplateProblem[] = [];
  const problem = (sheet: string, row: number, column: string, message: string, fatal = true): void => {
    problems.push({ sheet, row, column, message, fatal });
  };
  const sheetNamed = (name: string) => sheets.find((s) => normalizeHeader(s.name) === normalizeHeader(name));
  // A CSV file is one sheet: the actions, whatever its name.
  const actionsSheet =
    sheetNamed(ACTIONS_SHEET) ??
    sheets.find(
      (s) => ![PLAN_SHEET, UNITS_SHEET, ABBREVIATIONS_SHEET, TEXT_SHEET].some((n) => normalizeHeader(n) === normalizeHeader(s.name)),
    );
  if (!actionsSheet) {
    problem(ACTIONS_SHEET, 1, '', `fliken "${ACTIONS_SHEET}" saknas`);
    return { plan: null, problems };
  }

  const meta = readPlanSheet(sheetNamed(PLAN_SHEET), problem);
  const unitsSheet = readUnitsSheet(sheetNamed(UNITS_SHEET), problem);
  const units = unitsSheet?.units;
  const sheetAbbreviations = readAbbreviationsSheet(sheetNamed(ABBREVIATIONS_SHEET), problem);
  const sections = readTextSheet(sheetNamed(TEXT_SHEET), problem);
  const glossary = glossaryOfUnits(units ?? []);
  const sheetName = actionsSheet.name;

  const header = actionsSheet.rows[0] ?? [];
  const columns = new Map<ActionColumn, number>();
  let areaHeader = '';
  header.forEach((cell, index) => {
    const column = columnOf(ACTION_COLUMNS, cell);
    if (!column || columns.has(column.key)) return;
    columns.set(column.key, index);
    if (column.key === 'area') areaHeader = cleanHeader(cell);
  });
  // The plan's own word for its areas ("Löfte", "Strategi") in the first column: that column is the area, the word its kind.
  const first = cleanHeader(header[0] ?? '');
  if (!columns.has('area') && first !== '' && !columnOf(ACTION_COLUMNS, first)) {
    columns.set('area', 0);
    areaHeader = first;
  }
  for (const c of ACTION_COLUMNS) {
    if (c.required && !columns.has(c.key)) problem(sheetName, 1, c.header, missingColumn(c));
  }
  if (problems.some((p) => p.fatal && p.sheet === sheetName)) return { plan: null, problems };

  const kindLabel = meta.areaKind || (normalizeHeader(areaHeader) === 'område' ? 'Område' : capitalize(areaHeader));
  const areaKind = kindOf(kindLabel);
  const areaKinds: AreaKindDefinition[] = [
    { kind: areaKind, label: { sv: kindLabel, en: englishKind(kindLabel) }, short: shortOf(kindLabel) },
  ];

  const cell = (row: string[], key: ActionColumn): string => {
    const index = columns.get(key);
    return index === undefined ? '' : (row[index] ?? '').replace(/\s+/g, ' ').trim();
  };
  const headerOf = (key: ActionColumn): string => {
    const index = columns.get(key);
    return index === undefined ? ACTION_COLUMNS.find((c) => c.key === key)!.header : cleanHeader(header[index] ?? '');
  };

  const areas: Area[] = [];
  const goals: Goal[] = [];
  const groups: Group[] = [];
  const actions: Action[] = [];
  const givenIds = new Map<string, number>();
  const rows = actionsSheet.rows.slice(1).map((row, i) => ({ row, number: i + 2 }));
  const addedPartners = new Map<string, { code: string; type: 'extern' | 'finansiär'; row: number; column: string; rows: number }>();

  for (const { row, number } of rows) {
    if (row.every((c) => (c ?? '').trim() === '')) continue;
    const areaText = cell(row, 'area');
    const text = cell(row, 'action');
    const ansvarigText = cell(row, 'ansvarig');
    if (areaText === '') problem(sheetName, number, headerOf('area'), `${headerOf('area')} är tomt`);
    if (text === '') problem(sheetName, number, headerOf('action'), `${headerOf('action')} är tom`);
    if (ansvarigText === '') problem(sheetName, number, headerOf('ansvarig'), `${headerOf('ansvarig')} är tom`);
    const id = cell(row, 'id');
    if (id !== '') {
      if (!ID_PATTERN.test(id)) {
        problem(
          sheetName,
          number,
          headerOf('id'),
          `Id "${id}" får bara ha bokstäver, siffror, punkt, bindestreck och understreck (högst 24 tecken)`,
        );
      } else if (givenIds.has(id.toLocaleLowerCase('sv'))) {
        problem(sheetName, number, headerOf('id'), `Id "${id}" finns redan på rad ${givenIds.get(id.toLocaleLowerCase('sv'))}`);
      } else {
        givenIds.set(id.toLocaleLowerCase('sv'), number);
      }
    }
    if (areaText === '' || text === '' || ansvarigText === '') continue;

    const area = areaFor(areas, areaText, areaKind);
    const goalTitle = cell(row, 'goal');
    const goal = goalTitle ? goalFor(goals, area, goalTitle) : undefined;
    const group = groupFor(groups, area, goal);

    const ansvarig = parseUnitCell(ansvarigText, glossary);
    const samverkanText = cell(row, 'samverkan');
    const samverkan = parseUnitCell(samverkanText, glossary);
    const finansieringText = cell(row, 'finansiering');
    const funders = parseFunderCell(finansieringText, glossary);
    if (unitsSheet) {
      // An owner must be one of the plan's units: a typo there would leave an action nobody reports.
      for (const u of ansvarig.units) {
        if (findUnit(glossary, u.code) || unitsSheet.listed.has(u.code.toLocaleLowerCase('sv'))) continue;
        const near = nearestCode(u.code, units ?? []);
        problem(
          sheetName,
          number,
          headerOf('ansvarig'),
          `"${u.asPrinted}" finns inte i fliken ${UNITS_SHEET}${near ? `; menar du "${near}"?` : ''}`,
        );
      }
      // A partner or funder the sheet does not list is taken in as an outside actor, and said once.
      for (const [key, refs, type] of [
        ['samverkan', samverkan.units, 'extern'],
        ['finansiering', funders, 'finansiär'],
      ] as const) {
        for (const u of refs) {
          const code = u.code.toLocaleLowerCase('sv');
          if (findUnit(glossary, u.code) || unitsSheet.listed.has(code)) continue;
          const added = addedPartners.get(code);
          if (added) added.rows += 1;
          else addedPartners.set(code, { code: u.code, type, row: number, column: headerOf(key), rows: 0 });
        }
      }
    }
    const indicatorName = cell(row, 'indicator');
    const baseline = cell(row, 'baseline');
    const target = cell(row, 'target');
    actions.push({
      id,
      group: group.number,
      groupTitle: group.title,
      subsection: null,
      areaId: area.id,
      text,
      ansvarig: { asPrinted: ansvarigText, units: ansvarig.units },
      samverkan: { asPrinted: samverkanText, units: samverkan.units },
      finansiering: { asPrinted: finansieringText, funders },
      footnotes: [],
      sourceLines: [number],
      ...(goal ? { goalId: goal.id } : {}),
      ...(cell(row, 'timeframe') ? { timeframe: cell(row, 'timeframe') } : {}),
      ...(indicatorName ? { indicator: { name: indicatorName, ...(baseline ? { baseline } : {}), ...(target ? { target } : {}) } } : {}),
      ...(cell(row, 'cause') ? { cause: cell(row, 'cause') } : {}),
      ...(id !== '' ? { idGiven: true as const } : {}),
      ...(cell(row, 'replaces')
        ? {
            replaces: cell(row, 'replaces')
              .split(/[,;\s]+/)
              .filter(Boolean),
          }
        : {}),
    });
  }
  if (actions.length === 0 && !problems.some((p) => p.fatal && p.sheet === sheetName))
    problem(sheetName, 2, headerOf('action'), 'inga åtgärder');

  assignIds(actions, groups, givenIds);
  for (const added of addedPartners.values()) {
    const more = added.rows > 0 ? ` (och på ${added.rows} ${added.rows === 1 ? 'rad' : 'rader'} till)` : '';
    const as = added.type === 'extern' ? 'en extern aktör' : 'en finansiär';
    problem(sheetName, added.row, added.column, `"${added.code}" finns inte i fliken ${UNITS_SHEET}${more}; läggs till som ${as}`, false);
  }
  if (problems.some((p) => p.fatal)) return { plan: null, problems };

  const textLines = actions.map((a) => ({ line: a.sourceLines[0]!, text: `${a.text} ${a.cause ?? ''}`.trim() }));
  const plan: Plan = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    planVersion: meta.version || meta.validity || '1',
    source: {
      municipality: meta.municipality,
      title: meta.title || `Åtgärdsplan ${meta.municipality}`.trim(),
      diarienummer: meta.diarienummer,
      adoptedBy: meta.adoptedBy,
      adoptedAt: meta.adoptedAt,
      validity: meta.validity,
      file: source.file,
      sha256: source.sha256,
    },
    areaKinds,
    areas,
    goals,
    followUp: {
      period: meta.period,
      statuses: STATUS_SETS[meta.statuses]!,
      ...(meta.followedUpBy ? { followedUpBy: meta.followedUpBy } : {}),
      ...(meta.reportedTo ? { reportedTo: meta.reportedTo } : {}),
    },
    spellingVariants: meta.spelling,
    units: [...(units ?? []), ...[...addedPartners.values()].map((a): PlanUnit => ({ code: a.code, name: null, type: a.type }))],
    // Groups are the goals where the file names them, else the areas themselves.
    groupLabel: goals.length > 0 ? { sv: 'Mål', en: 'Goal' } : { sv: kindLabel, en: englishKind(kindLabel) },
    ...(goals.length > 0 ? { groupWords: { sv: ['mål', 'mål'] as [string, string], en: ['goal', 'goals'] as [string, string] } } : {}),
    groups,
    actions,
    footnotes: {},
    abbreviations: planAbbreviations(sheetAbbreviations, extractAbbreviations(textLines, {}, { guess: false }), units ?? []),
    importWarnings: [],
    ...(sections.length > 0 ? { sections } : {}),
  };
  // Every code nobody explains, named, so the officer can add it (sheet Förkortningar, or a name on Enheter).
  for (const code of codesWithoutName(plan, glossaryOfUnits(plan.units)))
    problem(
      ABBREVIATIONS_SHEET,
      1,
      '',
      `"${code}" förklaras inte i planen: skriv vad den står för i fliken ${ABBREVIATIONS_SHEET} (eller som Namn i fliken ${UNITS_SHEET})`,
      false,
    );
  return { plan, problems };
}

/**
 * The plan's abbreviations: the sheet Förkortningar first, then those its text defines (spelled out
 * by their own letters, never guessed). A code the Enheter sheet names is explained there already.
 */
function planAbbreviations(sheet: Abbreviation[], fromText: Abbreviation[], units: PlanUnit[]): Abbreviation[] {
  const byCode = new Map(sheet.map((a) => [a.abbreviation.toLocaleUpperCase('sv'), a]));
  const named = new Set(units.filter((u) => u.name).map((u) => u.code.toLocaleUpperCase('sv')));
  for (const a of fromText) {
    const code = a.abbreviation.toLocaleUpperCase('sv');
    if (!byCode.has(code) && !named.has(code)) byCode.set(code, a);
  }
  return [...byCode.values()].sort((a, b) => a.abbreviation.localeCompare(b.abbreviation, 'sv'));
}

/** A code on the Enheter sheet that an unknown one was probably meant to be: one or two letters off, or the same in other case. */
function nearestCode(code: string, units: PlanUnit[]): string | undefined {
  const wanted = code.toLocaleLowerCase('sv');
  let best: { code: string; d: number } | undefined;
  for (const unit of units) {
    for (const name of [unit.code, unit.name ?? '']) {
      if (name === '') continue;
      const d = distance(wanted, name.toLocaleLowerCase('sv'));
      if (d <= Math.max(1, Math.min(2, Math.floor(wanted.length / 3))) && (!best || d < best.d)) best = { code: unit.code, d };
    }
  }
  return best?.code;
}

/** A required column not found, and the headers that would have been read as it. */
function missingColumn(c: ColumnDefinition<ActionColumn>): string {
  const accepted = [c.header, ...c.variants.map(capitalize)].join(', ');
  const area =
    c.key === 'area'
      ? `, eller planens eget ord för sina områden (t.ex. Löfte, Strategi) som första kolumnens rubrik. Vad områdena heter kan också anges som Områdestyp i fliken ${PLAN_SHEET}`
      : '';
  return `kolumnen "${c.header}" saknas (obligatorisk). Rubriker som läses som den: ${accepted}${area}`;
}

interface PlanMeta extends PlanMetadata {
  followedUpBy: string;
  reportedTo: string;
  version: string;
  period: FollowUpPeriod;
  statuses: string;
  areaKind: string;
  spelling: Record<string, string[]>;
}

type Report = (sheet: string, row: number, column: string, message: string, fatal?: boolean) => void;

/** The "Plan" sheet: one key and its value per row (a header row "Uppgift | Värde" is allowed). */
function readPlanSheet(sheet: SheetRows | undefined, problem: Report): PlanMeta {
  const meta: PlanMeta = {
    municipality: '',
    title: '',
    diarienummer: '',
    adoptedBy: '',
    adoptedAt: '',
    validity: '',
    version: '',
    period: 'year',
    statuses: 'standard',
    areaKind: '',
    spelling: {},
    followedUpBy: '',
    reportedTo: '',
  };
  if (!sheet) return meta;
  const seen = new Set<PlanKey>();
  sheet.rows.forEach((row, index) => {
    const number = index + 1;
    const key = columnOf(PLAN_KEYS as ColumnDefinition<PlanKey>[], row[0] ?? '');
    const value = (row[1] ?? '').replace(/\s+/g, ' ').trim();
    if (!key) {
      if ((row[0] ?? '').trim() !== '' && index > 0)
        problem(sheet.name, number, 'A', `"${row[0]!.trim()}" känns inte igen och läses inte`, false);
      return;
    }
    seen.add(key.key);
    const column = 'B';
    switch (key.key) {
      case 'period': {
        const period = PERIODS[value.toLocaleLowerCase('sv')];
        if (value !== '' && !period)
          problem(sheet.name, number, column, `Uppföljning "${value}" känns inte igen: skriv år, halvår eller tertial`);
        if (period) meta.period = period;
        return;
      }
      case 'statuses': {
        const name = value.toLocaleLowerCase('sv');
        if (value !== '' && !ownValue(STATUS_SETS, name)) {
          problem(sheet.name, number, column, `Statusar "${value}" känns inte igen: skriv ${Object.keys(STATUS_SETS).join(' eller ')}`);
        } else if (value !== '') meta.statuses = name;
        return;
      }
      case 'adoptedAt':
        if (value !== '' && !isIsoDate(value)) problem(sheet.name, number, column, `Beslutsdatum "${value}" är inget datum (ÅÅÅÅ-MM-DD)`);
        else meta.adoptedAt = value;
        return;
      case 'spelling':
        for (const pair of value.split(';')) {
          const [written, corrected] = pair.split('=').map((s) => s.trim().toLocaleLowerCase('sv'));
          if (written && corrected) meta.spelling[written] = [...(meta.spelling[written] ?? []), corrected];
        }
        return;
      default:
        meta[key.key] = value;
    }
  });
  for (const k of PLAN_KEYS) {
    if (k.required && (!seen.has(k.key) || meta[k.key as 'municipality' | 'title'] === '')) {
      problem(sheet.name, 1, k.header, `"${k.header}" saknas (obligatorisk)`);
    }
  }
  return meta;
}

/**
 * The "Enheter" sheet, or undefined when the file has none (then any unit named is accepted).
 * `listed`: every code the sheet has, also on a row refused for its Typ (that row's error says so;
 * the unit is not also said to be missing from the sheet).
 */
function readUnitsSheet(sheet: SheetRows | undefined, problem: Report): { units: PlanUnit[]; listed: Set<string> } | undefined {
  if (!sheet) return undefined;
  const listed = new Set<string>();
  const header = sheet.rows[0] ?? [];
  const columns = columnsOfHeader(header, UNIT_COLUMNS);
  for (const c of UNIT_COLUMNS)
    if (c.required && !columns.has(c.key)) problem(sheet.name, 1, c.header, `kolumnen "${c.header}" saknas (obligatorisk)`);
  if (!columns.has('code') || !columns.has('type')) return { units: [], listed };
  const units: PlanUnit[] = [];
  const seen = new Map<string, number>();
  sheet.rows.slice(1).forEach((row, i) => {
    const number = i + 2;
    const get = (key: UnitColumn) => (columns.has(key) ? (row[columns.get(key)!] ?? '').replace(/\s+/g, ' ').trim() : '');
    const code = get('code');
    const typeText = get('type');
    if (code === '' && typeText === '' && get('name') === '') return;
    if (code === '') return problem(sheet.name, number, 'Kod', 'Kod är tom');
    listed.add(code.toLocaleLowerCase('sv'));
    const type = ownValue(UNIT_TYPES, typeText.toLocaleLowerCase('sv'));
    if (!type)
      return problem(
        sheet.name,
        number,
        'Typ',
        typeText === '' ? `Typ saknas för "${code}": skriv ${TYPE_WORDS}` : `Typ "${typeText}" känns inte igen: skriv ${TYPE_WORDS}`,
      );
    if (seen.has(code.toLocaleLowerCase('sv'))) {
      return problem(sheet.name, number, 'Kod', `Kod "${code}" finns redan på rad ${seen.get(code.toLocaleLowerCase('sv'))}`);
    }
    seen.set(code.toLocaleLowerCase('sv'), number);
    units.push({ code, name: get('name') || null, type });
  });
  return { units, listed };
}

/** Where a sheet's header row has each of its columns: the first header that names one. */
function columnsOfHeader<K extends string>(header: string[], definitions: ColumnDefinition<K>[]): Map<K, number> {
  const columns = new Map<K, number>();
  header.forEach((cell, index) => {
    const column = columnOf(definitions, cell);
    if (column && !columns.has(column.key)) columns.set(column.key, index);
  });
  return columns;
}

/** The sheet "Text": the plan's prose, a paragraph a row under its section's heading, in order. */
function readTextSheet(sheet: SheetRows | undefined, problem: Report): PlanSection[] {
  if (!sheet) return [];
  const columns = columnsOfHeader(sheet.rows[0] ?? [], TEXT_COLUMNS);
  if (columns.size < TEXT_COLUMNS.length) {
    problem(sheet.name, 1, '', `fliken ${TEXT_SHEET} behöver kolumnerna Rubrik och Text; den läses inte`, false);
    return [];
  }
  const sections: PlanSection[] = [];
  for (const row of sheet.rows.slice(1)) {
    const heading = (row[columns.get('heading')!] ?? '').replace(/\s+/g, ' ').trim();
    const text = (row[columns.get('text')!] ?? '').replace(/\s+/g, ' ').trim();
    if (heading === '' || text === '') continue;
    const last = sections.at(-1);
    if (last?.heading === heading) last.paragraphs.push(text);
    else sections.push({ heading, paragraphs: [text] });
  }
  return sections;
}

/** The sheet "Förkortningar": the plan's abbreviations as the officer gives them, one per row. */
function readAbbreviationsSheet(sheet: SheetRows | undefined, problem: Report): Abbreviation[] {
  if (!sheet) return [];
  const header = sheet.rows[0] ?? [];
  const columns = columnsOfHeader(header, ABBREVIATION_COLUMNS);
  for (const c of ABBREVIATION_COLUMNS)
    if (!columns.has(c.key)) problem(sheet.name, 1, c.header, `kolumnen "${c.header}" saknas; fliken läses inte`, false);
  if (columns.size < ABBREVIATION_COLUMNS.length) return [];
  const found: Abbreviation[] = [];
  sheet.rows.slice(1).forEach((row, i) => {
    const number = i + 2;
    const get = (key: AbbreviationColumn) => (row[columns.get(key)!] ?? '').replace(/\s+/g, ' ').trim();
    const abbreviation = get('abbreviation');
    const expansion = get('expansion');
    if (abbreviation === '' && expansion === '') return;
    if (abbreviation === '' || expansion === '')
      return problem(
        sheet.name,
        number,
        abbreviation === '' ? 'Förkortning' : 'Betydelse',
        `${abbreviation === '' ? 'Förkortning' : 'Betydelse'} är tom; raden läses inte`,
        false,
      );
    if (found.some((a) => a.abbreviation.toLocaleUpperCase('sv') === abbreviation.toLocaleUpperCase('sv')))
      return problem(sheet.name, number, 'Förkortning', `"${abbreviation}" finns redan; raden läses inte`, false);
    found.push({ abbreviation, expansion, definedBy: 'sheet', notes: [], sourceLine: number });
  });
  return found;
}

/** "1. Trygg stadsmiljö", "Fokusområde 2: Unga", "Unga": the number when it is given, else the next. */
function areaFor(areas: Area[], text: string, kind: string): Area {
  const numbered = /^(?:[\p{L}]+\s+)?(\d{1,2})\s*[.:)–-]\s*(.+)$/u.exec(text);
  const title = numbered ? numbered[2]!.trim() : text;
  const existing = areas.find((a) => a.headingAsPrinted === text || a.title.toLocaleLowerCase('sv') === title.toLocaleLowerCase('sv'));
  if (existing) return existing;
  const used = new Set(areas.map((a) => a.number));
  let number = numbered ? Number(numbered[1]) : areas.length + 1;
  while (!numbered && used.has(number)) number += 1;
  const area: Area = { id: `${kind}-${number}`, kind, number, title, headingAsPrinted: text };
  areas.push(area);
  return area;
}

function goalFor(goals: Goal[], area: Area, title: string): Goal {
  const existing = goals.find((g) => g.areaId === area.id && g.title === title);
  if (existing) return existing;
  const goal: Goal = { id: `${area.id}-mal-${goals.filter((g) => g.areaId === area.id).length + 1}`, areaId: area.id, title };
  goals.push(goal);
  return goal;
}

/** A group per area and goal, numbered in the order they first appear. */
function groupFor(groups: Group[], area: Area, goal: Goal | undefined): Group {
  const title = goal?.title ?? area.title;
  const existing = groups.find((g) => g.areaId === area.id && g.title === title);
  if (existing) return existing;
  const group: Group = { number: groups.length + 1, title, areaId: area.id, subsections: [], actionIds: [] };
  groups.push(group);
  return group;
}

/** Given ids stay; the others are "A<group>-<n>", skipping any the file gives itself. */
function assignIds(actions: Action[], groups: Group[], givenIds: Map<string, number>): void {
  const counters = new Map<number, number>();
  for (const action of actions) {
    if (action.id === '') {
      let n = counters.get(action.group) ?? 0;
      do n += 1;
      while (givenIds.has(`a${action.group}-${n}`));
      counters.set(action.group, n);
      action.id = `A${action.group}-${n}`;
    }
    groups.find((g) => g.number === action.group)!.actionIds.push(action.id);
  }
}

/** A header as the person wrote it, without the template's marks: "Område *" → "Område". */
function cleanHeader(header: string): string {
  return header
    .replace(/\(obligatorisk\)|[*:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** "FOKUSOMRÅDE", "fokusområde" → "Fokusområde". */
const capitalize = (text: string) => (text ? text.charAt(0).toLocaleUpperCase('sv') + text.slice(1).toLocaleLowerCase('sv') : 'Område');

/** "Fokusområde" → "fokusomrade": an id of letters a–z. */
const kindOf = (label: string): string => slug(label, 'omrade');

const ENGLISH_KINDS: Record<string, string> = {
  målområde: 'Goal area',
  fokusområde: 'Focus area',
  insatsområde: 'Action area',
  arbetssätt: 'Working method',
  område: 'Area',
};

function englishKind(label: string): string {
  return ENGLISH_KINDS[label.toLocaleLowerCase('sv')] ?? label;
}

/** "Fokusområde" → "FO", "Målområde" → "MO": first letter of each part of the compound. */
function shortOf(label: string): { sv: string; en: string } {
  const sv =
    label.toLocaleLowerCase('sv').endsWith('område') && label.length > 6
      ? `${label.charAt(0).toUpperCase()}O`
      : label.slice(0, 2).toUpperCase();
  const en = englishKind(label)
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
  return { sv, en: en.length >= 2 ? en : en + englishKind(label).charAt(1).toUpperCase() };
}
