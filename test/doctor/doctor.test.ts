/**
 * npm run doctor against the project's Graph stand-in (which enforces each call's documented
 * permission): once for each way it can fail (each permission missing, the app not in the org
 * catalog, the store down, the manifest built for another bot, the retired Azure AD Graph) and
 * once with everything in place; the CLI's exit code and lines as an admin sees them.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGraph, GRAPH_CALL_PERMISSIONS } from '../../src/devtools/fake-graph';
import { GRAPH_PERMISSIONS } from '../../src/graph/permissions';
import { loadConfig, type Config } from '../../src/config';
import { FileStore } from '../../src/store/file-store';
import { runDoctor } from '../../src/doctor/doctor';
import { allHeld, type CheckResult } from '../../src/doctor/check';
import { ROOT } from '../fixtures/plan';
import { tokenWithRoles } from '../fixtures/token';

const APP = '3c6f0a52-8d1e-4b7e-9f2a-6a1d4b0c7e15';
const ADMIN = 'safety.chief@kommun.example';
const ADMIN_ID = 'aaaaaaaa-0000-4000-8000-00000000000a';
const BOT = '11111111-2222-4333-8444-555555555555';

describe('npm run doctor', function () {
  this.timeout(30_000);
  let graph: FakeGraph;
  let dir: string;
  let config: Config;
  const doctor = (overrides: Partial<Parameters<typeof runDoctor>[0]> = {}) =>
    runDoctor({ config, openStore: async () => new FileStore(join(dir, 'store')), root: dir, graphRetryDelaySeconds: 0, ...overrides });
  const line = (results: CheckResult[], name: string) => results.find((r) => r.name === name)!;

  beforeEach(async () => {
    graph = new FakeGraph();
    await graph.start();
    graph.addUser(ADMIN, ADMIN_ID);
    graph.catalog.push({ id: 'catalog-id-1', externalId: APP, displayName: 'Trygghetsboten', appDefinitions: [{ bot: { id: BOT } }] });
    dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-doctor-'));
    config = loadConfig({ GRAPH_ENDPOINT: graph.address, BOOTSTRAP_ADMINS: ADMIN, TEAMS_APP_ID: APP, STORE_DIR: join(dir, 'store') });
  });
  afterEach(async () => {
    await graph.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with everything in place: every check ok, those needing credentials or a public address skipped', async () => {
    const results = await doctor();
    assert.ok(allHeld(results), JSON.stringify(results, null, 2));
    assert.deepEqual(
      results.filter((r) => r.status === 'ok').map((r) => r.name),
      ['configuration', 'store', 'Graph User.Read.All', 'Graph AppCatalog.Read.All', 'Graph TeamsAppInstallation.ReadWriteSelfForUser.All'],
    );
    assert.deepEqual(
      results.filter((r) => r.status === 'skipped').map((r) => r.name),
      ['Bot Connector token', 'Teams app manifest', 'PUBLIC_URL'],
    );
    assert.match(line(results, 'Graph AppCatalog.Read.All').detail, /catalog id catalog-id-1/);
    // Each permission was tried by its own call, nothing written in the tenant.
    assert.equal(graph.count('GET', /^\/v1\.0\/users\/[^/]+$/), 1);
    assert.equal(graph.count('GET', /appCatalogs/), 1);
    assert.equal(graph.count('GET', /installedApps/), 1);
    assert.equal(graph.count('POST', /./), 0);
  });

  for (const permission of ['User.Read.All', 'AppCatalog.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All']) {
    it(`says exactly which permission is missing, what it is for and the consent command, when ${permission} is not granted`, async () => {
      graph.revoke(permission);
      const results = await doctor();
      assert.equal(allHeld(results), false);
      const failures = results.filter((r) => r.status === 'failed');
      // Only that permission's line fails (without User.Read.All the installed-apps check has nobody to look at).
      assert.deepEqual(
        failures.map((r) => r.name),
        [`Graph ${permission}`],
      );
      assert.match(failures[0]!.detail, new RegExp(`the application permission ${permission.replace(/\./g, '\\.')} is not granted`));
      assert.match(failures[0]!.fix!, new RegExp(`appRoles\\[\\?value=='${permission.replace(/\./g, '\\.')}'\\]`));
      assert.match(failures[0]!.fix!, /az rest --method POST .*appRoleAssignments/);
      if (permission === 'AppCatalog.Read.All') assert.match(failures[0]!.fix!, /TEAMS_CATALOG_APP_ID/);
    });
  }

  it('prints only lines the operations guide explains (docs/drift.md, "Kontrollera")', async () => {
    const guide = readFileSync(join(ROOT, 'docs/drift.md'), 'utf8');
    const explained = new Set([...guide.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!));
    const names = new Set((await doctor()).map((r) => r.name));
    graph.revoke('User.Read.All');
    for (const r of await doctor({ config: { ...config, graphEndpoint: '' } })) names.add(r.name);
    for (const name of ['unit names', 'Graph token']) names.add(name);
    assert.deepEqual(
      [...names].filter((n) => !explained.has(n)),
      [],
    );
  });

  it('says the app is not in the org catalog and how to upload it, and that TEAMS_CATALOG_APP_ID makes the permission needless', async () => {
    graph.catalog.splice(0);
    let results = await doctor();
    const catalog = line(results, 'Graph AppCatalog.Read.All');
    assert.equal(catalog.status, 'failed');
    assert.match(catalog.detail, /not in the organization's app catalog/);
    assert.match(catalog.fix!, /Teams admin center/);
    graph.revoke('AppCatalog.Read.All');
    config = { ...config, teamsCatalogAppId: 'catalog-id-1' };
    results = await doctor();
    assert.equal(line(results, 'Graph AppCatalog.Read.All').status, 'skipped');
    assert.ok(allHeld(results));
  });

  it('says when the app in the catalog was built for another bot', async () => {
    config = loadConfig({ ...process.env, ...envFor(graph.address!), MicrosoftAppId: BOT.replace('1111', '9999') });
    const results = await doctor({ credential: tokenWithRoles(['User.Read.All']) });
    assert.match(line(results, 'Graph AppCatalog.Read.All').detail, /its bot is 11111111-.*not this bot \(99991111-/);
  });

  it('says the store is down, and goes on with the other checks', async () => {
    const results = await doctor({
      openStore: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:8081');
      },
    });
    const store = line(results, 'store');
    assert.equal(store.status, 'failed');
    assert.match(store.detail, /ECONNREFUSED/);
    assert.equal(line(results, 'Graph User.Read.All').status, 'ok');
  });

  it('with a token: lists its roles and says which wanted ones are not among them; checks the Bot Connector token', async () => {
    config = loadConfig({ ...envFor(graph.address!), MicrosoftAppId: BOT, MicrosoftAppType: 'UserAssignedMSI' });
    const results = await doctor({ credential: tokenWithRoles(['User.Read.All', 'AppCatalog.Read.All']) });
    assert.equal(line(results, 'Bot Connector token').status, 'ok');
    assert.match(
      line(results, 'Graph token').detail,
      /roles in it: User\.Read\.All, AppCatalog\.Read\.All \(not among them: TeamsAppInstallation\.ReadWriteSelfForUser\.All/,
    );
    const refusing = { getToken: () => Promise.reject(new Error('ManagedIdentityCredential: no managed identity endpoint')) };
    const without = await doctor({ credential: refusing });
    assert.equal(line(without, 'Bot Connector token').status, 'failed');
    assert.match(line(without, 'Bot Connector token').fix!, /App Service console/);
  });

  it('compares the packaged manifest with the configuration, and refuses the retired Azure AD Graph', async () => {
    mkdirSync(join(dir, 'appPackage/build'), { recursive: true });
    writeFileSync(
      join(dir, 'appPackage/build/manifest.json'),
      JSON.stringify({ id: APP, bots: [{ botId: BOT }], webApplicationInfo: { id: BOT } }),
    );
    config = loadConfig({ ...envFor(graph.address!), MicrosoftAppId: BOT, MicrosoftAppType: 'UserAssignedMSI' });
    assert.equal(line(await doctor({ credential: tokenWithRoles([]) }), 'Teams app manifest').status, 'ok');
    config = { ...config, microsoftAppId: BOT.replace('1111', '2222') };
    const wrong = line(await doctor({ credential: tokenWithRoles([]) }), 'Teams app manifest');
    assert.equal(wrong.status, 'failed');
    assert.match(wrong.detail, /webApplicationInfo\.id is 11111111-.*MicrosoftAppId is 22221111-/);
    // A manifest that is not JSON is a failed line, not a diagnosis that breaks.
    writeFileSync(join(dir, 'appPackage/build/manifest.json'), '{ "id": ');
    const broken = line(await doctor({ credential: tokenWithRoles([]) }), 'Teams app manifest');
    assert.equal(broken.status, 'failed');
    assert.match(broken.detail, /cannot be read/);
    config = loadConfig({ ...envFor('https://graph.windows.net') });
    const retired = line(await doctor(), 'configuration');
    assert.equal(retired.status, 'failed');
    assert.match(retired.detail, /retired Azure AD Graph: set it to https:\/\/graph\.microsoft\.com/);
  });

  it('as a command: prints one line per check and exits 0 only when nothing checked failed', async () => {
    // Asynchronously: the Graph stand-in answers from this process.
    const run = () =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          ['--require', require.resolve('tsx/cjs'), join(ROOT, 'src/cli/doctor.ts')],
          { env: { PATH: process.env.PATH, ...envFor(graph.address!), STORE_DIR: join(dir, 'cli-store') }, encoding: 'utf8' },
          (error, stdout, stderr) => resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
        ),
      );
    const good = await run();
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.match(good.stdout, /^ok {7}Graph User\.Read\.All: GET \/users\/safety\.chief@kommun\.example: found/m);
    assert.match(good.stdout, /Everything checked holds\./);
    graph.revoke('TeamsAppInstallation.ReadWriteSelfForUser.All');
    const bad = await run();
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /^FAILED {3}Graph TeamsAppInstallation\.ReadWriteSelfForUser\.All: /m);
    assert.match(bad.stdout, /^ {9}fix: an Entra admin grants it/m);
    assert.match(bad.stdout, /1 of \d+ checks failed\./);
  });

  function envFor(graphEndpoint: string): Record<string, string> {
    return { GRAPH_ENDPOINT: graphEndpoint, BOOTSTRAP_ADMINS: ADMIN, TEAMS_APP_ID: APP, STORE_DIR: join(dir, 'store') };
  }

  it('asks for exactly the permissions the calls need: each call the bot makes accepts one of them, and the operations guide (docs/drift.md) grants them all', () => {
    const asked = Object.keys(GRAPH_PERMISSIONS);
    for (const call of ['getUser', 'listCatalog', 'installForUser', 'listUserApps'] as const)
      assert.ok(
        GRAPH_CALL_PERMISSIONS[call].some((p) => asked.includes(p)),
        `${call} is covered by what is asked`,
      );
    const guide = readFileSync(join(ROOT, 'docs/drift.md'), 'utf8');
    assert.deepEqual(/for PERMISSION in ([^;]+); do/.exec(guide)?.[1]!.trim().split(/\s+/), asked);
  });
});
