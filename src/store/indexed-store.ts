/**
 * The document store's rules on documents held in memory, indexed (document-index.ts): create,
 * ETag replace, upsert, delete and batches checked against the state as it would be after the
 * operations before them. Where the writes go is the subclass's: the embedded store appends them
 * to a journal (file-store.ts), the in-memory store keeps them only in memory (memory-store.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  MAX_BATCH_OPERATIONS,
  type BatchOperation,
  type ContainerName,
  type DocumentBody,
  type DocumentStore,
  type StoredDocument,
} from './document-store';
import type { DocumentIndex } from './document-index';
import type { JournalEntry } from './journal';

/** A container's documents and where its writes go: `commit` applies the entry in memory at once and resolves when it is kept. */
export interface IndexedContainer {
  readonly docs: DocumentIndex;
  commit(entry: JournalEntry): Promise<void>;
}

export abstract class IndexedStore implements DocumentStore {
  abstract readonly kind: string;
  /** Every container of the store, by name. */
  protected abstract readonly containers: ReadonlyMap<ContainerName, IndexedContainer>;
  protected closed = false;

  protected container(name: ContainerName): IndexedContainer {
    if (this.closed) throw new Error('The store is closed');
    const c = this.containers.get(name);
    if (!c) throw new Error(`Unknown container ${name}`);
    return c;
  }
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;

  /** The stored version of a document: its own deep copy, frozen, with a new ETag. */
  private stamp<T extends DocumentBody>(doc: T): StoredDocument<T> {
    const { _etag: _e, _ts: _t, ...body } = doc as T & Partial<StoredDocument>;
    return deepFreeze({ ...(structuredClone(body) as T), _etag: `"${randomUUID()}"`, _ts: Math.floor(Date.now() / 1000) });
  }

  async read<T extends DocumentBody>(container: ContainerName, pk: string, id: string): Promise<StoredDocument<T> | undefined> {
    const doc = this.container(container).docs.get(pk, id);
    return doc ? (doc as StoredDocument<T>) : undefined;
  }

  async create<T extends DocumentBody>(container: ContainerName, doc: T): Promise<StoredDocument<T>> {
    const c = this.container(container);
    if (c.docs.get(doc.pk, doc.id)) throw new ConflictError(`${container}/${doc.pk}/${doc.id}`);
    const stored = this.stamp(doc);
    await c.commit({ put: stored });
    return stored as unknown as StoredDocument<T>;
  }

  async replace<T extends DocumentBody>(container: ContainerName, doc: T, ifMatch: string): Promise<StoredDocument<T>> {
    const c = this.container(container);
    const current = c.docs.get(doc.pk, doc.id);
    if (!current) throw new NotFoundError(`${container}/${doc.pk}/${doc.id}`);
    if (current._etag !== ifMatch) throw new PreconditionFailedError(`${container}/${doc.pk}/${doc.id}`);
    const stored = this.stamp(doc);
    await c.commit({ put: stored });
    return stored as unknown as StoredDocument<T>;
  }

  async upsert<T extends DocumentBody>(container: ContainerName, doc: T): Promise<StoredDocument<T>> {
    const stored = this.stamp(doc);
    await this.container(container).commit({ put: stored });
    return stored as unknown as StoredDocument<T>;
  }

  async delete(container: ContainerName, pk: string, id: string, ifMatch?: string): Promise<void> {
    const c = this.container(container);
    const current = c.docs.get(pk, id);
    if (!current) return;
    if (ifMatch !== undefined && current._etag !== ifMatch) throw new PreconditionFailedError(`${container}/${pk}/${id}`);
    await c.commit({ del: { pk, id } });
  }

  async listPartition<T extends DocumentBody>(
    container: ContainerName,
    pk: string,
    type?: string | readonly string[],
  ): Promise<Array<StoredDocument<T>>> {
    return this.container(container).docs.listPartition(pk, type) as Array<StoredDocument<T>>;
  }

  async listByType<T extends DocumentBody>(container: ContainerName, type: string): Promise<Array<StoredDocument<T>>> {
    return this.container(container).docs.list(type) as Array<StoredDocument<T>>;
  }

  async batch(container: ContainerName, pk: string, operations: BatchOperation[]): Promise<void> {
    if (operations.length > MAX_BATCH_OPERATIONS)
      throw new Error(`A batch holds at most ${MAX_BATCH_OPERATIONS} operations (Cosmos DB's limit); got ${operations.length}`);
    const c = this.container(container);
    // Check every operation against the state as it would be after the ones before it.
    const view = new Map<string, StoredDocument | null>();
    const current = (id: string): StoredDocument | undefined => {
      return view.has(id) ? (view.get(id) ?? undefined) : c.docs.get(pk, id);
    };
    const entries: JournalEntry[] = [];
    for (const operation of operations) {
      if (operation.op !== 'delete' && operation.doc.pk !== pk)
        throw new Error(`Batch in partition ${pk} got a document of partition ${operation.doc.pk}`);
      const id = operation.op === 'delete' ? operation.id : operation.doc.id;
      const existing = current(id);
      const where = `${container}/${pk}/${id}`;
      if (operation.op === 'create' && existing) throw new ConflictError(where);
      if (operation.op === 'replace' && !existing) throw new NotFoundError(where);
      if (operation.op === 'replace' && existing!._etag !== operation.ifMatch) throw new PreconditionFailedError(where);
      if (operation.op === 'delete') {
        if (operation.ifMatch !== undefined && existing?._etag !== operation.ifMatch) throw new PreconditionFailedError(where);
        view.set(id, null);
        entries.push({ del: { pk, id } });
      } else {
        const stored = this.stamp(operation.doc);
        view.set(id, stored);
        entries.push({ put: stored });
      }
    }
    if (entries.length > 0) await c.commit({ batch: entries });
  }
}

/**
 * Stored documents are frozen copies, never changed in place (a write stores a new object), so
 * readers get them without a copy: listing a round's answers for each of 200 concurrent answers
 * copied every answer 200 times. A caller that tried to change one would get a TypeError.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
