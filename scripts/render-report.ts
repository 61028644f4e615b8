/**
 * npm run report:render [-- report.docx]
 *
 * Renders the first pages of a Word report to PNG, to look at before calling a change to the
 * report done: LibreOffice headless makes a PDF, pdftoppm (poppler-utils) the pages. Not part of
 * npm test: it needs Debian's libreoffice-writer and poppler-utils
 * (apt-get install --no-install-recommends libreoffice-writer poppler-utils).
 * Without a file it builds a sample: Linköping's plan with a round half answered (some on a
 * unit's behalf), still open, and the previous year's round.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildReport, publicReport } from '../src/core/report/report-model';
import { obligationsFor } from '../src/core/followup/obligations';
import { reportDocument } from '../src/export/docx';
import { loadGlossary, loadPlan } from '../src/plan-files';
import { projectRoot } from '../src/project-root';
import type { Answer } from '../src/core/followup/model';

/** The sample report as a Word file: Linköping's plan, half answered, open, with last year's round. */
export async function sampleDocument(out: string, options: { personNames?: boolean } = {}): Promise<void> {
  const root = projectRoot(__dirname);
  const plan = loadPlan(join(root, 'data/plan/plan-2023.json'));
  const glossary = loadGlossary(join(root, 'data/glossary/units.json'));
  const obligations = obligationsFor(plan, glossary);
  const keys = plan.followUp.statuses.map((s) => s.key);
  const person = { name: 'Anna Andersson', upn: 'anna@example.com' };
  const answersOf = (year: number, share: number): Answer[] =>
    obligations
      .filter((_, i) => i % share === 0)
      .map((o, i) => ({
        year,
        actionId: o.actionId,
        unit: o.unit,
        status: keys[(i + year) % keys.length]!,
        description: `Under ${year} har arbetet med ${o.actionId} fortsatt; ${i % 2 ? 'förutsättningarna finns' : 'medel saknas för nästa steg'}.`,
        answeredBy: person,
        answeredAt: `${year}-12-10T09:30:00Z`,
        onBehalf: i % 9 === 0,
      }));
  const round = (year: number, state: 'open' | 'closed') => ({
    year,
    deadline: `${year + 1}-02-28`,
    state,
    planVersion: plan.planVersion,
    startedBy: person,
    startedAt: `${year}-12-01T08:00:00Z`,
    reminderDaysBefore: [],
  });
  const report = buildReport({
    plan,
    round: round(2026, 'open'),
    obligations,
    answers: answersOf(2026, 2),
    previousAnswers: answersOf(2025, 1),
    contacts: [{ unit: 'SF', person }],
    glossary,
  });
  const filed = publicReport(report, { personNames: options.personNames ?? false });
  writeFileSync(out, await reportDocument(filed, { compiledBy: 'Sara Säkerhetschef' }));
}

/** A Word file as LibreOffice prints it: the PDF's path (beside the file, or in `dir`). */
export function toPdf(file: string, dir: string): string {
  // A profile of its own: a LibreOffice already open (or another conversion) holds the default one.
  const profile = `-env:UserInstallation=file://${join(dir, '.libreoffice-profile')}`;
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 180_000 });
  return join(dir, basename(file).replace(/\.docx$/i, '.pdf'));
}

async function main(): Promise<void> {
  const dir = resolve('.data/report-pages');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = process.argv[2] && !process.argv[2].startsWith('--') ? resolve(process.argv[2]) : join(dir, 'exempel.docx');
  if (file.endsWith('exempel.docx')) await sampleDocument(file);
  const pdf = toPdf(file, dir);
  const last = process.argv.includes('--all') ? [] : ['-l', '8'];
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', ...last, pdf, join(dir, 'sida')], { timeout: 60_000 });
  console.log(
    `Pages in ${dir}: ${readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .join(', ')}`,
  );
}

if (require.main === module)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
