/**
 * Reads a JSON request body, and nothing else. Replaces restify's bodyParser, which also accepted
 * gzip (a broken stream killed the process with an 'error' event nobody listened to), forms and
 * multipart uploads (written to the temp folder before authentication, past the size limit).
 *
 * Refuses before reading: a content type other than application/json (415), any Content-Encoding
 * (415; Bot Framework never compresses), a declared length over the limit (413). While reading:
 * more bytes than the limit (413, with or without a declared length). After: bytes that are not
 * UTF-8 or not JSON (400). Nothing is written to disk; at most `maxBytes` are held in memory.
 * A refused body is read to nowhere, so the client can finish sending and read the answer.
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413 | 415; reason: string }
  /** The client went away mid-body: there is nobody to answer. */
  | { ok: false; status: 0; reason: 'aborted' };

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** What may be refused from the headers alone, before a byte of the body is read. */
function refuseByHeaders(req: IncomingMessage, maxBytes: number): BodyResult | undefined {
  const contentType = String(req.headers['content-type'] ?? '');
  if (!JSON_TYPE.test(contentType)) return { ok: false, status: 415, reason: 'content-type' };
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) return { ok: false, status: 415, reason: 'charset' };
  const encoding = String(req.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  if (encoding !== '' && encoding !== 'identity') return { ok: false, status: 415, reason: 'content-encoding' };
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) return { ok: false, status: 413, reason: 'content-length' };
  return undefined;
}

/**
 * Lets a refused body flow to nowhere, so that the client, still sending, reads the refusal
 * instead of a reset connection (Node 22 resets one whose body nobody reads). Nothing is kept;
 * a client that keeps sending for longer than `drainMs` is cut off.
 */
function discardBody(req: IncomingMessage, drainMs = 10_000): void {
  req.on('error', () => undefined);
  req.resume();
  if (!req.complete) {
    const timer = setTimeout(() => req.destroy(), drainMs);
    timer.unref();
    req.once('close', () => clearTimeout(timer));
  }
}

export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const refused = refuseByHeaders(req, maxBytes);
  if (refused) {
    discardBody(req);
    return Promise.resolve(refused);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        settle({ ok: false, status: 413, reason: 'body-size' });
        discardBody(req);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      const bytes = Buffer.concat(chunks, size);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        settle({ ok: false, status: 400, reason: 'not-utf8' });
        return;
      }
      try {
        settle({ ok: true, value: JSON.parse(text) });
      } catch {
        settle({ ok: false, status: 400, reason: 'not-json' });
      }
    };
    req.on('data', onData);
    req.on('end', onEnd);
    // A reset or aborted upload: settle once, and keep a listener so the error is never unhandled.
    req.on('error', () => settle({ ok: false, status: 0, reason: 'aborted' }));
    req.on('close', () => {
      if (!req.complete) settle({ ok: false, status: 0, reason: 'aborted' });
    });
  });
}
