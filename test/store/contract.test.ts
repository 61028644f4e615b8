/**
 * The contract every DocumentStore backend must pass, run here against every backend that
 * test/store/backends.ts lists (the embedded store, the Cosmos DB protocol on a local server, and a
 * real account or emulator when COSMOS_ENDPOINT is set). Each test opens a fresh, empty store.
 */
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, PreconditionFailedError, type DocumentStore } from '../../src/store/document-store';

import { allBackends } from './backends';

for (const backend of allBackends())
  storeContract(
    backend.name,
    () => backend.open(),
    { batchRollsBack: backend.batchRollsBack },
    () => backend.cleanup(),
  );

interface ContractOptions {
  /** False for the local Cosmos test server, whose batches stop at a failure but keep what came before. */
  batchRollsBack: boolean;
}

function storeContract(name: string, open: () => Promise<DocumentStore>, options: ContractOptions, cleanup?: () => Promise<void>): void {
  describe(`store contract: ${name}`, function () {
    this.timeout(30_000);
    let store: DocumentStore;
    // Unique partitions per test, so a shared real account needs no wiping between tests.
    let pk: string;
    beforeEach(async () => {
      store ??= await open();
      pk = `test-${randomUUID()}`;
    });
    after(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('creates, reads and refuses a second create with the same id', async () => {
      const created = await store.create('rounds', { id: 'a', pk, type: 'answer', status: 'Pågående' });
      assert.equal(created.status, 'Pågående');
      assert.ok(created._etag);
      const read = await store.read('rounds', pk, 'a');
      assert.equal(read?.status, 'Pågående');
      assert.equal(read?._etag, created._etag);
      await assert.rejects(store.create('rounds', { id: 'a', pk, type: 'answer' }), ConflictError);
    });

    it('returns undefined for a document that does not exist', async () => {
      assert.equal(await store.read('rounds', pk, 'missing'), undefined);
    });

    it('keeps partitions apart: the same id in two partitions is two documents', async () => {
      const other = `${pk}-other`;
      await store.create('rounds', { id: 'same', pk, type: 't', n: 1 });
      await store.create('rounds', { id: 'same', pk: other, type: 't', n: 2 });
      assert.equal((await store.read('rounds', pk, 'same'))?.n, 1);
      assert.equal((await store.read('rounds', other, 'same'))?.n, 2);
    });

    it('replaces with the current ETag and refuses a stale one (optimistic concurrency)', async () => {
      const v1 = await store.create('rounds', { id: 'doc', pk, type: 't', n: 1 });
      const v2 = await store.replace('rounds', { id: 'doc', pk, type: 't', n: 2 }, v1._etag);
      assert.notEqual(v2._etag, v1._etag);
      await assert.rejects(store.replace('rounds', { id: 'doc', pk, type: 't', n: 3 }, v1._etag), PreconditionFailedError);
      assert.equal((await store.read('rounds', pk, 'doc'))?.n, 2);
      await assert.rejects(
        store.replace('rounds', { id: 'nope', pk, type: 't' }, v1._etag),
        (e: Error) => e instanceof NotFoundError || e instanceof PreconditionFailedError,
      );
    });

    it('upserts and deletes, with and without a matching ETag', async () => {
      const a = await store.upsert('directory', { id: 'u', pk, type: 't', v: 1 });
      const b = await store.upsert('directory', { id: 'u', pk, type: 't', v: 2 });
      assert.equal((await store.read('directory', pk, 'u'))?.v, 2);
      await assert.rejects(store.delete('directory', pk, 'u', a._etag), PreconditionFailedError);
      await store.delete('directory', pk, 'u', b._etag);
      assert.equal(await store.read('directory', pk, 'u'), undefined);
      await store.delete('directory', pk, 'u'); // absent: no error
    });

    it('lists a partition by type or types, ordered by id, and a type across partitions', async () => {
      await store.create('rounds', { id: 'b', pk, type: 'answer' });
      await store.create('rounds', { id: 'a', pk, type: 'answer' });
      await store.create('rounds', { id: 'c', pk, type: 'history' });
      assert.deepEqual(
        (await store.listPartition('rounds', pk, 'answer')).map((d) => d.id),
        ['a', 'b'],
      );
      assert.deepEqual(
        (await store.listPartition('rounds', pk)).map((d) => d.id),
        ['a', 'b', 'c'],
      );
      await store.create('rounds', { id: 'ab', pk, type: 'round' });
      assert.deepEqual(
        (await store.listPartition('rounds', pk, ['round', 'history', 'history'])).map((d) => d.id),
        ['ab', 'c'],
      );
      assert.deepEqual(await store.listPartition('rounds', pk, []), []);
      const type = `kind-${randomUUID()}`;
      await store.create('leases', { id: 'x', pk: `${pk}-1`, type });
      await store.create('leases', { id: 'y', pk: `${pk}-2`, type });
      assert.deepEqual(
        (await store.listByType('leases', type)).map((d) => d.id),
        ['x', 'y'],
      );
    });

    it('lists what is stored now, after replaces that change a type, deletes and batches', async () => {
      const ids = async (type?: string) => (await store.listPartition('rounds', pk, type)).map((d) => `${d.id}:${String(d.v ?? '')}`);
      await store.create('rounds', { id: 'b', pk, type: 'answer', v: 1 });
      await store.create('rounds', { id: 'a', pk, type: 'answer', v: 1 });
      assert.deepEqual(await ids('answer'), ['a:1', 'b:1']);
      const b = (await store.read('rounds', pk, 'b'))!;
      await store.replace('rounds', { id: 'b', pk, type: 'history', v: 2 }, b._etag);
      assert.deepEqual(await ids('answer'), ['a:1']);
      assert.deepEqual(await ids('history'), ['b:2']);
      await store.batch('rounds', pk, [
        { op: 'upsert', doc: { id: 'c', pk, type: 'answer', v: 3 } },
        { op: 'delete', id: 'a' },
      ]);
      assert.deepEqual(await ids('answer'), ['c:3']);
      assert.deepEqual(await ids(), ['b:2', 'c:3']);
      const listed = await store.listPartition('rounds', pk, 'answer');
      listed.pop(); // a caller changing its own list does not change the next listing
      assert.deepEqual(await ids('answer'), ['c:3']);
    });

    it('writes a batch whose conditional operation comes first all or nothing', async () => {
      const v1 = await store.create('rounds', { id: 'answer', pk, type: 'answer', n: 1 });
      await store.batch('rounds', pk, [
        { op: 'replace', doc: { id: 'answer', pk, type: 'answer', n: 2 }, ifMatch: v1._etag },
        { op: 'create', doc: { id: 'history-1', pk, type: 'history', before: 1, after: 2 } },
      ]);
      assert.equal((await store.read('rounds', pk, 'answer'))?.n, 2);
      assert.ok(await store.read('rounds', pk, 'history-1'));
      // A stale ETag fails the batch: the history entry after it is not written.
      await assert.rejects(
        store.batch('rounds', pk, [
          { op: 'replace', doc: { id: 'answer', pk, type: 'answer', n: 3 }, ifMatch: v1._etag },
          { op: 'create', doc: { id: 'history-2', pk, type: 'history' } },
        ]),
        PreconditionFailedError,
      );
      assert.equal(await store.read('rounds', pk, 'history-2'), undefined);
      assert.equal((await store.read('rounds', pk, 'answer'))?.n, 2);
      // A duplicate create (a double click) fails it too.
      await assert.rejects(
        store.batch('rounds', pk, [
          { op: 'create', doc: { id: 'history-1', pk, type: 'history' } },
          { op: 'upsert', doc: { id: 'other', pk, type: 't' } },
        ]),
        ConflictError,
      );
      assert.equal(await store.read('rounds', pk, 'other'), undefined);
    });

    if (options.batchRollsBack) {
      it('undoes the operations before a failing one in a batch', async () => {
        const v1 = await store.create('rounds', { id: 'answer', pk, type: 'answer', n: 1 });
        await store.replace('rounds', { id: 'answer', pk, type: 'answer', n: 2 }, v1._etag);
        await assert.rejects(
          store.batch('rounds', pk, [
            { op: 'create', doc: { id: 'history-x', pk, type: 'history' } },
            { op: 'replace', doc: { id: 'answer', pk, type: 'answer', n: 3 }, ifMatch: v1._etag },
          ]),
          PreconditionFailedError,
        );
        assert.equal(await store.read('rounds', pk, 'history-x'), undefined);
      });
    }

    it('refuses a batch of more than 100 operations, as Cosmos DB does, writing nothing', async () => {
      const upserts = (n: number) =>
        Array.from({ length: n }, (_, i) => ({ op: 'upsert' as const, doc: { id: `many-${i}`, pk, type: 'many' } }));
      await assert.rejects(store.batch('rounds', pk, upserts(101)), /at most 100 operations/);
      assert.equal(await store.read('rounds', pk, 'many-0'), undefined);
      await store.batch('rounds', pk, upserts(100));
      assert.ok(await store.read('rounds', pk, 'many-99'));
    });

    it('answers a ping', async () => {
      await store.ping();
    });
  });
}
