/**
 * A closed round as a package the registrar can hand out as it is and archive (offentlighetsprincipen,
 * arkivlagen): every answer with its history as CSV and as JSON with a documented schema, the plan
 * version the round asked about, the report files made by the caller, and a README naming the
 * round, when it was closed, the files and their SHA-256 checksums. Pure: plain data in, bytes out.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Answer, AnswerChange, Person, Round } from '../followup/model';
import { statusLabel } from '../followup/model';
import type { Plan } from '../plan/model';
import { roundLabel } from '../followup/periods';
import schema from './answers.schema.json';

export interface ArchiveFile {
  name: string;
  body: Buffer;
  /** What the file is, in a line of the README. */
  about: string;
}

export interface ArchiveInput {
  plan: Plan;
  round: Round;
  answers: Answer[];
  history: AnswerChange[];
  /** The report as the council got it (Word, Excel), made by the caller. */
  reports: ArchiveFile[];
  /** When the package was made (ISO 8601). */
  madeAt: string;
}

export const ARCHIVE_FORMAT = 'trygghetsbot-arkiv/1';
export const SCHEMA_FILE = 'arkiv-svar.schema.json';
export const CHECKSUMS_FILE = 'SHA256SUMS';

const sha256 = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

/** CSV as Swedish Excel opens it: UTF-8 with a BOM, semicolons, every field quoted where needed. */
function csv(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${stringify(rows, { delimiter: ';', record_delimiter: '\r\n' })}`, 'utf8');
}

/** A person as the archive names them: by name and e-mail, never by an internal id. */
const archivedPerson = (p: Person): { name: string; email?: string } => ({
  name: p.name ?? p.upn ?? 'okänd',
  ...(p.upn ? { email: p.upn } : {}),
});

/** The package's name for a round: "2024", "2025-H1". */
export const archiveLabel = (year: number): string => roundLabel(year).replace(' ', '-');

export function archiveFiles(input: ArchiveInput): ArchiveFile[] {
  const { plan, round } = input;
  const label = archiveLabel(round.year);
  const byAction = new Map(plan.actions.map((a) => [a.id, a]));
  const areaTitle = new Map(plan.areas.map((a) => [a.id, a.title]));
  const label_ = (status: string) => statusLabel(plan.followUp.statuses, status);
  // The plan's order: group, then row; a unit's answers after one another.
  const order = new Map(plan.actions.map((a, i) => [a.id, i]));
  const answers = [...input.answers].sort(
    (a, b) => (order.get(a.actionId) ?? 1e9) - (order.get(b.actionId) ?? 1e9) || a.unit.localeCompare(b.unit, 'sv'),
  );
  const history = [...input.history].sort((a, b) => a.at.localeCompare(b.at));

  const answerRows = answers.map((a) => {
    const action = byAction.get(a.actionId);
    const who = archivedPerson(a.answeredBy);
    return [
      action ? (areaTitle.get(action.areaId) ?? '') : '',
      action ? `${action.group}. ${action.groupTitle}` : '',
      a.actionId,
      action?.text ?? '',
      action?.ansvarig.asPrinted ?? '',
      action?.samverkan.asPrinted ?? '',
      action?.finansiering.asPrinted ?? '',
      a.unit,
      label_(a.status),
      a.description,
      who.name,
      who.email ?? '',
      a.answeredAt,
      a.onBehalf ? 'ja' : 'nej',
    ];
  });
  const answersCsv = csv([
    [
      // The plan's own kinds of area (målområde, arbetssätt, fokusområde): one column for all.
      'Område',
      'Åtgärdsgrupp',
      'Id',
      'Åtgärd',
      'Ansvarig',
      'Samverkan',
      'Finansiering',
      'Svarande enhet',
      'Status',
      'Beskrivning av utveckling',
      'Besvarad av',
      'E-post',
      'Besvarad (UTC)',
      'För enhetens räkning',
    ],
    ...answerRows,
  ]);
  const historyCsv = csv([
    [
      'Id',
      'Svarande enhet',
      'Ändrad (UTC)',
      'Ändrad av',
      'E-post',
      'Status före',
      'Beskrivning före',
      'Status efter',
      'Beskrivning efter',
      'För enhetens räkning',
    ],
    ...history.map((h) => {
      const who = archivedPerson(h.by);
      return [
        h.actionId,
        h.unit,
        h.at,
        who.name,
        who.email ?? '',
        h.before ? label_(h.before.status) : '',
        h.before?.description ?? '',
        label_(h.after.status),
        h.after.description,
        h.onBehalf ? 'ja' : 'nej',
      ];
    }),
  ]);
  const historyOf = (a: Answer) => history.filter((h) => h.actionId === a.actionId && h.unit === a.unit);
  const json = {
    $schema: `./${SCHEMA_FILE}`,
    format: ARCHIVE_FORMAT,
    round: {
      label: roundLabel(round.year),
      deadline: round.deadline,
      startedAt: round.startedAt,
      closedAt: round.closedAt ?? null,
      planVersion: round.planVersion,
    },
    plan: {
      municipality: plan.source.municipality,
      title: plan.source.title,
      diarienummer: plan.source.diarienummer,
      version: plan.planVersion,
    },
    answers: answers.map((a) => ({
      actionId: a.actionId,
      ...(byAction.get(a.actionId) ? { actionText: byAction.get(a.actionId)!.text } : {}),
      unit: a.unit,
      status: a.status,
      statusLabel: label_(a.status),
      description: a.description,
      answeredBy: archivedPerson(a.answeredBy),
      answeredAt: a.answeredAt,
      onBehalf: a.onBehalf,
      history: historyOf(a).map((h) => ({
        by: archivedPerson(h.by),
        at: h.at,
        before: h.before ? { status: h.before.status, description: h.before.description } : null,
        after: { status: h.after.status, description: h.after.description },
        onBehalf: h.onBehalf,
      })),
    })),
  };
  const files: ArchiveFile[] = [
    ...input.reports,
    {
      name: `svar-${label}.csv`,
      body: answersCsv,
      about: 'varje svar: åtgärd, enhet, status, beskrivning, vem som svarade och när (CSV, UTF-8, semikolon)',
    },
    { name: `historik-${label}.csv`, body: historyCsv, about: 'varje ändring av ett svar, äldst först (CSV, UTF-8, semikolon)' },
    {
      name: `svar-${label}.json`,
      body: Buffer.from(`${JSON.stringify(json, null, 2)}\n`),
      about: `svaren med sin historik som JSON, enligt ${SCHEMA_FILE}`,
    },
    {
      name: SCHEMA_FILE,
      body: Buffer.from(`${JSON.stringify(schema, null, 2)}\n`),
      about: 'JSON Schema (2020-12) som beskriver JSON-filen',
    },
    {
      name: `plan-${plan.planVersion}.json`,
      body: Buffer.from(`${JSON.stringify(plan, null, 2)}\n`),
      about: `planversionen ${plan.planVersion} som omgången frågade om, som boten läste in den`,
    },
  ];
  const readme = readmeText(input, files, answers.length, history.length);
  const all = [{ name: 'LASMIG.txt', body: Buffer.from(readme, 'utf8'), about: 'den här filen' }, ...files];
  const sums = all.map((f) => `${sha256(f.body)}  ${f.name}\n`).join('');
  return [...all, { name: CHECKSUMS_FILE, body: Buffer.from(sums, 'utf8'), about: 'SHA-256 för varje fil (sha256sum -c SHA256SUMS)' }];
}

function readmeText(input: ArchiveInput, files: ArchiveFile[], answers: number, changes: number): string {
  const { plan, round, madeAt } = input;
  const lines = [
    `Arkivpaket: uppföljning ${roundLabel(round.year)} av ${plan.source.title}`,
    `${plan.source.municipality}${plan.source.diarienummer ? `, ${plan.source.diarienummer}` : ''}`,
    '',
    `Omgång:            ${roundLabel(round.year)} (planversion ${round.planVersion})`,
    `Startad:           ${round.startedAt}`,
    `Sista svarsdag:    ${round.deadline}`,
    `Stängd:            ${round.closedAt ?? '(inte stängd)'}`,
    `Paketet skapat:    ${madeAt}`,
    `Svar:              ${answers}, ändringar i historiken: ${changes}`,
    '',
    'Svaren är allmänna handlingar. Tider är UTC (ISO 8601).',
    '',
    'Filer (SHA-256):',
    ...files.map((f) => `  ${f.name}\n    ${sha256(f.body)}\n    ${f.about}`),
    '',
    `Kontroll: sha256sum -c ${CHECKSUMS_FILE} (Windows: Get-FileHash -Algorithm SHA256 <fil>).`,
    '',
  ];
  return lines.join('\n');
}
