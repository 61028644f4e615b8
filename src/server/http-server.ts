/**
 * The HTTP server (restify): POST /api/messages for the Bot Framework; GET /healthz (the process),
 * /readyz (its store) and /reports/<token> (a report link, report-routes.ts). On /api/messages, in this order: the
 * body as JSON only (json-body.ts), the activity's envelope (activity-envelope.ts), the tenant
 * allow-list, the Bot Framework token (401 with nothing of the library's reason), then the
 * person's sliding-window limits, then the turn. Requests in flight are counted so that shutdown
 * can wait for them; a message's slow turn is acknowledged and finishes in the background.
 */
import restify from 'restify';
import type { TeamsBot } from '../bot/teams-bot';
import { withCorrelation, type Logger } from '../log';
import type { Authentication } from '../bot/bot-adapter';
import { readJsonBody } from './json-body';
import { checkActivity, withDates } from './activity-envelope';
import { SlidingWindowLimit } from './sliding-window-limit';
import { teamsOnlyRefusal } from './teams-only';
import { addReportRoutes, loggablePath, type ReportFiles, type ReportRouteLimits } from './report-routes';

export interface HttpServer {
  server: restify.Server;
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  /** Stops accepting connections and waits (up to timeoutMs) for requests in flight. */
  close(timeoutMs?: number): Promise<void>;
}

export interface HttpServerOptions {
  maxBodyBytes: number;
  /** Tenants whose activities are accepted; empty accepts any. */
  allowedTenants?: string[];
  /** Messages per user in any minute (sliding); more get a 429 and nothing is processed. */
  userMessagesPerMinute?: number;
  /** Card actions (invokes) per user in any minute (sliding); more get a "slow down" notice and nothing is processed. */
  userActionsPerMinute?: number;
  /**
   * How long a message's HTTP request waits for its turn. A turn that takes longer (a serviceUrl
   * that does not answer) goes on in the background and Teams gets its 200 now. Invokes always
   * wait: their answer is the response body.
   */
  turnAckMs?: number;
  /** Resolves when the bot can serve (its store answers): /readyz. */
  ready?: () => Promise<void>;
  /** Production: activities from Teams only, and people with an Entra object id (teams-only.ts). */
  teamsOnly?: boolean;
  /** Requests to /reports per client and in all, in any minute (report-routes.ts). */
  reportLimits?: ReportRouteLimits;
}

const MINUTE_MS = 60_000;

const BODY_REFUSALS = {
  400: 'The request body must be JSON (UTF-8).',
  413: 'The request body is too large.',
  415: 'Only application/json without Content-Encoding is accepted.',
} as const;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

