/**
 * A store in memory only, with the same rules as the others (it passes the same contract suite):
 * for use-case tests that need no folder and run in milliseconds. Nothing survives the process.
 */
import { CONTAINERS, type ContainerName } from './document-store';
import { DocumentIndex } from './document-index';
import { applyEntry, type JournalEntry } from './journal';
import { IndexedStore, type IndexedContainer } from './indexed-store';

class MemoryContainer implements IndexedContainer {
  readonly docs = new DocumentIndex();

  async commit(entry: JournalEntry): Promise<void> {
    applyEntry(this.docs, entry);
  }
}

export class MemoryStore extends IndexedStore {
  readonly kind = 'memory';
  protected readonly containers = new Map<ContainerName, MemoryContainer>(CONTAINERS.map((name) => [name, new MemoryContainer()]));

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The store is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
