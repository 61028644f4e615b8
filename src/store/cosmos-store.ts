/**
 * Azure Cosmos DB backend (@azure/cosmos). Containers and partition keys as in docs/data-model.md;
 * ETags for optimistic concurrency; transactional batches within one partition. Cosmos errors are
 * mapped to the store's errors so the domain never sees an SDK type.
 */
import { Agent } from 'node:https';
import { BulkOperationType, CosmosClient, type Container, type Database, type JSONObject, type OperationInput } from '@azure/cosmos';
import type { TokenCredential } from '@azure/core-auth';
import {
  CONTAINERS,
  ConflictError,
  NotFoundError,
  PARTITION_KEY_PATH,
  PreconditionFailedError,
  MAX_BATCH_OPERATIONS,
  StoreUnavailableError,
  ThrottledError,
  type BatchOperation,
  type ContainerName,
  type DocumentBody,
  type DocumentStore,
  type StoredDocument,
} from './document-store';

export interface CosmosStoreOptions {
  endpoint: string;
  database: string;
  /** Account key; without it, `credential` (Entra ID) is used. */
  key?: string;
  credential?: TokenCredential;
  /** Accept a self-signed certificate: the local test server and the emulator only. */
  allowSelfSignedCertificate?: boolean;
  /** How often the SDK retries a throttled (429) request before the store reports ThrottledError. */
  maxThrottleRetries?: number;
  requestTimeoutMs?: number;
}

interface CosmosErrorLike {
  code?: number | string;
  statusCode?: number;
  retryAfterInMs?: number;
  message?: string;
}

