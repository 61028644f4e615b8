/**
 * The organization's directory through Microsoft Graph (the PeopleDirectory port): a person by
 * e-mail/UPN (`GET /users/{upn}`, permission User.Read.All), and installing the bot's Teams app for
 * a person (`POST /users/{id}/teamwork/installedApps`, TeamsAppInstallation.ReadWriteSelfForUser.All)
 * with the app's id in the organization's catalog (found by the manifest id, paging followed).
 *
 * The catalog lookup (`GET /appCatalogs/teamsApps`) needs AppCatalog.Read.All, unless the catalog
 * id is configured (TEAMS_CATALOG_APP_ID). The Graph client retries 429, 503 and 504 itself,
 * honoring Retry-After. A 401/403 saying a permission is missing is reported as such, naming it,
 * once in the log; the bot then goes on without it.
 */
import type { TokenCredential } from '@azure/identity';
import { createGraphClient, GraphError, isPermissionDenied } from './graph-client';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../log';
import type { DirectoryLookup, InstallOutcome, PeopleDirectory } from '../usecases/people-directory';

export interface GraphDirectoryOptions {
  /** The host root, e.g. https://graph.microsoft.com (calls go under /v1.0/). */
  endpoint: string;
  /** The Teams app's manifest id (externalId in the org catalog). */
  teamsAppId: string;
  /**
   * The app's id in the org catalog (TEAMS_CATALOG_APP_ID), for an organization that will not grant
   * AppCatalog.Read.All: the catalog is then not looked up.
   */
  catalogAppId?: string;
  /** The bot's identity; none in local mode, where a stand-in Graph on 127.0.0.1 is called without a token. */
  credential?: TokenCredential;
  /** Seconds the client waits before a retry when Graph names no Retry-After; tests make it short. */
  retryDelaySeconds?: number;
  maxRetries?: number;
  logger: Logger;
}

type Json = Record<string, unknown>;

export class GraphDirectory implements PeopleDirectory {
  readonly available = true;
  private readonly client: Client;
  private catalogId: Promise<string | undefined | null> | undefined;
  private readonly toldMissing = new Set<string>();

  constructor(private readonly options: GraphDirectoryOptions) {
    this.client = createGraphClient(options);
    if (options.catalogAppId) this.catalogId = Promise.resolve(options.catalogAppId);
  }

  async findByUpn(upn: string): Promise<DirectoryLookup> {
    try {
      const user = (await this.client
        .api(`/users/${encodeURIComponent(upn)}`)
        .select(['id', 'accountEnabled'])
        .get()) as Json;
      if (user.accountEnabled === false) return { found: false, problem: 'account-disabled' };
      return { found: true, aadObjectId: String(user.id) };
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      if (error.statusCode === 404) return { found: false, problem: 'not-in-directory' };
      if (error.statusCode === 401 || error.statusCode === 403) {
        this.sayMissing('User.Read.All', error);
        return { found: false, problem: 'no-graph-permission' };
      }
      throw error;
    }
  }

  async installApp(aadObjectId: string): Promise<InstallOutcome> {
    const catalogId = await this.appCatalogId();
    if (catalogId === null) return 'no-graph-permission';
    if (catalogId === undefined) return 'app-not-installed';
    try {
      await this.client
        .api(`/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`)
        .post({ 'teamsApp@odata.bind': `${this.options.endpoint.replace(/\/+$/, '')}/v1.0/appCatalogs/teamsApps/${catalogId}` });
      return 'installed';
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      if (error.statusCode === 409) return 'already-installed';
      if (error.statusCode === 401 || error.statusCode === 403) {
        if (isPermissionDenied(error)) {
          this.sayMissing('TeamsAppInstallation.ReadWriteSelfForUser.All', error);
          return 'no-graph-permission';
        }
        return 'install-blocked';
      }
      if (error.statusCode === 404) return 'install-blocked'; // the user has no Teams license or mailbox
      throw error;
    }
  }

  /** The app's id in the org catalog; undefined if it is not there, null if Graph refuses to say. */
  private appCatalogId(): Promise<string | undefined | null> {
    this.catalogId ??= this.findInCatalog().catch((error: unknown) => {
      this.catalogId = undefined; // a transient failure is tried again next time
      throw error;
    });
    return this.catalogId;
  }

  private async findInCatalog(): Promise<string | undefined | null> {
    const filter = `externalId eq '${this.options.teamsAppId.replace(/'/g, "''")}'`;
    try {
      let page = (await this.client.api('/appCatalogs/teamsApps').filter(filter).get()) as Json;
      for (;;) {
        const app = (page.value as Json[] | undefined)?.find(
          (a) => String(a.externalId ?? '').toLowerCase() === this.options.teamsAppId.toLowerCase(),
        );
        if (app) return String(app.id);
        const next = page['@odata.nextLink'];
        if (typeof next !== 'string') break;
        page = (await this.client.api(next).get()) as Json;
      }
      this.options.logger.warn(
        { event: 'graph-app-not-in-catalog', teamsAppId: this.options.teamsAppId },
        'the Teams app is not in the organization’s app catalog: it cannot be installed for people (upload it in Teams admin center)',
      );
      return undefined;
    } catch (error) {
      if (error instanceof GraphError && (error.statusCode === 401 || error.statusCode === 403)) {
        // Its own permission, not the install's: an admin told the wrong one grants the wrong one.
        this.sayMissing('AppCatalog.Read.All', error);
        return null;
      }
      throw error;
    }
  }

  private sayMissing(permission: string, error: GraphError): void {
    if (this.toldMissing.has(permission)) return;
    this.toldMissing.add(permission);
    this.options.logger.warn(
      { event: 'graph-permission-missing', permission, status: error.statusCode, code: error.code },
      `Microsoft Graph refused: the application permission ${permission} is not granted (docs/drift.md, step 4; npm run doctor names each missing one); going on without it`,
    );
  }
}
