/**
 * `diagnos` over HTTP, as an admin asks it in Teams: the doctor's checks on the running bot (its
 * own store, kept open; Graph's stand-in looked up as the admin asking), a ✗ line naming the
 * missing permission with its consent command, and a refusal for anyone else.
 */
import { strict as assert } from 'node:assert';
import { FakeGraph } from '../../src/devtools/fake-graph';
import { cardReplyTo, startHarness } from './harness';

const APP = '3c6f0a52-8d1e-4b7e-9f2a-6a1d4b0c7e15';
const ADMIN = { aad: 'aaaaaaaa-0000-4000-8000-00000000000a', id: '29:admin', conv: 'a:admin-chat' };
const ANNA = { aad: 'bbbbbbbb-0000-4000-8000-00000000000b', id: '29:anna', conv: 'a:anna-chat' };

describe('diagnos over HTTP', function () {
  this.timeout(60_000);

  it('shows an admin every check, names what is missing and how to grant it, and is refused to others', async () => {
    const graph = new FakeGraph();
    const graphUrl = await graph.start();
    graph.addUser('admin@example.com', ADMIN.aad);
    graph.catalog.push({ id: 'catalog-trygghetsbot', externalId: APP, displayName: 'Trygghetsbot' });
    const h = await startHarness({ BOOTSTRAP_ADMINS: ADMIN.aad, GRAPH_ENDPOINT: graphUrl, TEAMS_APP_ID: APP });
    try {
      const good = await cardReplyTo(h, ADMIN, 'diagnos');
      assert.match(good, /Diagnos: vad boten behöver i er miljö/);
      assert.match(good, /Inget misslyckades: \d+ kontroller fungerar, 1 är kvar att göra, \d+ behövs inte här/);
      // Not a failure, but left to do: the plan's codes nobody has named, and how to name them.
      assert.match(good, /! .*unit names.*13 codes the plan writes have no full name.*SÄKSAM/s);
      assert.match(good, /an admin writes \\"ordlista\\" to the bot in Teams/);
      assert.match(good, /✓ .*Graph User\.Read\.All/s);
      assert.match(good, new RegExp(`GET /users/${ADMIN.aad}: found`));
      assert.match(good, /wrote, read and deleted a probe document/);

      graph.revoke('AppCatalog.Read.All');
      const bad = await cardReplyTo(h, ADMIN, 'diagnose');
      assert.match(bad, /1 av \d+ kontroller misslyckades/);
      assert.match(bad, /the application permission AppCatalog\.Read\.All is not granted/);
      assert.match(bad, /appRoleAssignments/);

      assert.match(await cardReplyTo(h, ANNA, 'diagnos'), /bara administratörer/);
      // The bot's own store stayed open: it still answers and saves after the checks.
      assert.match(await cardReplyTo(h, ADMIN, 'kontakter'), /Kontaktpersoner/);
    } finally {
      await h.stop();
      await graph.stop();
    }
  });
});
