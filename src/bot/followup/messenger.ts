/**
 * The Notifier in Teams: sends the follow-up's proactive messages (the round message, reminders,
 * summaries, the delivery summary to the admin who started a round) where each person is, opening
 * a 1:1 chat when needed, at the pace Teams allows. Who gets what and when is decided in the use
 * cases (usecases/round-work); here is only how it reaches Teams.
 */
import { t } from '../../core/texts/catalog';
import type { TurnContext, ConversationReference, Activity } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../../log';
import type { Language } from '../../core/language';
import type { Person, Round } from '../../core/followup/model';
import { roundLabel } from '../../core/followup/periods';
import { notice } from './command-cards';
import { teamsOrigin, type TeamsRoundOrigin } from './teams-origin';
import type { SummaryReason } from '../../core/followup/schedule';
import type { PeopleRecords, UserRecord } from '../../usecases/ports';
import { type Notifier, type RoundSummary } from '../../usecases/notifier';
import { personalChatOf, rememberUser } from '../../usecases/remember-user';
import { NO_CHAT } from '../../usecases/deliver-round';
import { userFor } from '../../usecases/assess-reach';
import type { RoundView } from '../../usecases/round-view';
import type { Recipient, FanOutSummary, SentMessage } from '../../usecases/fan-out';
import { SendError, classify, retryAfterFrom } from '../../delivery/retry';
import type { RateLimiter } from '../../delivery/rate-limiter';
import { cardAttachment } from '../cards/render';
import { withoutSdkRetries } from '../connector-retries';
import { messageCard } from '../cards/answer-cards';
import { roundCardFromView } from './round-cards';
import { summaryCard } from './summary-card';

export interface MessengerDeps {
  adapter: TeamsAdapter;
  botAppId: string;
  /** Where each person's chat with the bot is kept. */
  people: PeopleRecords;
  logger: Logger;
  /** The pace of requests to Teams (50 a second per tenant), shared with the cards replaced after a press. */
  pace: RateLimiter;
}

/** What Teams says of a member of a chat the bot opened: their Teams id and sign-in name. */
interface ChatMember {
  id?: string;
  userPrincipalName?: string;
  email?: string;
}

/** A chat opened for a person whose send has not succeeded yet. */
interface OpenedChat {
  conversationId: string;
  member?: ChatMember;
  /** How often asking Teams for the member failed briefly. */
  memberTries?: number;
}

/** Opened chats kept for a retry at most (people whose send failed at the last step). */
const MAX_OPENED_CHATS_KEPT = 10_000;

export function toSendError(error: unknown): SendError {
  const e = error as {
    statusCode?: number;
    message?: string;
    response?: { headers?: { get?: (n: string) => string | undefined } | Record<string, string> };
  };
  const headers = e.response?.headers;
  const retryAfter =
    headers && typeof (headers as { get?: unknown }).get === 'function'
      ? (headers as { get: (n: string) => string | undefined }).get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  return new SendError(e.message ?? String(error), e.statusCode, retryAfterFrom(retryAfter));
}

export class RoundMessenger implements Notifier {
  /** Every proactive request, paced evenly (no burst: Teams counts requests in any one-second window). */
  private readonly limiter: RateLimiter;
  /**
   * Chats opened (and Teams ids asked) for people whose send then failed, by Entra id: the fan-out's
   * retry goes on from there instead of opening the chat again (each step is a paced request).
   */
  private readonly openedChats = new Map<string, OpenedChat>();

  constructor(private readonly deps: MessengerDeps) {
    this.limiter = deps.pace;
  }

