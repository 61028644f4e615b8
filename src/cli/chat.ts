/**
 * npm run chat: talk to the bot in the terminal. Starts the bot (or uses BOT_URL) and a local
 * Bot Connector on 127.0.0.1, then sends each line you type as a message activity, exactly as a
 * channel would, and prints the bot's replies as text.
 */
import { createInterface } from 'node:readline/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LocalConnector, teamsInstall, teamsMessage, type ReceivedActivity } from '../devtools/local-connector';
import { loadConfig } from '../config';
import { createLogger } from '../log';
import { startBot, type RunningBot } from '../bot-runtime';

function printable(received: ReceivedActivity): string {
  const { text, attachments } = received.activity;
  if (typeof text === 'string' && text) return text;
  const card = attachments?.[0]?.content as { fallbackText?: string } | undefined;
  return card?.fallbackText ?? JSON.stringify(received.activity);
}

async function main(): Promise<void> {
  const connector = new LocalConnector();
  const serviceUrl = await connector.start();
  let bot: RunningBot | undefined;
  let botUrl = process.env.BOT_URL;
  if (!botUrl) {
    // The bot's own logs go to a file-less sink below warn, so the conversation stays readable.
    // Its own store folder: the embedded store serves one process, and `npm start` may be running.
    const config = loadConfig();
    bot = await startBot(
      {
        ...config,
        port: 0,
        host: '127.0.0.1',
        microsoftAppId: '',
        storeDir: process.env.STORE_DIR ?? join(config.storeDir, '..', 'chat-store'),
      },
      createLogger(process.env.LOG_LEVEL ?? 'error'),
    );
    botUrl = bot.url;
  }
  const conversationId = `terminal-${randomUUID()}`;
  let seen = 0;
  const post = async (activity: Record<string, unknown>): Promise<void> => {
    const response = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    if (!response.ok) console.log(`[bot answered HTTP ${response.status}: ${await response.text()}]`);
  };
  const flush = async (): Promise<void> => {
    await new Promise((r) => setTimeout(r, 50));
    for (const received of connector.forConversation(conversationId).slice(seen)) console.log(`\n${printable(received)}\n`);
    seen = connector.forConversation(conversationId).length;
  };

  await post({ ...teamsInstall({ serviceUrl, conversationId }), channelId: 'terminal' });
  await flush();
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt('du> ');
  rl.prompt();
  for await (const line of rl) {
    if (/^\s*(exit|quit|avsluta)\s*$/i.test(line)) break;
    await post(teamsMessage({ serviceUrl, conversationId, text: line, channelId: 'terminal' }));
    await flush();
    rl.prompt();
  }
  rl.close();
  await bot?.stop();
  await connector.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
