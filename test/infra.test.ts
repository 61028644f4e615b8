/** The Azure template and the code must agree on names, partition keys and settings. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTAINERS, PARTITION_KEY_PATH } from '../src/store/document-store';
import { loadConfig } from '../src/config';
import { assertProductionReady } from '../src/production-ready';
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
    // The loop below checks nothing if the pattern finds no settings: it must find the template's.
    assert.ok(Object.keys(settings).length >= 15, `${Object.keys(settings).length} settings read from the template`);
    for (const name of ['MicrosoftAppId', 'COSMOS_ENDPOINT', 'GRAPH_ENDPOINT', 'TEAMS_APP_ID', 'ALLOWED_TENANTS'])
      assert.ok(name in settings, name);
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
    // A Toolkit env file leaves ALLOWED_TENANTS blank: the bot's own tenant, as the template sets it.
    const tenant = '72f988bf-0000-4000-8000-000000000002';
    const blank = loadConfig({ ...env, MicrosoftAppTenantId: tenant, ALLOWED_TENANTS: '' });
    assert.deepEqual(blank.allowedTenants, [tenant]);
    assert.doesNotThrow(() => assertProductionReady(blank));
    assert.match(bicep, /value: empty\(allowedTenants\) \? subscription\(\)\.tenantId : allowedTenants/);
    assert.match(bicep, /healthCheckPath: '\/readyz'/);
    assert.match(bicep, /endpoint: 'https:\/\/\$\{web\.properties\.defaultHostName\}\/api\/messages'/);
  });

  it("deploys on a supported Node LTS that package.json's engines allow", () => {
    const major = Number(/linuxFxVersion: 'NODE\|(\d+)-lts'/.exec(bicep)?.[1]);
    assert.ok([22, 24].includes(major), `App Service runs Node ${major}; Node 20 reached end of life in April 2026`);
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    assert.match(engines, new RegExp(`\\^${major}(\\.|\\b)`));
  });

  it('points the bot at Microsoft Graph, never the retired Azure AD Graph', () => {
    const infra = readdirSync(join(ROOT, 'infra')).map((f) => readFileSync(join(ROOT, 'infra', f), 'utf8'));
    const code = ['src/config.ts', 'src/graph/graph-client.ts', 'src/graph/graph-directory.ts'].map((f) =>
      readFileSync(join(ROOT, f), 'utf8'),
    );
    for (const text of [...infra, ...code]) {
      assert.doesNotMatch(text, /environment\(\)\.graph/);
      assert.doesNotMatch(text, /graph\.windows\.net/);
    }
    assert.match(bicep, /\{ name: 'GRAPH_ENDPOINT', value: graphEndpoint \}/);
    assert.equal(/^param graphEndpoint string = '([^']*)'/m.exec(bicep)?.[1], 'https://graph.microsoft.com');
  });

  it('gives the globally named resources a suffix unique to the resource group, so a common name is never taken', () => {
    assert.match(bicep, /^var uniqueName = toLower\('\$\{name\}-\$\{uniqueString\(resourceGroup\(\)\.id, name\)\}'\)/m);
    for (const type of ['Microsoft.DocumentDB/databaseAccounts@', 'Microsoft.Web/sites@', 'Microsoft.BotService/botServices@']) {
      const block = bicep.slice(bicep.indexOf(`'${type}`));
      assert.match(/name: ([^\n]+)/.exec(block)![1]!, /uniqueName|webName/, `${type} is named with the unique suffix`);
    }
    assert.match(bicep, /value: 'https:\/\/\$\{webName\}\.azurewebsites\.net'/);
  });

  it('takes from the Toolkit every parameter it passes, the Teams app id among them, and names no value the Toolkit never writes', () => {
    const parameters = JSON.parse(readFileSync(join(ROOT, 'infra/main.parameters.json'), 'utf8')) as {
      parameters: Record<string, { value: string }>;
    };
    const params = new Set([...bicep.matchAll(/^param (\w+) /gm)].map((m) => m[1]));
    for (const name of Object.keys(parameters.parameters)) assert.ok(params.has(name), `${name} is a parameter of main.bicep`);
    assert.equal(parameters.parameters.teamsAppId?.value, '${{TEAMS_APP_ID}}');
    // Every ${{X}} comes from the env file or from a provision step that runs before arm/deploy.
    const envFile = readFileSync(join(ROOT, 'env/.env.dev'), 'utf8');
    const yml = readFileSync(join(ROOT, 'm365agents.yml'), 'utf8');
    const beforeArm = yml.slice(yml.indexOf('provision:'), yml.indexOf('uses: arm/deploy'));
    for (const [, variable] of JSON.stringify(parameters).matchAll(/\$\{\{(\w+)\}\}/g)) {
      assert.ok(new RegExp(`^${variable}=`, 'm').test(envFile), `${variable} is in env/.env.dev`);
      if (variable === 'TEAMS_APP_ID') assert.match(beforeArm, /teamsAppId: TEAMS_APP_ID/);
    }
    // The app id the Toolkit made reaches the bot; without one, the manifest's.
    assert.match(bicep, /\{ name: 'TEAMS_APP_ID', value: empty\(teamsAppId\) \? manifestTeamsAppId : teamsAppId \}/);
    const manifestId = (JSON.parse(readFileSync(join(ROOT, 'appPackage/manifest.json'), 'utf8')) as { id: string }).id;
    assert.equal(stringVar('manifestTeamsAppId'), manifestId);
    assert.match(yml, /^version: v1\.14$/m);
    assert.match(yml, /\$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.14\/yaml\.schema\.json/);
  });

  it('turns off basic-auth and FTP publishing: deployments sign in with Entra ID', () => {
    for (const kind of ['ftp', 'scm']) {
      assert.match(
        bicep,
        new RegExp(
          `basicPublishingCredentialsPolicies@[\\d-]+' = \\{\\s*parent: web\\s*name: '${kind}'\\s*properties: \\{ allow: false \\}`,
        ),
      );
    }
  });
});
