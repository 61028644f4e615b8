/**
 * The embedded store for `npm start`: documents in memory, every committed write appended to a
 * journal file per container (journal.ts: one checksummed, numbered line per write, fsynced) and
 * replayed at start. A batch is one line, so it is all there after a crash or not at all.
 *
 * Damage is never passed over in silence: a last line cut off by a crash is dropped with a
 * warning; any other damage stops the store from opening, names the file and the lines, and
 * leaves the file as it was (`npm run store:check` reports it and can write a repaired copy).
 * After a clean replay the journal is compacted into a fresh file (written aside, then renamed).
 * One process per folder: a lock file names the process holding it (store-lock.ts).
 */
import { closeSync, existsSync, fsync, fsyncSync, mkdirSync, openSync, renameSync, write } from 'node:fs';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { CONTAINERS, StoreUnavailableError, type ContainerName } from './document-store';
import { DocumentIndex } from './document-index';
import { applyEntry, encodeLine, journalFileLines, replayJournalLines, writeJournal, type Damage, type JournalEntry } from './journal';
import { StoreLock, type StoreNotice } from './store-lock';

export type { StoreNotice };
import { deepFreeze, IndexedStore } from './indexed-store';

const writeChunk = promisify(write);
const fsyncAsync = promisify(fsync);

/** Writes all of `text` at the end of the file (write may take less than all in one call). */
async function writeAsync(fd: number, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length;) {
    const { bytesWritten } = await writeChunk(fd, bytes, offset, bytes.length - offset, null);
    offset += bytesWritten;
  }
}

/** A journal that cannot be read as it is: the store will not open until the operator looks. */
export class StoreDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly damage: Damage[],
  ) {
    const lines = damage.slice(0, 5).map((d) => `  line ${d.line}: ${d.reason}`);
    if (damage.length > 5) lines.push(`  … and ${damage.length - 5} more`);
    super(
      `The embedded store's journal ${file} is damaged:\n${lines.join('\n')}\n` +
        `The file was left as it is and the bot did not start. Run "npm run store:check -- --dir ${dirname(file)}" to see the damage, ` +
        `and "npm run store:check -- --dir ${dirname(file)} --repair" to write a repaired copy beside it.`,
    );
    this.name = 'StoreDamagedError';
  }
}

class Container {
  readonly docs = new DocumentIndex();
  private fd: number;
  private seq: number;

  constructor(
    private readonly file: string,
    private readonly name: ContainerName,
    notice: StoreNotice,
  ) {
    if (existsSync(file)) {
      // Line by line, each entry applied as it is read: a large journal is never held whole in memory.
      const replay = replayJournalLines(journalFileLines(file), name, (entry) => applyEntry(this.docs, deepFreeze(entry)));
      if (replay.damage.length > 0) throw new StoreDamagedError(file, replay.damage);
      if (replay.tornTail) {
        notice({
          event: 'journal-torn-line-dropped',
          file,
          line: replay.tornTail.line,
          bytes: replay.tornTail.bytes,
          message: 'a last line cut off by a crash (its write never completed) was dropped',
        });
      }
      if (replay.format === 1)
        notice({ event: 'journal-upgraded', file, message: 'journal rewritten with checksums and sequence numbers' });
    }
    this.seq = this.compact();
    this.fd = openSync(file, 'a');
  }

  /** Rewrites the journal as one line per document; only ever after a clean replay. Returns the last sequence number. */
  private compact(): number {
    const temp = `${this.file}.compacting`;
    const docs = this.docs;
    const fd = openSync(temp, 'w');
    try {
      writeJournal(
        fd,
        this.name,
        (function* () {
          for (const doc of docs.list()) yield { put: doc };
        })(),
      );
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
    return this.docs.size;
  }

  /**
   * Applies the entry in memory at once (so the next conditional write sees it) and resolves when
   * it is on disk. Writes made while the previous group is being written share one write and one
   * fsync (group commit), done off the event loop: 200 answers at once cost a few fsyncs, and the
   * bot keeps serving while the disk works. A write that fails leaves memory ahead of the disk: the
   * store then refuses everything (fail-stop) until the process restarts and replays the journal.
   */
  commit(entry: JournalEntry): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    this.seq += 1;
    this.pending.push(encodeLine(this.seq, entry));
    applyEntry(this.docs, entry);
    const durable = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.scheduleFlush();
    return durable;
  }

  /** Resolves when every write committed so far is on disk (or has failed). */
  settle(): Promise<void> {
    if (!this.writing && this.pending.length === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiters.push({ resolve, reject: () => resolve() });
      this.scheduleFlush();
    });
  }

  /** Set when a write failed: from then on the store is unavailable. */
  failure: StoreUnavailableError | undefined;
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private writing = false;
  private scheduled = false;

  private scheduleFlush(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.writing) return;
    const lines = this.pending.join('');
    const waiters = this.waiters;
    this.pending = [];
    this.waiters = [];
    this.writing = true;
    try {
      if (lines) {
        await writeAsync(this.fd, lines);
        await fsyncAsync(this.fd);
      }
      for (const w of waiters) w.resolve();
    } catch (error) {
      this.failure = new StoreUnavailableError(`The embedded store could not write ${this.file}: ${(error as Error).message}`, {
        cause: error,
      });
      for (const w of [...waiters, ...this.waiters.splice(0)]) w.reject(this.failure);
      this.pending = [];
    } finally {
      this.writing = false;
      if (this.waiters.length > 0) this.scheduleFlush();
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

export class FileStore extends IndexedStore {
  readonly kind = 'file';
  protected readonly containers = new Map<ContainerName, Container>();
  private readonly lock: StoreLock;

  constructor(
    readonly directory: string,
    notice: StoreNotice = () => undefined,
  ) {
    super();
    mkdirSync(directory, { recursive: true });
    this.lock = StoreLock.acquire(join(directory, 'store.lock'), notice);
    try {
      for (const name of CONTAINERS) this.containers.set(name, new Container(join(directory, `${name}.jsonl`), name, notice));
    } catch (error) {
      for (const c of this.containers.values()) c.close();
      this.lock.release();
      throw error;
    }
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The store is closed');
    for (const c of this.containers.values()) if (c.failure) throw c.failure;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Writes already committed reach the disk before the files are closed.
    await Promise.allSettled([...this.containers.values()].map((c) => c.settle()));
    for (const c of this.containers.values()) c.close();
    this.lock.release();
  }
}
