/**
 * How the follow-up's records are laid out in the document store (see docs/data-model.md): their
 * partitions and ids, and stripping the store's own fields off what is read.
 */
import type { DocumentBody, StoredDocument } from '../store/document-store';

export const roundPartition = (year: number): string => `round-${year}`;

/**
 * A document id from parts that come from plan text and people's addresses. Cosmos DB refuses
 * / \\ ? # in ids, and | separates the parts: each is escaped as %XX (with % itself), so ids of
 * ordinary units and people read as before and no two different part lists share an id.
 */
export const documentId = (...parts: string[]): string =>
  parts.map((p) => p.replace(/[%/\\?#|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)).join('|');

export const answerId = (actionId: string, unit: string): string => documentId('answer', actionId, unit);

/**
 * Records made from frozen stored documents, by document: the embedded and in-memory stores hand
 * out the same frozen document until it is replaced, and a card action lists the round's answers
 * every time (200 answers at once copied 40,000 of them). A Cosmos DB read is a new object each time.
 */
const stripped = new WeakMap<object, unknown>();

/** The record without the store's id, partition, type and timestamp; its ETag stays, to change it with. */
export const strip = <T>(doc: StoredDocument<DocumentBody & T>): T & { _etag: string } => {
  const kept = stripped.get(doc);
  if (kept) return kept as T & { _etag: string };
  const { id: _id, pk: _pk, type: _type, _ts, ...rest } = doc as StoredDocument<DocumentBody & T> & Record<string, unknown>;
  if (Object.isFrozen(doc)) stripped.set(doc, Object.freeze(rest));
  return rest as unknown as T & { _etag: string };
};

/** The document as it is written: without the store's ETag and timestamp (to replace it with a change). */
export const withoutMeta = <T extends DocumentBody>(doc: StoredDocument<T>): T => {
  const { _etag: _e, _ts: _t, ...body } = doc;
  return body as unknown as T;
};