export function createHttpServer(bot: TeamsBot, logger: Logger, opts: HttpServerOptions, reports?: ReportFiles): HttpServer {
  const maxBodyBytes = opts.maxBodyBytes;
  const allowedTenants = new Set((opts.allowedTenants ?? []).map((t) => t.toLowerCase()));
  const messageLimit = opts.userMessagesPerMinute ? new SlidingWindowLimit(opts.userMessagesPerMinute, MINUTE_MS) : undefined;
  const actionLimit = opts.userActionsPerMinute ? new SlidingWindowLimit(opts.userActionsPerMinute, MINUTE_MS) : undefined;
  const turnAckMs = opts.turnAckMs ?? 3_000;
  // No body parser: /api/messages reads its JSON itself (json-body.ts); no other route takes a body.
  const server = restify.createServer({ name: 'trygghetsbot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let draining = false;

  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
    logger.warn(
      { event: 'http-error', method: req.method, path: loggablePath(req.path()), status: err.statusCode, message: err.message },
      'request refused',
    );
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

  addReportRoutes(server, logger, reports, opts.reportLimits ?? { perClientPerMinute: 20, overallPerMinute: 120 });

  server.post('/api/messages', async (req, res) => {
    if (draining) {
      res.send(503, { error: 'Shutting down' });
      return;
    }
    const body = await readJsonBody(req, maxBodyBytes);
    if (!body.ok) {
      if (body.status === 0) {
        logger.warn({ event: 'request-aborted' }, 'client went away before its request body arrived');
        return;
      }
      logger.warn(
        {
          event: 'body-refused',
          status: body.status,
          reason: body.reason,
          contentType: req.header('content-type'),
          contentEncoding: req.header('content-encoding'),
        },
        'request body refused',
      );
      // The refused body is read to nowhere as it arrives (json-body.ts). The connection is not
      // closed on the client while it still sends: the reset would take the answer with it.
      res.send(body.status, { error: BODY_REFUSALS[body.status] });
      return;
    }
    const checked = checkActivity(body.value);
    if (!checked.ok) {
      logger.warn({ event: 'not-an-activity', problem: checked.problem }, 'POST is not an activity');
      res.send(400, { error: `The request body must be a Bot Framework activity: ${checked.problem}.` });
      return;
    }
    const activity = checked.activity;
    // One id per request in every log line about it: the activity's own id, as Teams sent it.
    const correlationId = activity.id ?? req.getId();
    const log = logger.child({ correlationId });
    if (allowedTenants.size > 0) {
      const tenant = (activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? '').toLowerCase();
      if (!allowedTenants.has(tenant)) {
        log.warn(
          { event: 'tenant-refused', tenant: tenant || '(none)', activityType: activity.type },
          'activity from a tenant that is not allowed',
        );
        res.send(403, { error: 'This bot serves its own organization only.' });
        return;
      }
    }
    const channelRefusal = opts.teamsOnly ? teamsOnlyRefusal(activity) : undefined;
    if (channelRefusal) {
      log.warn(
        { event: 'channel-refused', reason: channelRefusal, channelId: activity.channelId, activityType: activity.type },
        'activity refused: Teams only',
      );
      res.send(403, {
        error:
          channelRefusal === 'not-teams'
            ? 'This bot serves Microsoft Teams only.'
            : 'A person in Teams has an Entra object id; this activity has none.',
      });
      return;
    }
    let authentication: Authentication;
    const authorization = req.header('authorization') ?? '';
    try {
      authentication = await bot.adapter.authenticate(activity, authorization);
    } catch (error) {
      // The library's reason (bad signature, wrong issuer, keys not reachable) is for the log only.
      log.warn(
        {
          event: 'unauthorized',
          reason: authorization.trim() ? 'invalid-token' : 'no-token',
          detail: (error as Error).message,
          activityType: activity.type,
        },
        'request with a missing or invalid Bot Framework token refused',
      );
      res.send(401, { error: 'Unauthorized' });
      return;
    }
    // Only now is the sender known to be Teams' word for who sent it: count it against that person.
    const user = activity.from?.aadObjectId ?? activity.from?.id ?? '';
    const limit = activity.type === 'message' ? messageLimit : activity.type === 'invoke' ? actionLimit : undefined;
    if (limit && !limit.allow(user)) {
      const retryAfter = limit.retryAfterSeconds(user);
      log.warn({ event: 'rate-limited', activityType: activity.type, retryAfter }, 'user sends too fast');
      if (activity.name === 'adaptiveCard/action') {
        // A card action's answer is shown to the person; the card (and what they typed in it) stays.
        res.send(200, {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: bot.tooManyActions((activity.value as { action?: { data?: unknown } } | undefined)?.action?.data, retryAfter),
        });
      } else {
        res.header('retry-after', String(retryAfter));
        res.send(429, { error: `Too many requests; try again in ${retryAfter} s.` });
      }
      return;
    }
    inFlight += 1;
    const turn = withCorrelation(correlationId, () =>
      bot.adapter.runTurn(authentication, withDates(activity), async (context) => {
        await bot.app.run(context);
      }),
    ).finally(() => {
      inFlight -= 1;
    });
    try {
      if (activity.type !== 'invoke') {
        // Nothing to answer but 200: do not hold Teams' request while a slow connector keeps the turn busy.
        const slow = await Promise.race([turn.then(() => false), delay(turnAckMs).then(() => true)]);
        if (slow) {
          log.warn(
            { event: 'turn-slow', activityType: activity.type, ms: turnAckMs },
            'turn still running; acknowledged, it goes on in the background',
          );
          turn.catch((error: unknown) => log.error({ event: 'process-failed', err: error }, 'adapter failed to process activity'));
        }
        res.send(slow ? 202 : 200);
        return;
      }
      const invokeResponse = await turn;
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      log.error({ event: 'process-failed', err: error }, 'adapter failed to process activity');
      if (!res.headersSent) res.send(500, { error: 'Internal error' });
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
