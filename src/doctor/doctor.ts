/**
 * npm run doctor and the admins' `diagnos`: everything the bot needs in this tenant, checked with
 * the settings `npm start` reads, one line each: the configuration, the store (a probe document
 * written, read and deleted), the Bot Connector token, each Graph permission by the read-only call
 * that needs it, the manifest's ids against the configuration, and PUBLIC_URL answering. In local
 * mode the checks that need credentials or a public address are skipped, not failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { TokenCredential } from '@azure/identity';
import type { Config } from '../config';
import type { DocumentStore } from '../store/document-store';
import { assertProductionReady } from '../production-ready';
import { botCredential } from '../graph/bot-credential';
import { failed, ok, skipped, todo, type CheckResult } from './check';
import { graphChecks } from './graph-checks';

/** The Bot Connector's token scope (public cloud); a token for it is what every reply is sent with. */
const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com/.default';

export interface DoctorDeps {
  config: Config;
  /** The store as the bot opens it; a function, so that one that cannot be opened is a failed check. */
  openStore: () => Promise<DocumentStore>;
  /** The running bot's own store: checked, and left open. */
  keepStoreOpen?: boolean;
  /** Project root, for the manifest as packaged (appPackage/build/manifest.json). */
  root: string;
  /** The bot's identity; by default from the configuration. Tests give one. */
  credential?: TokenCredential;
  /** Whom Graph looks up: the admin asking, else the first of BOOTSTRAP_ADMINS. */
  person?: string;
  fetch?: typeof fetch;
  graphRetryDelaySeconds?: number;
  /** The plan's codes nobody has named (plan, glossary and the names given in chat); absent where the plan is not at hand. */
  unnamedCodes?: () => Promise<string[]>;
}

/** Not a failure: the bot works, but answers and the council's report show these codes unexplained. */
export async function unitNamesCheck(unnamed: () => Promise<string[]>): Promise<CheckResult> {
  const name = 'unit names';
  try {
    const codes = await unnamed();
    if (codes.length === 0) return ok(name, 'every code the plan writes for a unit has a full name');
    return todo(
      name,
      `${codes.length} codes the plan writes have no full name, so answers and the report show them unexplained: ${codes.join(', ')}`,
      'an admin writes "ordlista" to the bot in Teams and fills them in on the card (or: ordlista <code> <full name>)',
    );
  } catch (error) {
    return failed(
      name,
      `the names given in chat could not be read: ${(error as Error).message.split('\n')[0]}`,
      'see the store line above',
    );
  }
}

export function configurationCheck(config: Config): CheckResult {
  const problems: string[] = [];
  try {
    assertProductionReady(config);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (config.graphEndpoint) {
    const graph = new URL(config.graphEndpoint);
    if (/graph\.windows\.net$/i.test(graph.hostname))
      problems.push(
        `GRAPH_ENDPOINT=${config.graphEndpoint} is the retired Azure AD Graph: set it to https://graph.microsoft.com (or leave it empty)`,
      );
    if (graph.pathname !== '/' && graph.pathname !== '')
      problems.push(`GRAPH_ENDPOINT=${config.graphEndpoint} must be the host root, without a path (the bot adds /v1.0/)`);
  }
  if (config.production && !config.publicUrl) problems.push('PUBLIC_URL is empty: report links would point at localhost');
  if (problems.length > 0)
    return failed('configuration', problems.join(' '), 'set the app settings named above (docs/reference/settings.md)');
  const mode = config.microsoftAppId
    ? `${config.microsoftAppType}, app id ${config.microsoftAppId}, tenants ${config.allowedTenants.join(', ') || 'any'}`
    : 'local mode (no MicrosoftAppId)';
  const note =
    config.microsoftAppId && config.microsoftAppType === 'MultiTenant'
      ? '; note: Azure creates no new multi-tenant bots since 31 July 2025, use SingleTenant or UserAssignedMSI'
      : '';
  return ok('configuration', `${config.production ? 'production' : 'not production'}, ${mode}${note}`);
}

async function storeCheck(open: () => Promise<DocumentStore>, keepOpen: boolean, config: Config): Promise<CheckResult> {
  const where = config.cosmos.endpoint
    ? `Cosmos DB ${config.cosmos.endpoint}, database ${config.cosmos.database}`
    : `embedded store ${config.storeDir}`;
  let store: DocumentStore | undefined;
  try {
    store = await open();
    const id = `doctor-${randomUUID()}`;
    await store.create('leases', { id, pk: id, type: 'doctor-probe' });
    const back = await store.read('leases', id, id);
    await store.delete('leases', id, id);
    if (!back)
      return failed('store', `${where}: a probe document written could not be read back`, 'check the store’s consistency settings');
    return ok('store', `${where}: wrote, read and deleted a probe document`);
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    return failed(
      'store',
      `${where}: ${message}`,
      config.cosmos.endpoint
        ? "check COSMOS_ENDPOINT and that the bot's identity has the Cosmos DB Built-in Data Contributor role (the template assigns it)"
        : 'check STORE_DIR: the folder must be writable, and no other bot process may use it',
    );
  } finally {
    if (!keepOpen) await store?.close().catch(() => undefined);
  }
}

async function connectorCheck(config: Config, credential: TokenCredential | undefined): Promise<CheckResult> {
  const name = 'Bot Connector token';
  if (!config.microsoftAppId) return skipped(name, 'local mode: no MicrosoftAppId, so no token is needed');
  if (!credential)
    return failed(
      name,
      'MicrosoftAppId is set without a way to get a token',
      'set MicrosoftAppType=UserAssignedMSI (Azure), or MicrosoftAppTenantId with MicrosoftAppPassword',
    );
  try {
    await credential.getToken(BOT_CONNECTOR_SCOPE);
    return ok(name, `a token for ${BOT_CONNECTOR_SCOPE} as ${config.microsoftAppId}`);
  } catch (error) {
    return failed(
      name,
      `no token for ${BOT_CONNECTOR_SCOPE}: ${(error as Error).message.split('\n')[0]}`,
      config.microsoftAppType === 'UserAssignedMSI'
        ? 'run this in the App Service console (the managed identity exists only there), and check that MicrosoftAppId is its client id'
        : 'check MicrosoftAppId, MicrosoftAppTenantId and MicrosoftAppPassword (an expired secret?)',
    );
  }
}

export function manifestCheck(config: Config, root: string): CheckResult {
  const name = 'Teams app manifest';
  const file = join(root, 'appPackage/build/manifest.json');
  if (!existsSync(file))
    return skipped(name, 'no appPackage/build/manifest.json here: run the doctor where npm run package ran to compare its ids');
  let manifest: { id?: string; bots?: Array<{ botId?: string }>; webApplicationInfo?: { id?: string } };
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as typeof manifest;
  } catch (error) {
    return failed(
      name,
      `appPackage/build/manifest.json cannot be read: ${(error as Error).message}`,
      'build the package again (npm run package)',
    );
  }
  const problems: string[] = [];
  const same = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();
  if (!same(manifest.id, config.teamsAppId)) problems.push(`its id is ${manifest.id}, TEAMS_APP_ID is ${config.teamsAppId}`);
  if (config.microsoftAppId) {
    if (!same(manifest.bots?.[0]?.botId, config.microsoftAppId))
      problems.push(`its bot id is ${manifest.bots?.[0]?.botId}, MicrosoftAppId is ${config.microsoftAppId}`);
    if (!same(manifest.webApplicationInfo?.id, config.microsoftAppId))
      problems.push(`webApplicationInfo.id is ${manifest.webApplicationInfo?.id ?? 'missing'}, MicrosoftAppId is ${config.microsoftAppId}`);
  }
  if (problems.length > 0)
    return failed(
      name,
      `appPackage/build/manifest.json does not match this bot: ${problems.join('; ')}`,
      'build it again with BOT_ID, BOT_DOMAIN and TEAMS_APP_ID of this deployment (npm run package) and upload it',
    );
  return ok(
    name,
    `id ${manifest.id}${config.microsoftAppId ? `, bot and webApplicationInfo ${config.microsoftAppId}` : ''} match the configuration`,
  );
}

