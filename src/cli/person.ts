/**
 * npm run person -- show <e-mail> | forget <e-mail> [--yes]: everything the bot keeps about one
 * person, and erasing it (GDPR articles 15 and 17), the same use cases as the admins'
 * "personuppgifter" and "glöm" in Teams. Without --yes, forget only says what would go.
 */
import { parsePerson } from '../core/followup/person';
import { OPERATOR } from '../usecases/access';
import { forgetPerson, showPersonalData } from '../usecases/personal-data';
import { refusalText } from '../bot/followup/refusals';
import { openForOperator, runCommand } from './operator-service';

async function main(): Promise<number> {
  const [verb, who] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const person = who ? parsePerson(who) : null;
  if ((verb !== 'show' && verb !== 'forget') || !person) {
    console.error(
      'Usage: npm run person -- show <e-mail or Entra object id>\n       npm run person -- forget <e-mail or Entra object id> [--yes]',
    );
    return 2;
  }
  const session = await openForOperator(`"${verb === 'show' ? 'personuppgifter' : 'glöm'} ${who}"`);
  if (typeof session === 'number') return session;
  const { store, service } = session;
  try {
    if (verb === 'show') {
      const result = await showPersonalData(service, OPERATOR, { person });
      if (!result.ok) return fail(refusalText(result, 'en'));
      console.log(JSON.stringify(result.data, null, 2));
      return 0;
    }
    const confirmed = process.argv.includes('--yes');
    const result = await forgetPerson(service, OPERATOR, { person, confirmed });
    if (!result.ok) return fail(refusalText(result, 'en'));
    if ('toConfirm' in result) {
      console.log(JSON.stringify(result.toConfirm, null, 2));
      console.log('\nNothing erased yet. Run again with --yes to erase this person (answers stay with their unit as "borttagen person").');
      return 0;
    }
    console.log(`Erased: ${JSON.stringify(result.erased)}`);
    return 0;
  } finally {
    await store.close();
  }
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

runCommand(main);
