/**
 * Teams' side of the concurrent-answers benchmark, on its own thread: a Bot Connector (the local
 * one) and the client that posts the card actions all at once. Teams and its connector run outside
 * the bot's process, so their work (accepting the bot's card updates, building, sending and reading
 * 200 requests) must not count as the bot's latency.
 *
 * Protocol: the worker posts { serviceUrl } when its connector listens; it is then sent
 * { botUrl, bodies } and answers { results: [{ status, ms }], messagesPressed, messagesUpdated }.
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
    // Each message pressed on is replaced for everyone after the presses are answered, at the bot's
    // pace, with the newest card when one was pressed on more than once.
    const pressedOn = new Set(
      bodies.map((body) => {
        const { conversation, replyToId } = JSON.parse(body) as { conversation: { id: string }; replyToId: string };
        return `${conversation.id}|${replyToId}`;
      }),
    );
    const updated = () => new Set(connector.received.filter((r) => r.method === 'PUT').map((r) => `${r.conversationId}|${r.id}`));
    for (const until = Date.now() + 30_000; updated().size < pressedOn.size && Date.now() < until;)
      await new Promise((r) => setTimeout(r, 20));
    const messagesUpdated = [...pressedOn].filter((m) => updated().has(m)).length;
    await connector.stop();
    port.postMessage({ results, messagesPressed: pressedOn.size, messagesUpdated });
  });
}

void main();
