/** Starts the real bot (HTTP server, adapter, core) and a local Bot Connector, both on 127.0.0.1. */
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBot, type RunningBot } from '../../src/bot-runtime';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { LocalConnector, teamsInvoke, teamsMessage, type ReceivedActivity } from '../../src/devtools/local-connector';
import { assertValidCard } from '../fixtures/cards';

export interface Harness {
  bot: RunningBot;
  connector: LocalConnector;
  logs: Array<Record<string, unknown>>;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  postRaw(body: string, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

export async function startHarness(
  env: Record<string, string> = {},
  reuse?: { connector: LocalConnector; storeDir: string },
): Promise<Harness & { storeDir: string; stopBotOnly(): Promise<void> }> {
  const connector = reuse?.connector ?? new LocalConnector();
  if (!reuse) await connector.start();
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const storeDir = reuse?.storeDir ?? mkdtempSync(join(tmpdir(), 'trygghetsbot-e2e-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    STORE_DIR: storeDir,
    SEND_RATE_PER_SECOND: '1000',
    SCHEDULER_INTERVAL_MS: '0',
    USER_MESSAGES_PER_MINUTE: '100000',
    ...env,
  });
  const bot = await startBot(config, createLogger('info', sink));
  // A pressed card is replaced in its message just after the press is answered; the tests read
  // the connector's record in order, so a post returns once that has happened.
  const postRaw = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    await bot.bot.followUp?.cardsReplaced();
    return response;
  };
  return {
    storeDir,
    stopBotOnly: () => bot.stop(),
    bot,
    connector,
    logs,
    postRaw,
    post: (body, headers) => postRaw(JSON.stringify(body), headers),
    async stop() {
      await bot.stop();
      await connector.stop();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

/** Someone in Teams: their chat with the bot, their Teams id and their Entra object id. */
export interface TeamsPerson {
  conv: string;
  id: string;
  aad: string;
}

/** `who` presses a card button (an Action.Execute invoke, as Teams sends it) in their chat. */
export function pressButton(h: Harness, who: TeamsPerson, verb: string, data: Record<string, unknown>): Promise<Response> {
  return h.post(teamsInvoke({ serviceUrl: h.connector.url, conversationId: who.conv, verb, data, userId: who.id, aadObjectId: who.aad }));
}

/** `who` writes `text` in their chat; the bot's reply, a valid Adaptive Card, as JSON text to match. */
export async function cardReplyTo(h: Harness, who: TeamsPerson, text: string): Promise<string> {
  const before = h.connector.forConversation(who.conv).length;
  await h.post(teamsMessage({ serviceUrl: h.connector.url, conversationId: who.conv, text, userId: who.id, aadObjectId: who.aad }));
  const reply: ReceivedActivity = (await h.connector.waitFor((r) => r.conversationId === who.conv, before + 1))[before]!;
  const card = reply.activity.attachments?.[0]?.content as Record<string, unknown>;
  assertValidCard(card);
  return JSON.stringify(card);
}
