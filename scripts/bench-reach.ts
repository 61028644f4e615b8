/**
 * Reaching people by e-mail for npm run bench (h): 500 contacts given by e-mail, none with the app;
 * the fake Graph answers 429 (Retry-After 1 s) to 5 % of calls, the local connector is limited to
 * 50 requests/s and fails 10 % with 503. From Starta to the last round message, over the minimum
 * the connector's limit allows (three requests a person: open the chat, ask Teams' id for the
 * card's refresh, send); duplicates and lost messages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot } from '../src/bot-runtime';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { LocalConnector, teamsInvoke, teamsMessage } from '../src/devtools/local-connector';
import { FakeGraph } from '../src/devtools/fake-graph';

const ADMIN = 'aaaaaaaa-0000-4000-8000-00000000000a';
const PEOPLE = 500;
const PER_SECOND = 50;
const REQUESTS_PER_PERSON = 3;

export async function benchReachByEmail(): Promise<{
  seconds: number;
  minimumSeconds: number;
  ratio: number;
  duplicates: number;
  lost: number;
  graphThrottled: number;
  connectorFaults: string;
  /** Requests the connector refused for going over its limit: must be none. */
  over429: number;
}> {
  const connector = new LocalConnector();
  const serviceUrl = await connector.start();
  const graph = new FakeGraph();
  const graphUrl = await graph.start();
  const storeDir = mkdtempSync(join(tmpdir(), 'trygghetsbot-bench-reach-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    STORE_DIR: storeDir,
    BOOTSTRAP_ADMINS: ADMIN,
    SCHEDULER_INTERVAL_MS: '0',
    GRAPH_ENDPOINT: graphUrl,
    TURN_ACK_MS: '14000',
  });
  graph.catalog.push({ id: 'catalog-trygghetsbot', externalId: config.teamsAppId, displayName: 'Trygghetsbot' });
  const bot = await startBot(config, createLogger('warn'));
  const units = [...new Set(bot.service.obligations.map((o) => o.unit))];
  const aad = (i: number) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
  for (let i = 0; i < PEOPLE; i++) {
    const upn = `person${i}@example.com`;
    graph.addUser(upn, aad(i));
    connector.members.set(aad(i), { id: `29:person-${i}`, aadObjectId: aad(i), userPrincipalName: upn });
    await bot.service.people.addContact({ unit: units[i % units.length]!, person: { upn } });
  }
  graph.inject = ({ n }) => (n % 20 === 0 ? { status: 429, retryAfterSeconds: 1 } : undefined);
  const post = (body: unknown) =>
    fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const admin = { serviceUrl, conversationId: 'a:admin', userId: '29:admin', aadObjectId: ADMIN };
  // The confirmation: every contact looked up in the directory first.
  await post(teamsMessage({ ...admin, text: 'starta uppföljning 2024 senast 2099-02-28' }));
  await connector.waitFor(
    (r) => r.conversationId === 'a:admin' && JSON.stringify(r.activity).includes('Starta uppföljning 2024'),
    1,
    120_000,
  );

  connector.limitPerSecond = PER_SECOND;
  connector.inject = ({ n }) => (n % 10 === 0 ? { status: 503 } : undefined);
  const t0 = performance.now();
  const response = await post(teamsInvoke({ ...admin, verb: 'round.start', data: { year: '2024', deadline: '2099-02-28' } }));
  if (response.status !== 200) throw new Error(`round.start answered ${response.status}`);
  await bot.bot.followUp!.idle();
  const seconds = (performance.now() - t0) / 1000;
  connector.inject = undefined;
  connector.limitPerSecond = undefined;

  let duplicates = 0;
  let lost = 0;
  for (let i = 0; i < PEOPLE; i++) {
    // Teams gives a person's 1:1 chat the same id each time it is opened: each chat counted once.
    const chats = new Set(connector.createdConversations.filter((c) => c.members.some((m) => m.id === aad(i))).map((c) => c.id));
    const messages = [...chats]
      .flatMap((id) => connector.forConversation(id))
      .filter((r) => JSON.stringify(r.activity).includes('Uppföljning 2024'));
    if (messages.length === 0) lost += 1;
    if (messages.length > 1) duplicates += messages.length - 1;
  }
  const minimumSeconds = (PEOPLE * REQUESTS_PER_PERSON) / PER_SECOND;
  const result = {
    seconds,
    minimumSeconds,
    ratio: seconds / minimumSeconds,
    duplicates,
    lost,
    graphThrottled: graph.requests.filter((r) => r.status === 429).length,
    connectorFaults: [...connector.faults].map(([s, n]) => `${n}×${s}`).join(', '),
    over429: connector.faults.get(429) ?? 0,
  };
  await bot.stop();
  await connector.stop();
  await graph.stop();
  rmSync(storeDir, { recursive: true, force: true });
  return result;
}
