/**
 * /reports/<token>: a report link, made for one admin, that opens the report once, within minutes.
 *
 * - GET shows a small page with a "Ladda ner" button and uses nothing up: the link scanners of mail
 *   and chat (Safe Links and the like) fetch a link before a person does, and must not spend it.
 * - HEAD answers as GET does, without a body.
 * - POST (the page's button) gives the file and uses the link up.
 * - The token is never logged; every request is limited per client and in all, because building a
 *   report costs, and a link's page is no place to try tokens.
 */
import type restify from 'restify';
import type { Logger } from '../log';
import { SlidingWindowLimit } from './sliding-window-limit';

export interface ReportFileBody {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

/** What the routes ask of the follow-up: whether a token opens a report now, and the report, once. */
export interface ReportFiles {
  opens(token: string): Promise<boolean>;
  take(token: string): Promise<ReportFileBody | undefined>;
}

export interface ReportRouteLimits {
  /** Requests to /reports from one client in any minute. */
  perClientPerMinute: number;
  /** Requests to /reports from everyone in any minute. */
  overallPerMinute: number;
}

const MINUTE_MS = 60_000;

/** A path as it may be logged: a report token is a key, so it never is. */
export function loggablePath(path: string): string {
  return path.replace(/^\/reports\/[^/?#]*/, '/reports/<token>');
}

/** The client as the last proxy saw it (App Service's front end appends the address it received), or the socket's peer. */
function clientOf(req: restify.Request): string {
  const forwarded = req.header('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last || req.socket.remoteAddress || 'unknown';
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

function page(title: string, paragraphs: string[], button?: string): string {
  const p = paragraphs.map((text) => `<p>${text}</p>`).join('\n');
  const form = button ? `<form method="post"><button type="submit">${button}</button></form>` : '';
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font-size:1.1rem;padding:.6rem 1.4rem}</style>
</head><body><h1>${title}</h1>
${p}
${form}
</body></html>
`;
}

const READY_PAGE = page(
  'Rapporten är klar',
  [
    'Länken fungerar en gång: rapporten laddas ner när du trycker på knappen, och sedan gäller länken inte längre.',
    '<span lang="en">The link works once: the report downloads when you press the button, and then the link no longer works.</span>',
  ],
  'Ladda ner rapporten · Download',
);
const GONE_PAGE = page('Länken gäller inte', [
  'Länken är okänd, redan använd eller för gammal. Be boten om en ny: tryck Exportera på sammanställningen i Teams.',
  '<span lang="en">This link is unknown, already used or too old. Ask the bot for a new one: press Export on the summary in Teams.</span>',
]);
const SLOW_DOWN_PAGE = page('För många försök', ['Vänta en minut och försök igen.', '<span lang="en">Wait a minute and try again.</span>']);
const FAILED_PAGE = page('Rapporten kunde inte skapas just nu', [
  'Försök igen om en stund.',
  '<span lang="en">The report could not be built right now. Try again in a while.</span>',
]);

export function addReportRoutes(server: restify.Server, logger: Logger, reports: ReportFiles | undefined, limits: ReportRouteLimits): void {
  const perClient = new SlidingWindowLimit(limits.perClientPerMinute, MINUTE_MS);
  const overall = new SlidingWindowLimit(limits.overallPerMinute, MINUTE_MS);
  const sendPage = (res: restify.Response, status: number, html: string, withBody: boolean): void => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
    res.end(withBody ? html : undefined);
  };
  const limited = (req: restify.Request, res: restify.Response, withBody: boolean): boolean => {
    const client = clientOf(req);
    if (perClient.allow(client) && overall.allow('all')) return false;
    logger.warn({ event: 'report-link-limited' }, 'too many requests for report links');
    res.setHeader('retry-after', String(Math.max(perClient.retryAfterSeconds(client), 1)));
    sendPage(res, 429, SLOW_DOWN_PAGE, withBody);
    return true;
  };
  const token = (req: restify.Request): string => String(req.params.token ?? '');

  const look = (withBody: boolean) => async (req: restify.Request, res: restify.Response) => {
    if (limited(req, res, withBody)) return;
    try {
      const opens = reports ? await reports.opens(token(req)) : false;
      if (!opens) logger.warn({ event: 'report-link-refused', method: req.method }, 'unknown, used or expired report link');
      sendPage(res, opens ? 200 : 404, opens ? READY_PAGE : GONE_PAGE, withBody);
    } catch (error) {
      logger.error({ event: 'report-link-failed', err: error }, 'report link could not be checked');
      sendPage(res, 503, FAILED_PAGE, withBody);
    }
  };
  server.get('/reports/:token', look(true));
  server.head('/reports/:token', look(false));

  server.post('/reports/:token', async (req, res) => {
    if (limited(req, res, true)) return;
    try {
      const file = reports ? await reports.take(token(req)) : undefined;
      if (!file) {
        logger.warn({ event: 'report-link-refused', method: 'POST' }, 'unknown, used or expired report link');
        sendPage(res, 404, GONE_PAGE, true);
        return;
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      });
      res.end(file.body);
      logger.info({ event: 'report-served', file: file.fileName }, 'report served');
    } catch (error) {
      logger.error({ event: 'report-failed', err: error }, 'report could not be built');
      if (!res.headersSent) sendPage(res, 503, FAILED_PAGE, true);
    }
  });
}
