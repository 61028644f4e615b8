/**
 * The Cosmos DB protocol server (@vercel/cosmosdb-server, a development dependency) on 127.0.0.1,
 * and the settings that point a bot at it: for tests and the benchmark that run several bot
 * instances on one store, as App Service runs them scaled out. In memory only.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:https';
import { createHttpsServer } from '@vercel/cosmosdb-server';

/** The local server accepts any key; this is the emulator's published well-known key. */
export const LOCAL_COSMOS_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export interface CosmosStandIn {
  endpoint: string;
  /** The settings for one bot instance on this server: database and instance named. */
  settingsFor(database: string, instanceId: string): Record<string, string>;
  stop(): Promise<void>;
}

export async function startCosmosStandIn(): Promise<CosmosStandIn> {
  const server: Server = createHttpsServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    settingsFor: (database, instanceId) => ({
      COSMOS_ENDPOINT: endpoint,
      COSMOS_KEY: LOCAL_COSMOS_KEY,
      COSMOS_ALLOW_SELF_SIGNED: 'true',
      COSMOS_DATABASE: database,
      INSTANCE_ID: instanceId,
    }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
