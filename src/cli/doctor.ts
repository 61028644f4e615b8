/**
 * npm run doctor: checks everything the bot needs in this tenant, with the settings `npm start`
 * reads (src/doctor/doctor.ts), one line each: ok, skipped, or FAILED with exactly what is missing
 * and how to fix it. Run it on your machine or in the App Service console (SSH: cd
 * /home/site/wwwroot && node dist/src/cli/doctor.js). Exits 0 only when nothing checked failed.
 */
import { ConfigError, loadConfig } from '../config';
import { openStore } from '../store/open-store';
import { projectRoot } from '../project-root';
import { runDoctor } from '../doctor/doctor';
import { allHeld, failed, type CheckResult } from '../doctor/check';
import { glossaryFor, loadPlan } from '../plan-files';
import { recordsOn } from '../persistence/records-on-store';
import { codesWithoutName, withEntries } from '../core/plan/glossary';
import type { Config } from '../config';

/** The plan's codes nobody has named, with the names given in chat read from the store (the bot's own `diagnos` uses its open store). */
async function unnamedCodesOf(config: Config): Promise<string[]> {
  const plan = loadPlan(config.planFile);
  const store = await openStore(config);
  try {
    const entries = await recordsOn(store).words.listGlossaryEntries();
    return codesWithoutName(plan, withEntries(glossaryFor(plan, config.glossaryFile), entries));
  } finally {
    await store.close();
  }
}

const LABEL = { ok: 'ok     ', todo: 'to do  ', skipped: 'skipped', failed: 'FAILED ' } as const;

export function formatChecks(results: CheckResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${LABEL[r.status]}  ${r.name}: ${r.detail}`);
    if (r.fix) lines.push(`         fix: ${r.fix}`);
  }
  const failures = results.filter((r) => r.status === 'failed').length;
  lines.push(failures === 0 ? 'Everything checked holds.' : `${failures} of ${results.length} checks failed.`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.log(formatChecks([failed('configuration', error.problems.join(' '), 'correct the settings named above')]));
    return 1;
  }
  const results = await runDoctor({
    config,
    openStore: () => openStore({ ...config, production: config.production }),
    root: projectRoot(__dirname),
    unnamedCodes: () => unnamedCodesOf(config),
  });
  console.log(formatChecks(results));
  return allHeld(results) ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
