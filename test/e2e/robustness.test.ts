/**
 * One request must never take the bot down. A table of hostile and unlucky requests (content
 * types, encodings, transfer encodings, sizes, malformed tokens, fields of the wrong type) sent
 * over a raw socket to the bot running as its own process. For each: the status code, nothing
 * written to the store, nothing written to the temp folder, and the process still answers.
 */
import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { generateKeyPairSync, createHmac } from 'node:crypto';
import { gzipSync, deflateSync } from 'node:zlib';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import { LocalConnector, teamsInvoke, teamsMessage } from '../../src/devtools/local-connector';
import { startBotProcess, type BotProcess } from './bot-process';
import { TokenIssuer } from '../fixtures/token-issuer';

interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** The body in one piece (with a Content-Length) or as chunks (chunked transfer encoding). */
  body?: Buffer | string;
  chunks?: Buffer[];
  /** Destroys the connection after writing this many bytes of the body. */
  abortAfter?: number;
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends a request exactly as given; resolves with the response, or undefined if the connection ended without one. */
function send(base: string, r: RawRequest): Promise<RawResponse | undefined> {
  const url = new URL(r.path ?? '/api/messages', base);
  return new Promise((resolve) => {
    const body = typeof r.body === 'string' ? Buffer.from(r.body) : r.body;
    // Keep-alive, as Teams' connections are: a client that says "close" may find the socket closed by
    // Node as soon as the early answer (413, 415) is out, while it is still sending (EPIPE).
    const headers: Record<string, string> = {
      connection: 'keep-alive',
      ...(body && !r.chunks && r.abortAfter === undefined ? { 'content-length': String(body.length) } : {}),
      ...r.headers,
    };
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: r.method ?? 'POST', headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
          res.socket?.destroy(); // no agent to return it to
        });
        res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', () => resolve(undefined));
    if (r.abortAfter !== undefined && body) {
      req.write(body.subarray(0, r.abortAfter));
      setTimeout(() => req.destroy(), 100);
      setTimeout(() => resolve(undefined), 300);
      return;
    }
    if (r.chunks) {
      // Written in pieces as a slow or large upload would be; the server may answer (413/415) before the end.
      let i = 0;
      const next = (): void => {
        if (req.destroyed) return;
        if (i >= r.chunks!.length) return void req.end();
        req.write(r.chunks![i++], () => setImmediate(next));
      };
      next();
      return;
    }
    req.end(body);
  });
}

/** Sizes of every file in the store folder: equal before and after means nothing was written. */
function storeState(dir: string): string {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => `${f}:${statSync(join(dir, f)).size}`)
    .join(',');
}

const MB = 1024 * 1024;

function multipart(bytes: number): { boundary: string; body: Buffer } {
  const boundary = '----trygghetsbot-test';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { boundary, body: Buffer.concat([head, Buffer.alloc(bytes, 0x61), tail]) };
}

/** A JSON object nested `depth` levels deep, as text (too deep for a recursive JSON.stringify). */
const nestedJson = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

interface Case {
  name: string;
  request: (env: { connectorUrl: string }) => RawRequest;
  status: number;
  /** A refused request writes nothing; an accepted one may record its sender. */
  writes?: boolean;
  /** Node itself answers and resets the connection, so no answer at all is right too. */
  orReset?: boolean;
}

const json = (body: unknown, headers: Record<string, string> = {}): RawRequest => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const message = (connectorUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...teamsMessage({ serviceUrl: connectorUrl, conversationId: 'a:robust', text: 'hjälp' }),
  ...extra,
});

