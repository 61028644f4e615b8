import { strict as assert } from 'node:assert';
import { fileBackend } from '../store/backends';
import { recordsOn } from '../../src/persistence/records-on-store';
import { fanOut, type Recipient, type SendFn } from '../../src/usecases/fan-out';
import { SendError, backoffMs, classify, retryAfterFrom, DEFAULT_RETRY_POLICY } from '../../src/delivery/retry';
import { RateLimiter } from '../../src/delivery/rate-limiter';
import type { DocumentStore } from '../../src/store/document-store';
import type { RoundRecords } from '../../src/usecases/ports';

const people = (n: number): Recipient[] =>
  Array.from({ length: n }, (_, i) => ({
    person: { aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
    units: ['SF'],
  }));
const noSleep = async () => undefined;

describe('delivery', () => {
  const backend = fileBackend();
  let store: DocumentStore;
  let data: RoundRecords;
  let year = 4000;
  beforeEach(async () => {
    store = await backend.open();
    data = recordsOn(store).rounds;
    year += 1;
  });
  afterEach(async () => {
    await store.close();
    await backend.cleanup();
  });

  it('retries 429/412/502/503/504 and network errors, gives up on 403/404 as unreachable, fails on 400', () => {
    for (const status of [429, 412, 502, 503, 504]) assert.equal(classify(new SendError('x', status)), 'retry');
    assert.equal(classify(new Error('socket hang up')), 'retry');
    assert.equal(classify(new SendError('x', 403)), 'unreachable');
    assert.equal(classify(new SendError('x', 404)), 'unreachable');
    assert.equal(classify(new SendError('x', 400)), 'fail');
  });

  it('backs off exponentially with jitter and honors Retry-After', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100 };
    assert.equal(
      backoffMs(1, policy, undefined, () => 0),
      50,
    );
    assert.equal(
      backoffMs(3, policy, undefined, () => 1),
      400,
    );
    assert.equal(
      backoffMs(1, policy, 2000, () => 1),
      2000,
    );
    assert.equal(retryAfterFrom('3'), 3000);
    assert.equal(retryAfterFrom(null), undefined);
  });

  it('paces requests to the rate', async () => {
    let clock = 0;
    const limiter = new RateLimiter(
      10,
      1,
      () => clock,
      async (ms) => {
        clock += ms;
      },
    );
    for (let i = 0; i < 21; i++) await limiter.acquire();
    assert.ok(clock >= 1999 && clock <= 2001, `took ${clock} ms of simulated time`);
  });

  it('loses no time to timers that fire late, and still never lets more than the rate go in any one second', async () => {
    let clock = 0;
    const grants: number[] = [];
    // Every timer fires 1.5 ms late, as they do on a busy machine.
    const limiter = new RateLimiter(
      49,
      1,
      () => clock,
      async (ms) => {
        clock += ms + 1.5;
      },
    );
    for (let i = 0; i < 491; i++) {
      await limiter.acquire();
      grants.push(clock);
    }
    // 490 intervals at 49/s: 10 s; counting each wait from the late wake-up took 10.7 s.
    assert.ok(clock < 10_050, `took ${clock} ms of simulated time`);
    for (let i = 0; i < grants.length; i++) {
      const inWindow = grants.filter((g) => g >= grants[i]! && g < grants[i]! + 1000).length;
      assert.ok(inWindow <= 49, `${inWindow} requests in the second from ${grants[i]} ms`);
    }
  });

  it('tries a send that keeps failing on three passes, not on every pass for ever', async () => {
    const recipients = people(1);
    let sends = 0;
    const failing: SendFn = async (_r, ready) => {
      await ready();
      sends += 1;
      throw new SendError('Bad Request', 400);
    };
    const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 2 };
    for (let pass = 0; pass < 5; pass++) await fanOut(year, recipients, data, failing, { instanceId: 'x', sleep: noSleep, retry: policy });
    assert.equal(sends, 3, 'a 400 is not retried within a pass; three passes try it');
    assert.equal((await data.listDeliveries(year))[0]!.state, 'failed');
  });

  it('sends everyone exactly one message despite 503s and 429s, and records each delivery', async () => {
    const sent = new Map<string, number>();
    let calls = 0;
    const send: SendFn = async (r, ready) => {
      await ready();
      calls += 1;
      if (calls % 4 === 0) throw new SendError('Service Unavailable', 503);
      if (calls % 7 === 0) throw new SendError('Too Many Requests', 429, 1);
      sent.set(r.person.aadObjectId!, (sent.get(r.person.aadObjectId!) ?? 0) + 1);
      return { conversationId: `c-${r.person.aadObjectId}`, activityId: `a-${calls}` };
    };
    const summary = await fanOut(year, people(40), data, send, { instanceId: 'test', sleep: noSleep });
    assert.equal(summary.delivered, 40);
    assert.equal(sent.size, 40);
    assert.ok([...sent.values()].every((n) => n === 1));
    assert.ok((await data.listDeliveries(year)).every((d) => d.state === 'delivered'));
  });

  it('records 403 as unreachable without retrying, and a run after a crash sends nobody twice', async () => {
    const recipients = people(10);
    let sends = 0;
    const blocked = recipients[3]!.person.aadObjectId;
    const first: SendFn = async (r, ready) => {
      await ready();
      sends += 1;
      if (r.person.aadObjectId === blocked) throw new SendError('Forbidden', 403);
      if (sends === 6) throw new Error('process killed'); // stands for a crash mid-round: "fail" kind
      return {};
    };
    const one = await fanOut(year, recipients.slice(0, 9), data, first, {
      instanceId: 'run-1',
      sleep: noSleep,
      concurrency: 1,
      retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 },
    });
    assert.equal(one.unreachable, 1);
    assert.equal(one.failed, 1, 'the send that died is recorded as failed, to be sent again');
    // Nobody is only a count: who was not reached and who failed are named, with why.
    assert.deepEqual(one.unreachablePeople, [{ person: recipients[3]!.person, problem: 'app-not-installed' }]);
    assert.equal(one.failedPeople.length, 1);
    assert.match(one.failedPeople[0]!.error, /process killed/);
    // A crash between claim and settlement for the tenth recipient.
    await data.putDelivery({
      year,
      recipient: recipients[9]!.person,
      units: ['SF'],
      state: 'sending',
      claimedBy: 'crashed-run',
      attempts: 0,
      updatedAt: new Date().toISOString(),
    });
    const second: SendFn = async (_r, ready) => {
      await ready();
      sends += 1;
      return {};
    };
    const before = sends;
    const two = await fanOut(year, recipients, data, second, { instanceId: 'run-2', sleep: noSleep });
    assert.equal(two.uncertain, 1, 'the claim of the crashed run is not sent again');
    assert.equal(two.alreadyDone, one.delivered + one.unreachable);
    assert.equal(two.delivered, 1, 'the failed one is sent again');
    assert.equal(two.deliveredPeople.length, 1, 'and named, so the later delivery says whom it reached (#25)');
    assert.equal(sends - before, two.delivered);
    const states = (await data.listDeliveries(year)).map((d) => d.state);
    assert.equal(states.filter((s) => s === 'unreachable').length, 1);
  });

  it('lets only one of two instances send to a recipient', async () => {
    const counts = new Map<string, number>();
    const send: SendFn = async (r, ready) => {
      await ready();
      counts.set(r.person.aadObjectId!, (counts.get(r.person.aadObjectId!) ?? 0) + 1);
      await new Promise((res) => setTimeout(res, 1));
      return {};
    };
    const recipients = people(30);
    const [a, b] = await Promise.all([
      fanOut(year, recipients, data, send, { instanceId: 'bot-a', sleep: noSleep }),
      fanOut(year, recipients, data, send, { instanceId: 'bot-b', sleep: noSleep }),
    ]);
    assert.equal(a.delivered + b.delivered, 30);
    assert.ok([...counts.values()].every((n) => n === 1));
  });
});
