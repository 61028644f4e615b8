/**
 * The follow-up as the command line's operator uses it: the store opened (or told plainly that the
 * running bot holds it), and the same service the bot builds, on the plan in use and its earlier versions.
 */
import { loadConfig, type Config } from '../config';
import { glossaryFor, loadPlan, planVersions } from '../plan-files';
import { openStore } from '../store/open-store';
import { StoreLockedError } from '../store/store-lock';
import type { DocumentStore } from '../store/document-store';
import { recordsOn } from '../persistence/records-on-store';
import { FollowUp } from '../usecases/follow-up';

export interface OperatorSession {
  config: Config;
  store: DocumentStore;
  service: FollowUp;
}

/** The session, or an exit code after saying why not. `inTeams`: how to do the same in Teams while the bot runs. */
export async function openForOperator(inTeams: string): Promise<OperatorSession | number> {
  const config = loadConfig();
  let store: DocumentStore;
  try {
    store = await openStore(config);
  } catch (error) {
    if (!(error instanceof StoreLockedError)) {
      console.error(`Cannot open the store: ${(error as Error).message}`);
      return 1;
    }
    // The embedded store belongs to one process at a time: the running bot has it.
    console.error(
      `The bot is running on this store (${config.storeDir}), so this command cannot open it.\n` +
        `Either do it in Teams: ${inTeams},\nor stop the bot, run this command again, and start the bot afterwards.`,
    );
    return 1;
  }
  const plan = loadPlan(config.planFile);
  const service = new FollowUp(
    recordsOn(store),
    plan,
    glossaryFor(plan, config.glossaryFile),
    config.bootstrapAdmins,
    planVersions(config.planFile),
  );
  return { config, store, service };
}

/** The value after `--name` on the command line. */
export function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Runs a command's main and exits with its code; an exception is printed and exits 1. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
