/**
 * The store contract against Cosmos DB: always against @vercel/cosmosdb-server (a Cosmos-protocol
 * server on 127.0.0.1, started here), and also against a real account or the emulator when
 * COSMOS_ENDPOINT (and COSMOS_KEY, or Entra ID) are set.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:https';
import { randomUUID } from 'node:crypto';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { CosmosStore } from '../../src/store/cosmos-store';
import { storeContract } from './contract';

// The local server accepts any key; this is the emulator's published well-known key.
const LOCAL_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
let server: Server | undefined;

async function localEndpoint(): Promise<string> {
  if (!server) {
    server = createHttpsServer();
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  }
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

storeContract(
  'Cosmos DB protocol (@vercel/cosmosdb-server on 127.0.0.1)',
  async () => CosmosStore.open({ endpoint: await localEndpoint(), key: LOCAL_KEY, database: `test-${randomUUID()}`, allowSelfSignedCertificate: true }),
  { batchRollsBack: false },
  async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  },
);

if (process.env.COSMOS_ENDPOINT) {
  storeContract('Azure Cosmos DB (COSMOS_ENDPOINT)', async () => {
    const { openStoreFromEnvironment } = await import('../../src/store/open-store');
    return openStoreFromEnvironment({ ...process.env, COSMOS_DATABASE: process.env.COSMOS_TEST_DATABASE ?? 'trygghetsbot-test' });
  }, { batchRollsBack: true });
}
