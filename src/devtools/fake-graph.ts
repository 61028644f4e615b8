/**
 * A stand-in for Microsoft Graph on 127.0.0.1, for the tests, the benchmark, `npm run doctor` and
 * `npm start` with GRAPH_ENDPOINT pointing here: the calls the bot makes to reach people given by
 * e-mail. Each call accepts exactly the application permissions Microsoft's v1.0 reference lists
 * for it (GRAPH_CALL_PERMISSIONS), each checked on its own, so that a consent the README forgets
 * fails a test here instead of in a tenant:
 *   GET  /v1.0/users/{id|upn}                          User.Read.All (User.ReadBasic.All: basic properties only)
 *   GET  /v1.0/appCatalogs/teamsApps?$filter=…         AppCatalog.Read.All
 *   POST /v1.0/users/{id}/teamwork/installedApps       TeamsAppInstallation.ReadWriteSelfForUser.All
 *   GET  /v1.0/users/{id}/teamwork/installedApps       TeamsAppInstallation.ReadForUser.All or the Self permission above
 *   GET  /v1.0/users/{id}/teamwork/installedApps/{id}/chat   the same
 * The permissions granted are the roles in the request's bearer token when it carries one (a JWT,
 * its signature not checked), otherwise `granted`. A missing one is refused as Graph refuses it:
 * 403 with Graph's error code and message. `inject` answers a request with a fault first (429
 * with Retry-After, 503), as Graph throttles.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { GRAPH_PERMISSIONS } from '../graph/permissions';

/** Per call, the application permissions Microsoft's v1.0 reference accepts, least privileged first. */
export const GRAPH_CALL_PERMISSIONS = {
  getUser: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  listCatalog: ['AppCatalog.Read.All', 'AppCatalog.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  installForUser: [
    'TeamsAppInstallation.ReadWriteSelfForUser.All',
    'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All',
    'TeamsAppInstallation.ReadWriteForUser.All',
    'TeamsAppInstallation.ReadWriteAndConsentForUser.All',
  ],
  listUserApps: [
    'TeamsAppInstallation.ReadForUser.All',
    'TeamsAppInstallation.ReadWriteSelfForUser.All',
    'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All',
    'TeamsAppInstallation.ReadWriteForUser.All',
    'TeamsAppInstallation.ReadWriteAndConsentForUser.All',
  ],
} as const;

export interface FakeGraphUser {
  id: string;
  upn: string;
  accountEnabled?: boolean;
}

export class FakeGraph {
  readonly users = new Map<string, FakeGraphUser>();
  /** Entra ids the app is installed for (installation id: `inst-<user id>`). */
  readonly installed = new Set<string>();
  /** Entra ids the tenant's app policy blocks the app for. */
  readonly blocked = new Set<string>();
  /** The org catalog: apps with their catalog id and manifest id (externalId). */
  readonly catalog: Array<{ id: string; externalId: string; displayName: string; appDefinitions?: Array<{ bot?: { id: string } }> }> = [];
  pageSize = 20;
  /** The application permissions granted to a request without a token: what the bot needs, by default. */
  granted = new Set<string>(Object.keys(GRAPH_PERMISSIONS));
  inject?: (request: { method: string; path: string; n: number }) => { status: number; retryAfterSeconds?: number } | undefined;
  readonly requests: Array<{ method: string; path: string; status: number }> = [];
  /** Called when the app is installed for someone: Teams would then tell the bot (conversationUpdate). */
  onInstall?: (userId: string) => void;
  /** http://127.0.0.1:<port> once started. */
  address: string | undefined;
  private server: Server | undefined;
  private n = 0;

  addUser(upn: string, id: string, accountEnabled = true): void {
    this.users.set(upn.toLowerCase(), { id, upn, accountEnabled });
  }

