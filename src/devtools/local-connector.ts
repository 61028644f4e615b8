/**
 * A small Bot Connector for local use: it receives what the bot sends to
 * {serviceUrl}/v3/conversations/{id}/activities[/{replyToId}] and records it.
 * Used by the terminal chat, the end-to-end tests and the benchmark. Not part of the bot:
 * the bot talks to whatever serviceUrl an activity names, here or in Teams.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export interface ReceivedActivity {
  /** The id this connector gave the activity (what the bot gets back from a send). */
  id: string;
  conversationId: string;
  replyToId?: string;
  method: string;
  path: string;
  authorization?: string;
  activity: Record<string, unknown> & {
    type?: string;
    text?: string;
    attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
  };
  receivedAt: number;
}

type Waiter = { count: number; predicate: (a: ReceivedActivity) => boolean; resolve: (list: ReceivedActivity[]) => void };

const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const CONVERSATIONS_PATH = /^\/v3\/conversations\/?$/;

/** Decides, per request, to fail it with a status (and Retry-After seconds) instead of accepting it. */
export type FaultInjector = (request: {
  method: string;
  path: string;
  n: number;
}) => { status: number; retryAfterSeconds?: number } | undefined;

export interface CreatedConversation {
  id: string;
  members: Array<{ id: string }>;
  tenantId?: string;
}

