/**
 * (d) and (h) of npm run bench with two bot instances on one store, as App Service runs the bot
 * scaled out: two bots on the Cosmos DB protocol server (@vercel/cosmosdb-server on 127.0.0.1,
 * slower than the embedded store the single-instance figures use), one local connector limited to
 * 50 requests/s for both, failing 10 % with 503. The admin starts the round on one instance while
 * the other passes over the same round at once from the other end (the worst order). Time from the
 * start to the last message over the connector's minimum; duplicates, lost messages, and requests
 * the connector refused for going over 50 per second (two instances each pacing to 48/s alone
 * would send about twice that).
 */
import { randomUUID } from 'node:crypto';
import { startCosmosStandIn } from '../src/devtools/cosmos-stand-in';
import { startBot, type RunningBot } from '../src/bot-runtime';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { LocalConnector, teamsInvoke, teamsMessage } from '../src/devtools/local-connector';
import { FakeGraph } from '../src/devtools/fake-graph';
import { roundRecipients } from '../src/usecases/round-recipients';

const ADMIN = 'aaaaaaaa-0000-4000-8000-00000000000a';
const PEOPLE = 500;
const PER_SECOND = 50;

export interface TwoInstanceFigures {
  seconds: number;
  minimumSeconds: number;
  ratio: number;
  duplicates: number;
  lost: number;
  over429: number;
  /** How many round messages each instance sent. */
  sentBy: [number, number];
}

/**
 * `byEmail`: (h), contacts given by e-mail with no app (three requests a person); else (d), everyone
 * with a chat. `instances`: 1 for the same store with one instance, to compare.
 */
export async function benchTwoInstances(byEmail: boolean, instances: 1 | 2 = 2): Promise<TwoInstanceFigures> {
  const cosmos = await startCosmosStandIn();
  const connector = new LocalConnector();
  const serviceUrl = await connector.start();
  const graph = new FakeGraph();
  const graphUrl = await graph.start();
  const database = `bench-${randomUUID()}`;
  const bots: RunningBot[] = [];
  for (const instance of ['bench-a', 'bench-b']) {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      ...cosmos.settingsFor(database, instance),
      BOOTSTRAP_ADMINS: ADMIN,
      SCHEDULER_INTERVAL_MS: '0',
      USER_MESSAGES_PER_MINUTE: '0',
      TURN_ACK_MS: '14000',
      ...(byEmail ? { GRAPH_ENDPOINT: graphUrl } : {}),
    });
    if (bots.length === 0) graph.catalog.push({ id: 'catalog-trygghetsbot', externalId: config.teamsAppId, displayName: 'Trygghetsbot' });
    bots.push(await startBot(config, createLogger('error')));
  }
  const [a, b] = bots as [RunningBot, RunningBot];
  const units = [...new Set(a.service.obligations.map((o) => o.unit))];
  const aad = (i: number) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
  for (let i = 0; i < PEOPLE; i++) {
    if (byEmail) {
      const upn = `person${i}@example.com`;
      graph.addUser(upn, aad(i));
      connector.members.set(aad(i), { id: `29:person-${i}`, aadObjectId: aad(i), userPrincipalName: upn });
      await a.service.people.addContact({ unit: units[i % units.length]!, person: { upn } });
    } else {
      const person = { aadObjectId: aad(i) };
      await a.service.people.addContact({ unit: units[i % units.length]!, person });
      await a.service.people.putUser({
        person,
        conversationId: `a:bench-${i}`,
        serviceUrl,
        tenantId: 't',
        teamsUserId: `29:bench-${i}`,
        updatedAt: new Date().toISOString(),
      });
    }
  }
  const post = (body: unknown) =>
    fetch(`${a.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const admin = { serviceUrl, conversationId: 'a:admin', userId: '29:admin', aadObjectId: ADMIN };
  // The confirmation first: contacts given by e-mail are looked up in the directory there.
  await post(teamsMessage({ ...admin, text: 'starta uppföljning 2024 senast 2099-02-28' }));
  await connector.waitFor(
    (r) => r.conversationId === 'a:admin' && JSON.stringify(r.activity).includes('Starta uppföljning 2024'),
    1,
    120_000,
  );
  const recipients = [...(await roundRecipients(b.service))].reverse();

  connector.limitPerSecond = PER_SECOND;
  connector.inject = ({ n }) => (n % 10 === 0 ? { status: 503 } : undefined);
  const t0 = performance.now();
  const started = post(teamsInvoke({ ...admin, verb: 'round.start', data: { year: '2024', deadline: '2099-02-28' } }));
  let round = await b.service.rounds.getRound(2024);
  while (!round) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    round = await b.service.rounds.getRound(2024);
  }
  const [other] = await Promise.all([instances === 2 ? b.bot.followUp!.work.deliver(round, recipients, false) : undefined, started]);
  if ((await started).status !== 200) throw new Error(`round.start answered ${(await started).status}`);
  await a.bot.followUp!.idle();
  const seconds = (performance.now() - t0) / 1000;
  connector.inject = undefined;
  connector.limitPerSecond = undefined;

  let duplicates = 0;
  let lost = 0;
  let total = 0;
  for (let i = 0; i < PEOPLE; i++) {
    const chats = byEmail
      ? [...new Set(connector.createdConversations.filter((c) => c.members.some((m) => m.id === aad(i))).map((c) => c.id))]
      : [`a:bench-${i}`];
    const messages = chats
      .flatMap((id) => connector.forConversation(id))
      .filter((r) => JSON.stringify(r.activity).includes('Uppföljning 2024'));
    total += messages.length;
    if (messages.length === 0) lost += 1;
    if (messages.length > 1) duplicates += messages.length - 1;
  }
  const minimumSeconds = (PEOPLE * (byEmail ? 3 : 1)) / PER_SECOND;
  const result: TwoInstanceFigures = {
    seconds,
    minimumSeconds,
    ratio: seconds / minimumSeconds,
    duplicates,
    lost,
    over429: connector.faults.get(429) ?? 0,
    sentBy: [total - (other?.delivered ?? 0), other?.delivered ?? 0],
  };
  for (const bot of bots) await bot.stop();
  await connector.stop();
  await graph.stop();
  await cosmos.stop();
  return result;
}
