/**
 * Teams' side of the concurrent-answers benchmark, on its own thread: a Bot Connector (the local
 * one) and the client that posts the card actions all at once. Teams and its connector run outside
 * the bot's process, so their work (accepting the bot's card updates, building, sending and reading
 * 200 requests) must not count as the bot's latency.
 *
 * Protocol: the worker posts { serviceUrl } when its connector listens; it is then sent
 * { botUrl, bodies } and answers { results: [{ status, ms }], cardUpdates }.
 */
import { parentPort } from 'node:worker_threads';
import { LocalConnector } from '../src/devtools/local-connector';

async function main(): Promise<void> {
  const port = parentPort!;
  const connector = new LocalConnector();
  port.postMessage({ serviceUrl: await connector.start() });
  port.once('message', async ({ botUrl, bodies }: { botUrl: string; bodies: string[] }) => {
    const results = await Promise.all(
      bodies.map(async (body) => {
        const started = performance.now();
        const response = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await response.text();
        return { status: response.status, ms: performance.now() - started };
      }),
    );
    const cardUpdates = connector.received.filter((r) => r.method === 'PUT').length;
    await connector.stop();
    port.postMessage({ results, cardUpdates });
  });
}

void main();
