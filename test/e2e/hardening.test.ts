/** Production safeguards: credentials required, tenant allow-list, per-user rate limit, readiness. */
import { strict as assert } from 'node:assert';
import { startHarness } from './harness';
import { startBot } from '../../src/bot-runtime';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { teamsMessage } from '../../src/devtools/local-connector';

describe('hardening', function () {
  this.timeout(30_000);

  it('refuses to start in production without credentials or a tenant allow-list', async () => {
    const silent = createLogger('silent');
    await assert.rejects(startBot(loadConfig({ NODE_ENV: 'production', PORT: '0' }), silent), /needs MicrosoftAppId/);
    await assert.rejects(
      startBot(
        loadConfig({
          NODE_ENV: 'production',
          PORT: '0',
          MicrosoftAppId: '5f3a2c1e-0000-4000-8000-00000000b0d1',
          MicrosoftAppPassword: 'x',
        }),
        silent,
      ),
      /needs ALLOWED_TENANTS/,
    );
  });

  it('refuses activities from other tenants and logs them', async () => {
    const h = await startHarness({ ALLOWED_TENANTS: 'aaaaaaaa-1111-4000-8000-000000000001' });
    try {
      const other = teamsMessage({
        serviceUrl: h.connector.url,
        conversationId: 'a:t1',
        text: 'hjälp',
        tenantId: 'bbbbbbbb-2222-4000-8000-000000000002',
      });
      assert.equal((await h.post(other)).status, 403);
      const refused = h.logs.find((l) => l.event === 'tenant-refused');
      assert.equal(refused?.tenant, 'bbbbbbbb-2222-4000-8000-000000000002');
      assert.equal(refused?.correlationId, other.id);
      const own = teamsMessage({
        serviceUrl: h.connector.url,
        conversationId: 'a:t2',
        text: 'hjälp',
        tenantId: 'AAAAAAAA-1111-4000-8000-000000000001',
      });
      assert.equal((await h.post(own)).status, 200);
      await h.connector.waitFor((r) => r.conversationId === 'a:t2');
      assert.equal(h.connector.forConversation('a:t1').length, 0);
    } finally {
      await h.stop();
    }
  });

  it('slows down a user who sends too many messages, and answers once the minute has passed', async () => {
    const h = await startHarness({ USER_MESSAGES_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await h.post(teamsMessage({ serviceUrl: h.connector.url, conversationId: 'a:r', text: 'hjälp' }))).status);
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      assert.ok(h.logs.some((l) => l.event === 'rate-limited'));
      // Another user is not affected.
      assert.equal(
        (
          await h.post(
            teamsMessage({
              serviceUrl: h.connector.url,
              conversationId: 'a:r2',
              text: 'hjälp',
              userId: '29:other',
              aadObjectId: 'cccccccc-3333-4000-8000-000000000003',
            }),
          )
        ).status,
        200,
      );
    } finally {
      await h.stop();
    }
  });

  it('is ready while its store answers, and says so on /readyz', async () => {
    const h = await startHarness();
    try {
      assert.equal((await fetch(`${h.bot.url}/readyz`)).status, 200);
      const store = h.bot.store;
      const ping = store.ping.bind(store);
      store.ping = async () => {
        throw new Error('store down');
      };
      assert.equal((await fetch(`${h.bot.url}/readyz`)).status, 503);
      assert.equal((await fetch(`${h.bot.url}/healthz`)).status, 200, 'the process itself is fine');
      store.ping = ping;
    } finally {
      await h.stop();
    }
  });
});

describe('correlation ids', function () {
  this.timeout(30_000);
  it('puts the activity id on every log line written while handling it', async () => {
    const h = await startHarness();
    try {
      const activity = teamsMessage({ serviceUrl: h.connector.url, conversationId: 'a:corr', text: 'Vem ansvarar för kamerorna?' });
      await h.post(activity);
      const line = h.logs.find((l) => l.event === 'answer' && l.conversationId === 'a:corr');
      assert.equal(line?.correlationId, activity.id);
    } finally {
      await h.stop();
    }
  });
});
