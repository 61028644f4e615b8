/**
 * npm run contacts:import -- <contacts.csv> [--replace]
 * Imports unit contacts into the bot's store (the embedded store, or Cosmos DB when COSMOS_ENDPOINT
 * is set). Without --replace, contacts are added; with it, each unit in the file gets exactly the
 * contacts the file lists. Nothing is written if any row is wrong.
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_CONTACTS_FILE_BYTES } from '../core/limits';
import { loadConfig } from '../config';
import { glossaryFor, loadPlan } from '../plan-files';
import { obligationsFor } from '../core/followup/obligations';
import { openStore } from '../store/open-store';
import { recordsOn } from '../persistence/records-on-store';
import { readContactsCsv } from '../plan-io/contacts-csv';
import { FollowUp } from '../usecases/follow-up';
import { OPERATOR } from '../usecases/access';
import { importContacts } from '../usecases/manage-contacts';
import { refusalText } from '../bot/followup/refusals';
import { directoryFromConfig } from '../graph/directory-from-config';
import { createLogger } from '../log';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error(
      'Usage: npm run contacts:import -- <contacts.csv> [--replace]\nColumns: unit, person (e-mail or Entra object id), name (optional).',
    );
    return 2;
  }
  const config = loadConfig();
  const plan = loadPlan(config.planFile);
  const glossary = glossaryFor(plan, config.glossaryFile);
  const units = [...new Set(obligationsFor(plan, glossary).map((o) => o.unit))];
  const size = statSync(file).size;
  if (size > MAX_CONTACTS_FILE_BYTES) {
    console.error(
      `Nothing imported: the file is ${Math.ceil(size / 1024)} KB; a contacts file may be at most ${MAX_CONTACTS_FILE_BYTES / 1024} KB.`,
    );
    return 1;
  }
  const { contacts, errors } = readContactsCsv(readFileSync(file, 'utf8'), units);
  if (errors.length > 0) {
    for (const e of errors) console.error(e);
    console.error(`Nothing imported: ${errors.length} error(s).`);
    return 1;
  }
  let store;
  try {
    store = await openStore(config);
  } catch (error) {
    console.error(`Cannot open the store: ${(error as Error).message}`);
    return 1;
  }
  // The same use cases as the admin's commands in Teams, run by the operator.
  const service = new FollowUp(recordsOn(store), plan, glossary);
  // People given by e-mail are looked up as they are imported (Graph when this installation has it).
  const directory = directoryFromConfig(config, createLogger('warn'));
  try {
    // All or nothing: every limit checked first, then one change that a failure part way undoes.
    const result = await importContacts(service, OPERATOR, { contacts, mode: args.includes('--replace') ? 'replace' : 'add' }, directory);
    if (!result.ok) {
      console.error(`Nothing imported: ${refusalText(result, 'en')}`);
      return 1;
    }
    console.log(
      `Imported ${contacts.length} contact(s) for ${new Set(contacts.map((c) => c.unit)).size} unit(s) into the ${store.kind} store.`,
    );
    // Who cannot be reached yet, and why: for the admin to fix before the round starts.
    for (const c of (await service.people.listContacts()).filter((c) => c.resolution && 'problem' in c.resolution)) {
      const problem = c.resolution && 'problem' in c.resolution ? c.resolution.problem : '';
      console.log(`  not found: ${c.unit} ${c.person.upn ?? c.person.aadObjectId} (${problem})`);
    }
  } finally {
    await store.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