function mapError(error: unknown, what: string): Error {
  const e = error as CosmosErrorLike;
  const status = typeof e.code === 'number' ? e.code : e.statusCode;
  if (status === 409) return new ConflictError(what, { cause: error });
  if (status === 412) return new PreconditionFailedError(what, { cause: error });
  if (status === 404) return new NotFoundError(what, { cause: error });
  if (status === 429) return new ThrottledError(e.retryAfterInMs, { cause: error });
  if (
    status === undefined ||
    status >= 500 ||
    status === 408 ||
    e.code === 'ECONNREFUSED' ||
    e.code === 'ETIMEDOUT' ||
    e.code === 'ECONNRESET'
  ) {
    return new StoreUnavailableError(`Cosmos DB unavailable (${status ?? e.code ?? 'no response'}): ${e.message ?? ''}`.trim(), {
      cause: error,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
}

function stripSystemFields<T extends DocumentBody>(resource: Record<string, unknown>): StoredDocument<T> {
  const { _rid: _r, _self: _s, _attachments: _a, ...rest } = resource;
  return rest as unknown as StoredDocument<T>;
}

export class CosmosStore implements DocumentStore {
  readonly kind = 'cosmos';
  private readonly client: CosmosClient;
  private database: Database | undefined;
  private readonly containers = new Map<ContainerName, Container>();

  private constructor(private readonly options: CosmosStoreOptions) {
    this.client = new CosmosClient({
      endpoint: options.endpoint,
      ...(options.key ? { key: options.key } : { aadCredentials: options.credential }),
      ...(options.allowSelfSignedCertificate ? { agent: new Agent({ rejectUnauthorized: false }) } : {}),
      connectionPolicy: {
        requestTimeout: options.requestTimeoutMs ?? 10_000,
        retryOptions: {
          maxRetryAttemptCount: options.maxThrottleRetries ?? 9,
          fixedRetryIntervalInMilliseconds: 0,
          maxWaitTimeInSeconds: 30,
        },
        enableEndpointDiscovery: !options.allowSelfSignedCertificate,
      },
    });
  }

  /** Connects and creates the database and containers if they do not exist. */
  static async open(options: CosmosStoreOptions): Promise<CosmosStore> {
    const store = new CosmosStore(options);
    try {
      const { database } = await store.client.databases.createIfNotExists({ id: options.database });
      store.database = database;
      for (const name of CONTAINERS) {
        const { container } = await database.containers.createIfNotExists({ id: name, partitionKey: { paths: [PARTITION_KEY_PATH] } });
        store.containers.set(name, container);
      }
    } catch (error) {
      store.client.dispose();
      throw mapError(error, `database ${options.database}`);
    }
    return store;
  }

  private container(name: ContainerName): Container {
    const c = this.containers.get(name);
    if (!c) throw new Error(`Unknown container ${name}`);
    return c;
  }

  async read<T extends DocumentBody>(container: ContainerName, pk: string, id: string): Promise<StoredDocument<T> | undefined> {
    try {
      const { resource, statusCode } = await this.container(container).item(id, pk).read<Record<string, unknown>>();
      if (statusCode === 404 || !resource) return undefined;
      return stripSystemFields<T>(resource);
    } catch (error) {
      const mapped = mapError(error, `${container}/${pk}/${id}`);
      if (mapped instanceof NotFoundError) return undefined;
      throw mapped;
    }
  }

  async create<T extends DocumentBody>(container: ContainerName, doc: T): Promise<StoredDocument<T>> {
    try {
      const { resource } = await this.container(container).items.create<Record<string, unknown>>(doc);
      return stripSystemFields<T>(resource!);
    } catch (error) {
      throw mapError(error, `${container}/${doc.pk}/${doc.id}`);
    }
  }

  async replace<T extends DocumentBody>(container: ContainerName, doc: T, ifMatch: string): Promise<StoredDocument<T>> {
    try {
      const { resource } = await this.container(container)
        .item(doc.id, doc.pk)
        .replace<Record<string, unknown>>(doc, { accessCondition: { type: 'IfMatch', condition: ifMatch } });
      return stripSystemFields<T>(resource!);
    } catch (error) {
      throw mapError(error, `${container}/${doc.pk}/${doc.id}`);
    }
  }

  async upsert<T extends DocumentBody>(container: ContainerName, doc: T): Promise<StoredDocument<T>> {
    try {
      const { resource } = await this.container(container).items.upsert<Record<string, unknown>>(doc);
      return stripSystemFields<T>(resource!);
    } catch (error) {
      throw mapError(error, `${container}/${doc.pk}/${doc.id}`);
    }
  }

  async delete(container: ContainerName, pk: string, id: string, ifMatch?: string): Promise<void> {
    try {
      await this.container(container)
        .item(id, pk)
        .delete(ifMatch ? { accessCondition: { type: 'IfMatch', condition: ifMatch } } : undefined);
    } catch (error) {
      const mapped = mapError(error, `${container}/${pk}/${id}`);
      if (mapped instanceof NotFoundError) return;
      throw mapped;
    }
  }

  async listPartition<T extends DocumentBody>(
    container: ContainerName,
    pk: string,
    type?: string | readonly string[],
  ): Promise<Array<StoredDocument<T>>> {
    const types = type === undefined ? undefined : typeof type === 'string' ? [type] : [...type];
    const query =
      types === undefined
        ? { query: 'SELECT * FROM c WHERE c.pk = @pk ORDER BY c.id', parameters: [{ name: '@pk', value: pk }] }
        : {
            query: 'SELECT * FROM c WHERE c.pk = @pk AND ARRAY_CONTAINS(@types, c.type) ORDER BY c.id',
            parameters: [
              { name: '@pk', value: pk },
              { name: '@types', value: types },
            ],
          };
    try {
      const { resources } = await this.container(container).items.query<Record<string, unknown>>(query, { partitionKey: pk }).fetchAll();
      return resources.map((r) => stripSystemFields<T>(r));
    } catch (error) {
      throw mapError(error, `${container}/${pk}`);
    }
  }

  async listByType<T extends DocumentBody>(container: ContainerName, type: string): Promise<Array<StoredDocument<T>>> {
    try {
      const { resources } = await this.container(container)
        .items.query<Record<string, unknown>>({
          query: 'SELECT * FROM c WHERE c.type = @type',
          parameters: [{ name: '@type', value: type }],
        })
        .fetchAll();
      // Ordered here rather than in the query: a cross-partition ORDER BY needs an index policy the test server lacks.
      return resources.map((r) => stripSystemFields<T>(r)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.pk < b.pk ? -1 : 1));
    } catch (error) {
      throw mapError(error, `${container} type ${type}`);
    }
  }

  async batch(container: ContainerName, pk: string, operations: BatchOperation[]): Promise<void> {
    if (operations.length > MAX_BATCH_OPERATIONS)
      throw new Error(`A batch holds at most ${MAX_BATCH_OPERATIONS} operations (Cosmos DB's limit); got ${operations.length}`);
    // Each operation names its partition key too: the batch carries it in the body per operation.
    const inputs: OperationInput[] = operations.map((o): OperationInput => {
      switch (o.op) {
        case 'create':
          return { operationType: BulkOperationType.Create, partitionKey: pk, resourceBody: o.doc as unknown as JSONObject };
        case 'upsert':
          return { operationType: BulkOperationType.Upsert, partitionKey: pk, resourceBody: o.doc as unknown as JSONObject };
        case 'replace':
          return {
            operationType: BulkOperationType.Replace,
            partitionKey: pk,
            id: o.doc.id,
            resourceBody: o.doc as unknown as JSONObject,
            ifMatch: o.ifMatch,
          };
        case 'delete':
          return { operationType: BulkOperationType.Delete, partitionKey: pk, id: o.id, ...(o.ifMatch ? { ifMatch: o.ifMatch } : {}) };
      }
    });
    let response;
    try {
      response = await this.container(container).items.batch(inputs, pk);
    } catch (error) {
      throw mapError(error, `${container}/${pk} batch`);
    }
    const results = response.result ?? [];
    // A failed batch reports the failing operation's status; the others say 424 (failed dependency).
    const failed = results.find((r) => r.statusCode >= 400 && r.statusCode !== 424);
    if (failed || (response.code !== undefined && response.code >= 400)) {
      const index = failed ? results.indexOf(failed) : 0;
      const op = operations[index]!;
      const id = op.op === 'delete' ? op.id : op.doc.id;
      throw mapError({ code: failed?.statusCode ?? response.code }, `${container}/${pk}/${id} (batch)`);
    }
  }

  async ping(): Promise<void> {
    try {
      await this.database!.read();
    } catch (error) {
      throw mapError(error, `database ${this.options.database}`);
    }
  }

  async close(): Promise<void> {
    this.client.dispose();
  }
}
