/**
 * The follow-up round in Teams: who the person is (recorded once per turn, before any route), the
 * chat commands (command-handlers) and the card actions (card-actions, routed by card-routes),
 * each a use-case call (src/usecases, where the rules are) whose result becomes a card. What is
 * sent when is the use cases' (usecases/round-work); the RoundMessenger only sends.
 */
import { t } from '../../core/texts/catalog';
import type { TurnContext } from 'botbuilder';
import type { Answer } from '../../core/qa/answer-model';
import type { Language } from '../../core/language';
import type { Person } from '../../core/followup/model';
import { parseFollowUpCommand } from './commands';
import { isStoreOutage } from '../../usecases/store-outage';
import { RoundWork } from '../../usecases/round-work';
import { answerTypedInChat } from '../../usecases/chat-answer';
import { roleInFollowUp } from '../../usecases/role-in-follow-up';
import { askedBy, countUnknownWords } from '../../usecases/municipality-words';
import { UnknownWordsCounter } from '../../usecases/unknown-words-counter';
import { RoundMessenger } from './messenger';
import { TeamsUsers } from './teams-users';
import { CommandHandlers } from './command-handlers';
import { CardActions } from './card-actions';
import { registerCardRoutes } from './card-routes';
import { CardRefresher } from './card-refresher';
import { RateLimiter } from '../../delivery/rate-limiter';
import { notice, type Card } from './command-cards';
import { roleHelp } from './help-sections';
import { cardReply } from '../replies';
import { isSharedConversation } from '../conversation';
import { languageOf } from '../language';
import type { HelpExtras } from '../cards/answer-cards';
import type { FollowUpDeps, FollowUpParts } from './followup-turn';

export type { FollowUpDeps } from './followup-turn';

/** Where the turn hook leaves whether the bot installed its app for this person itself (no welcome then). */
const INSTALLED_BY_BOT = Symbol('installedByBot');

export class FollowUpHandlers {
  private readonly users: TeamsUsers;
  /** Proactive messages in Teams: round messages, reminders, summaries (the Notifier). */
  readonly messenger: RoundMessenger;
  /** What is sent when, decided in the use cases: sending a round, reminders, summaries, the scheduler's work. */
  readonly work: RoundWork;
  /** The words of questions that found nothing, counted in the background for admins ("okända ord"). */
  private readonly unknownWords: UnknownWordsCounter;
  private readonly commands: CommandHandlers;
  private readonly actions: CardActions;
  /** Pressed cards replaced in their message for everyone, after the press is answered. */
  private readonly refresher: CardRefresher;

  constructor(private readonly deps: FollowUpDeps) {
    // One pace for every request the bot makes to Teams on its own: proactive messages and cards replaced after a press.
    const pace = new RateLimiter(deps.sendRatePerSecond, 1);
    this.messenger = new RoundMessenger({ ...deps, people: deps.service.people, pace });
    this.refresher = new CardRefresher({ pace, logger: deps.logger, ...(deps.busy ? { busy: deps.busy } : {}) });
    this.work = new RoundWork({ ...deps, followUp: deps.service, notifier: this.messenger });
    this.unknownWords = new UnknownWordsCounter((words) => countUnknownWords(deps.service, words), deps.logger);
    this.users = new TeamsUsers(deps.service, deps.logger);
    const parts: FollowUpParts = {
      users: this.users,
      work: this.work,
      unknownWords: this.unknownWords,
      privately: (context, person, activity) => this.messenger.sendPrivately(context, person, activity),
    };
    this.commands = new CommandHandlers(deps, parts);
    this.actions = new CardActions(deps, parts);
  }

  /** Registers the turn hook and the card routes; call before the general message route, which they must precede. */
  register(): void {
    this.deps.app.turn('beforeTurn', async (context) => {
      await this.beforeTurn(context);
      return true;
    });
    registerCardRoutes(this.deps.app, this.actions, this.refresher);
    // The report's file consent card, allowed or declined (report-file.ts).
    this.deps.app.fileConsentAccept((context, _state, response) => this.actions.onReportConsent(context, response));
    this.deps.app.fileConsentDecline((context, _state, response) => this.actions.onReportConsent(context, response));
  }

