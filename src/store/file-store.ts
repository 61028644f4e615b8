/**
 * The embedded store for `npm start`: documents in memory, every committed write appended to a
 * journal file per container (JSON lines, fsynced) and replayed at start. A batch is one line, so
 * it is all there after a crash or not at all; a torn last line is dropped. On open the journal is
 * compacted into a fresh file (written aside, then renamed). One process per folder: a lock file
 * stops a second bot from opening the same data.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  CONTAINERS,
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  type BatchOperation,
  type ContainerName,
  type DocumentBody,
  type DocumentStore,
  type StoredDocument,
} from './document-store';

type JournalEntry = { put: StoredDocument } | { del: { pk: string; id: string } } | { batch: JournalEntry[] };

const keyOf = (pk: string, id: string): string => JSON.stringify([pk, id]);

class Container {
  readonly docs = new Map<string, StoredDocument>();
  private fd: number;

  constructor(private readonly file: string) {
    if (existsSync(file)) this.replay(readFileSync(file, 'utf8'));
    this.compact();
    this.fd = openSync(file, 'a');
  }

  private replay(text: string): void {
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
      } catch {
        continue; // a line torn by a crash: its write never completed
      }
      this.apply(entry);
    }
  }

  apply(entry: JournalEntry): void {
    if ('put' in entry) this.docs.set(keyOf(entry.put.pk, entry.put.id), entry.put);
    else if ('del' in entry) this.docs.delete(keyOf(entry.del.pk, entry.del.id));
    else for (const inner of entry.batch) this.apply(inner);
  }

  private compact(): void {
    const temp = `${this.file}.compacting`;
    writeFileSync(temp, [...this.docs.values()].map((doc) => `${JSON.stringify({ put: doc })}\n`).join(''));
    const fd = openSync(temp, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, this.file);
  }

  /** Writes the entry durably, then applies it in memory. */
  commit(entry: JournalEntry): void {
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(this.fd);
    this.apply(entry);
  }

  close(): void {
    closeSync(this.fd);
  }
}

export class FileStore implements DocumentStore {
  readonly kind = 'file';
  private readonly containers = new Map<ContainerName, Container>();
  private readonly lockFile: string;
  private closed = false;

  constructor(readonly directory: string) {
    mkdirSync(directory, { recursive: true });
    this.lockFile = join(directory, 'store.lock');
    this.acquireLock();
    for (const name of CONTAINERS) this.containers.set(name, new Container(join(directory, `${name}.jsonl`)));
  }

