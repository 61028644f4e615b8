/**
 * Follow-up figures for npm run bench:
 *  - fan-out: 500 recipients, the local connector limited to 50 requests/s and failing 10 % with
 *    503; time to finish over the minimum (500 / 50 s), duplicates and lost messages;
 *  - 200 concurrent answer submissions over HTTP (invoke adaptiveCard/action), posted by Teams'
 *    side on its own thread (teams-side.ts) with its own connector for the card updates: all
 *    stored exactly once; median and p99 latency; store operations per answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startBot } from '../src/bot-runtime';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/log';
import { LocalConnector, teamsInvoke } from '../src/devtools/local-connector';

/** Teams' connector and client on a worker thread (teams-side.ts), as they run outside the bot. */
async function startTeamsSide(): Promise<{
  serviceUrl: string;
  /** Posts all the presses at once: each one's HTTP status and latency. */
  post(botUrl: string, bodies: string[]): Promise<Array<{ status: number; ms: number }>>;
  /** The messages the presses were on, and how many of them the bot replaced; stops Teams' side. */
  updates(): Promise<{ messagesPressed: number; messagesUpdated: number }>;
}> {
  const compiled = __filename.endsWith('.js');
  const worker = new Worker(join(__dirname, compiled ? 'teams-side.js' : 'teams-side.ts'), {
    execArgv: compiled ? [] : ['--require', require.resolve('tsx/cjs')],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const { serviceUrl } = await next<{ serviceUrl: string }>();
  return {
    serviceUrl,
    async post(botUrl, bodies) {
      const answer = next<{ results: Array<{ status: number; ms: number }> }>();
      worker.postMessage({ botUrl, bodies });
      return (await answer).results;
    },
    async updates() {
      const answer = next<{ messagesPressed: number; messagesUpdated: number }>();
      worker.postMessage({ count: true });
      const counted = await answer;
      await worker.terminate();
      return counted;
    },
  };
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const aad = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const ADMIN = 'aaaaaaaa-0000-4000-8000-00000000000a';

/**
 * `fanOut`: 'measured' sends the round to the 500 through a connector that enforces Teams' limit and
 * fails every 10th request, for (d); 'setup' through one that does neither (the bot still paces
 * itself), only to have the messages the presses of (e) are made on (a run of (e) again).
 */
export async function benchFollowUp(fanOut: 'measured' | 'setup' = 'measured'): Promise<{
  fanOutSeconds: number;
  ratio: number;
  duplicates: number;
  lost: number;
  faults: string;
  answerMedianMs: number;
  answerP99Ms: number;
  /** Store calls per saved answer, reads and writes (the recording of the user and the card included). */
  storeOperationsPerAnswer: { reads: number; writes: number };
  /** Of those, the save's own: the round's partition (its read and its batch), without recording who the person is. */
  roundOperationsPerAnswer: { reads: number; writes: number };
  storedOnce: boolean;
}> {
  const connector = new LocalConnector();
  const serviceUrl = await connector.start();
  const storeDir = mkdtempSync(join(tmpdir(), 'trygghetsbot-bench-followup-'));
  const config = {
    ...loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      STORE_DIR: storeDir,
      BOOTSTRAP_ADMINS: ADMIN,
      SCHEDULER_INTERVAL_MS: '0',
      USER_MESSAGES_PER_MINUTE: '1000000',
    }),
  };
  // Counts the card updates the bot gave up on (card-refresher.ts logs each), and passes the logs on.
  const refreshFailures = { count: 0 };
  const logs = {
    write(line: string) {
      if (line.includes('"card-refresh-failed"')) refreshFailures.count += 1;
      process.stdout.write(line);
    },
  };
  const bot = await startBot(config, createLogger('warn', logs));
  const data = bot.service;
  const recipients = 500;
  // 500 people, each a contact of one unit, each with a chat with the bot already.
  const units = [...new Set(bot.service.obligations.map((o) => o.unit))];
  for (let i = 0; i < recipients; i++) {
    const person = { aadObjectId: aad(i) };
    await data.people.addContact({ unit: units[i % units.length]!, person });
    await data.people.putUser({
      person,
      conversationId: `a:bench-${i}`,
      serviceUrl,
      tenantId: 't',
      teamsUserId: `29:bench-${i}`,
      updatedAt: new Date().toISOString(),
    });
  }
  if (fanOut === 'measured') {
    connector.limitPerSecond = 50;
    connector.inject = ({ n }) => (n % 10 === 0 ? { status: 503 } : undefined);
  }
  const t0 = performance.now();
  const response = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      teamsInvoke({
        serviceUrl,
        conversationId: 'a:admin',
        verb: 'round.start',
        data: { year: '2024', deadline: '2099-02-28' },
        userId: '29:admin',
        aadObjectId: ADMIN,
      }),
    ),
  });
  if (response.status !== 200) throw new Error(`round.start answered ${response.status}`);
  await bot.bot.followUp!.idle();
  const fanOutSeconds = (performance.now() - t0) / 1000;
  connector.inject = undefined;
  connector.limitPerSecond = undefined;
  let duplicates = 0;
  let lost = 0;
  for (let i = 0; i < recipients; i++) {
    const n = connector.forConversation(`a:bench-${i}`).filter((r) => JSON.stringify(r.activity).includes('Uppföljning 2024')).length;
    if (n === 0) lost += 1;
    if (n > 1) duplicates += n - 1;
  }
  const faults = [...connector.faults].map(([s, n]) => `${n}×${s}`).join(', ');

  // 200 concurrent answers to 200 different (action, unit) reports, each by a contact of the unit
  // (recipient j answers for units[j], j < number of units).
  const submissions = bot.service.obligations
    .filter((o) => units.indexOf(o.unit) < recipients)
    .slice(0, 200)
    .map((o) => ({ i: units.indexOf(o.unit), unit: o.unit, actionId: o.actionId }));
  // Counts the store operations the 200 answers cost (the bot's own store, wrapped in place).
  const store = bot.store as unknown as Record<string, (...args: unknown[]) => unknown>;
  const operations = { reads: 0, writes: 0 };
  const roundOperations = { reads: 0, writes: 0 };
  for (const method of ['read', 'listPartition', 'listByType', 'create', 'replace', 'upsert', 'delete', 'batch']) {
    const original = store[method]!.bind(store);
    const kind = ['read', 'listPartition', 'listByType'].includes(method) ? 'reads' : 'writes';
    store[method] = (...args: unknown[]) => {
      operations[kind] += 1;
      if (args[0] === 'rounds') roundOperations[kind] += 1;
      return original(...args);
    };
  }
  const teams = await startTeamsSide();
  const bodies = submissions.map(({ i, unit, actionId }) =>
    JSON.stringify(
      teamsInvoke({
        serviceUrl: teams.serviceUrl,
        conversationId: `a:bench-${i}`,
        verb: 'round.save',
        data: { year: '2024', actionId, unit, status: 'pagaende', description: `Svar ${i}` },
        userId: `29:bench-${i}`,
        aadObjectId: aad(i),
        replyToId: connector.forConversation(`a:bench-${i}`)[0]?.id, // the round message, as Teams names it
      }),
    ),
  );
  const results = await teams.post(bot.url, bodies);
  const failed = results.findIndex((r) => r.status !== 200);
  if (failed >= 0) throw new Error(`answer ${failed}: HTTP ${results[failed]!.status}`);
  // Every card update the bot was handed is sent (or given up, which is logged and counted) before Teams' side counts.
  await bot.bot.followUp!.cardsReplaced();
  const { messagesPressed, messagesUpdated } = await teams.updates();
  if (messagesUpdated !== messagesPressed) throw new Error(`${messagesUpdated} of the ${messagesPressed} messages pressed on were updated`);
  if (refreshFailures.count > 0) throw new Error(`${refreshFailures.count} card updates were given up`);
  const latencies = results.map((r) => r.ms);
  const perAnswer = { reads: operations.reads / submissions.length, writes: operations.writes / submissions.length };
  const roundPerAnswer = { reads: roundOperations.reads / submissions.length, writes: roundOperations.writes / submissions.length };
  const answers = await data.rounds.listAnswers(2024);
  const history = await data.rounds.listHistory(2024);
  const expected = new Set(submissions.map((s) => `${s.actionId}|${s.unit}`));
  const storedOnce =
    answers.length === expected.size && history.length === expected.size && answers.every((a) => expected.has(`${a.actionId}|${a.unit}`));
  await bot.stop();
  await connector.stop();
  rmSync(storeDir, { recursive: true, force: true });
  return {
    fanOutSeconds,
    ratio: fanOutSeconds / (recipients / 50),
    duplicates,
    lost,
    faults,
    answerMedianMs: percentile(latencies, 50),
    answerP99Ms: percentile(latencies, 99),
    storeOperationsPerAnswer: perAnswer,
    roundOperationsPerAnswer: roundPerAnswer,
    storedOnce,
  };
}
