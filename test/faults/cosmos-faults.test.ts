/**
 * Faults between the bot and Cosmos DB: a proxy in front of the local Cosmos-protocol server answers
 * 429 (with x-ms-retry-after-ms), 503, or nothing (a timeout), some before passing the request on and
 * some after it was carried out (the write happened but the answer was lost). Answers submitted
 * through it, retried as a user would when told the database did not answer, are stored exactly
 * once, with exactly one history entry per real change.
 */
import { strict as assert } from 'node:assert';
import { createServer, request, type Server } from 'node:https';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createHttpsServer } from '@vercel/cosmosdb-server';
import { CosmosStore } from '../../src/store/cosmos-store';
import { StoreError } from '../../src/store/document-store';
import { recordsOn } from '../../src/persistence/records-on-store';
import { FollowUp } from '../../src/usecases/follow-up';
import type { Round } from '../../src/core/followup/model';
import { GLOSSARY, PLAN } from '../fixtures/plan';
import { LOCAL_KEY } from '../store/backends';
import { answerAction } from '../../src/usecases/work-through-round';

type Fault = 'throttle' | 'unavailable-before' | 'unavailable-after' | 'timeout-after' | undefined;

const certDir = dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
const tls = { cert: readFileSync(join(certDir, 'cert.pem')), key: readFileSync(join(certDir, 'key.pem')) };

/** An HTTPS proxy to the Cosmos server that injects faults chosen per request. */
function faultProxy(
  upstreamPort: number,
  choose: (n: number, method: string) => Fault,
): Promise<{ server: Server; port: number; counts: Map<string, number> }> {
  const counts = new Map<string, number>();
  let n = 0;
  const server = createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      n += 1;
      // Only data requests: database and container set-up at start is left alone.
      const fault = /\/docs/.test(req.url ?? '') ? choose(n, req.method ?? '') : undefined;
      if (fault) counts.set(fault, (counts.get(fault) ?? 0) + 1);
      if (fault === 'throttle') {
        res.writeHead(429, { 'content-type': 'application/json', 'x-ms-retry-after-ms': '20', 'x-ms-substatus': '3200' });
        res.end(JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large' }));
        return;
      }
      if (fault === 'unavailable-before') {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'ServiceUnavailable', message: 'injected' }));
        return;
      }
      const upstream = request(
        { host: '127.0.0.1', port: upstreamPort, path: req.url, method: req.method, headers: req.headers, rejectUnauthorized: false },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            if (fault === 'unavailable-after') {
              res.writeHead(503, { 'content-type': 'application/json' });
              res.end(JSON.stringify({ code: 'ServiceUnavailable', message: 'injected after the write' }));
            } else if (fault === 'timeout-after') {
              // Carried out, never answered: the client times out.
              setTimeout(() => res.destroy(), 5_000).unref();
            } else {
              res.writeHead(up.statusCode ?? 500, up.headers);
              res.end(Buffer.concat(body));
            }
          });
        },
      );
      upstream.end(Buffer.concat(chunks));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, counts })),
  );
}

describe('Cosmos DB faults between the bot and the database', function () {
  this.timeout(120_000);
  let cosmos: Server;
  let proxy: Awaited<ReturnType<typeof faultProxy>>;
  let store: CosmosStore;
  let faultsOn = true;

  before(async () => {
    cosmos = createHttpsServer();
    await new Promise<void>((r) => cosmos.listen(0, '127.0.0.1', r));
    proxy = await faultProxy((cosmos.address() as AddressInfo).port, (n, method) => {
      if (!faultsOn) return undefined;
      if (n % 5 === 0) return 'throttle';
      if (n % 11 === 0) return 'unavailable-before';
      if (method !== 'GET' && n % 7 === 0) return 'unavailable-after';
      if (method !== 'GET' && n % 17 === 0) return 'timeout-after';
      return undefined;
    });
    faultsOn = false;
    store = await CosmosStore.open({
      endpoint: `https://127.0.0.1:${proxy.port}`,
      key: LOCAL_KEY,
      database: `faults-${randomUUID()}`,
      allowSelfSignedCertificate: true,
      requestTimeoutMs: 1_000,
    });
  });
  after(async () => {
    await store?.close();
    await new Promise((r) => proxy.server.close(r));
    await new Promise((r) => cosmos.close(r));
  });

  it('stores every answer once, with one history entry per change, through 429s, 503s and timeouts', async () => {
    const service = new FollowUp(recordsOn(store), PLAN, GLOSSARY, [{ aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000a' }]);
    const admin = { aadObjectId: 'aaaaaaaa-0000-4000-8000-00000000000a' };
    const round: Round = {
      year: 2024,
      deadline: '2099-02-28',
      state: 'open',
      planVersion: '2023',
      startedBy: admin,
      startedAt: new Date().toISOString(),
      reminderDaysBefore: [],
    };
    await service.rounds.createRound(round);
    const targets = service.obligations.filter((o) => o.unit === 'Polisen').slice(0, 12);
    faultsOn = true;
    let refusedByStore = 0;
    // A user who is told "the database does not answer" tries again, up to ten times.
    const submit = async (actionId: string, unit: string, status: string, description: string): Promise<void> => {
      for (let attempt = 1; attempt <= 10; attempt++) {
        try {
          const result = await answerAction(service, admin, { year: 2024, actionId, unit, status, description });
          assert.ok(result.ok, JSON.stringify(result));
          return;
        } catch (error) {
          if (!(error instanceof StoreError)) throw error;
          refusedByStore += 1;
        }
      }
      throw new Error(`${actionId}/${unit}: the database never answered`);
    };
    for (const o of targets) await submit(o.actionId, o.unit, 'pagaende', `Första svaret för ${o.actionId}`);
    for (const o of targets.slice(0, 6)) await submit(o.actionId, o.unit, 'paborjad', `Ändrat för ${o.actionId}`);
    faultsOn = false;
    assert.ok(
      (proxy.counts.get('throttle') ?? 0) > 0 && (proxy.counts.get('unavailable-after') ?? 0) > 0,
      `faults injected: ${JSON.stringify([...proxy.counts])}`,
    );
    const answers = await service.rounds.listAnswers(2024);
    assert.equal(answers.length, targets.length, 'one answer per action and unit');
    for (const [i, o] of targets.entries()) {
      const a = answers.find((x) => x.actionId === o.actionId && x.unit === o.unit)!;
      assert.equal(a.status, i < 6 ? 'paborjad' : 'pagaende');
    }
    const history = await service.rounds.listHistory(2024);
    assert.equal(history.length, targets.length + 6, `one history entry per change (store refused ${refusedByStore} times)`);
  });
});
