/** npm run report -- --year 2024 (or "2025 H1", "2025-T2") --format docx|xlsx|md [--out file] */
import { writeFileSync } from 'node:fs';
import { OPERATOR } from '../usecases/access';
import { summarizeRound } from '../usecases/summarize-round';
import { reportFileFor } from '../usecases/report';
import { parseRoundRef, roundLabel } from '../core/followup/periods';
import { argument, openForOperator, runCommand } from './operator-service';

async function main(): Promise<number> {
  const year = parseRoundRef(argument('year') ?? '');
  const format = argument('format') ?? 'xlsx';
  if (year === null || !['xlsx', 'md', 'docx'].includes(format)) {
    console.error('Usage: npm run report -- --year 2024 (or 2025-H1, 2025-T2) --format docx|xlsx|md [--out file]');
    return 2;
  }
  const session = await openForOperator(`"sammanställning ${roundLabel(year)}" and press "Exportera rapport" on the summary card`);
  if (typeof session === 'number') return session;
  const { store, service, config } = session;
  try {
    // The same use case as the admin's "sammanställning" in Teams, run by the operator.
    const summarized = await summarizeRound(service, OPERATOR, { year });
    if (!summarized.ok) {
      console.error(`There is no follow-up round for ${roundLabel(year)}.`);
      return 1;
    }
    const { report } = summarized;
    // The file as the admins get it in Teams: a public record, people named only with REPORT_PERSON_NAMES=true.
    const file = await reportFileFor(service, OPERATOR, { year, format }, { personNames: config.reportPersonNames });
    if (!file.ok) throw new Error(`the report for ${roundLabel(year)} could not be made`);
    const out = argument('out') ?? file.file.fileName;
    writeFileSync(out, file.file.body);
    console.log(
      `Report for ${roundLabel(year)}: ${report.rows.length} rows, ${report.rows.filter((r) => r.status).length} answered → ${out}`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

runCommand(main);
