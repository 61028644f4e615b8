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
    const forbidden = /from '(botbuilder[^']*|@microsoft\/teams-ai|@azure\/cosmos|@azure\/identity|restify|exceljs|pino|\.\.\/\.\.\/(bot|store|server|followup|report|delivery)\/[^']*)'/;
    const offenders = files(join(ROOT, 'src/core')).filter((f) => forbidden.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
