/**
 * The Teams adapter: a teams-ai Application on botbuilder's CloudAdapter. It routes activities
 * to the core (question answering) and renders the answers; nothing about the plan lives here.
 */
import { t } from '../core/texts/catalog';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Application } from '@microsoft/teams-ai';
import { BotAdapter, publicCloudWithKeysFrom } from './bot-adapter';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { QuestionAnswerer } from '../usecases/live-answerer';
import { answerReply, helpReply, plainReply } from './replies';
import type { HelpKind } from './cards/answer-cards';
import { isSharedConversation } from './conversation';
import { groupHelp } from './followup/help-sections';
import type { Language } from '../core/language';
import { actionLanguage, languageOf } from './language';
import { FollowUpHandlers } from './followup/followup-handlers';
import { TeamsRosters } from './followup/team-rosters';
import { NO_DIRECTORY, type PeopleDirectory } from '../usecases/people-directory';
import type { Diagnostics } from '../usecases/diagnose';
import type { FollowUp } from '../usecases/follow-up';

export interface TeamsBot {
  adapter: BotAdapter;
  app: Application;
  followUp: FollowUpHandlers | undefined;
  /** True when no app id is configured and requests are not authenticated. */
  localMode: boolean;
  /** What a card action refused for coming too fast shows the person, in the card's language. */
  tooManyActions(cardData: unknown, seconds: number): string;
}

/** Remembers recent welcomes, since Teams announces one install with both conversationUpdate and installationUpdate. */
class RecentSet {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 5000,
  ) {}
  /** Adds the key; false if it was already there and fresh. */
  add(key: string, now = Date.now()): boolean {
    const at = this.seen.get(key);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.set(key, now);
    if (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value as string);
    return true;
  }
}

/** The question in a message: its text, or the question a card button submitted. */
function questionOf(context: TurnContext): string | undefined {
  const activity = context.activity;
  if (typeof activity.text === 'string' && activity.text.trim() !== '') return activity.text;
  const value = activity.value as { question?: unknown } | undefined;
  if (value && typeof value.question === 'string') return value.question;
  if (typeof activity.text === 'string') return activity.text;
  return undefined;
}

