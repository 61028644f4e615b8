import { strict as assert } from 'node:assert';
import { SlidingWindowLimit } from '../../src/server/sliding-window-limit';
import { loadConfig } from '../../src/config';

describe('per-person limit over a sliding window', () => {
  it('allows the limit in any 60 s, also across a minute boundary', () => {
    const limit = new SlidingWindowLimit(3, 60_000);
    const start = 59_000; // one second before a calendar minute ends
    assert.deepEqual(
      [0, 100, 200].map((dt) => limit.allow('anna', start + dt)),
      [true, true, true],
    );
    // A fixed minute would start counting afresh at 60 000: a sliding window does not.
    assert.equal(limit.allow('anna', 60_500), false);
    assert.equal(limit.retryAfterSeconds('anna', 60_500), 59);
    assert.equal(limit.allow('anna', start + 60_001), true, 'the first request has left the window');
    assert.equal(limit.allow('erik', 60_500), true, 'another person is not affected');
  });

  it('does not count refused requests, and forgets people who stopped', () => {
    const limit = new SlidingWindowLimit(2, 1_000);
    limit.allow('a', 0);
    limit.allow('a', 10);
    for (let t = 20; t < 900; t += 10) assert.equal(limit.allow('a', t), false);
    assert.equal(limit.allow('a', 1_001), true, 'refusals did not extend the wait');
    limit.allow('b', 1_002);
    limit.allow('c', 5_000);
    assert.equal((limit as unknown as { recent: Map<string, number[]> }).recent.size, 1, 'idle keys are swept');
  });

  it('never stops a person working fast through 60 actions with the default card-action limit', () => {
    const limit = new SlidingWindowLimit(loadConfig({}).userActionsPerMinute, 60_000);
    // Choose a status, save, go on: three card actions per action, an action every 2 s (faster than anyone types).
    let t = 0;
    for (let action = 0; action < 60; action++) {
      for (let click = 0; click < 3; click++) assert.ok(limit.allow('anna', (t += 600)), `action ${action + 1}, click ${click + 1}`);
      t += 200;
    }
  });
});
