/**
 * Chooses the store from the configuration (src/config.ts): Cosmos DB when COSMOS_ENDPOINT is set
 * (account key in COSMOS_KEY, or Entra ID through DefaultAzureCredential: managed identity in Azure,
 * your az login locally), otherwise the embedded file store in STORE_DIR (default .data/store).
 */
import { DefaultAzureCredential } from '@azure/identity';
import type { DocumentStore } from './document-store';
import { CosmosStore } from './cosmos-store';
import { FileStore, type StoreNotice } from './file-store';

export interface StoreSettings {
  cosmos: { endpoint: string; key: string; database: string; allowSelfSigned: boolean };
  storeDir: string;
  production?: boolean;
}

/** Opens the configured store; `notice` hears what the embedded store repaired or took over as it opened. */
export async function openStore(settings: StoreSettings, notice?: StoreNotice): Promise<DocumentStore> {
  const { cosmos } = settings;
  if (!cosmos.endpoint) return new FileStore(settings.storeDir, notice);
  if (cosmos.allowSelfSigned && settings.production)
    throw new Error('COSMOS_ALLOW_SELF_SIGNED is for the emulator and tests, not production');
  return CosmosStore.open({
    endpoint: cosmos.endpoint,
    database: cosmos.database,
    ...(cosmos.key ? { key: cosmos.key } : { credential: new DefaultAzureCredential() }),
    allowSelfSignedCertificate: cosmos.allowSelfSigned,
  });
}
