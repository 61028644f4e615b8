/**
 * Teams' side of the concurrent-answers benchmark, on its own thread: a Bot Connector (the local
 * one) and the client that posts the card actions all at once. Teams and its connector run outside
 * the bot's process, so their work (accepting the bot's card updates, building, sending and reading
 * 200 requests) must not count as the bot's latency.
 *
 * Protocol: the worker posts { serviceUrl } when its connector listens. It is then sent
 * { botUrl, bodies }, posts them all at once and answers { results: [{ status, ms }] }. Once the
 * bot has sent every card update it was handed, it is sent { count: true } and answers
 * { messagesPressed, messagesUpdated }.
 */
import { request } from 'node:http';
import { parentPort } from 'node:worker_threads';
import { LocalConnector } from '../src/devtools/local-connector';

/**
 * One press: a POST on its own connection, as each arrives from Teams' service, timed from the
 * call to the last byte of the answer. node:http rather than fetch: undici's setup of 200 requests
 * held them on this side for about 100 ms before the bot saw the first, which counted as the bot's.
 */
function post(url: string, body: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = request(url, { method: 'POST', agent: false, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const port = parentPort!;
  const connector = new LocalConnector();
  port.postMessage({ serviceUrl: await connector.start() });
  port.once('message', async ({ botUrl, bodies }: { botUrl: string; bodies: string[] }) => {
    const results = await Promise.all(bodies.map((body) => post(`${botUrl}/api/messages`, body)));
    port.once('message', async () => {
      // Each message pressed on is replaced for everyone after the presses are answered, with the
      // newest card when one was pressed on more than once.
      const pressedOn = new Set(
        bodies.map((body) => {
          const { conversation, replyToId } = JSON.parse(body) as { conversation: { id: string }; replyToId: string };
          return `${conversation.id}|${replyToId}`;
        }),
      );
      const updated = new Set(connector.received.filter((r) => r.method === 'PUT').map((r) => `${r.conversationId}|${r.id}`));
      await connector.stop();
      port.postMessage({ messagesPressed: pressedOn.size, messagesUpdated: [...pressedOn].filter((m) => updated.has(m)).length });
    });
    port.postMessage({ results });
  });
}

void main();
