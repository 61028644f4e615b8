/** npm run report -- --year 2024 (or "2025 H1", "2025-T2") --format docx|xlsx|md [--out file] */
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../config';
import { glossaryFor, loadPlan, planVersions } from '../plan-files';
import { openStore } from '../store/open-store';
import { StoreLockedError } from '../store/store-lock';
import { recordsOn } from '../persistence/records-on-store';
import { FollowUp } from '../usecases/follow-up';
import { OPERATOR } from '../usecases/access';
import { summarizeRound } from '../usecases/summarize-round';
import { reportFileFor } from '../usecases/report';
import { parseRoundRef, roundLabel } from '../core/followup/periods';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const year = parseRoundRef(arg('year') ?? '');
  const format = arg('format') ?? 'xlsx';
  if (year === null || !['xlsx', 'md', 'docx'].includes(format)) {
    console.error('Usage: npm run report -- --year 2024 (or 2025-H1, 2025-T2) --format docx|xlsx|md [--out file]');
    return 2;
  }
  const config = loadConfig();
  let store;
  try {
    store = await openStore(config);
  } catch (error) {
    if (!(error instanceof StoreLockedError)) throw error;
    // The embedded store belongs to one process at a time: the running bot has it.
    console.error(
      `The bot is running on this store (${config.storeDir}), so this command cannot open it.\n` +
        'Either ask the bot in Teams: "sammanställning ' +
        roundLabel(year) +
        '" and press "Exportera rapport" on the summary card,\n' +
        'or stop the bot, run this command again, and start the bot afterwards.',
    );
    return 1;
  }
  try {
    const plan = loadPlan(config.planFile);
    const service = new FollowUp(recordsOn(store), plan, glossaryFor(plan, config.glossaryFile), [], planVersions(config.planFile));
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
    const out = arg('out') ?? file.file.fileName;
    writeFileSync(out, file.file.body);
    console.log(
      `Report for ${roundLabel(year)}: ${report.rows.length} rows, ${report.rows.filter((r) => r.status).length} answered → ${out}`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
