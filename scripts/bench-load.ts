/**
 * Load test of /api/messages (autocannon), loopback only, bounded in time: the question mix posted
 * as Teams message activities to the compiled bot in its own process; sustained requests/s, latency
 * percentiles and errors.
 */
// autocannon ships no types of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}>;
import { teamsMessage } from '../src/devtools/local-connector';

export async function loadTest(botUrl: string, serviceUrl: string, questions: string[], seconds = 10, connections = 8) {
  let i = 0;
  const bodies = questions.map((q, n) => JSON.stringify(teamsMessage({ serviceUrl, conversationId: `a:load-${n % 50}`, text: q })));
  return autocannon({
    url: `${botUrl}/api/messages`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
}