export class LocalConnector {
  readonly received: ReceivedActivity[] = [];
  private server: Server | undefined;
  private waiters: Waiter[] = [];
  private requests = 0;
  readonly createdConversations: CreatedConversation[] = [];
  /** The Teams user ids the bot asked about (GET …/members/{userId}), in order. */
  readonly memberLookups: string[] = [];
  /** Teams user id → account, for GET /v3/conversations/{id}/members/{userId} (TeamsInfo.getMember). */
  readonly members = new Map<string, { id: string; name?: string; aadObjectId?: string; userPrincipalName?: string; email?: string }>();
  /** Team id → its members, for GET /v3/conversations/{teamId}/pagedmembers (TeamsInfo.getPagedTeamMembers). */
  readonly teamRosters = new Map<
    string,
    Array<{ id: string; aadObjectId: string; userPrincipalName?: string; email?: string; name?: string }>
  >();
  /** The most members a roster page holds here, whatever the bot asks for (tests paging). */
  rosterPageSize = 100;
  /** Requests refused by the fault injector, by status. */
  readonly faults = new Map<number, number>();
  inject: FaultInjector | undefined;
  /** Answers each accepted activity this much later (it is recorded at once): a slow Teams. */
  responseDelayMs = 0;
  /** Like Teams' per-app limit: more requests than this in any second get 429 with Retry-After. */
  limitPerSecond: number | undefined;
  private readonly recent: number[] = [];
  url = '';

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const address = this.server.address();
    this.url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Resolves with the first `count` activities (already received or arriving) that match. */
  waitFor(predicate: (a: ReceivedActivity) => boolean, count = 1, timeoutMs = 10_000): Promise<ReceivedActivity[]> {
    const already = this.received.filter(predicate);
    if (already.length >= count) return Promise.resolve(already.slice(0, count));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { count, predicate, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        if (!this.waiters.includes(waiter)) return;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(
          new Error(`Timed out after ${timeoutMs} ms waiting for ${count} activities; received ${this.received.filter(predicate).length}`),
        );
      }, timeoutMs).unref();
    });
  }

  /**
   * Files uploaded to the upload sessions this stand-in handed out (`uploadSession`), by name: what
   * an admin's OneDrive would hold after a file consent was accepted.
   */
  readonly uploads = new Map<string, Buffer>();

  /**
   * An upload session, as Teams puts it in a `fileConsent/invoke` when a user allows a file: the
   * address to PUT the bytes to, and where the file will be.
   */
  uploadSession(name: string): { contentUrl: string; name: string; uploadUrl: string; uniqueId: string; fileType: string } {
    const uniqueId = randomUUID();
    return {
      contentUrl: `${this.url}/files/${encodeURIComponent(name)}`,
      name,
      uploadUrl: `${this.url}/upload/${encodeURIComponent(name)}`,
      uniqueId,
      fileType: name.split('.').at(-1) ?? '',
    };
  }

  /**
   * A PUT to an upload session, checked as OneDrive's upload session documents it: a Content-Range
   * of "bytes start-end/total" matching the body and Content-Length; the whole file in one
   * fragment is answered 201 Created with the item; anything else 400 with Graph's error shape.
   */
  private receiveUpload(req: IncomingMessage, res: ServerResponse, name: string, body: Buffer): void {
    const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
    const length = Number(req.headers['content-length']);
    const invalid = (message: string) => respond(res, 400, { error: { code: 'invalidRange', message } });
    if (req.method !== 'PUT') return respond(res, 405, { error: { code: 'invalidRequest', message: 'PUT only' } });
    if (!range) return invalid('Content-Range must be "bytes start-end/total"');
    const [start, end, total] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (length !== body.length || end - start + 1 !== body.length) return invalid('Content-Range and Content-Length do not match the body');
    if (start !== 0 || end !== total - 1) return invalid('this stand-in takes the whole file in one fragment');
    this.uploads.set(name, body);
    respond(res, 201, { id: randomUUID(), name, size: total });
  }

  forConversation(conversationId: string): ReceivedActivity[] {
    return this.received.filter((r) => r.conversationId === conversationId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = (req.url ?? '').split('?')[0]!;
    this.requests += 1;
    if (this.limitPerSecond !== undefined) {
      const now = Date.now();
      while (this.recent.length > 0 && now - this.recent[0]! >= 1000) this.recent.shift();
      if (this.recent.length >= this.limitPerSecond) {
        this.faults.set(429, (this.faults.get(429) ?? 0) + 1);
        res.setHeader('retry-after', '1');
        respond(res, 429, { error: { code: 'Throttled', message: 'Too many requests' } });
        return;
      }
      this.recent.push(now);
    }
    const fault = this.inject?.({ method: req.method ?? '', path, n: this.requests });
    if (fault) {
      this.faults.set(fault.status, (this.faults.get(fault.status) ?? 0) + 1);
      if (fault.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(fault.retryAfterSeconds));
      respond(res, fault.status, { error: { code: 'Injected', message: `injected ${fault.status}` } });
      return;
    }
    const upload = /^\/upload\/([^/]+)$/.exec(path);
    if (upload) {
      this.receiveUpload(req, res, decodeURIComponent(upload[1]!), Buffer.concat(chunks));
      return;
    }
    const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/.exec(path);
    if (req.method === 'GET' && paged) {
      // A team's roster, `pageSize` members a page, continued by the offset as the token.
      const query = new URL(req.url ?? '', 'http://127.0.0.1').searchParams;
      const roster = this.teamRosters.get(decodeURIComponent(paged[1]!)) ?? [];
      const from = Number(query.get('continuationToken') ?? 0);
      const size = Math.min(Number(query.get('pageSize') ?? 100), this.rosterPageSize);
      const next = from + size < roster.length ? String(from + size) : undefined;
      respond(res, 200, { members: roster.slice(from, from + size), ...(next ? { continuationToken: next } : {}) });
      return;
    }
    const member = /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && member) {
      this.memberLookups.push(decodeURIComponent(member[1]!));
      const account = this.members.get(decodeURIComponent(member[1]!));
      if (account) respond(res, 200, account);
      else respond(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'member not found' } });
      return;
    }
    if (req.method === 'POST' && CONVERSATIONS_PATH.test(path)) {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { members?: Array<{ id: string }>; tenantId?: string };
      // As Teams does, a 1:1 chat with the same person is the same conversation each time it is "created".
      const members = body.members ?? [];
      const id = members.length === 1 ? `a:created-${members[0]!.id}` : `a:created-${randomUUID()}`;
      const created: CreatedConversation = { id, members, tenantId: body.tenantId };
      this.createdConversations.push(created);
      respond(res, 201, { id: created.id, activityId: randomUUID() });
      return;
    }
    const match = ACTIVITIES_PATH.exec(path);
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      respond(res, 404, { error: { code: 'NotFound', message: path } });
      return;
    }
    let activity: ReceivedActivity['activity'];
    try {
      activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedActivity['activity'];
    } catch {
      respond(res, 400, { error: { code: 'BadArgument', message: 'Body is not JSON' } });
      return;
    }
    const record: ReceivedActivity = {
      id: req.method === 'PUT' && match[2] ? decodeURIComponent(match[2]) : randomUUID(),
      conversationId: decodeURIComponent(match[1]!),
      replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
      method: req.method,
      path,
      authorization: req.headers.authorization,
      activity,
      receivedAt: Date.now(),
    };
    this.received.push(record);
    if (this.responseDelayMs > 0) await new Promise((r) => setTimeout(r, this.responseDelayMs));
    respond(res, 200, { id: record.id });
    for (const waiter of [...this.waiters]) {
      const matching = this.received.filter(waiter.predicate);
      if (matching.length >= waiter.count) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(matching.slice(0, waiter.count));
      }
    }
  }
}

