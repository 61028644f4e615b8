/**
 * The doctor's Graph checks: each permission the bot needs, tried by the read-only call that needs
 * it, against the Graph the bot uses (Microsoft Graph, a national cloud's, or a stand-in on
 * 127.0.0.1 in local mode, called without a token). With a token at hand, its roles are listed too.
 */
import type { TokenCredential } from '@azure/identity';
import { createGraphClient, graphScope, GraphError, isPermissionDenied } from '../graph/graph-client';
import { failed, ok, skipped, type CheckResult } from './check';
import { consentCommand } from './consent';
import { GRAPH_PERMISSIONS } from '../graph/permissions';

export interface GraphCheckOptions {
  endpoint: string;
  credential?: TokenCredential;
  /** The bot's Entra app id (for the consent command and to compare with the catalog's bot id). */
  botAppId: string;
  teamsAppId: string;
  catalogAppId: string;
  /** Whom to look up: an admin, by e-mail or Entra object id. */
  person?: string;
  retryDelaySeconds?: number;
}

type Json = Record<string, unknown>;

/** The `roles` claim of an access token (application permissions granted); undefined if it is no JWT. */
export function rolesInToken(token: string): string[] | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const roles = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles?: unknown }).roles;
    return Array.isArray(roles) ? roles.map(String) : [];
  } catch {
    return undefined;
  }
}

