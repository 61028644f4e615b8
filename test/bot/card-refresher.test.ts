/**
 * A pressed card replaced in its message after the press is answered: paced, retried as Teams asks,
 * the newest card of a message last, and a refusal logged without harm.
 */
import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { TurnContext, type Activity } from 'botbuilder';
import { CardRefresher } from '../../src/bot/followup/card-refresher';
import { RateLimiter } from '../../src/delivery/rate-limiter';
import { createLogger } from '../../src/log';

const CONNECTOR = Symbol('ConnectorClient');

/** A connector whose updateActivity answers as `answer` says for each call (in order), recording what it got. */
function connector(answers: Array<number | undefined> = []) {
  const calls: Array<{ conversationId: string; activityId: string; activity: Partial<Activity> }> = [];
  return {
    calls,
    conversations: {
      async updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>) {
        calls.push({ conversationId, activityId, activity });
        const status = answers.shift();
        if (status !== undefined)
          throw Object.assign(new Error(`status ${status}`), {
            statusCode: status,
            response: { headers: { get: (n: string) => (n === 'retry-after' ? '0' : undefined) } },
          });
        return { id: activityId };
      },
    },
  };
}

/** The turn of a card action pressed on message `messageId`, with `client` as its connector. */
function pressOn(messageId: string, client: object, conversationId = 'a:chat'): TurnContext {
  const adapter = { ConnectorClientKey: CONNECTOR };
  const context = new TurnContext(adapter as never, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1/',
    conversation: { id: conversationId } as never,
    from: { id: '29:anna', name: 'Anna' },
    recipient: { id: '28:bot', name: 'Bot' },
    replyToId: messageId,
    id: 'invoke-1',
  });
  context.turnState.set(CONNECTOR, client);
  return context;
}

function refresher(options: { paced?: () => void; busy?: () => boolean; quietWaitMs?: number } = {}) {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const pace = new RateLimiter(1000);
  const acquire = pace.acquire.bind(pace);
  pace.acquire = () => {
    options.paced?.();
    return acquire();
  };
  const waits: number[] = [];
  const r = new CardRefresher({
    pace,
    logger: createLogger('info', sink),
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    ...(options.busy ? { busy: options.busy } : {}),
    ...(options.quietWaitMs ? { quietWaitMs: options.quietWaitMs } : {}),
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { r, logs, waits };
}

const card = (title: string) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: title }] });
const titleOf = (a: Partial<Activity>) => JSON.stringify(a.attachments?.[0]?.content);

describe('replacing a pressed card for everyone', () => {
  it('sends it after the turn, to the message pressed on, as the bot, paced', async () => {
    const client = connector();
    let paced = 0;
    const { r } = refresher({ paced: () => (paced += 1) });
    r.replaceForEveryone(pressOn('msg-1', client), card('Sparat'));
    assert.equal(client.calls.length, 0, 'not inside the turn');
    await r.idle();
    assert.equal(client.calls.length, 1);
    const [call] = client.calls;
    assert.equal(call!.conversationId, 'a:chat');
    assert.equal(call!.activityId, 'msg-1');
    assert.equal(call!.activity.from?.id, '28:bot');
    assert.match(titleOf(call!.activity), /Sparat/);
    assert.equal(paced, 1);
  });

  it('sends only the newest card of a message pressed again before its update went, and each message its own', async () => {
    const client = connector();
    const { r } = refresher();
    r.replaceForEveryone(pressOn('msg-1', client), card('första'));
    r.replaceForEveryone(pressOn('msg-1', client), card('andra'));
    r.replaceForEveryone(pressOn('msg-2', client), card('annat meddelande'));
    r.replaceForEveryone(pressOn('msg-1', client), card('tredje'));
    await r.idle();
    const toFirst = client.calls.filter((c) => c.activityId === 'msg-1').map((c) => titleOf(c.activity));
    assert.deepEqual(toFirst.length, 1);
    assert.match(toFirst[0]!, /tredje/);
    assert.equal(client.calls.filter((c) => c.activityId === 'msg-2').length, 1);
  });

  it('tries a throttled update again, each attempt paced, and logs one Teams refuses without throwing', async () => {
    const throttled = connector([429, 503]);
    let paced = 0;
    const { r, logs, waits } = refresher({ paced: () => (paced += 1) });
    r.replaceForEveryone(pressOn('msg-1', throttled), card('Sparat'));
    await r.idle();
    assert.equal(throttled.calls.length, 3, 'two refusals, then sent');
    assert.equal(paced, 3);
    assert.equal(waits.length, 2, 'a backoff before each new attempt');
    assert.equal(logs.filter((l) => l.event === 'card-refresh-failed').length, 0);

    const gone = connector([404]);
    r.replaceForEveryone(pressOn('msg-2', gone), card('Sparat'));
    await r.idle();
    assert.equal(gone.calls.length, 1, 'a message that is gone is not asked for again');
    const failed = logs.find((l) => l.event === 'card-refresh-failed');
    assert.equal(failed?.status, 404);
    assert.doesNotMatch(JSON.stringify(failed), /Sparat|Anna/, 'no card text or name in the log');

    const down = connector([503, 503, 503, 503]);
    r.replaceForEveryone(pressOn('msg-3', down), card('Sparat'));
    await r.idle();
    assert.equal(down.calls.length, 3, 'given up after the attempts the policy allows');
  });

  it('lets the presses being answered go first: an update waits while the bot is busy, and at most the time allowed', async () => {
    const client = connector();
    let answering = 3;
    const { r, waits } = refresher({ busy: () => answering-- > 0 });
    r.replaceForEveryone(pressOn('msg-1', client), card('Sparat'));
    await r.idle();
    assert.equal(client.calls.length, 1, 'sent once the bot was quiet');
    assert.deepEqual(waits, [10, 10, 10], 'one short wait for each look that found the bot busy');

    const always = connector();
    const { r: r2, waits: waits2 } = refresher({ busy: () => true, quietWaitMs: 100 });
    r2.replaceForEveryone(pressOn('msg-2', always), card('Sparat'));
    await r2.idle();
    assert.equal(always.calls.length, 1, 'a bot that is never quiet still sends it, after the time allowed');
    assert.equal(waits2.length, 10);
  });

  it('does nothing for a press without a message id', async () => {
    const client = connector();
    const { r } = refresher();
    r.replaceForEveryone(pressOn('', client), card('Sparat'));
    await r.idle();
    assert.equal(client.calls.length, 0);
  });
});
