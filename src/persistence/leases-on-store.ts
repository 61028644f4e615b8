/** Leases on the document store: two bot instances racing for one, the store's create or ETag lets one win. */
import type { DocumentBody, DocumentStore } from '../store/document-store';
import type { Leases } from '../usecases/ports';
import { writeIfUnchanged } from './write-if-unchanged';

type LeaseDoc = DocumentBody & { owner: string; expiresAt: number };

export class LeasesOnStore implements Leases {
  constructor(private readonly store: DocumentStore) {}

  async acquire(name: string, owner: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    const existing = await this.store.read<LeaseDoc>('leases', name, name);
    if (existing && existing.owner !== owner && existing.expiresAt > now) return false;
    const doc: LeaseDoc = { id: name, pk: name, type: 'lease', owner, expiresAt: now + ttlMs };
    return (await writeIfUnchanged(this.store, 'leases', doc, existing?._etag)) !== 'conflict';
  }

  async release(name: string, owner: string): Promise<void> {
    const existing = await this.store.read<LeaseDoc>('leases', name, name);
    if (existing?.owner === owner) await this.store.delete('leases', name, name, existing._etag);
  }
}