export async function graphChecks(options: GraphCheckOptions): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const client = createGraphClient({
    endpoint: options.endpoint,
    credential: options.credential,
    retryDelaySeconds: options.retryDelaySeconds ?? 1,
    maxRetries: 2,
  });
  const missing = (permission: string, call: string, error: GraphError): CheckResult =>
    failed(
      `Graph ${permission}`,
      `${call} was refused (${error.statusCode} ${error.code ?? ''}): the application permission ${permission} is not granted to the bot's identity. It is used to ${GRAPH_PERMISSIONS[permission] ?? 'reach contacts'}.`,
      `an Entra admin grants it (admin consent): ${consentCommand(permission, options.botAppId)}`,
    );
  const broken = (name: string, call: string, error: unknown): CheckResult =>
    failed(
      name,
      `${call} failed: ${error instanceof GraphError ? `${error.statusCode} ${error.code ?? ''} ${error.message ?? ''}`.trim() : (error as Error).message}`,
      `check GRAPH_ENDPOINT (${options.endpoint}): Microsoft Graph's host root is https://graph.microsoft.com`,
    );

  if (options.credential) {
    try {
      const token = await options.credential.getToken(graphScope(options.endpoint));
      const roles = token ? rolesInToken(token.token) : undefined;
      const wanted = Object.keys(GRAPH_PERMISSIONS).filter((p) => p !== 'AppCatalog.Read.All' || !options.catalogAppId);
      const absent = wanted.filter((p) => roles && !roles.includes(p));
      results.push(
        ok(
          'Graph token',
          `a token for ${graphScope(options.endpoint)}; roles in it: ${roles?.length ? roles.join(', ') : 'none'}${absent.length ? ` (not among them: ${absent.join(', ')}; a consent given in the last minutes may not show yet)` : ''}`,
        ),
      );
    } catch (error) {
      results.push(
        failed(
          'Graph token',
          `no token for ${graphScope(options.endpoint)}: ${(error as Error).message.split('\n')[0]}`,
          "run this where the bot's identity is (the App Service console for a managed identity), or check MicrosoftAppTenantId and MicrosoftAppPassword",
        ),
      );
      return results; // every call below would fail the same way
    }
  }

  // User.Read.All: look up the admin (also their Entra id, for the installed-apps check).
  let userId: string | undefined;
  if (!options.person) {
    results.push(skipped('Graph User.Read.All', 'nobody to look up: set BOOTSTRAP_ADMINS (or ask "diagnos" in Teams as an admin)'));
  } else {
    const call = `GET /users/${options.person}`;
    try {
      const user = (await client
        .api(`/users/${encodeURIComponent(options.person)}`)
        .select(['id', 'accountEnabled'])
        .get()) as Json;
      userId = String(user.id);
      results.push(ok('Graph User.Read.All', `${call}: found (${userId})`));
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) {
        results.push(
          failed(
            'Graph User.Read.All',
            `${call}: the permission works, but ${options.person} is not in the directory`,
            'check BOOTSTRAP_ADMINS',
          ),
        );
      } else if (error instanceof GraphError && (error.statusCode === 401 || error.statusCode === 403) && isPermissionDenied(error)) {
        results.push(missing('User.Read.All', call, error));
      } else results.push(broken('Graph User.Read.All', call, error));
    }
  }

  // AppCatalog.Read.All: the app in the org catalog by its manifest id, with its bot's id.
  if (options.catalogAppId) {
    results.push(skipped('Graph AppCatalog.Read.All', `not needed: TEAMS_CATALOG_APP_ID is set (${options.catalogAppId})`));
  } else {
    const call = `GET /appCatalogs/teamsApps?$filter=externalId eq '${options.teamsAppId}'`;
    try {
      const page = (await client
        .api('/appCatalogs/teamsApps')
        .filter(`externalId eq '${options.teamsAppId.replace(/'/g, "''")}'`)
        .expand('appDefinitions($expand=bot)')
        .get()) as Json;
      const app = (page.value as Json[] | undefined)?.find(
        (a) => String(a.externalId ?? '').toLowerCase() === options.teamsAppId.toLowerCase(),
      );
      if (!app) {
        results.push(
          failed(
            'Graph AppCatalog.Read.All',
            `${call}: the permission works, but the app (manifest id ${options.teamsAppId}) is not in the organization's app catalog`,
            'upload appPackage/build/appPackage.zip in Teams admin center (Teams apps → Manage apps → Upload new app), or set TEAMS_APP_ID to the manifest id you uploaded',
          ),
        );
      } else {
        const catalogId = String(app.id);
        const bots = ((app.appDefinitions as Json[] | undefined) ?? [])
          .map((d) => String((d.bot as Json | undefined)?.id ?? ''))
          .filter(Boolean);
        const wrongBot = options.botAppId && bots.length > 0 && !bots.some((b) => b.toLowerCase() === options.botAppId.toLowerCase());
        results.push(
          wrongBot
            ? failed(
                'Graph AppCatalog.Read.All',
                `${call}: found (catalog id ${catalogId}), but its bot is ${bots.join(', ')}, not this bot (${options.botAppId})`,
                'build the package with BOT_ID set to this bot (npm run package) and upload it again',
              )
            : ok('Graph AppCatalog.Read.All', `${call}: found (catalog id ${catalogId})`),
        );
      }
    } catch (error) {
      if (error instanceof GraphError && (error.statusCode === 401 || error.statusCode === 403) && isPermissionDenied(error)) {
        const result = missing('AppCatalog.Read.All', call, error);
        result.fix += `; or, where it will not be granted, set TEAMS_CATALOG_APP_ID to the app's id in the org catalog`;
        results.push(result);
      } else results.push(broken('Graph AppCatalog.Read.All', call, error));
    }
  }

  // TeamsAppInstallation.ReadWriteSelfForUser.All: this app's installation for the admin.
  const permission = 'TeamsAppInstallation.ReadWriteSelfForUser.All';
  if (!userId) {
    results.push(skipped(`Graph ${permission}`, 'needs the looked-up person’s Entra id (User.Read.All above)'));
  } else {
    const call = `GET /users/${userId}/teamwork/installedApps`;
    try {
      const page = (await client
        .api(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`)
        .expand('teamsApp')
        .filter(`teamsApp/externalId eq '${options.teamsAppId.replace(/'/g, "''")}'`)
        .get()) as Json;
      const installed = ((page.value as Json[] | undefined) ?? []).length > 0;
      results.push(ok(`Graph ${permission}`, `${call}: allowed; the app is ${installed ? '' : 'not '}installed for ${options.person}`));
    } catch (error) {
      if (error instanceof GraphError && (error.statusCode === 401 || error.statusCode === 403) && isPermissionDenied(error)) {
        results.push(missing(permission, call, error));
      } else results.push(broken(`Graph ${permission}`, call, error));
    }
  }
  return results;
}