const CASES: Case[] = [
  // Encodings: nothing is decompressed; the broken gzip stream used to kill the process.
  {
    name: 'gzip declared, body not gzip',
    request: ({ connectorUrl }) => json(message(connectorUrl), { 'content-encoding': 'gzip' }),
    status: 415,
  },
  {
    name: 'gzip declared, truncated gzip',
    request: ({ connectorUrl }) => ({
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(message(connectorUrl))).subarray(0, 25),
    }),
    status: 415,
  },
  {
    name: 'valid gzip',
    request: ({ connectorUrl }) => ({
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(message(connectorUrl))),
    }),
    status: 415,
  },
  {
    name: 'deflate declared, garbage',
    request: () => ({
      headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' },
      body: Buffer.from([0x78, 0x9c, 1, 2, 3, 4]),
    }),
    status: 415,
  },
  {
    name: 'valid deflate',
    request: ({ connectorUrl }) => ({
      headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' },
      body: deflateSync(JSON.stringify(message(connectorUrl))),
    }),
    status: 415,
  },
  {
    name: 'brotli declared',
    request: () => ({ headers: { 'content-type': 'application/json', 'content-encoding': 'br' }, body: 'not brotli' }),
    status: 415,
  },
  {
    name: 'two encodings',
    request: () => ({ headers: { 'content-type': 'application/json', 'content-encoding': 'gzip, gzip' }, body: 'x' }),
    status: 415,
  },
  {
    name: 'identity encoding is no encoding',
    request: ({ connectorUrl }) => json(message(connectorUrl), { 'content-encoding': 'identity' }),
    status: 200,
    writes: true,
  },
  // Content types: only JSON, refused before the body is read.
  {
    name: 'multipart upload of 6 MB',
    request: () => ({
      headers: { 'content-type': `multipart/form-data; boundary=${multipart(0).boundary}` },
      body: multipart(6 * MB).body,
    }),
    status: 415,
  },
  {
    name: 'multipart upload of 6 MB, chunked',
    request: () => ({
      headers: { 'content-type': `multipart/form-data; boundary=${multipart(0).boundary}` },
      chunks: Array.from({ length: 6 }, () => Buffer.alloc(MB, 0x61)),
    }),
    status: 415,
  },
  {
    name: 'form',
    request: () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'type=message&text=hej' }),
    status: 415,
  },
  {
    name: 'JSON sent as text/plain',
    request: ({ connectorUrl }) => ({ headers: { 'content-type': 'text/plain' }, body: JSON.stringify(message(connectorUrl)) }),
    status: 415,
  },
  { name: 'no content type', request: ({ connectorUrl }) => ({ body: JSON.stringify(message(connectorUrl)) }), status: 415 },
  {
    name: 'a content type that starts like JSON',
    request: ({ connectorUrl }) => ({ headers: { 'content-type': 'application/jsonp' }, body: JSON.stringify(message(connectorUrl)) }),
    status: 415,
  },
  {
    name: 'JSON in Latin-1',
    request: ({ connectorUrl }) => ({
      headers: { 'content-type': 'application/json; charset=iso-8859-1' },
      body: JSON.stringify(message(connectorUrl)),
    }),
    status: 415,
  },
  {
    name: 'JSON with charset=utf-8, as Teams sends it',
    request: ({ connectorUrl }) => ({
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(message(connectorUrl)),
    }),
    status: 200,
    writes: true,
  },
  // Sizes.
  {
    name: 'declared length over the limit',
    request: ({ connectorUrl }) => json(message(connectorUrl, { text: 'x'.repeat(400 * 1024) })),
    status: 413,
  },
  {
    name: 'chunked body over the limit',
    request: () => ({
      headers: { 'content-type': 'application/json' },
      chunks: [
        Buffer.from('{"type":"message","text":"'),
        ...Array.from({ length: 8 }, () => Buffer.alloc(64 * 1024, 0x61)),
        Buffer.from('"}'),
      ],
    }),
    status: 413,
  },
  { name: 'empty body', request: () => ({ headers: { 'content-type': 'application/json' }, body: '' }), status: 400 },
  // Bodies that are not an activity.
  {
    name: 'not UTF-8',
    request: () => ({ headers: { 'content-type': 'application/json' }, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }),
    status: 400,
  },
  {
    name: 'malformed JSON',
    request: () => ({ headers: { 'content-type': 'application/json' }, body: '{"type": "message", ' }),
    status: 400,
  },
  { name: 'JSON null', request: () => json(null), status: 400 },
  { name: 'JSON array', request: () => json([{ type: 'message' }]), status: 400 },
  { name: 'JSON string', request: () => json('message'), status: 400 },
  { name: 'type is a number', request: ({ connectorUrl }) => json(message(connectorUrl, { type: 1 })), status: 400 },
  { name: 'serviceUrl is a number', request: ({ connectorUrl }) => json(message(connectorUrl, { serviceUrl: 42 })), status: 400 },
  {
    name: 'serviceUrl is an object',
    request: ({ connectorUrl }) => json(message(connectorUrl, { serviceUrl: { href: connectorUrl } })),
    status: 400,
  },
  { name: 'serviceUrl is missing', request: ({ connectorUrl }) => json(message(connectorUrl, { serviceUrl: undefined })), status: 400 },
  {
    name: 'serviceUrl is not http',
    request: ({ connectorUrl }) => json(message(connectorUrl, { serviceUrl: 'file:///etc/passwd' })),
    status: 400,
  },
  {
    name: 'from.id is a number',
    request: ({ connectorUrl }) => json(message(connectorUrl, { from: { id: 7, aadObjectId: '6b1e4c7a-0000-4000-8000-000000000001' } })),
    status: 400,
  },
  {
    name: 'from.aadObjectId is an object',
    request: ({ connectorUrl }) => json(message(connectorUrl, { from: { id: '29:x', aadObjectId: { $ne: '' } } })),
    status: 400,
  },
  {
    name: 'conversation is a string',
    request: ({ connectorUrl }) => json(message(connectorUrl, { conversation: 'a:robust' })),
    status: 400,
  },
  { name: 'text is an object', request: ({ connectorUrl }) => json(message(connectorUrl, { text: { toString: 'x' } })), status: 400 },
  { name: 'locale is a number', request: ({ connectorUrl }) => json(message(connectorUrl, { locale: 1053 })), status: 400 },
  {
    name: 'optional fields null, as some channels send them',
    request: ({ connectorUrl }) =>
      json(
        message(connectorUrl, {
          locale: null,
          textFormat: null,
          from: { id: '29:x', name: null, aadObjectId: '6b1e4c7a-0000-4000-8000-000000000001' },
        }),
      ),
    status: 200,
    writes: true,
  },
  {
    name: 'tenant id is an array',
    request: ({ connectorUrl }) => json(message(connectorUrl, { channelData: { tenant: { id: ['x'] } } })),
    status: 400,
  },
  {
    // Not a card action any handler knows: botbuilder's 501, after it went through every check.
    name: 'invoke value nested 40000 deep',
    request: ({ connectorUrl }) => {
      const invoke = JSON.stringify({
        ...teamsInvoke({ serviceUrl: connectorUrl, conversationId: 'a:robust', verb: 'round.save', data: {} }),
        value: 'VALUE',
      });
      return { headers: { 'content-type': 'application/json' }, body: invoke.replace('"VALUE"', nestedJson(40_000)) };
    },
    status: 501,
    writes: true,
  },
  // Other paths and methods.
  { name: 'GET on /api/messages', request: () => ({ method: 'GET' }), status: 405 },
  {
    name: 'a body posted to /healthz',
    request: () => ({
      method: 'POST',
      path: '/healthz',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: 'garbage',
    }),
    status: 405,
  },
  { name: 'a broken escape in the path', request: () => ({ method: 'GET', path: '/reports/%E0%A4%A' }), status: 404 },
  // Node's own answer, after which it resets the connection: the client may see the reset first.
  {
    name: 'a header of 40 KB',
    request: () => ({ method: 'GET', path: '/healthz', headers: { 'x-filler': 'a'.repeat(40 * 1024) } }),
    status: 431,
    orReset: true,
  },
];

