/**
 * The one place where the store's optimistic concurrency becomes a value: a write made only if
 * the document is as it was read comes back 'conflict' when someone wrote in between, as the
 * Agents SDK's storage returns it, instead of an exception each caller catches. Outages still throw.
 */
import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  type BatchOperation,
  type ContainerName,
  type DocumentBody,
  type DocumentStore,
} from '../store/document-store';
import type { WriteOutcome } from '../usecases/ports';

const isConflict = (error: unknown): boolean =>
  error instanceof ConflictError || error instanceof PreconditionFailedError || error instanceof NotFoundError;

/** Creates the document (`ifMatch` undefined: it must not exist yet) or replaces the version read; its new ETag, or 'conflict'. */
export async function writeIfUnchanged(
  store: DocumentStore,
  container: ContainerName,
  doc: DocumentBody,
  ifMatch: string | undefined,
): Promise<{ etag: string } | 'conflict'> {
  try {
    const saved = ifMatch === undefined ? await store.create(container, doc) : await store.replace(container, doc, ifMatch);
    return { etag: saved._etag };
  } catch (error) {
    if (isConflict(error)) return 'conflict';
    throw error;
  }
}

/** A batch whose first operation is the conditional one: all of it, or 'conflict' and nothing. */
export async function batchIfUnchanged(
  store: DocumentStore,
  container: ContainerName,
  pk: string,
  operations: BatchOperation[],
): Promise<WriteOutcome> {
  try {
    await store.batch(container, pk, operations);
    return 'saved';
  } catch (error) {
    if (isConflict(error)) return 'conflict';
    throw error;
  }
}

export const saved = (outcome: { etag: string } | 'conflict'): WriteOutcome => (outcome === 'conflict' ? 'conflict' : 'saved');
