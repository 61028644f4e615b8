/**
 * Retention on the scheduler's pass (#28): the instance holding the scheduler's lease removes what
 * is past its time once a day, and logs how much, naming nobody.
 */
import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { MemoryStore } from '../../src/store/memory-store';
import { recordsOn } from '../../src/persistence/records-on-store';
import { FollowUp } from '../../src/usecases/follow-up';
import { RoundWork } from '../../src/usecases/round-work';
import type { Notifier } from '../../src/usecases/notifier';
import { NO_DIRECTORY } from '../../src/usecases/people-directory';
import { createLogger } from '../../src/log';
import { GLOSSARY, PLAN } from '../fixtures/plan';

describe('retention on the scheduler’s pass', () => {
  it('removes idle chat records once a day, and logs the counts without names', async () => {
    const service = new FollowUp(recordsOn(new MemoryStore()), PLAN, GLOSSARY);
    const logs: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    // No round: nothing is ever sent, so the notifier is never asked.
    const work = new RoundWork({
      followUp: service,
      notifier: {} as Notifier,
      directory: NO_DIRECTORY,
      logger: createLogger('info', sink),
      instanceId: 'test',
      retention: { chatDays: 180, leftContactDays: 90 },
    });
    const now = new Date('2026-06-01T03:00:00Z');
    const idle = (n: number) => ({ person: { upn: `idle${n}@kommun.se` }, updatedAt: '2025-01-01T00:00:00Z' });
    await service.people.putUser(idle(1));
    await work.runDue(now, 60_000);
    assert.equal(await service.people.getUser({ upn: 'idle1@kommun.se' }), undefined);
    const logged = logs.find((l) => l.event === 'retention')!;
    assert.equal(logged.chats, 1);
    assert.ok(!JSON.stringify(logged).includes('idle1'));

    // An hour later: not again the same day.
    await service.people.putUser(idle(2));
    await work.runDue(new Date(now.getTime() + 3_600_000), 60_000);
    assert.ok(await service.people.getUser({ upn: 'idle2@kommun.se' }));
    // The next day: again.
    await work.runDue(new Date(now.getTime() + 25 * 3_600_000), 60_000);
    assert.equal(await service.people.getUser({ upn: 'idle2@kommun.se' }), undefined);
  });
});
