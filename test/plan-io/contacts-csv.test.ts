import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readContactsCsv } from '../../src/plan-io/contacts-csv';
import { FileStore } from '../../src/store/file-store';
import { recordsOn } from '../../src/persistence/records-on-store';
import { ROOT } from '../fixtures/plan';

describe('contacts from CSV', () => {
  const units = ['SF', 'KLF', 'MOS'];
  it('reads comma and semicolon files with Swedish or English headers', () => {
    const comma = readContactsCsv('unit,person,name\nSF,anna@example.com,Anna\nKLF,6B1E4C7A-0000-4000-8000-000000000001,\n', units);
    assert.deepEqual(comma.errors, []);
    assert.deepEqual(comma.contacts, [
      { unit: 'SF', person: { upn: 'anna@example.com', name: 'Anna' } },
      { unit: 'KLF', person: { aadObjectId: '6b1e4c7a-0000-4000-8000-000000000001' } },
    ]);
    const semicolon = readContactsCsv('\uFEFFEnhet;E-post;Namn\r\nMOS;erik@example.com;Erik Ek\r\n', units);
    assert.deepEqual(semicolon.contacts, [{ unit: 'MOS', person: { upn: 'erik@example.com', name: 'Erik Ek' } }]);
  });
  it('names every wrong line and returns them all', () => {
    const result = readContactsCsv('unit,person\nXYZ,a@example.com\nSF,not a person\nSF,ok@example.com\n', units);
    assert.deepEqual(result.errors, [
      'line 2: unit "XYZ" is not among the plan\'s responsible units',
      'line 3: "not a person" is neither an e-mail address nor an Entra object id',
    ]);
  });
  it('imports with the CLI into the store, and imports nothing when a row is wrong', async function () {
    this.timeout(30_000);
    const dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-csv-'));
    try {
      const good = join(dir, 'good.csv');
      const bad = join(dir, 'bad.csv');
      writeFileSync(good, 'unit,person\nSF,anna@example.com\nKLF,erik@example.com\n');
      writeFileSync(bad, 'unit,person\nSF,sara@example.com\nNOPE,x@example.com\n');
      const env = { ...process.env, STORE_DIR: join(dir, 'store') };
      const run = (file: string) => {
        try {
          return {
            code: 0,
            out: execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/contacts-import.ts'), file], {
              env,
              encoding: 'utf8',
              stdio: 'pipe',
            }),
          };
        } catch (error) {
          const e = error as { status: number; stderr: string };
          return { code: e.status, out: e.stderr };
        }
      };
      assert.match(run(good).out, /Imported 2 contact\(s\) for 2 unit\(s\)/);
      const failed = run(bad);
      assert.equal(failed.code, 1);
      assert.match(failed.out, /line 3: unit "NOPE"/);
      const store = new FileStore(join(dir, 'store'));
      const contacts = await recordsOn(store).people.listContacts();
      await store.close();
      assert.deepEqual(contacts.map((c) => c.person.upn).sort(), ['anna@example.com', 'erik@example.com']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