  private acquireLock(): void {
    try {
      writeFileSync(this.lockFile, String(process.pid), { flag: 'wx' });
    } catch {
      const holder = Number(readFileSync(this.lockFile, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(`The embedded store in ${this.directory} is in use by process ${holder}. Run one bot per data folder, or use Cosmos DB for several.`);
      }
      writeFileSync(this.lockFile, String(process.pid));
    }
  }

  private container(name: ContainerName): Container {
    if (this.closed) throw new Error('The store is closed');
    const c = this.containers.get(name);
    if (!c) throw new Error(`Unknown container ${name}`);
    return c;
  }

  private stamp<T extends DocumentBody>(doc: T): StoredDocument<T> {
    const { _etag: _e, _ts: _t, ...body } = doc as T & Partial<StoredDocument>;
    return { ...(body as T), _etag: `"${randomUUID()}"`, _ts: Math.floor(Date.now() / 1000) };
  }

  async read<T extends DocumentBody>(container: ContainerName, pk: string, id: string): Promise<StoredDocument<T> | undefined> {
    const doc = this.container(container).docs.get(keyOf(pk, id));
    return doc ? (copy(doc) as StoredDocument<T>) : undefined;
  }

  async create<T extends DocumentBody>(container: ContainerName, doc: T): Promise<StoredDocument<T>> {
    const c = this.container(container);
    if (c.docs.has(keyOf(doc.pk, doc.id))) throw new ConflictError(`${container}/${doc.pk}/${doc.id}`);
    const stored = this.stamp(doc);
    c.commit({ put: stored });
    return copy(stored) as unknown as StoredDocument<T>;
  }

  async replace<T extends DocumentBody>(container: ContainerName, doc: T, ifMatch: string): Promise<StoredDocument<T>> {
    const c = this.container(container);
    const current = c.docs.get(keyOf(doc.pk, doc.id));
    if (!current) throw new NotFoundError(`${container}/${doc.pk}/${doc.id}`);
    if (current._etag !== ifMatch) throw new PreconditionFailedError(`${container}/${doc.pk}/${doc.id}`);
    const stored = this.stamp(doc);
    c.commit({ put: stored });
    return copy(stored) as unknown as StoredDocument<T>;
  }

  async upsert<T extends DocumentBody>(container: ContainerName, doc: T): Promise<StoredDocument<T>> {
    const stored = this.stamp(doc);
    this.container(container).commit({ put: stored });
    return copy(stored) as unknown as StoredDocument<T>;
  }

  async delete(container: ContainerName, pk: string, id: string, ifMatch?: string): Promise<void> {
    const c = this.container(container);
    const current = c.docs.get(keyOf(pk, id));
    if (!current) return;
    if (ifMatch !== undefined && current._etag !== ifMatch) throw new PreconditionFailedError(`${container}/${pk}/${id}`);
    c.commit({ del: { pk, id } });
  }

  async listPartition<T extends DocumentBody>(container: ContainerName, pk: string, type?: string): Promise<Array<StoredDocument<T>>> {
    return [...this.container(container).docs.values()]
      .filter((d) => d.pk === pk && (type === undefined || d.type === type))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((d) => copy(d) as unknown as StoredDocument<T>);
  }

  async listByType<T extends DocumentBody>(container: ContainerName, type: string): Promise<Array<StoredDocument<T>>> {
    return [...this.container(container).docs.values()]
      .filter((d) => d.type === type)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.pk < b.pk ? -1 : 1))
      .map((d) => copy(d) as unknown as StoredDocument<T>);
  }

  async batch(container: ContainerName, pk: string, operations: BatchOperation[]): Promise<void> {
    const c = this.container(container);
    // Check every operation against the state as it would be after the ones before it.
    const view = new Map<string, StoredDocument | null>();
    const current = (id: string): StoredDocument | undefined => {
      const k = keyOf(pk, id);
      return view.has(k) ? (view.get(k) ?? undefined) : c.docs.get(k);
    };
    const entries: JournalEntry[] = [];
    for (const operation of operations) {
      if (operation.op !== 'delete' && operation.doc.pk !== pk) throw new Error(`Batch in partition ${pk} got a document of partition ${operation.doc.pk}`);
      const id = operation.op === 'delete' ? operation.id : operation.doc.id;
      const existing = current(id);
      const where = `${container}/${pk}/${id}`;
      if (operation.op === 'create' && existing) throw new ConflictError(where);
      if (operation.op === 'replace' && !existing) throw new NotFoundError(where);
      if (operation.op === 'replace' && existing!._etag !== operation.ifMatch) throw new PreconditionFailedError(where);
      if (operation.op === 'delete') {
        if (operation.ifMatch !== undefined && existing?._etag !== operation.ifMatch) throw new PreconditionFailedError(where);
        view.set(keyOf(pk, id), null);
        entries.push({ del: { pk, id } });
      } else {
        const stored = this.stamp(operation.doc);
        view.set(keyOf(pk, id), stored);
        entries.push({ put: stored });
      }
    }
    if (entries.length > 0) c.commit({ batch: entries });
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The store is closed');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.containers.values()) c.close();
    rmSync(this.lockFile, { force: true });
  }
}

/** Stored documents are never changed in place (every write stores a new object), so a reader gets its own copy cheaply: JSON documents, copied as JSON. */
function copy(doc: StoredDocument): StoredDocument {
  return JSON.parse(JSON.stringify(doc)) as StoredDocument;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
