/** The core stays pure: the plan model, question answering, round rules and report import no adapter. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixtures/plan';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  it('keeps src/core free of Teams, Bot Framework, Cosmos DB, HTTP servers and the adapters', () => {
    const forbidden =
      /from '(botbuilder[^']*|@microsoft\/teams-ai|@azure\/cosmos|@azure\/identity|restify|exceljs|pino|\.\.\/\.\.\/(bot|store|server|application|export|delivery|usecases)\/[^']*|\.\.\/\.\.\/(config|log))'/;
    const offenders = files(join(ROOT, 'src/core')).filter((f) => forbidden.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('keeps the use cases free of Teams, Bot Framework and HTTP', () => {
    const forbidden = /from '(botbuilder[^']*|@microsoft\/teams-ai|restify|\.\.\/(bot|server)\/[^']*)'/;
    assert.deepEqual(
      files(join(ROOT, 'src/usecases')).filter((f) => forbidden.test(readFileSync(f, 'utf8'))),
      [],
    );
  });

  it("keeps the follow-up service's data out of the adapter: Teams code calls use cases", () => {
    const reachesData = /service\.data\b/;
    assert.deepEqual(
      files(join(ROOT, 'src/bot')).filter((f) => reachesData.test(readFileSync(f, 'utf8'))),
      [],
    );
  });

  it('keeps the Teams adapter away from the storage layer: it goes through the use cases', () => {
    const forbidden = /from '(\.\.\/)+store\/[^']*'/;
    assert.deepEqual(
      files(join(ROOT, 'src/bot')).filter((f) => forbidden.test(readFileSync(f, 'utf8'))),
      [],
    );
  });
});