describe('HTTP robustness: no request takes the bot down', function () {
  this.timeout(120_000);
  const connector = new LocalConnector();
  const storeDir = mkdtempSync(join(tmpdir(), 'trygghetsbot-robust-store-'));
  const tempDir = mkdtempSync(join(tmpdir(), 'trygghetsbot-robust-tmp-'));
  let bot: BotProcess;

  before(async () => {
    await connector.start();
    bot = await startBotProcess({
      STORE_DIR: storeDir,
      TMPDIR: tempDir,
      USER_MESSAGES_PER_MINUTE: '100000',
      USER_ACTIONS_PER_MINUTE: '100000',
      SCHEDULER_INTERVAL_MS: '0',
    });
  });
  after(async () => {
    assert.equal(await bot.stop(), 0, 'stops cleanly after all of it');
    await connector.stop();
    assert.deepEqual(
      readdirSync(tempDir).filter((f) => !f.startsWith('tsx-')),
      [],
      'nothing in the temp folder, also after stop',
    );
    rmSync(storeDir, { recursive: true, force: true });
    rmSync(tempDir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.name}: ${c.status}`, async () => {
      const before = storeState(storeDir);
      const response = await send(bot.url, c.request({ connectorUrl: connector.url }));
      if (response || !c.orReset) {
        assert.ok(response, `no response; process alive: ${bot.alive()}\n${bot.output().slice(-2000)}`);
        assert.equal(response.status, c.status, response.body);
      }
      assert.ok(bot.alive(), 'the process is still running');
      if (!c.writes) assert.equal(storeState(storeDir), before, 'nothing written to the store');
      assert.deepEqual(
        readdirSync(tempDir).filter((f) => !f.startsWith('tsx-')),
        [],
        'nothing written to the temp folder',
      );
      assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    });
  }

  it('survives a client that hangs up in the middle of its body, and answers the next one', async () => {
    const body = Buffer.from(JSON.stringify(message(connector.url, { text: 'x'.repeat(50_000) })));
    const before = storeState(storeDir);
    assert.equal(
      await send(bot.url, {
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
        body,
        abortAfter: 1000,
      }),
      undefined,
    );
    assert.equal(
      await send(bot.url, {
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        body: Buffer.alloc(2000, 0x7b),
        abortAfter: 1000,
      }),
      undefined,
    );
    assert.ok(bot.alive());
    assert.equal(storeState(storeDir), before);
    const conversationId = 'a:after-hangup';
    const ok = await send(bot.url, json(teamsMessage({ serviceUrl: connector.url, conversationId, text: 'Vem ansvarar för kamerorna?' })));
    assert.equal(ok?.status, 200);
    await connector.waitFor((r) => r.conversationId === conversationId);
  });

  it('does not hold the request of a message whose serviceUrl never answers', async () => {
    // Accepts connections and never says a word, as a Bot Connector behind a broken network would.
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const deadUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
      const started = Date.now();
      const response = await send(
        bot.url,
        json(teamsMessage({ serviceUrl: deadUrl, conversationId: 'a:dead', text: 'Vem ansvarar för kamerorna?' })),
      );
      const ms = Date.now() - started;
      assert.ok(response && response.status >= 200 && response.status < 300, `status ${response?.status}`);
      assert.ok(ms < 5_000, `held the request for ${ms} ms`);
      // A card action must wait for its answer; each call to the silent connector gives up after 5 s.
      const invokeStarted = Date.now();
      const invoked = await send(
        bot.url,
        json(
          teamsInvoke({
            serviceUrl: deadUrl,
            conversationId: 'a:dead',
            verb: 'round.next',
            data: { year: 2026 },
            aadObjectId: 'ffffffff-6666-4000-8000-000000000006',
          }),
        ),
      );
      const invokeMs = Date.now() - invokeStarted;
      assert.equal(invoked?.status, 200);
      assert.ok(invokeMs < 8_000, `held the card action for ${invokeMs} ms`);
      assert.ok(bot.alive());
      assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    } finally {
      silent.close();
    }
  });
});

describe('HTTP robustness with a Microsoft app id: authentication', function () {
  this.timeout(120_000);
  const APP_ID = '5f3a2c1e-0000-4000-8000-00000000b0d1';
  const VICTIM = 'dddddddd-4444-4000-8000-000000000004';
  const connector = new LocalConnector();
  const issuer = new TokenIssuer();
  const storeDir = mkdtempSync(join(tmpdir(), 'trygghetsbot-robust-auth-'));
  const tempDir = mkdtempSync(join(tmpdir(), 'trygghetsbot-robust-auth-tmp-'));
  let bot: BotProcess;

  before(async () => {
    await connector.start();
    await issuer.start();
    bot = await startBotProcess({
      STORE_DIR: storeDir,
      TMPDIR: tempDir,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      BotOpenIdMetadata: issuer.metadataUrl,
      USER_MESSAGES_PER_MINUTE: '3',
      USER_ACTIONS_PER_MINUTE: '4',
      SCHEDULER_INTERVAL_MS: '0',
    });
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
    await issuer.stop();
    assert.deepEqual(
      readdirSync(tempDir).filter((f) => !f.startsWith('tsx-')),
      [],
    );
    rmSync(storeDir, { recursive: true, force: true });
    rmSync(tempDir, { recursive: true, force: true });
  });

  const signed = (activity: Record<string, unknown>, overrides?: Parameters<TokenIssuer['token']>[2]): RawRequest =>
    json(activity, { authorization: `Bearer ${issuer.token(APP_ID, String(activity.serviceUrl), overrides)}` });

  it('refuses a broken gzip body before authentication, and stays up', async () => {
    const response = await send(bot.url, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: Buffer.from('definitely not gzip'),
    });
    assert.equal(response?.status, 415);
    const upload = await send(bot.url, {
      headers: { 'content-type': `multipart/form-data; boundary=${multipart(0).boundary}` },
      body: multipart(2 * MB).body,
    });
    assert.equal(upload?.status, 415);
    assert.ok(bot.alive());
    assert.deepEqual(
      readdirSync(tempDir).filter((f) => !f.startsWith('tsx-')),
      [],
    );
  });

  const forgeries: Array<{ name: string; header: (activity: Record<string, unknown>) => string }> = [
    { name: 'no token', header: () => '' },
    { name: 'not a JWT', header: () => 'Bearer garbage' },
    { name: 'not Bearer', header: (a) => `Basic ${issuer.token(APP_ID, String(a.serviceUrl))}` },
    {
      name: 'alg none, no signature',
      header: () =>
        `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'https://api.botframework.com', aud: APP_ID })).toString('base64url')}.`,
    },
    {
      name: 'HS256 signed with a guessed secret',
      header: () => {
        const unsigned = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: 'https://api.botframework.com', aud: APP_ID })).toString('base64url')}`;
        return `Bearer ${unsigned}.${createHmac('sha256', 'secret').update(unsigned).digest('base64url')}`;
      },
    },
    {
      name: 'signed with another key',
      header: (a) =>
        `Bearer ${issuer.token(APP_ID, String(a.serviceUrl), { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey })}`,
    },
    { name: 'signature cut off', header: (a) => `Bearer ${issuer.token(APP_ID, String(a.serviceUrl)).replace(/\.[^.]+$/, '.')}` },
    { name: 'for another bot', header: (a) => `Bearer ${issuer.token('00000000-0000-4000-8000-000000000000', String(a.serviceUrl))}` },
    { name: 'for another serviceUrl', header: () => `Bearer ${issuer.token(APP_ID, 'https://evil.example')}` },
    {
      name: 'expired',
      header: (a) => `Bearer ${issuer.token(APP_ID, String(a.serviceUrl), { claims: { nbf: 1_000_000, exp: 1_000_100 } })}`,
    },
    { name: 'unknown key id', header: (a) => `Bearer ${issuer.token(APP_ID, String(a.serviceUrl), { header: { kid: 'nope' } })}` },
  ];

  for (const forgery of forgeries) {
    it(`a token that is ${forgery.name}: 401 saying only that`, async () => {
      const activity = teamsMessage({
        serviceUrl: connector.url,
        conversationId: `a:forged-${forgery.name}`,
        text: 'hjälp',
        aadObjectId: VICTIM,
      });
      const header = forgery.header(activity);
      const before = storeState(storeDir);
      const response = await send(bot.url, json(activity, header ? { authorization: header } : {}));
      assert.equal(response?.status, 401);
      assert.deepEqual(JSON.parse(response!.body), { error: 'Unauthorized' });
      assert.equal(storeState(storeDir), before);
      assert.ok(bot.alive());
    });
  }

  it("a valid token passes, and forged requests in a colleague's name do not use up their limit", async () => {
    // Ten forged requests claiming the victim's object id: all refused, none counted.
    for (let i = 0; i < 10; i++) {
      const activity = teamsMessage({ serviceUrl: connector.url, conversationId: 'a:victim', text: 'hjälp', aadObjectId: VICTIM });
      assert.equal((await send(bot.url, json(activity, { authorization: 'Bearer forged' })))?.status, 401);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const activity = teamsMessage({ serviceUrl: connector.url, conversationId: 'a:victim', text: 'hjälp', aadObjectId: VICTIM });
      const response = await send(bot.url, signed(activity));
      statuses.push(response!.status);
      if (response!.status === 429) assert.ok(Number(response!.headers['retry-after']) > 0);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429], 'three valid messages pass, the fourth in the same minute is limited');
    const details = bot
      .logs()
      .filter((l) => l.event === 'unauthorized')
      .map((l) => String(l.detail));
    assert.ok(
      details.every((d) => d.length > 0),
      'the reason is in the log',
    );
  });

  it("limits card actions too, with a notice in the card's language that loses nothing", async () => {
    const person = 'eeeeeeee-5555-4000-8000-000000000005';
    const results: Array<{ status: number; body: string }> = [];
    for (let i = 0; i < 5; i++) {
      // A Swedish card in an English Teams client: the notice follows the card.
      const invoke = teamsInvoke({
        serviceUrl: connector.url,
        conversationId: 'a:actions',
        verb: 'round.next',
        data: { year: 2026, lang: 'sv' },
        aadObjectId: person,
        locale: 'en-US',
      });
      const response = await send(bot.url, signed(invoke));
      results.push({ status: response!.status, body: response!.body });
    }
    assert.ok(results.every((r) => r.status === 200));
    const last = JSON.parse(results[4]!.body) as { statusCode: number; type: string; value: string };
    assert.equal(last.type, 'application/vnd.microsoft.activity.message');
    assert.match(last.value, /Ingenting sparades/);
    assert.match(last.value, /finns kvar i kortet/);
    assert.ok(!results.slice(0, 4).some((r) => r.body.includes('Ingenting sparades')), 'the first four are not limited');
  });

  it('says nothing about the key address when the keys cannot be fetched', async () => {
    const offline = await startBotProcess({
      STORE_DIR: mkdtempSync(join(tmpdir(), 'trygghetsbot-robust-offline-')),
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'x',
      SCHEDULER_INTERVAL_MS: '0',
    });
    try {
      const activity = teamsMessage({ serviceUrl: connector.url, conversationId: 'a:offline', text: 'hjälp' });
      const response = await send(offline.url, signed(activity));
      assert.equal(response?.status, 401);
      assert.deepEqual(JSON.parse(response!.body), { error: 'Unauthorized' });
      assert.ok(offline.alive());
    } finally {
      await offline.stop();
    }
  });
});