  /**
   * Before every turn, once: who the person is and how to reach them later, and the team the bot
   * was added to. On an install, whether the bot installed itself for this person is asked first:
   * recording them could otherwise hide it.
   */
  async beforeTurn(context: TurnContext): Promise<void> {
    const { type, action, membersAdded, recipient } = context.activity;
    const botAdded = type === 'conversationUpdate' && (membersAdded ?? []).some((m) => m.id === recipient?.id);
    const installed = type === 'installationUpdate' && (action === 'add' || action === 'add-upgrade');
    if (botAdded) await this.users.recordTeam(context);
    if (botAdded || installed) context.turnState.set(INSTALLED_BY_BOT, await this.users.installedByBot(context));
    if (type === 'message' || type === 'invoke' || botAdded || installed) await this.users.record(context);
  }

  /** Whether the bot itself installed its app for this person lately (to send a round message): no welcome then. */
  installedByBot(context: TurnContext): boolean {
    return context.turnState.get(INSTALLED_BY_BOT) === true;
  }

  /** Waits for background work (fan-outs, counting words, replacing pressed cards) to finish: graceful shutdown and tests. */
  async idle(): Promise<void> {
    await Promise.all([this.work.idle(), this.unknownWords.flush(), this.refresher.idle()]);
  }

  /** Resolves when the cards pressed so far have been replaced in their messages (or given up): tests. */
  cardsReplaced(): Promise<void> {
    return this.refresher.idle();
  }

  /** Counts, in the background, the words of a question that found nothing (the answerer chose them), once per person and day. */
  countUnknownWords(words: string[], context: TurnContext): void {
    const from = context.activity.from;
    if (words.length > 0) this.unknownWords.add(askedBy(words, (from?.aadObjectId ?? from?.id ?? '').toLowerCase()));
  }

  private async reply(context: TurnContext, card: Card): Promise<void> {
    await context.sendActivity(cardReply(card, context.activity.channelId));
  }

  /** The user with their UPN when Teams has told it (see TeamsUsers). */
  personOf(context: TurnContext): Person {
    return this.users.personOf(context);
  }

  /** A message that reads like a follow-up answer (the use case decides): a pointer to the card; false if it is not one. */
  async onAnswerInChat(context: TurnContext, text: string, planAnswer: Answer['kind']): Promise<boolean> {
    const lang = languageOf(context);
    let found: Awaited<ReturnType<typeof answerTypedInChat>>;
    try {
      found = await answerTypedInChat(this.deps.service, this.personOf(context), text, planAnswer);
    } catch (error) {
      if (!isStoreOutage(error)) throw error;
      return false; // the plain "nothing in the plan" answer is better than none
    }
    if (!found) return false;
    // In a group the pointer names no unit or deadline of the person's: those are for their personal chat.
    const pointer = isSharedConversation(context)
      ? t('answerInChatGroup', lang, { year: found.year })
      : t('answerInChat', lang, { year: found.year, units: found.units.join(', '), deadline: found.deadline });
    await this.reply(context, notice(pointer));
    return true;
  }

  /** Handles a follow-up command in a message; false if the text is not one. */
  async onMessage(context: TurnContext, text: string): Promise<boolean> {
    const command = parseFollowUpCommand(text);
    if (!command) return false;
    const lang = languageOf(context);
    const user = this.personOf(context);
    const card = await this.commands.cardFor(context, command, user, lang);
    if (!card) return false; // a status view asked by someone outside the follow-up: a question about the plan
    // Answer forms, summaries, contacts' e-mails and answers are for the person, not for everyone in a group.
    if (isSharedConversation(context)) {
      await this.reply(context, notice(await this.commands.sendPrivately(context, card, lang)));
      return true;
    }
    await this.reply(context, card);
    return true;
  }

  /** The help card's part for this person: their own round, an admin's commands (usecases/role-in-follow-up). */
  /** `brief`: for a greeting, only the person's own round, not an admin's commands. */
  async roleHelp(context: TurnContext, lang: Language, brief = false): Promise<HelpExtras | undefined> {
    try {
      return roleHelp(await roleInFollowUp(this.deps.service, this.personOf(context)), lang, brief);
    } catch (error) {
      if (!isStoreOutage(error)) throw error;
      return undefined; // the plan's help is still worth having while the store is down
    }
  }
}