  /** Takes a permission away (as an admin who never consented to it), or gives it. */
  revoke(...permissions: string[]): void {
    for (const p of permissions) this.granted.delete(p);
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    this.address = `http://127.0.0.1:${address.port}`;
    return this.address;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  count(method: string, pattern: RegExp): number {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    this.n += 1;
    const answer = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      this.requests.push({ method, path, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const error = (status: number, code: string, message: string, headers?: Record<string, string>) =>
      answer(status, { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': `fake-${this.n}` } } }, headers);
    const fault = this.inject?.({ method, path, n: this.n });
    if (fault) {
      return error(fault.status, fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', 'injected', {
        ...(fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {}),
      });
    }
    const roles = this.rolesOf(req);
    if (roles === 'bad-token') return error(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
    const has = (call: keyof typeof GRAPH_CALL_PERMISSIONS): boolean => GRAPH_CALL_PERMISSIONS[call].some((p) => roles.has(p));
    // Graph's own wording for a Teams call without its role (the teamwork and appCatalogs workloads).
    const missingRole = (call: keyof typeof GRAPH_CALL_PERMISSIONS) =>
      error(
        403,
        'Forbidden',
        `Missing role permissions on the request. API requires one of '${GRAPH_CALL_PERMISSIONS[call].join(', ')}'. Roles on the request '${[...roles].join(', ')}'.`,
      );
    const findUser = (key: string) =>
      this.users.get(key.toLowerCase()) ?? [...this.users.values()].find((u) => u.id.toLowerCase() === key.toLowerCase());

    const userApps = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path);
    if (userApps && method === 'POST') {
      if (!has('installForUser')) return missingRole('installForUser');
      const id = userApps[1]!.toLowerCase();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
      const bound = body['teamsApp@odata.bind'] ?? '';
      if (!this.catalog.some((app) => bound.endsWith(`/appCatalogs/teamsApps/${app.id}`))) return error(400, 'BadRequest', 'unknown app');
      if (!findUser(id)) return error(404, 'NotFound', 'user not found');
      if (this.blocked.has(id)) return error(403, 'Forbidden', 'The app is blocked by the tenant app policy');
      if (this.installed.has(id)) return error(409, 'Conflict', 'App is already installed.');
      this.installed.add(id);
      answer(201, {});
      this.onInstall?.(id);
      return;
    }
    if (userApps && method === 'GET') {
      if (!has('listUserApps')) return missingRole('listUserApps');
      const user = findUser(userApps[1]!);
      if (!user) return error(404, 'NotFound', 'user not found');
      // Installations are of the bot's app only (the stand-in's catalog may hold others): filtered by its externalId if asked.
      const wanted = /teamsApp\/externalId eq '([^']*)'/.exec(url.searchParams.get('$filter') ?? '')?.[1];
      const app = this.catalog.find((a) => wanted === undefined || a.externalId.toLowerCase() === wanted.toLowerCase());
      const value =
        this.installed.has(user.id.toLowerCase()) && app
          ? [{ id: `inst-${user.id}`, teamsApp: { id: app.id, externalId: app.externalId, displayName: app.displayName } }]
          : [];
      return answer(200, { value });
    }
    const user = /^\/v1\.0\/users\/([^/]+)$/.exec(path);
    if (user && method === 'GET') {
      if (!has('getUser')) return error(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
      const found = findUser(user[1]!);
      if (!found)
        return error(
          404,
          'Request_ResourceNotFound',
          `Resource '${user[1]}' does not exist or one of its queried reference-property objects are not present.`,
        );
      // With User.ReadBasic.All alone Graph returns the basic profile only, without accountEnabled.
      const full = GRAPH_CALL_PERMISSIONS.getUser.slice(1).some((p) => roles.has(p));
      return answer(200, {
        id: found.id,
        userPrincipalName: found.upn,
        ...(full ? { accountEnabled: found.accountEnabled !== false } : {}),
      });
    }
    if (path === '/v1.0/appCatalogs/teamsApps' && method === 'GET') {
      if (!has('listCatalog')) return missingRole('listCatalog');
      const filter = /externalId eq '([^']*)'/.exec(url.searchParams.get('$filter') ?? '');
      const apps = filter ? this.catalog.filter((a) => a.externalId.toLowerCase() === filter[1]!.toLowerCase()) : this.catalog;
      const skip = Number(url.searchParams.get('$skip') ?? 0);
      const page = apps.slice(skip, skip + this.pageSize);
      const next = skip + this.pageSize < apps.length ? new URL(url.toString()) : undefined;
      next?.searchParams.set('$skip', String(skip + this.pageSize));
      return answer(200, {
        value: page,
        ...(next ? { '@odata.nextLink': `http://${req.headers.host}${next.pathname}${next.search}` } : {}),
      });
    }
    error(400, 'BadRequest', `Resource not found for the segment '${path.split('/').pop()}'.`);
  }

  /** The roles of the request's bearer token (a JWT's `roles` claim), or `granted` when it has none. */
  private rolesOf(req: IncomingMessage): Set<string> | 'bad-token' {
    const header = req.headers.authorization;
    if (!header) return this.granted;
    const payload = /^Bearer [^.]+\.([^.]+)\./.exec(header)?.[1];
    if (!payload) return 'bad-token';
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles?: unknown };
      return new Set(Array.isArray(claims.roles) ? claims.roles.map(String) : []);
    } catch {
      return 'bad-token';
    }
  }
}
