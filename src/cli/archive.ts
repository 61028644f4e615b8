/**
 * npm run archive -- --round 2024 --out <dir>: a closed round's archive package for the registrar
 * (the report as Word and Excel, the answers and their history as CSV and JSON, the plan version, a
 * README with checksums), the same package as the admins' button on the closed round's summary.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRoundRef, roundLabel } from '../core/followup/periods';
import { archivePackage, markArchived } from '../usecases/archive-round';
import { OPERATOR } from '../usecases/access';
import { refusalText } from '../bot/followup/refusals';
import { argument, openForOperator, runCommand } from './operator-service';

async function main(): Promise<number> {
  const year = parseRoundRef(argument('round') ?? argument('year') ?? '');
  const out = argument('out');
  if (year === null || !out) {
    console.error('Usage: npm run archive -- --round 2024 (or 2025-H1) --out <directory>');
    return 2;
  }
  // An archive is never written over: a folder with files in it is someone's earlier package.
  if (existsSync(out) && readdirSync(out).length > 0) {
    console.error(`${out} is not empty: give a new or empty directory, so that no earlier package is overwritten.`);
    return 1;
  }
  const session = await openForOperator(
    `"sammanställning ${roundLabel(year)}" and press "Arkivpaket för registrator (zip)" on the summary card`,
  );
  if (typeof session === 'number') return session;
  const { store, service, config } = session;
  try {
    const started = performance.now();
    const result = await archivePackage(service, OPERATOR, { year }, { personNames: config.reportPersonNames });
    if (!result.ok) {
      console.error(refusalText(result, 'en'));
      return 1;
    }
    mkdirSync(out, { recursive: true });
    for (const file of result.files) writeFileSync(join(out, file.name), file.body);
    await markArchived(service, year);
    console.log(`Archive package for follow-up ${roundLabel(year)} → ${resolve(out)} (${Math.round(performance.now() - started)} ms)`);
    for (const file of result.files) console.log(`  ${file.name.padEnd(32)} ${String(file.body.length).padStart(9)} bytes`);
    console.log('Check it with: sha256sum -c SHA256SUMS (in that directory).');
    return 0;
  } finally {
    await store.close();
  }
}

runCommand(main);