  /** Notifier: the delivery summary, in the chat where the admin started the round. */
  async sendDeliverySummary(round: Round, summary: FanOutSummary, lang: Language): Promise<void> {
    const origin = teamsOrigin(round.origin);
    if (!origin) return;
    const { unreachablePeople, failedPeople, deliveredPeople, ...counts } = summary;
    const text = t('deliverySummary', lang, { year: round.year, ...counts });
    // Every person not reached, by name and why: a count alone hides who has to be reached another way.
    const lines = unreachablePeople.map(({ person, problem }) =>
      t('unreachablePerson', lang, { who: person.upn ?? person.name ?? person.aadObjectId ?? '?', why: t(`reach.${problem}`, lang) }),
    );
    // A later pass that reached someone says whom: "1 levererade" alone told the admin nothing.
    if (summary.alreadyDone > 0)
      for (const person of deliveredPeople)
        lines.push(t('deliveredPerson', lang, { who: person.upn ?? person.name ?? person.aadObjectId ?? '?' }));
    for (const { person, error } of failedPeople)
      lines.push(t('failedPerson', lang, { who: person.upn ?? person.name ?? person.aadObjectId ?? '?', error: error.slice(0, 120) }));
    await this.sendInChat(originReference(origin), { type: 'message', attachments: [cardAttachment(messageCard(text, lines))] });
  }

  /** Notifier: the round message, in the chat the person has with the bot, or a new 1:1 chat by their Entra id. */
  async sendRoundMessage(to: Recipient, view: RoundView, lang: Language, ready: () => Promise<void>): Promise<SentMessage> {
    const { reachAs } = to;
    const limiter = this.limiter;
    const user = await userFor(this.deps.people, to);
    const origin = teamsOrigin(view.round.origin);
    if (!origin) throw new SendError('the round was not started from Teams: no way to open a chat', 400);
    // The text is what Teams shows in the notification and the chat list (a card alone: "sent a card").
    const text = t('roundMessageText', lang, { year: view.round.year, units: view.units.join(', '), deadline: view.round.deadline });
    const activityWith = (refreshIds: string[]) => ({
      type: 'message',
      text,
      summary: text,
      attachments: [cardAttachment(roundCardFromView(view, lang, refreshIds, { intro: true }))],
    });
    let sent: SentMessage = {};
    try {
      if (user?.conversationId && user.serviceUrl) {
        await limiter.acquire();
        await ready();
        const activity = activityWith(user.teamsUserId ? [user.teamsUserId] : []);
        const activityId = await this.sendInChat(chatReference(user, { id: origin.botId, name: origin.botName ?? '' }), activity, true);
        sent = { conversationId: user.conversationId, activityId };
      } else if (reachAs) {
        sent = await this.openChatAndSend(origin, reachAs, to.person.name ?? '', activityWith, ready);
      } else {
        throw new SendError(`${NO_CHAT}: no chat with this person yet and no Entra object id to start one`, 404);
      }
    } catch (error) {
      throw error instanceof SendError ? error : toSendError(error);
    }
    return sent;
  }

