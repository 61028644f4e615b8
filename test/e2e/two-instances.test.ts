/**
 * Two bot instances on one Cosmos DB (the protocol server on 127.0.0.1), as App Service runs them
 * scaled out, both passing over an open round at once. Teams counts 50 requests per second per app
 * and tenant across instances (the local connector refuses beyond that with 429): nobody gets the
 * message twice, nobody is missed, and the connector never refuses a request for going over the
 * limit. (Against this slower store two unleased instances happen to stay under 50/s too; the
 * use-case test test/usecases/sending-lease.test.ts is the one that fails without the lease.)
 */
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { startCosmosStandIn, type CosmosStandIn } from '../../src/devtools/cosmos-stand-in';
import { startBot, type RunningBot } from '../../src/bot-runtime';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { LocalConnector, teamsInvoke } from '../../src/devtools/local-connector';
import { roundRecipients } from '../../src/usecases/round-recipients';

const ADMIN = 'aaaaaaaa-0000-4000-8000-00000000000a';
const aad = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('two bot instances on one store', function () {
  this.timeout(60_000);
  let cosmos: CosmosStandIn;
  let connector: LocalConnector;
  const bots: RunningBot[] = [];

  before(async () => {
    cosmos = await startCosmosStandIn();
    connector = new LocalConnector();
    await connector.start();
    const database = `two-${randomUUID()}`;
    for (const instance of ['instance-a', 'instance-b']) {
      const config = loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        ...cosmos.settingsFor(database, instance),
        BOOTSTRAP_ADMINS: ADMIN,
        SCHEDULER_INTERVAL_MS: '0',
        USER_MESSAGES_PER_MINUTE: '0',
        // Each instance paced well under the connector's 50/s, so that a busy test machine's jitter
        // is no 429; two instances sending at once (80/s) would still be refused many times over.
        SEND_RATE_PER_SECOND: '40',
      });
      bots.push(await startBot(config, createLogger('silent')));
    }
  });
  after(async () => {
    for (const bot of bots) await bot.stop();
    await connector.stop();
    await cosmos.stop();
  });

  it('fan out one round together within the connector’s 50 requests/s, each person once', async () => {
    const [a, b] = bots as [RunningBot, RunningBot];
    const people = 150;
    const units = [...new Set(a.service.obligations.map((o) => o.unit))];
    const started = await fetch(`${a.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        teamsInvoke({
          serviceUrl: connector.url,
          conversationId: 'a:admin',
          verb: 'round.start',
          data: { year: '2024', deadline: '2099-02-28' },
          userId: '29:admin',
          aadObjectId: ADMIN,
        }),
      ),
    });
    assert.equal(started.status, 200);
    await a.bot.followUp!.idle();
    // Contacts added to the open round: each instance's next pass sends them their message.
    for (let i = 0; i < people; i++) {
      const person = { aadObjectId: aad(i) };
      await a.service.people.addContact({ unit: units[i % units.length]!, person });
      await a.service.people.putUser({
        person,
        conversationId: `a:two-${i}`,
        serviceUrl: connector.url,
        tenantId: 't',
        teamsUserId: `29:two-${i}`,
        updatedAt: new Date().toISOString(),
      });
    }
    connector.limitPerSecond = 50;
    const round = (await b.service.rounds.getRound(2024))!;
    const recipients = await roundRecipients(a.service);
    // Both instances pass over the round at once (an admin's start and the other's scheduler). In the
    // same order the second would only trail the first's claims; nothing promises that order, and
    // the worst case is two passes from opposite ends, each paced to 48/s on its own.
    await Promise.all([
      a.bot.followUp!.work.deliver(round, recipients, false),
      b.bot.followUp!.work.deliver(round, [...recipients].reverse(), false),
    ]);
    const counts = Array.from(
      { length: people },
      (_, i) => connector.forConversation(`a:two-${i}`).filter((r) => JSON.stringify(r.activity).includes('Uppföljning 2024')).length,
    );
    assert.deepEqual(
      counts.filter((n) => n !== 1),
      [],
      'every person got the round message exactly once',
    );
    assert.equal(connector.faults.get(429) ?? 0, 0, 'no request refused for going over 50 per second');
  });
});
