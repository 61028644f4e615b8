/**
 * The backends every store test runs against: the embedded file store, Cosmos DB protocol on the
 * local test server (@vercel/cosmosdb-server, started here on 127.0.0.1), the in-memory store
 * for fast use-case tests, and a real account or emulator when COSMOS_ENDPOINT is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:https';
import { randomUUID } from 'node:crypto';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { CosmosStore } from '../../src/store/cosmos-store';
import { LOCAL_COSMOS_KEY } from '../../src/devtools/cosmos-stand-in';
import { FileStore } from '../../src/store/file-store';
import { MemoryStore } from '../../src/store/memory-store';
import { openStore } from '../../src/store/open-store';
import { loadConfig } from '../../src/config';
import type { DocumentStore } from '../../src/store/document-store';

export interface Backend {
  name: string;
  /** False for the local Cosmos test server, whose batches keep operations before a failure. */
  batchRollsBack: boolean;
  open(): Promise<DocumentStore>;
  cleanup(): Promise<void>;
}

// The local server accepts any key; this is the emulator's published well-known key.
export const LOCAL_KEY = LOCAL_COSMOS_KEY;

export function fileBackend(): Backend {
  const folders: string[] = [];
  return {
    name: 'embedded file store',
    batchRollsBack: true,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'trygghetsbot-store-'));
      folders.push(dir);
      return new FileStore(dir);
    },
    async cleanup() {
      for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function memoryBackend(): Backend {
  return { name: 'in-memory store', batchRollsBack: true, open: async () => new MemoryStore(), cleanup: async () => undefined };
}

export function localCosmosBackend(): Backend {
  let server: Server | undefined;
  return {
    name: 'Cosmos DB protocol (@vercel/cosmosdb-server on 127.0.0.1)',
    batchRollsBack: false,
    async open() {
      if (!server) {
        server = createHttpsServer();
        await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      }
      const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return CosmosStore.open({ endpoint, key: LOCAL_KEY, database: `test-${randomUUID()}`, allowSelfSignedCertificate: true });
    },
    async cleanup() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}

export function realCosmosBackend(): Backend | undefined {
  if (!process.env.COSMOS_ENDPOINT) return undefined;
  return {
    name: 'Azure Cosmos DB (COSMOS_ENDPOINT)',
    batchRollsBack: true,
    open: () => openStore(loadConfig({ ...process.env, COSMOS_DATABASE: process.env.COSMOS_TEST_DATABASE ?? 'trygghetsbot-test' })),
    async cleanup() {},
  };
}

export function allBackends(): Backend[] {
  return [fileBackend(), memoryBackend(), localCosmosBackend(), realCosmosBackend()].filter((b): b is Backend => b !== undefined);
}
