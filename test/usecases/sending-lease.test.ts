/**
 * Two bot instances sending for one tenant (one store, a pacing Notifier each): Teams counts 50
 * requests per second per app and tenant across instances, each instance paces itself to 48, so
 * only one may send at a time. Tried with the worst order (two passes over the round from opposite
 * ends) and with reminders beside a fan-out; a crashed holder's lease runs out.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../src/store/file-store';
import { recordsOn } from '../../src/persistence/records-on-store';
import { FollowUp } from '../../src/usecases/follow-up';
import type { Notifier } from '../../src/usecases/notifier';
import { RateLimiter } from '../../src/delivery/rate-limiter';
import { startRound } from '../../src/usecases/start-round';
import { addContacts } from '../../src/usecases/manage-contacts';
import { deliverRound } from '../../src/usecases/deliver-round';
import { remindUnfinished } from '../../src/usecases/remind-unfinished';
import { SENDING_LEASE, withSendingLease } from '../../src/usecases/sending-lease';
import { GLOSSARY, PLAN } from '../fixtures/plan';
import { roundRecipients } from '../../src/usecases/round-recipients';

const ADMIN = { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000a' };
const NOW = new Date('2026-12-01T10:00:00Z');
const person = (i: number) => ({ aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` });

/** Records when each request would reach Teams, paced as the Teams messenger paces its own (48 per second). */
class TimingNotifier implements Notifier {
  private readonly limiter = new RateLimiter(48, 1);
  constructor(private readonly sent: number[]) {}
  async sendRoundMessage(
    _to: unknown,
    _view: unknown,
    _language: unknown,
    ready: () => Promise<void>,
  ): Promise<{ conversationId: string }> {
    await this.limiter.acquire();
    await ready();
    this.sent.push(performance.now());
    return { conversationId: 'a:x' };
  }
  async sendReminder(): Promise<void> {
    await this.limiter.acquire();
    this.sent.push(performance.now());
  }
  async sendDeliverySummary(): Promise<void> {}
  async sendSummary(): Promise<void> {}
  async sendClosedNotice(): Promise<void> {}
}

/** The most requests in any one second. */
const busiestSecond = (times: number[]): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
};

describe('use cases: one instance sends at a time', function () {
  this.timeout(30_000);
  let dir: string;
  let store: FileStore;
  let a: FollowUp;
  let b: FollowUp;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-lease-'));
    store = new FileStore(dir);
    a = new FollowUp(recordsOn(store), PLAN, GLOSSARY, [ADMIN]);
    b = new FollowUp(recordsOn(store), PLAN, GLOSSARY, [ADMIN]);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function roundWith(people: number) {
    const units = [...new Set(a.obligations.map((o) => o.unit))];
    for (let i = 0; i < people; i++) {
      await addContacts(a, ADMIN, { unit: units[i % units.length]!, people: [person(i)] });
      await a.people.putUser({
        person: person(i),
        conversationId: `a:${i}`,
        serviceUrl: 'https://smba.example',
        updatedAt: NOW.toISOString(),
      });
    }
    const started = await startRound(a, ADMIN, { year: 2026, deadline: '2099-02-28', reminderDaysBefore: [14] }, NOW);
    assert.ok(started.ok);
    return started.round;
  }

  it('two passes over a round from opposite ends stay within 50 requests in any second, each person once', async () => {
    const round = await roundWith(100);
    const recipients = await roundRecipients(a);
    const sent: number[] = [];
    const options = (instanceId: string) => ({ instanceId, announce: false, sendingLease: { pollMs: 20 } });
    const [first, second] = await Promise.all([
      deliverRound(a, new TimingNotifier(sent), round, recipients, options('instance-a')),
      deliverRound(b, new TimingNotifier(sent), round, [...recipients].reverse(), options('instance-b')),
    ]);
    assert.equal(first.delivered + second.delivered, 100);
    assert.equal(sent.length, 100);
    assert.ok(busiestSecond(sent) <= 50, `${busiestSecond(sent)} requests in one second`);
  });

  it('reminders wait while another instance fans out, and are paced themselves', async () => {
    const round = await roundWith(80);
    const sent: number[] = [];
    // Half have had their message (a chat each); the other instance sends to the other half now.
    const recipients = await roundRecipients(a);
    const fanOut = deliverRound(b, new TimingNotifier(sent), round, recipients.slice(40), {
      instanceId: 'instance-b',
      announce: false,
      sendingLease: { pollMs: 20 },
    });
    const reminded = remindUnfinished(a, new TimingNotifier(sent), round, {
      instanceId: 'instance-a',
      lease: { pollMs: 20 },
    });
    await Promise.all([fanOut, reminded]);
    assert.equal((await reminded).sent, 80);
    assert.ok(busiestSecond(sent) <= 50, `${busiestSecond(sent)} requests in one second`);
  });

  it("takes over a crashed instance's lease once it runs out, and never while it is renewed", async () => {
    const data = recordsOn(store).leases;
    assert.ok(await data.acquire(SENDING_LEASE, 'crashed', 200));
    const t0 = performance.now();
    assert.equal(await withSendingLease(data, 'instance-a', async () => 'sent', { pollMs: 20 }), 'sent');
    assert.ok(performance.now() - t0 >= 150, 'waited for the lease to run out');
    // A holder that renews keeps it: the other waits its whole turn.
    const order: string[] = [];
    await Promise.all([
      withSendingLease(
        data,
        'instance-a',
        async () => {
          await new Promise((r) => setTimeout(r, 400));
          order.push('a done');
        },
        { ttlMs: 150, pollMs: 20 },
      ),
      new Promise((r) => setTimeout(r, 20)).then(() =>
        withSendingLease(data, 'instance-b', async () => order.push('b started'), { ttlMs: 150, pollMs: 20 }),
      ),
    ]);
    assert.deepEqual(order, ['a done', 'b started']);
  });
});
