/**
 * The HTTP server (restify): POST /api/messages for the Bot Framework, GET /healthz.
 * Rejects what is not an activity before it reaches the adapter, limits body size, and
 * tracks requests in flight so that shutdown can wait for them.
 */
import restify from 'restify';
import type { TeamsBot } from '../bot/teams-bot';
import type { Logger } from '../log';

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

export function createHttpServer(bot: TeamsBot, logger: Logger, maxBodyBytes: number, reports?: ReportFiles): HttpServer {
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
    if (requireToken && !req.header('authorization')) {
      logger.warn({ event: 'unauthorized', reason: 'no-token', activityType: req.body.type }, 'request without Bot Framework token refused');
      res.send(401, { error: 'A Bot Framework token is required.' });
      return;
    }
    inFlight += 1;
    try {
      await bot.adapter.process(req, res, async (context) => {
        await bot.app.run(context);
      });
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
