/** The units nobody could be reached for, from the round's deliveries (#25: the summary listed them as merely late). */
import { strict as assert } from 'node:assert';
import { MemoryStore } from '../../src/store/memory-store';
import { recordsOn } from '../../src/persistence/records-on-store';
import { FollowUp } from '../../src/usecases/follow-up';
import { unreachedUnits } from '../../src/usecases/unreached-units';
import { summaryCard } from '../../src/bot/followup/summary-card';
import { loadReport } from '../../src/usecases/report';
import { GLOSSARY, PLAN } from '../fixtures/plan';
import { yearlyRound } from '../fixtures/rounds';
import { assertValidCard } from '../fixtures/cards';

describe('units nobody could be reached for', () => {
  it('are those whose every contact is unreachable, named with who and why, and apart from the late units on the summary', async () => {
    const store = new MemoryStore();
    const service = new FollowUp(recordsOn(store), PLAN, GLOSSARY, []);
    const round = yearlyRound(2024, 'open', { aadObjectId: 'a' });
    await service.rounds.createRound(round);
    const delivery = (upn: string, units: string[], state: 'delivered' | 'unreachable') =>
      service.rounds.putDelivery({
        year: 2024,
        recipient: { upn },
        units,
        state,
        attempts: 1,
        updatedAt: '2024-12-01T08:00:00.000Z',
        ...(state === 'unreachable' ? { problem: 'not-in-directory' as const } : {}),
      });
    await delivery('anna@example.com', ['SF'], 'unreachable');
    await delivery('erik@example.com', ['VOF'], 'unreachable');
    await delivery('sara@example.com', ['VOF'], 'delivered');
    const unreached = await unreachedUnits(service, round);
    assert.deepEqual(unreached, [{ unit: 'SF', people: [{ who: 'anna@example.com', problem: 'not-in-directory' }] }], 'VOF reached Sara');
    await service.people.addContact({ unit: 'SF', person: { upn: 'anna@example.com' } });
    const report = (await loadReport(service, 2024))!;
    const card = summaryCard({ report, unreached }, 'sv');
    assertValidCard(card);
    const json = JSON.stringify(card);
    assert.match(json, /Enheter som inte kunde nås: 1/);
    assert.match(json, /SF: anna@example.com \(finns inte/);
    assert.doesNotMatch(json, /"text":"SF: 0\/\d+ – anna@example.com"/, 'not among the late units');
    await store.close();
  });
});
