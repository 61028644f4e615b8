/**
 * The embedded store's documents in memory, indexed the way they are asked for: by partition and
 * by type within a partition. Listing a round's answers must not walk every document of every
 * year (200 answers at once made that the bot's hottest code), and listings come back ordered by
 * id without sorting the partition again until it changes.
 */
import type { StoredDocument } from './document-store';

const byId = (a: StoredDocument, b: StoredDocument): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Between the types of a listing of several types, in its key (no type holds it). */
const TYPE_SEPARATOR = '\u0000';

class Partition {
  readonly docs = new Map<string, StoredDocument>();
  /** Sorted listings, by type ('' for all), dropped when a document of that type changes. */
  private readonly listings = new Map<string, StoredDocument[]>();

  put(doc: StoredDocument): void {
    const before = this.docs.get(doc.id);
    if (before) this.forget(before.type);
    this.docs.set(doc.id, doc);
    this.forget(doc.type);
  }

  remove(id: string): void {
    const before = this.docs.get(id);
    if (!before) return;
    this.docs.delete(id);
    this.forget(before.type);
  }

  /** Of one type, of any of several (a round and its answers, one listing), or of all (''). */
  list(type: string | readonly string[] | undefined): StoredDocument[] {
    // undefined: all types; an empty list of types: none.
    const types = type === undefined ? undefined : typeof type === 'string' ? [type] : [...new Set(type)].sort();
    if (types?.length === 0) return [];
    const key = types ? types.join(TYPE_SEPARATOR) : '';
    let listing = this.listings.get(key);
    if (!listing) {
      listing = [...this.docs.values()].filter((d) => !types || types.includes(d.type)).sort(byId);
      this.listings.set(key, listing);
    }
    return listing;
  }

  private forget(type: string): void {
    for (const key of this.listings.keys()) if (key === '' || key.split(TYPE_SEPARATOR).includes(type)) this.listings.delete(key);
  }
}

export class DocumentIndex {
  private readonly partitions = new Map<string, Partition>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(pk: string, id: string): StoredDocument | undefined {
    return this.partitions.get(pk)?.docs.get(id);
  }

  put(doc: StoredDocument): void {
    let partition = this.partitions.get(doc.pk);
    if (!partition) {
      partition = new Partition();
      this.partitions.set(doc.pk, partition);
    }
    if (!partition.docs.has(doc.id)) this.count += 1;
    partition.put(doc);
  }

  remove(pk: string, id: string): void {
    const partition = this.partitions.get(pk);
    if (!partition?.docs.has(id)) return;
    partition.remove(id);
    this.count -= 1;
    if (partition.docs.size === 0) this.partitions.delete(pk);
  }

  /** One partition's documents (of one type, or of any of several), ordered by id; a fresh array the caller may keep. */
  listPartition(pk: string, type?: string | readonly string[]): StoredDocument[] {
    const partition = this.partitions.get(pk);
    if (!partition) return [];
    return [...partition.list(type)];
  }

  /** Every document (of one type), ordered by id and then partition. */
  list(type?: string): StoredDocument[] {
    const all: StoredDocument[] = [];
    for (const partition of this.partitions.values()) all.push(...partition.list(type));
    return all.sort((a, b) => byId(a, b) || (a.pk < b.pk ? -1 : a.pk > b.pk ? 1 : 0));
  }
}
