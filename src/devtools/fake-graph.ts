/**
 * A stand-in for Microsoft Graph on 127.0.0.1, for the tests, the benchmark and `npm start` with
 * GRAPH_ENDPOINT pointing here: the calls the bot makes to reach people given by e-mail.
 *   GET  /v1.0/users/{upn}                       200 { id, accountEnabled } · 404 · 403 without User.Read.All
 *   GET  /v1.0/appCatalogs/teamsApps?$filter=…   the catalog, `pageSize` apps per page (@odata.nextLink)
 *   POST /v1.0/users/{id}/teamwork/installedApps 201 · 409 already installed · 403 blocked by policy or no permission
 * `inject` answers a request with a fault first (429 with Retry-After, 503), as Graph throttles.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface FakeGraphUser {
  id: string;
  upn: string;
  accountEnabled?: boolean;
}

export class FakeGraph {
  readonly users = new Map<string, FakeGraphUser>();
  /** Entra ids the app is installed for. */
  readonly installed = new Set<string>();
  /** Entra ids the tenant's app policy blocks the app for. */
  readonly blocked = new Set<string>();
  /** The org catalog: apps with their catalog id and manifest id (externalId). */
  readonly catalog: Array<{ id: string; externalId: string; displayName: string }> = [];
  pageSize = 20;
  /** Which application permissions were granted (both, by default). */
  permissions = { userRead: true, appInstallation: true };
  inject?: (request: { method: string; path: string; n: number }) => { status: number; retryAfterSeconds?: number } | undefined;
  readonly requests: Array<{ method: string; path: string; status: number }> = [];
  /** Called when the app is installed for someone: Teams would then tell the bot (conversationUpdate). */
  onInstall?: (userId: string) => void;
  private server: Server | undefined;
  private n = 0;

  addUser(upn: string, id: string, accountEnabled = true): void {
    this.users.set(upn.toLowerCase(), { id, upn, accountEnabled });
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    return `http://127.0.0.1:${address.port}`;
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
      answer(status, { error: { code, message } }, headers);
    const fault = this.inject?.({ method, path, n: this.n });
    if (fault) {
      return error(fault.status, fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', 'injected', {
        ...(fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {}),
      });
    }
    const install = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path);
    if (install && method === 'POST') {
      const id = install[1]!.toLowerCase();
      if (!this.permissions.appInstallation)
        return error(
          403,
          'Forbidden',
          'Missing role permissions on the request. API requires one of TeamsAppInstallation.ReadWriteSelfForUser.All',
        );
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
      const bound = body['teamsApp@odata.bind'] ?? '';
      if (!this.catalog.some((app) => bound.endsWith(`/appCatalogs/teamsApps/${app.id}`))) return error(400, 'BadRequest', 'unknown app');
      if (![...this.users.values()].some((u) => u.id.toLowerCase() === id)) return error(404, 'NotFound', 'user not found');
      if (this.blocked.has(id)) return error(403, 'Forbidden', 'The app is blocked by the tenant app policy');
      if (this.installed.has(id)) return error(409, 'Conflict', 'App is already installed.');
      this.installed.add(id);
      answer(201, {});
      this.onInstall?.(id);
      return;
    }
    const user = /^\/v1\.0\/users\/([^/]+)$/.exec(path);
    if (user && method === 'GET') {
      if (!this.permissions.userRead)
        return error(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
      const found = this.users.get(user[1]!.toLowerCase()) ?? [...this.users.values()].find((u) => u.id === user[1]);
      if (!found) return error(404, 'Request_ResourceNotFound', `Resource '${user[1]}' does not exist`);
      return answer(200, { id: found.id, userPrincipalName: found.upn, accountEnabled: found.accountEnabled !== false });
    }
    if (path === '/v1.0/appCatalogs/teamsApps' && method === 'GET') {
      if (!this.permissions.appInstallation) return error(403, 'Forbidden', 'Missing role permissions on the request.');
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
    error(404, 'NotFound', `no route ${method} ${path}`);
  }
}