  /**
   * Opens a 1:1 chat with the person (their Entra id), asks Teams their id in it (so the card
   * refreshes for them), and sends. Three requests, each paced by the fan-out's limiter, through a
   * connector client without the SDK's own unpaced retries: the fan-out retries, paced.
   */
  private async openChatAndSend(
    origin: TeamsRoundOrigin,
    aadObjectId: string,
    name: string,
    activityWith: (refreshIds: string[]) => Partial<Activity>,
    ready: () => Promise<void>,
  ): Promise<SentMessage> {
    const { adapter, botAppId } = this.deps;
    const limiter = this.limiter;
    const tenantId = origin.tenantId;
    let outcome: { sent?: SentMessage; failure?: unknown } = {};
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: origin.serviceUrl,
      bot: { id: origin.botId, name: origin.botName ?? '' },
      conversation: { id: '', isGroup: false, conversationType: 'personal', tenantId, name: '' },
    };
    const key = `${origin.serviceUrl} ${aadObjectId}`;
    await adapter.continueConversationAsync(botAppId, reference, async (ctx) => {
      try {
        const client = connectorOf(ctx, adapter);
        // A retry after a failed step goes on from the last step that succeeded.
        let opened = this.openedChats.get(key);
        if (!opened) {
          await limiter.acquire();
          const created = await client.conversations.createConversation(
            oneToOne({ id: origin.botId, name: origin.botName ?? '' }, { id: aadObjectId, name }, tenantId),
          );
          opened = { conversationId: created.id ?? '' };
          this.rememberOpenedChat(key, opened);
        }
        const conversationId = opened.conversationId;
        if (!opened.member) {
          await limiter.acquire();
          // Teams' id for the person, for the card's refresh. A brief failure (503, 429) is tried again
          // with the send, once; a second one, or one that says no (403, 404), leaves the card without
          // refresh, but sent.
          const chat = opened;
          chat.member = (await client.conversations.getConversationMember(conversationId, aadObjectId).catch((error: unknown) => {
            chat.memberTries = (chat.memberTries ?? 0) + 1;
            if (classify(error) === 'retry' && chat.memberTries < 2) throw error;
            return {};
          })) as ChatMember;
        }
        const member = opened.member;
        await limiter.acquire();
        await ready();
        const response = await client.conversations.sendToConversation(conversationId, activityWith(member?.id ? [member.id] : []));
        this.openedChats.delete(key);
        outcome = {
          sent: {
            conversationId,
            activityId: response.id,
            openedChat: {
              conversationId,
              serviceUrl: origin.serviceUrl,
              tenantId,
              teamsUserId: member?.id,
              upn: (member?.userPrincipalName ?? member?.email)?.toLowerCase() || undefined,
            },
          },
        };
      } catch (error) {
        outcome = { failure: error };
      }
    });
    if (outcome.failure !== undefined) throw outcome.failure;
    return outcome.sent!;
  }

  /** Kept until the send succeeds; bounded, so that people who are never reached do not pile up. */
  private rememberOpenedChat(key: string, chat: OpenedChat): void {
    if (this.openedChats.size >= MAX_OPENED_CHATS_KEPT) this.openedChats.delete(this.openedChats.keys().next().value!);
    this.openedChats.set(key, chat);
  }

  /**
   * Sends what a person asked for in a group chat or channel to their 1:1 chat with the bot: the
   * one stored, else one opened now (Teams lets a bot open it with a member of a chat it is in),
   * which is kept for next time. False when no personal chat could be reached.
   */
  async sendPrivately(context: TurnContext, person: Person, activity: Partial<Activity>): Promise<boolean> {
    const { people, logger } = this.deps;
    try {
      const chat = await personalChatOf(people, person);
      if (chat) {
        await this.sendInChat(chatReference(chat), activity);
        return true;
      }
      const turn = context.activity;
      const tenantId = turn.conversation?.tenantId ?? (turn.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
      const client = context.turnState.get(this.deps.adapter.ConnectorClientKey) as ConnectorClient;
      const created = await client.conversations.createConversation(
        oneToOne(turn.recipient, { id: turn.from.id, name: turn.from.name ?? '' }, tenantId),
      );
      const conversationId = created.id ?? '';
      await client.conversations.sendToConversation(conversationId, activity as Activity);
      await rememberUser(people, {
        person,
        conversationId,
        serviceUrl: turn.serviceUrl,
        tenantId,
        teamsUserId: turn.from.id,
        ...(turn.locale ? { locale: turn.locale } : {}),
      }).catch((error: unknown) => logger.warn({ event: 'user-record-failed', err: error }, 'could not keep the opened chat'));
      return true;
    } catch (error) {
      logger.warn({ event: 'private-send-failed', err: (error as Error).message }, 'could not reach the person in a personal chat');
      return false;
    }
  }

  /** Notifier: the summary card, with a line saying why it comes now. */
  async sendSummary(to: Person, summary: RoundSummary, reason: SummaryReason, lang: Language): Promise<void> {
    const chat = await this.chatOf(to);
    const intro = t(reason === 'weekly' ? 'summaryWeekly' : reason === 'complete' ? 'summaryComplete' : 'summaryClosed', lang, {
      year: summary.report.year,
    });
    await this.limiter.acquire();
    await this.sendInChat(chatReference(chat), { type: 'message', text: intro, attachments: [cardAttachment(summaryCard(summary, lang))] });
  }

  /** Notifier: the round card where the person is, with the reminder on it. */
  async sendReminder(to: Person, view: RoundView, lang: Language): Promise<void> {
    const chat = await this.chatOf(to);
    const { round, progress } = view;
    const notice = {
      text: t('reminder', lang, { year: round.year, answered: progress.answered, total: progress.total, deadline: round.deadline }),
      // At the top, where the card starts: not in red by the fields, where refusals stand (#25).
      kind: 'info' as const,
    };
    const card = roundCardFromView(view, lang, chat.teamsUserId ? [chat.teamsUserId] : [], { notice, intro: true });
    await this.limiter.acquire();
    await this.sendInChat(chatReference(chat), {
      type: 'message',
      text: notice.text,
      summary: notice.text,
      attachments: [cardAttachment(card)],
    });
  }

  /** Notifier: the round has closed, to someone who had not finished; in their chat with the bot. */
  async sendClosedNotice(to: Person, round: Round, askWho: string, lang: Language): Promise<void> {
    const chat = await this.chatOf(to);
    const text = t('closedNotice', lang, {
      year: roundLabel(round.year),
      date: (round.closedAt ?? new Date().toISOString()).slice(0, 10),
      askWho: askWho || t('askAdmin', lang),
    });
    await this.limiter.acquire();
    await this.sendInChat(chatReference(chat), { type: 'message', text, summary: text, attachments: [cardAttachment(notice(text))] });
  }

  /** The person's 1:1 chat with the bot; a SendError when there is none (the use case counted those before). */
  private async chatOf(person: Person): Promise<UserRecord & { conversationId: string; serviceUrl: string }> {
    const chat = await personalChatOf(this.deps.people, person);
    if (!chat) throw new SendError(`${NO_CHAT}: no chat with this person yet`, 404);
    return chat;
  }

  /**
   * Sends an activity into a chat proactively and returns its id. A failure is rethrown to the
   * caller: inside the callback it would reach the adapter's turn-error handler, which would answer
   * the user, instead of the caller, which retries or reports.
   */
  private async sendInChat(
    reference: Partial<ConversationReference>,
    activity: Partial<Activity>,
    paced = false,
  ): Promise<string | undefined> {
    const { adapter, botAppId } = this.deps;
    let failure: unknown;
    let id: string | undefined;
    await adapter.continueConversationAsync(botAppId, reference, async (ctx) => {
      try {
        if (paced) withoutSdkRetries(ctx.turnState.get(adapter.ConnectorClientKey) as ConnectorClient);
        id = (await ctx.sendActivity(activity))?.id;
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
    return id;
  }
}

/** What Teams needs to open (or find again) the 1:1 chat between the bot and one person. */
function oneToOne(bot: { id: string; name?: string }, member: { id: string; name: string }, tenantId: string | undefined): never {
  return { isGroup: false, bot, members: [member], tenantId, channelData: { tenant: { id: tenantId } } } as never;
}

/** A user's 1:1 chat with the bot, from their stored record. */
function chatReference(user: UserRecord, bot?: { id: string; name: string }): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: user.serviceUrl,
    conversation: { id: user.conversationId ?? '', isGroup: false, conversationType: 'personal', tenantId: user.tenantId, name: '' },
    ...(bot ? { bot } : {}),
    user: { id: user.teamsUserId ?? '', name: user.person.name ?? '' },
  };
}

/** The turn's Bot Connector client, without the SDK's own retries. */
function connectorOf(ctx: TurnContext, adapter: TeamsAdapter): ConnectorClient {
  const connector = ctx.turnState.get(adapter.ConnectorClientKey) as ConnectorClient;
  withoutSdkRetries(connector);
  return connector;
}

/** The admin's chat where the round was started, for the delivery summary. */
function originReference(origin: TeamsRoundOrigin): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: origin.serviceUrl,
    bot: { id: origin.botId, name: origin.botName ?? '' },
    user: { id: origin.adminUserId ?? '', name: '' },
    conversation: { id: origin.adminConversationId, isGroup: false, conversationType: 'personal', tenantId: origin.tenantId, name: '' },
    locale: origin.locale,
  };
}