async function publicUrlCheck(config: Config, fetchFn: typeof fetch): Promise<CheckResult> {
  const name = 'PUBLIC_URL';
  if (!config.publicUrl) return skipped(name, 'not set (local mode): report links use http://localhost');
  const url = `${config.publicUrl}/healthz`;
  try {
    const response = await fetchFn(url, { signal: AbortSignal.timeout(10_000) });
    if (response.status === 200) return ok(name, `${url} answered 200`);
    return failed(
      name,
      `${url} answered ${response.status}`,
      'PUBLIC_URL must be the address users reach the bot at (https://<web app>.azurewebsites.net)',
    );
  } catch (error) {
    return failed(
      name,
      `${url} did not answer: ${(error as Error).message}`,
      'PUBLIC_URL must be the bot’s own public address, and the bot must be running',
    );
  }
}

export async function runDoctor(deps: DoctorDeps): Promise<CheckResult[]> {
  const { config } = deps;
  const identity = deps.credential ? { kind: 'credential' as const, credential: deps.credential } : botCredential(config);
  const credential = identity.kind === 'credential' ? identity.credential : undefined;
  const results: CheckResult[] = [
    configurationCheck(config),
    await storeCheck(deps.openStore, deps.keepStoreOpen ?? false, config),
    await connectorCheck(config, credential),
  ];
  if (!config.graphEndpoint) {
    results.push(
      skipped('Graph', 'GRAPH_ENDPOINT is empty (local mode): contacts given by e-mail are reached only once they have the app'),
    );
  } else if (config.microsoftAppId && !credential) {
    results.push(
      failed(
        'Graph',
        'MicrosoftAppId is set without a way to get a token for Graph',
        'set MicrosoftAppType=UserAssignedMSI, or MicrosoftAppTenantId with MicrosoftAppPassword',
      ),
    );
  } else {
    const admin = config.bootstrapAdmins[0];
    results.push(
      ...(await graphChecks({
        endpoint: config.graphEndpoint,
        credential,
        botAppId: config.microsoftAppId,
        teamsAppId: config.teamsAppId,
        catalogAppId: config.teamsCatalogAppId,
        person: deps.person ?? admin?.upn ?? admin?.aadObjectId,
        retryDelaySeconds: deps.graphRetryDelaySeconds,
      })),
    );
  }
  if (deps.unnamedCodes) results.push(await unitNamesCheck(deps.unnamedCodes));
  results.push(manifestCheck(config, deps.root));
  results.push(await publicUrlCheck(config, deps.fetch ?? fetch));
  return results;
}
