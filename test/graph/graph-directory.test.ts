/**
 * The Graph adapter against the fake Graph on 127.0.0.1: people found, not found and disabled;
 * install 201 / 409 / 403 (policy) and a missing permission; the catalog lookup with paging;
 * throttling with Retry-After.
 */
import { strict as assert } from 'node:assert';
import { FakeGraph } from '../../src/devtools/fake-graph';
import { GraphDirectory } from '../../src/graph/graph-directory';
import { createLogger } from '../../src/log';

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
    graph.permissions = { userRead: false, appInstallation: false };
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
});
