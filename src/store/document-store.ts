/**
 * The storage contract every backend fulfils (embedded file store, Azure Cosmos DB): documents in
 * containers, grouped by a partition key, with ETag optimistic concurrency and atomic batches
 * within one partition. The domain (follow-up rounds, contacts) is written against this only.
 */

/** The containers; their partition key path is always /pk. See docs/data-model.md. */
export const CONTAINERS = ['rounds', 'directory', 'leases'] as const;
export type ContainerName = (typeof CONTAINERS)[number];
export const PARTITION_KEY_PATH = '/pk';

export interface DocumentBody {
  id: string;
  pk: string;
  type: string;
  [field: string]: unknown;
}

export interface DocumentMeta {
  /** Opaque version; changes on every write. */
  _etag: string;
  /** Seconds since the epoch of the last write. */
  _ts: number;
}

export type StoredDocument<T extends DocumentBody = DocumentBody> = T & DocumentMeta;

/** Operations in one batch at most: what a Cosmos DB transactional batch holds. Every store refuses more. */
export const MAX_BATCH_OPERATIONS = 100;

export type BatchOperation =
  | { op: 'create'; doc: DocumentBody }
  | { op: 'replace'; doc: DocumentBody; ifMatch: string }
  | { op: 'upsert'; doc: DocumentBody }
  | { op: 'delete'; id: string; ifMatch?: string };

export interface DocumentStore {
  /** A short name for logs and health checks ("file", "cosmos"). */
  readonly kind: string;
  read<T extends DocumentBody>(container: ContainerName, pk: string, id: string): Promise<StoredDocument<T> | undefined>;
  /** Fails with ConflictError if a document with that id exists in the partition. */
  create<T extends DocumentBody>(container: ContainerName, doc: T): Promise<StoredDocument<T>>;
  /** Fails with PreconditionFailedError if the stored ETag is not `ifMatch`, NotFoundError if absent. */
  replace<T extends DocumentBody>(container: ContainerName, doc: T, ifMatch: string): Promise<StoredDocument<T>>;
  upsert<T extends DocumentBody>(container: ContainerName, doc: T): Promise<StoredDocument<T>>;
  /** Deletes if present (with `ifMatch`, only that version); absent is not an error. */
  delete(container: ContainerName, pk: string, id: string, ifMatch?: string): Promise<void>;
  /**
   * Documents of one partition, optionally of one type or of any of several (a round and its
   * answers in one query), ordered by id.
   */
  listPartition<T extends DocumentBody>(
    container: ContainerName,
    pk: string,
    type?: string | readonly string[],
  ): Promise<Array<StoredDocument<T>>>;
  /** Documents of one type across all partitions, ordered by id. */
  listByType<T extends DocumentBody>(container: ContainerName, type: string): Promise<Array<StoredDocument<T>>>;
  /**
   * All operations in partition `pk`, in order; fails with the error of the first failing operation,
   * and no operation after it is written. Cosmos DB and the embedded store also undo the ones before
   * it (all or none); the local Cosmos test server does not, so the domain puts its conditional
   * operation (the one that can fail: create or ETag replace) first.
   */
  batch(container: ContainerName, pk: string, operations: BatchOperation[]): Promise<void>;
  /** Resolves if the store can be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(
    message: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** 409: a document with this id already exists. */
export class ConflictError extends StoreError {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`Already exists: ${what}`, 409, options);
  }
}

/** 412: the document changed since it was read. */
export class PreconditionFailedError extends StoreError {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`Changed since read: ${what}`, 412, options);
  }
}

/** 404 on a write that needs the document. */
export class NotFoundError extends StoreError {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`Not found: ${what}`, 404, options);
  }
}

/** 429 after the client's own retries: the database is throttling. */
export class ThrottledError extends StoreError {
  constructor(
    readonly retryAfterMs: number | undefined,
    options?: { cause?: unknown },
  ) {
    super('The database is busy (throttled)', 429, options);
  }
}

/** The database cannot be reached or failed (5xx, timeouts, network). */
export class StoreUnavailableError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 503, options);
  }
}
