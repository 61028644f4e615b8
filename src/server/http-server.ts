/**
 * The HTTP server (restify): POST /api/messages for the Bot Framework, GET /healthz.
 * Rejects what is not an activity before it reaches the adapter, limits body size, and
 * tracks requests in flight so that shutdown can wait for them.
 */
import restify from 'restify';
import type { TeamsBot } from '../bot/teams-bot';
import { withCorrelation, type Logger } from '../log';

export interface HttpServer {
  server: restify.Server;
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  /** Stops accepting connections and waits (up to timeoutMs) for requests in flight. */
  close(timeoutMs?: number): Promise<void>;
}

function isActivity(body: unknown): body is { type: string } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && typeof (body as { type?: unknown }).type === 'string';
}

/** Serves a report file for a link token, or nothing when the token is unknown or expired. */
export type ReportFiles = (token: string) => Promise<{ body: Buffer | string; contentType: string; fileName: string } | undefined>;

export interface HttpServerOptions {
  maxBodyBytes: number;
  /** Tenants whose activities are accepted; empty accepts any. */
  allowedTenants?: string[];
  /** Messages per user per minute; more get a 429 and nothing is processed. */
  userMessagesPerMinute?: number;
  /** Resolves when the bot can serve (its store answers): /readyz. */
  ready?: () => Promise<void>;
}

/** Counts each user's messages in the current minute. */
class PerUserLimit {
  private window = 0;
  private counts = new Map<string, number>();
  constructor(private readonly perMinute: number) {}
  allow(user: string, now = Date.now()): boolean {
    const window = Math.floor(now / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const n = (this.counts.get(user) ?? 0) + 1;
    this.counts.set(user, n);
    return n <= this.perMinute;
  }
}

type IncomingActivity = { type: string; id?: string; from?: { id?: string; aadObjectId?: string }; conversation?: { tenantId?: string }; channelData?: { tenant?: { id?: string } } };

export function createHttpServer(bot: TeamsBot, logger: Logger, opts: HttpServerOptions, reports?: ReportFiles): HttpServer {
  const maxBodyBytes = opts.maxBodyBytes;
  const allowedTenants = new Set((opts.allowedTenants ?? []).map((t) => t.toLowerCase()));
  const userLimit = opts.userMessagesPerMinute ? new PerUserLimit(opts.userMessagesPerMinute) : undefined;
  const requireToken = !bot.localMode;
  const server = restify.createServer({ name: 'trygghetsbot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;

  server.use(restify.plugins.bodyParser({ maxBodySize: maxBodyBytes, mapParams: false, rejectUnknown: true }));

  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
    logger.warn({ event: 'http-error', method: req.method, path: req.path(), status: err.statusCode, message: err.message }, 'request refused');
    callback();
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: draining ? 'draining' : 'ok' });
    next();
  });

  server.get('/readyz', async (_req, res) => {
    try {
      if (draining) throw new Error('draining');
      await opts.ready?.();
      res.send(200, { status: 'ready' });
    } catch (error) {
      logger.warn({ event: 'not-ready', message: (error as Error).message }, 'readiness check failed');
      res.send(503, { status: 'not ready' });
    }
  });

  server.get('/reports/:token', async (req, res) => {
    try {
      const file = reports ? await reports(String(req.params.token ?? '')) : undefined;
      if (!file) {
        logger.warn({ event: 'report-link-refused' }, 'unknown or expired report link');
        res.send(404, { error: 'This link is unknown or has expired. Ask the bot for a new one.' });
        return;
      }
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(file.body);
      logger.info({ event: 'report-served', file: file.fileName }, 'report served');
    } catch (error) {
      logger.error({ event: 'report-failed', err: error }, 'report could not be built');
      if (!res.headersSent) res.send(503, { error: 'The report could not be built right now.' });
    }
  });

  server.post('/api/messages', async (req, res) => {
    if (draining) {
      res.send(503, { error: 'Shutting down' });
      return;
    }
    if (!isActivity(req.body)) {
      logger.warn({ event: 'not-an-activity', contentType: req.header('content-type'), bodyType: Array.isArray(req.body) ? 'array' : typeof req.body }, 'POST is not an activity');
      res.send(400, { error: 'The request body must be a Bot Framework activity (JSON with a "type").' });
      return;
    }
    const activity = req.body as IncomingActivity;
    // One id per request in every log line about it: the activity's own id, as Teams sent it.
    const correlationId = activity.id ?? req.getId();
    const log = logger.child({ correlationId });
    if (allowedTenants.size > 0) {
      const tenant = (activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? '').toLowerCase();
      if (!allowedTenants.has(tenant)) {
        log.warn({ event: 'tenant-refused', tenant: tenant || '(none)', activityType: activity.type }, 'activity from a tenant that is not allowed');
        res.send(403, { error: 'This bot serves its own organization only.' });
        return;
      }
    }
    if (userLimit && activity.type === 'message' && !userLimit.allow(activity.from?.aadObjectId ?? activity.from?.id ?? '')) {
      log.warn({ event: 'rate-limited', activityType: activity.type }, 'user sends too fast');
      res.header('retry-after', '60');
      res.send(429, { error: 'Too many messages; try again in a minute.' });
      return;
    }
    if (requireToken && !req.header('authorization')) {
      log.warn({ event: 'unauthorized', reason: 'no-token', activityType: req.body.type }, 'request without Bot Framework token refused');
      res.send(401, { error: 'A Bot Framework token is required.' });
      return;
    }
    inFlight += 1;
    try {
      await withCorrelation(correlationId, () =>
        bot.adapter.process(req, res, async (context) => {
          await bot.app.run(context);
        }),
      );
      if (res.statusCode === 401 || res.statusCode === 403) {
        logger.warn({ event: 'unauthorized', reason: 'invalid-token', status: res.statusCode, activityType: req.body.type }, 'request with invalid token refused');
      }
    } catch (error) {
      logger.error({ event: 'process-failed', err: error }, 'adapter failed to process activity');
      if (!res.headersSent) res.send(500, { error: 'Internal error' });
    } finally {
      inFlight -= 1;
    }
  });

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          resolve({ port: actualPort, url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actualPort}` });
        });
      });
    },
    async close(timeoutMs = 10_000) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + timeoutMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      // Keep-alive connections would hold close() open; requests in flight are done or timed out.
      (server.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
    },
  };
}