/** Not chained: restify, when loaded in the same process, patches ServerResponse.writeHead to return nothing. */
function respond(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

/** A message activity shaped the way Teams posts one to a bot. */
export function teamsMessage(options: {
  serviceUrl: string;
  conversationId: string;
  text?: string;
  value?: unknown;
  userId?: string;
  aadObjectId?: string;
  /** The name Teams gives the user (default: the test user Anna Andersson). */
  userName?: string;
  locale?: string;
  channelId?: string;
  tenantId?: string;
  /** A group chat or channel: the conversation says so and the text starts with the bot's @mention, as Teams sends it there. */
  conversationType?: 'personal' | 'groupChat' | 'channel';
}): Record<string, unknown> {
  const tenantId = options.tenantId ?? '72f988bf-0000-0000-0000-000000000001';
  const conversationType = options.conversationType ?? 'personal';
  const bot = { id: '28:trygghetsbot', name: 'Trygghetsbot' };
  const shared = conversationType !== 'personal';
  const mention = `<at>${bot.name}</at>`;
  const text = options.text !== undefined && shared ? `${mention} ${options.text}` : options.text;
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: options.channelId ?? 'msteams',
    from: {
      id: options.userId ?? '29:1user-anna',
      name: options.userName ?? 'Anna Andersson',
      aadObjectId: options.aadObjectId ?? '6b1e4c7a-0000-4000-8000-000000000001',
    },
    conversation: { conversationType, tenantId, id: options.conversationId, ...(shared ? { isGroup: true } : {}) },
    recipient: bot,
    textFormat: 'plain',
    locale: options.locale ?? 'sv-SE',
    ...(text !== undefined ? { text } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
    entities: [
      { type: 'clientInfo', locale: options.locale ?? 'sv-SE', country: 'SE', platform: 'Web', timezone: 'Europe/Stockholm' },
      ...(shared && text !== undefined ? [{ type: 'mention', text: mention, mentioned: bot }] : []),
    ],
    channelData: { tenant: { id: tenantId } },
  };
}

/** The invoke Teams sends when a user presses an Action.Execute button (Universal Actions). */
export function teamsInvoke(options: {
  serviceUrl: string;
  conversationId: string;
  verb: string;
  data: Record<string, unknown>;
  userId?: string;
  aadObjectId?: string;
  userName?: string;
  locale?: string;
  replyToId?: string;
}): Record<string, unknown> {
  return {
    // Teams names the message that holds the card; a card with `refresh` is updated in place there.
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    ...teamsMessage({
      serviceUrl: options.serviceUrl,
      conversationId: options.conversationId,
      userId: options.userId,
      aadObjectId: options.aadObjectId,
      ...(options.userName ? { userName: options.userName } : {}),
      locale: options.locale,
    }),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: options.verb, data: options.data }, trigger: 'manual' },
  };
}

/** The conversationUpdate Teams sends when a user installs the bot in personal scope. */
export function teamsInstall(options: {
  serviceUrl: string;
  conversationId: string;
  locale?: string;
  userId?: string;
  aadObjectId?: string;
  /** Added to a group chat or a team's channel rather than installed personally. */
  conversationType?: 'personal' | 'groupChat' | 'channel';
}): Record<string, unknown> {
  const tenantId = '72f988bf-0000-0000-0000-000000000001';
  const conversationType = options.conversationType ?? 'personal';
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: { id: options.userId ?? '29:1user-anna', aadObjectId: options.aadObjectId ?? '6b1e4c7a-0000-4000-8000-000000000001' },
    conversation: { conversationType, tenantId, id: options.conversationId, ...(conversationType !== 'personal' ? { isGroup: true } : {}) },
    recipient: { id: '28:trygghetsbot', name: 'Trygghetsbot' },
    membersAdded: [{ id: '28:trygghetsbot' }],
    locale: options.locale,
    channelData: { tenant: { id: tenantId } },
  };
}
