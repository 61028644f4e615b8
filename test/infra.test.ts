/** The Azure template and the code must agree on names, partition keys and settings. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTAINERS, PARTITION_KEY_PATH } from '../src/store/document-store';
import { loadConfig } from '../src/config';
import { assertProductionReady } from '../src/bot-runtime';
import { ROOT } from './fixtures/plan';

const bicep = readFileSync(join(ROOT, 'infra/main.bicep'), 'utf8');
const stringVar = (name: string) => new RegExp(`^var ${name} = '([^']*)'`, 'm').exec(bicep)?.[1];

describe('infrastructure as code', () => {
  it("creates the containers the code uses, each partitioned on the code's key, in the code's database", () => {
    const block = /^var containers = \[([\s\S]*?)\]/m.exec(bicep)?.[1] ?? '';
    const names = [...block.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    assert.deepEqual(names, [...CONTAINERS]);
    assert.equal(stringVar('partitionKeyPath'), PARTITION_KEY_PATH);
    assert.match(bicep, /partitionKey: \{ paths: \[ partitionKeyPath \]/);
    assert.equal(stringVar('databaseName'), loadConfig({}).cosmos.database);
  });

  it('gives the identity data-plane access to Cosmos DB and no account keys', () => {
    assert.match(bicep, /disableLocalAuth: true/);
    assert.match(bicep, /sqlRoleAssignments/);
    assert.match(bicep, /principalId: identity\.properties\.principalId/);
    assert.doesNotMatch(bicep, /listKeys|primaryMasterKey|COSMOS_KEY/);
  });

  it('sets only settings the code reads, and they make a production configuration that starts', () => {
    const settings = Object.fromEntries(
      [...bicep.matchAll(/\{ name: '([A-Za-z_]+)', value: ([^}]+) \}/g)].map((m) => [m[1]!, m[2]!.trim()]),
    );
    const code = ['src/config.ts', 'src/store/open-store.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    for (const name of Object.keys(settings)) {
      // Read by Node, by @azure/identity and by App Service's Application Insights agent, not by this code.
      if (
        [
          'NODE_ENV',
          'AZURE_CLIENT_ID',
          'APPLICATIONINSIGHTS_CONNECTION_STRING',
          'ApplicationInsightsAgent_EXTENSION_VERSION',
          'SCM_DO_BUILD_DURING_DEPLOYMENT',
        ].includes(name)
      )
        continue;
      assert.ok(code.includes(name), `${name} is set in Azure but not read by the code`);
    }
    const env = {
      NODE_ENV: 'production',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
      MicrosoftAppTenantId: 't',
      ALLOWED_TENANTS: '72f988bf-0000-0000-0000-000000000001',
      COSMOS_ENDPOINT: 'https://x.documents.azure.com:443/',
    };
    assert.doesNotThrow(() => assertProductionReady(loadConfig(env)));
    assert.throws(() => assertProductionReady(loadConfig({ ...env, ALLOWED_TENANTS: '' })), /ALLOWED_TENANTS/);
    assert.match(bicep, /healthCheckPath: '\/readyz'/);
    assert.match(bicep, /endpoint: 'https:\/\/\$\{web\.properties\.defaultHostName\}\/api\/messages'/);
  });

  it("deploys on a supported Node LTS that package.json's engines allow", () => {
    const major = Number(/linuxFxVersion: 'NODE\|(\d+)-lts'/.exec(bicep)?.[1]);
    assert.ok([22, 24].includes(major), `App Service runs Node ${major}; Node 20 reached end of life in April 2026`);
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    assert.match(engines, new RegExp(`\\^${major}(\\.|\\b)`));
  });
});
