/**
 * Whether an error is the store failing (throttled after retries, unreachable, 5xx): the one kind
 * of exception a use case lets through, which the adapter turns into "try again, nothing saved".
 */
import { StoreError } from '../store/document-store';

export function isStoreOutage(error: unknown): boolean {
  return error instanceof StoreError;
}

export function storeOutageStatus(error: unknown): number | undefined {
  return error instanceof StoreError ? error.status : undefined;
}
