/**
 * The Graph adapter against the fake Graph on 127.0.0.1: people found, not found and disabled;
 * install 201 / 409 / 403 (policy) and a missing permission; the catalog lookup with paging;
 * throttling with Retry-After.
 */
import { strict as assert } from 'node:assert';
import { FakeGraph } from '../../src/devtools/fake-graph';
import { GraphDirectory } from '../../src/graph/graph-directory';
import { createLogger, type Logger } from '../../src/log';
import { tokenWithRoles } from '../fixtures/token';

/** A logger that keeps its warnings, to check what an admin is told. */
function recordingLogger(): { logger: Logger; warnings: Array<Record<string, unknown>> } {
  const warnings: Array<Record<string, unknown>> = [];
  const logger = createLogger('silent');
  logger.warn = ((obj: Record<string, unknown>) => void warnings.push(obj)) as Logger['warn'];
  return { logger, warnings };
}

const APP = '6f2f1b0e-1111-4222-8333-444455556666';

describe('Graph directory (fake Graph on 127.0.0.1)', () => {
  let graph: FakeGraph;
  let directory: GraphDirectory;
  beforeEach(async () => {
    graph = new FakeGraph();
    const endpoint = await graph.start();
    graph.addUser('anna.andersson@example.com', 'bbbbbbbb-0000-4000-8000-00000000000b');
    graph.addUser('gone@example.com', 'cccccccc-0000-4000-8000-00000000000c', false);
    graph.pageSize = 2;
    for (let i = 0; i < 5; i++) graph.catalog.push({ id: `other-${i}`, externalId: `other-${i}`, displayName: 'Other' });
    graph.catalog.push({ id: 'catalog-id-1', externalId: APP, displayName: 'Trygghetsbot' });
    directory = new GraphDirectory({ endpoint, teamsAppId: APP, retryDelaySeconds: 0, logger: createLogger('silent') });
  });
  afterEach(() => graph.stop());

  it('finds a person by e-mail in any case, and says who is not there or disabled', async () => {
    assert.deepEqual(await directory.findByUpn('Anna.Andersson@Example.com'), {
      found: true,
      aadObjectId: 'bbbbbbbb-0000-4000-8000-00000000000b',
    });
    assert.deepEqual(await directory.findByUpn('nobody@example.com'), { found: false, problem: 'not-in-directory' });
    assert.deepEqual(await directory.findByUpn('gone@example.com'), { found: false, problem: 'account-disabled' });
  });

  it('installs the app (201), takes 409 as already installed, and 403 from the app policy as blocked', async () => {
    const anna = 'bbbbbbbb-0000-4000-8000-00000000000b';
    assert.equal(await directory.installApp(anna), 'installed');
    assert.ok(graph.installed.has(anna));
    assert.equal(await directory.installApp(anna), 'already-installed');
    graph.blocked.add('cccccccc-0000-4000-8000-00000000000c');
    assert.equal(await directory.installApp('cccccccc-0000-4000-8000-00000000000c'), 'install-blocked');
    // The catalog was read once, across its pages, whatever the number of installs.
    assert.equal(graph.count('GET', /appCatalogs/), 1);
  });

  it('says when a permission was not granted, for the lookup and for the install', async () => {
    graph.granted.clear();
    assert.deepEqual(await directory.findByUpn('anna.andersson@example.com'), { found: false, problem: 'no-graph-permission' });
    assert.equal(await directory.installApp('bbbbbbbb-0000-4000-8000-00000000000b'), 'no-graph-permission');
  });

  it('follows the catalog pages to find the app, and says when it is not in the catalog', async () => {
    graph.catalog.splice(
      0,
      graph.catalog.length,
      ...Array.from({ length: 5 }, (_, i) => ({ id: `x${i}`, externalId: APP.replace('6f', `0${i}`), displayName: 'x' })),
    );
    assert.equal(await directory.installApp('bbbbbbbb-0000-4000-8000-00000000000b'), 'app-not-installed');
  });

  it('waits out throttling (429 with Retry-After) and still answers', async () => {
    graph.inject = ({ n }) => (n <= 2 ? { status: 429, retryAfterSeconds: 0 } : undefined);
    assert.deepEqual(await directory.findByUpn('anna.andersson@example.com'), {
      found: true,
      aadObjectId: 'bbbbbbbb-0000-4000-8000-00000000000b',
    });
    assert.equal(graph.requests.filter((r) => r.status === 429).length, 2);
  });

  it('checks each permission on its own: without AppCatalog.Read.All the lookup still works, the install is refused naming the catalog permission', async () => {
    const { logger, warnings } = recordingLogger();
    directory = new GraphDirectory({ endpoint: directoryEndpoint(graph), teamsAppId: APP, retryDelaySeconds: 0, logger });
    graph.revoke('AppCatalog.Read.All');
    assert.equal((await directory.findByUpn('anna.andersson@example.com')).found, true);
    assert.equal(await directory.installApp('bbbbbbbb-0000-4000-8000-00000000000b'), 'no-graph-permission');
    assert.deepEqual(
      warnings.filter((w) => w.event === 'graph-permission-missing').map((w) => w.permission),
      ['AppCatalog.Read.All'],
    );
    assert.equal(graph.installed.size, 0);
  });

  it('without the install permission the catalog is read and the install refused naming that permission', async () => {
    const { logger, warnings } = recordingLogger();
    directory = new GraphDirectory({ endpoint: directoryEndpoint(graph), teamsAppId: APP, retryDelaySeconds: 0, logger });
    graph.revoke('TeamsAppInstallation.ReadWriteSelfForUser.All');
    assert.equal(await directory.installApp('bbbbbbbb-0000-4000-8000-00000000000b'), 'no-graph-permission');
    assert.deepEqual(
      warnings.filter((w) => w.event === 'graph-permission-missing').map((w) => w.permission),
      ['TeamsAppInstallation.ReadWriteSelfForUser.All'],
    );
  });

  it('with the catalog id configured, installs without AppCatalog.Read.All and never reads the catalog', async () => {
    graph.revoke('AppCatalog.Read.All');
    directory = new GraphDirectory({
      endpoint: directoryEndpoint(graph),
      teamsAppId: APP,
      catalogAppId: 'catalog-id-1',
      retryDelaySeconds: 0,
      logger: createLogger('silent'),
    });
    assert.equal(await directory.installApp('bbbbbbbb-0000-4000-8000-00000000000b'), 'installed');
    assert.equal(graph.count('GET', /appCatalogs/), 0);
  });

  it("goes by the roles in a request's bearer token when it has one, as Graph does (the client sends tokens over https only)", async () => {
    const { token } = (await tokenWithRoles(['User.Read.All']).getToken('x'))!;
    const get = (path: string) => fetch(`${graph.address}/v1.0${path}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await get('/users/anna.andersson@example.com')).status, 200);
    const refused = await get(`/appCatalogs/teamsApps?$filter=externalId eq '${APP}'`);
    assert.equal(refused.status, 403);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'Forbidden');
    assert.match(body.error.message, /API requires one of 'AppCatalog\.Read\.All, .*Roles on the request 'User\.Read\.All'/);
    assert.equal((await fetch(`${graph.address}/v1.0/users/x`, { headers: { authorization: 'Bearer junk' } })).status, 401);
  });
});

/** The stand-in's address, from a request it already answered or its server. */
function directoryEndpoint(graph: FakeGraph): string {
  return graph.address!;
}
