/**
 * docs/data-protection.md stays true (#28): every kind of record the code stores is named on the
 * page with its row, found two ways — the kinds the persistence adapters write in their source, and
 * the kinds a store actually holds after every port has written once — and the page names none
 * that the code no longer stores.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStore } from '../../src/store/memory-store';
import type { BatchOperation, ContainerName, DocumentBody, StoredDocument } from '../../src/store/document-store';
import { recordsOn } from '../../src/persistence/records-on-store';
import { ROOT } from '../fixtures/plan';

/** A store that remembers the kind of every document written to it. */
class RecordingStore extends MemoryStore {
  readonly kinds = new Set<string>();
  override create<T extends DocumentBody>(container: ContainerName, doc: T): Promise<StoredDocument<T>> {
    this.kinds.add(doc.type);
    return super.create(container, doc);
  }
  override upsert<T extends DocumentBody>(container: ContainerName, doc: T): Promise<StoredDocument<T>> {
    this.kinds.add(doc.type);
    return super.upsert(container, doc);
  }
  override replace<T extends DocumentBody>(container: ContainerName, doc: T, ifMatch: string): Promise<StoredDocument<T>> {
    this.kinds.add(doc.type);
    return super.replace(container, doc, ifMatch);
  }
  override batch(container: ContainerName, pk: string, operations: BatchOperation[]): Promise<void> {
    for (const op of operations) if (op.op !== 'delete') this.kinds.add(op.doc.type);
    return super.batch(container, pk, operations);
  }
}

const page = readFileSync(join(ROOT, 'docs/data-protection.md'), 'utf8');
/** The kinds the page describes: the first cell of each row of its table "Varje sorts post". */
const described = new Set(
  page
    .slice(page.indexOf('## Varje sorts post'), page.indexOf('## Det boten aldrig sparar'))
    .split('\n')
    .map((line) => /^\| `([a-z-]+)` \|/.exec(line)?.[1])
    .filter((k): k is string => Boolean(k)),
);

describe('the data-protection page', () => {
  it('names every kind the persistence adapters write, and no kind they do not', () => {
    const dir = join(ROOT, 'src/persistence');
    const written = new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\btype: '([a-z-]+)'/g)].map((m) => m[1]!)),
    );
    assert.ok(written.size >= 10, `found ${[...written].join(', ')}`);
    assert.deepEqual([...written].filter((k) => !described.has(k)).sort(), [], 'stored but not on the page');
    assert.deepEqual([...described].filter((k) => !written.has(k)).sort(), [], 'on the page but never stored');
  });

  it('names every kind a store holds after each port has written once', async () => {
    const store = new RecordingStore();
    const records = recordsOn(store);
    const person = { aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000001', upn: 'a@kommun.se', name: 'A' };
    const round = {
      year: 2030,
      deadline: '2031-02-28',
      state: 'open' as const,
      planVersion: '2023',
      startedBy: person,
      startedAt: '2030-12-01T00:00:00Z',
      reminderDaysBefore: [],
    };
    await records.rounds.createRound(round);
    const answer = {
      year: 2030,
      actionId: 'A1-1',
      unit: 'SF',
      status: 'pagaende',
      description: 'x',
      answeredBy: person,
      answeredAt: '2031-01-01T00:00:00Z',
      onBehalf: false,
    };
    await records.rounds.saveAnswer(answer, null);
    await records.rounds.putDelivery({
      year: 2030,
      recipient: person,
      units: ['SF'],
      state: 'delivered',
      attempts: 1,
      updatedAt: '2031-01-01T00:00:00Z',
    });
    await records.people.addContact({ unit: 'SF', person });
    await records.people.replaceRoles({ admins: [person], safetyChief: null }, undefined);
    await records.people.putUser({ person, updatedAt: '2031-01-01T00:00:00Z' });
    await records.people.putTeam({ teamId: '19:team', serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    await records.people.recordErasure({ at: '2031-01-01T00:00:00Z', by: person, counts: { contacts: 1 } });
    await records.words.putGlossaryEntry({ code: 'XYZ', expansion: 'X', setBy: 'a@kommun.se', setAt: '2031-01-01T00:00:00Z' });
    await records.words.putMunicipalityWord({
      word: 'kamera',
      planTerms: ['kamerabevakning'],
      setBy: 'a@kommun.se',
      setAt: '2031-01-01T00:00:00Z',
    });
    await records.words.replaceUnknownWords([{ word: 'badhus', count: 1, lastSeen: '2031-01-01' }], undefined);
    await records.leases.acquire('scheduler', 'instance-1', 60_000);
    await records.reportLinks.create(2030, 'xlsx', person, 60_000);
    // Each port's own changes of what is kept.
    await records.rounds.updateRound({ ...round, archivedAt: '2031-03-01T00:00:00Z' }, (await records.rounds.getRound(2030))!._etag);
    await records.rounds.eraseFromRound(2030, [person], { name: 'borttagen person' });
    await records.words.renameGiver('a@kommun.se', 'borttagen person');
    assert.ok(store.kinds.size >= 14, [...store.kinds].join(', '));
    assert.deepEqual([...store.kinds].filter((k) => !described.has(k)).sort(), [], 'stored but not on the page');
  });
});
