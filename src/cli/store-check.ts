/**
 * npm run store:check -- [--dir <folder>] [--repair]
 * Checks the embedded store's journals (default: STORE_DIR) and reports every damaged line.
 * With --repair, writes a repaired copy beside each damaged journal; never changes a journal.
 * Exit code: 0 all clean, 1 damage found, 2 wrong usage.
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../config';
import { checkStoreFolder, describeReports } from '../store/journal-check';

function main(): number {
  const args = process.argv.slice(2);
  const dirIndex = args.indexOf('--dir');
  const unknown = args.filter((a, i) => a !== '--repair' && a !== '--dir' && i !== dirIndex + 1);
  if (unknown.length > 0 || (dirIndex >= 0 && !args[dirIndex + 1])) {
    console.error('Usage: npm run store:check -- [--dir <store folder>] [--repair]');
    return 2;
  }
  const directory = dirIndex >= 0 ? args[dirIndex + 1]! : loadConfig().storeDir;
  if (!existsSync(directory)) {
    console.error(`${directory}: no such folder`);
    return 2;
  }
  const reports = checkStoreFolder(directory, { repair: args.includes('--repair') });
  console.log(describeReports(reports, directory));
  return reports.some((r) => r.damage.length > 0) ? 1 : 0;
}

process.exitCode = main();
