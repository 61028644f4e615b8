/**
 * Chooses the store from the environment: Cosmos DB when COSMOS_ENDPOINT is set (account key in
 * COSMOS_KEY, or Entra ID through DefaultAzureCredential: managed identity in Azure, your az login
 * locally), otherwise the embedded file store in STORE_DIR (default .data/store).
 */
import { join } from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import type { DocumentStore } from './document-store';
import { CosmosStore } from './cosmos-store';
import { FileStore } from './file-store';
import { projectRoot } from '../project-root';

export async function openStore(config: { cosmos: { endpoint: string; key: string; database: string; allowSelfSigned: boolean }; storeDir: string }): Promise<DocumentStore> {
  return openStoreFromEnvironment({
    COSMOS_ENDPOINT: config.cosmos.endpoint || undefined,
    COSMOS_KEY: config.cosmos.key || undefined,
    COSMOS_DATABASE: config.cosmos.database,
    COSMOS_ALLOW_SELF_SIGNED: String(config.cosmos.allowSelfSigned),
    STORE_DIR: config.storeDir,
    NODE_ENV: process.env.NODE_ENV,
  });
}

export async function openStoreFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<DocumentStore> {
  const endpoint = env.COSMOS_ENDPOINT;
  if (!endpoint) return new FileStore(env.STORE_DIR ?? join(projectRoot(), '.data/store'));
  const allowSelfSigned = env.COSMOS_ALLOW_SELF_SIGNED === 'true';
  if (allowSelfSigned && env.NODE_ENV === 'production') throw new Error('COSMOS_ALLOW_SELF_SIGNED is for the emulator and tests, not production');
  return CosmosStore.open({
    endpoint,
    database: env.COSMOS_DATABASE ?? 'trygghetsbot',
    ...(env.COSMOS_KEY ? { key: env.COSMOS_KEY } : { credential: new DefaultAzureCredential() }),
    allowSelfSignedCertificate: allowSelfSigned,
  });
}