export function createTeamsBot(
  config: Config,
  answerer: QuestionAnswerer,
  logger: Logger,
  service?: FollowUp,
  directory: PeopleDirectory = NO_DIRECTORY,
  diagnostics?: Diagnostics,
): TeamsBot {
  const localMode = config.microsoftAppId === '';
  const adapter = new BotAdapter({
    MicrosoftAppId: config.microsoftAppId,
    MicrosoftAppPassword: config.microsoftAppPassword,
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId,
    ...(config.botOpenIdMetadata ? publicCloudWithKeysFrom(config.botOpenIdMetadata) : {}),
  });
  const app = new Application({
    adapter,
    botAppId: config.microsoftAppId,
    // No turn-state storage: answering needs none, and an in-memory store would keep a record
    // for every conversation the bot ever saw. The follow-up round keeps its data in its own store.
    removeRecipientMention: true,
    startTypingTimer: false,
  });
  const welcomed = new RecentSet(5 * 60_000);
  // The follow-up's card routes go first: teams-ai takes the first route that matches.
  // The directory (Graph, or none) with the rosters of the teams the bot is in, asked first.
  const people: PeopleDirectory | undefined = service && {
    available: directory.available,
    findByUpn: (upn) => directory.findByUpn(upn),
    installApp: (id) => directory.installApp(id),
    rosters: new TeamsRosters(adapter, config.microsoftAppId, service, logger),
  };
  const followUp = service
    ? new FollowUpHandlers({
        app,
        adapter,
        service,
        logger,
        botAppId: config.microsoftAppId,
        instanceId: config.instanceId,
        reminderDaysBefore: config.reminderDaysBefore,
        sendRatePerSecond: config.sendRatePerSecond,
        sendingLease: { ttlMs: config.sendingLeaseMs },
        publicUrl: config.publicUrl || `http://localhost:${config.port}`,
        reportLinkTtlMs: config.reportLinkTtlMs,
        reportDelivery: config.reportDelivery,
        reportPersonNames: config.reportPersonNames,
        retention: config.retention,
        busy: () => adapter.turnsInFlight > 0,
        localMode,
        directory: people ?? directory,
        refreshAnswers: () => answerer.refresh?.() ?? Promise.resolve(),
        ...(diagnostics ? { diagnostics } : {}),
      })
    : undefined;
  followUp?.register();

  /**
   * The welcome or the help card with what is this person's: in a group, how to talk to the bot
   * there (@mention; the follow-up only in personal chat); in a personal chat, their own round or
   * an admin's commands.
   */
  const helpFor = async (context: TurnContext, language: Language, kind: HelpKind) => {
    const extras = isSharedConversation(context)
      ? groupHelp(context.activity.recipient?.name || 'Trygghetsboten', language)
      : await followUp?.roleHelp(context, language, kind === 'greeting');
    return helpReply(language, answerer.help(language), context.activity.channelId, kind, extras);
  };

  const welcome = async (context: TurnContext, trigger: string): Promise<void> => {
    const conversationId = context.activity.conversation?.id ?? '';
    if (!welcomed.add(conversationId)) return;
    await context.sendActivity(await helpFor(context, languageOf(context), 'welcome'));
    logger.info({ event: 'welcome', trigger, conversationId, channelId: context.activity.channelId }, 'welcome sent');
  };

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) {
      // The bot installed itself for this person to send a round message: that message is the welcome.
      // (Who they are and the team were recorded by the turn hook: FollowUpHandlers.beforeTurn.)
      if (!followUp?.installedByBot(context)) await welcome(context, 'conversationUpdate');
    }
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = String(context.activity.action ?? '');
    if (action === 'add' || action === 'add-upgrade') {
      if (!followUp?.installedByBot(context)) await welcome(context, 'installationUpdate');
    } else logger.info({ event: 'installation', action, conversationId: context.activity.conversation?.id }, 'installation update');
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const started = performance.now();
    const question = questionOf(context);
    const channelId = context.activity.channelId;
    if (question === undefined) {
      const language = languageOf(context);
      await context.sendActivity(plainReply(t('unsupported', language), channelId));
      logger.info({ event: 'unsupported-message', conversationId: context.activity.conversation?.id }, 'message without text');
      return;
    }
    if (followUp && (await followUp.onMessage(context, question))) return;
    const answer = answerer.answer(question);
    if (followUp && (await followUp.onAnswerInChat(context, question, answer.kind))) {
      logger.info(
        { event: 'answer-in-chat', conversationId: context.activity.conversation?.id },
        'follow-up answer typed in the chat: pointed to the card',
      );
      return;
    }
    await context.sendActivity(
      answer.kind === 'help'
        ? await helpFor(context, answer.language, answer.greeting ? 'greeting' : 'help')
        : answerReply(answer, channelId),
    );
    followUp?.countUnknownWords(answerer.wordsToCount?.(question, answer) ?? [], context);
    logger.info(
      {
        event: 'answer',
        kind: answer.kind,
        reason: answer.kind === 'not-found' ? answer.reason : undefined,
        language: answer.language,
        questionLength: question.length,
        conversationId: context.activity.conversation?.id,
        activityId: context.activity.id,
        ms: Math.round((performance.now() - started) * 100) / 100,
      },
      'question answered',
    );
  });

  app.error(async (context, error) => {
    logger.error(
      { event: 'turn-error', err: error, conversationId: context.activity.conversation?.id, activityType: context.activity.type },
      'turn failed',
    );
    try {
      await context.sendActivity(plainReply(t('errorGeneric', languageOf(context)), context.activity.channelId));
    } catch (sendError) {
      logger.error({ event: 'error-reply-failed', err: sendError }, 'could not tell the user about the error');
    }
  });

  const tooManyActions = (cardData: unknown, seconds: number) => t('tooManyActions', actionLanguage(cardData), { seconds });
  return { adapter, app, localMode, followUp, tooManyActions };
}
