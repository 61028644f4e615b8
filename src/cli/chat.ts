/**
 * npm run chat: talk to the bot in the terminal, as a person in Teams does. Starts the bot (or uses
 * BOT_URL) and a local Bot Connector on 127.0.0.1, then sends each line you type as a Teams message
 * activity, exactly as Teams would, and prints the bot's replies. Cards are printed with their
 * inputs and numbered buttons: type a button's number to press it, then fill its inputs one by one
 * (Enter keeps what is there), so an admin can start a round and an owner answer it without Teams.
 *
 * CHAT_USER_EMAIL is the chat user's e-mail (and CHAT_USER_NAME their name): the bot learns it as it
 * learns a Teams user's, so BOOTSTRAP_ADMINS=<that e-mail> makes them an admin and a contact given
 * by that e-mail gets the round here.
 */
import { createInterface } from 'node:readline/promises';
import { randomUUID, createHash } from 'node:crypto';
import { join } from 'node:path';
import { LocalConnector, teamsInstall, teamsInvoke, teamsMessage, type ReceivedActivity } from '../devtools/local-connector';
import { printedCard, terminalCard, type CardButton, type TerminalCard } from '../devtools/terminal-card';
import { loadConfig } from '../config';
import { createLogger } from '../log';
import { startBot, type RunningBot } from '../bot-runtime';

/** The chat user as Teams would name them: an id, an Entra object id stable for the e-mail, the e-mail and the name. */
function chatUser(): { id: string; aadObjectId: string; email?: string; name: string } {
  const email = process.env.CHAT_USER_EMAIL?.trim().toLowerCase() || undefined;
  const hex = createHash('sha256')
    .update(email ?? 'terminal-user')
    .digest('hex');
  const aadObjectId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return {
    id: `29:terminal-${hex.slice(0, 12)}`,
    aadObjectId,
    ...(email ? { email } : {}),
    name: process.env.CHAT_USER_NAME?.trim() || 'Du',
  };
}

async function main(): Promise<void> {
  const connector = new LocalConnector();
  const serviceUrl = await connector.start();
  const user = chatUser();
  // Teams answers the bot's question "who is this?" (TeamsInfo.getMember) with the person's e-mail.
  connector.members.set(user.id, {
    id: user.id,
    name: user.name,
    aadObjectId: user.aadObjectId,
    userPrincipalName: user.email,
    email: user.email,
  });
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
  console.log(
    user.email
      ? `Du är ${user.name} <${user.email}>. Skriv en fråga, "hjälp", eller en knapps nummer för att trycka på den. "avsluta" slutar.`
      : 'Skriv en fråga, "hjälp", eller en knapps nummer för att trycka på den. "avsluta" slutar. (CHAT_USER_EMAIL ger dig en e-postadress.)',
  );
  const conversationId = `terminal-${randomUUID()}`;
  const who = { serviceUrl, conversationId, userId: user.id, aadObjectId: user.aadObjectId, userName: user.name };
  let seen = 0;
  let current: TerminalCard | undefined;
  // The conversation the card on screen came in: a round message comes in a chat the bot opens itself.
  let cardConversation = conversationId;

  const post = async (activity: Record<string, unknown>): Promise<unknown> => {
    const response = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const body = await response.text();
    if (!response.ok) console.log(`[bot answered HTTP ${response.status}: ${body}]`);
    return body ? (JSON.parse(body) as unknown) : undefined;
  };
  /** A card printed; its buttons are the ones a number presses, until a card with buttons of its own comes. */
  const show = (card: Record<string, unknown>, conversation: string): void => {
    const shown = terminalCard(card);
    console.log(`\n${printedCard(shown)}\n`);
    if (shown.buttons.length > 0) {
      current = shown;
      cardConversation = conversation;
    }
  };
  const printReceived = (received: ReceivedActivity): void => {
    const { text, attachments } = received.activity;
    const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
    if (card) return show(card as Record<string, unknown>, received.conversationId);
    if (typeof text === 'string' && text) console.log(`\n${text}\n`);
  };
  /** Everything the bot sent since: to this chat, and to the chats it opened with the user (one user, one terminal). */
  const flush = async (): Promise<void> => {
    await new Promise((r) => setTimeout(r, 300));
    for (const received of connector.received.slice(seen)) printReceived(received);
    seen = connector.received.length;
  };

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | undefined> => {
    process.stdout.write(prompt);
    const next = await lines.next();
    return next.done ? undefined : String(next.value);
  };

  /** A button pressed: its inputs asked for one by one (Enter keeps the value), then sent as Teams sends it. */
  const press = async (button: CardButton, card: TerminalCard): Promise<void> => {
    if (button.url) return void console.log(`\nÖppna: ${button.url}\n`);
    const values: Record<string, string> = {};
    if (button.associatedInputs !== 'none') {
      for (const input of card.inputs) {
        let value = input.value;
        if (input.choices.length > 0) {
          input.choices.forEach((c, i) => console.log(`  ${i + 1}. ${c.title}`));
          const answer = (await ask(`${input.label} (nummer, Enter behåller): `))?.trim() ?? '';
          const chosen = input.choices[Number(answer) - 1];
          if (chosen) value = chosen.value;
        } else {
          const answer = await ask(`${input.label}${value ? ` [${value}]` : ''}: `);
          if (answer) value = answer;
        }
        values[input.id] = value;
      }
    }
    const data = { ...button.data, ...values };
    if (button.type === 'Action.Execute') {
      const response = (await post(teamsInvoke({ ...who, conversationId: cardConversation, verb: button.verb ?? '', data }))) as
        { value?: unknown } | undefined;
      const value = response?.value;
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'AdaptiveCard')
        show(value as Record<string, unknown>, cardConversation);
      else if (typeof value === 'string') console.log(`\n${value}\n`);
    } else {
      await post(teamsMessage({ ...who, conversationId: cardConversation, value: data }));
    }
    await flush();
  };

  await post(teamsInstall({ serviceUrl, conversationId, userId: user.id, aadObjectId: user.aadObjectId }));
  await flush();
  for (;;) {
    const line = await ask('du> ');
    if (line === undefined || /^\s*(exit|quit|avsluta)\s*$/i.test(line)) break;
    const number = /^\s*(\d{1,2})\s*$/.exec(line);
    const button = number && current ? current.buttons[Number(number[1]) - 1] : undefined;
    if (button && current) await press(button, current);
    else {
      await post(teamsMessage({ ...who, text: line }));
      await flush();
    }
  }
  rl.close();
  await bot?.stop();
  await connector.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
