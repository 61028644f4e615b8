/**
 * What the follow-up's command and card handlers share in Teams: the dependencies, the use cases'
 * proactive work, who the person is, the cards of contacts and words, and the one place where a
 * store that fails becomes the user's "try again".
 */

import { t } from '../../core/texts/catalog';
import type { Activity, TurnContext } from 'botbuilder';
import { cardReply } from '../replies';
import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../../log';
import type { Language } from '../../core/language';
import type { Person } from '../../core/followup/model';
import type { FollowUp } from '../../usecases/follow-up';
import { isStoreOutage, storeOutageStatus } from '../../usecases/store-outage';
import { roundCardFromView } from './round-cards';
import { contactsCard, glossaryCard, notice, wordsCard, type Card, type FormNotice } from './command-cards';
import { glossaryOverview } from '../../usecases/glossary';
import { refusalCard } from './refusals';
import { TeamsUsers } from './teams-users';
import type { PeopleDirectory } from '../../usecases/people-directory';
import { listContacts } from '../../usecases/manage-contacts';
import { wordsOverview } from '../../usecases/municipality-words';
import { UnknownWordsCounter } from '../../usecases/unknown-words-counter';
import { myRound } from '../../usecases/work-through-round';
import type { SendingLeaseOptions } from '../../usecases/sending-lease';
import { RoundWork } from '../../usecases/round-work';
import { type Diagnostics } from '../../usecases/diagnose';
import type { RetentionPolicy } from '../../usecases/retention';

export interface FollowUpDeps {
  app: Application;
  adapter: TeamsAdapter;
  service: FollowUp;
  logger: Logger;
  botAppId: string;
  instanceId: string;
  reminderDaysBefore: number[];
  /** Pacing of proactive sends: Teams allows 50 requests per second per tenant. */
  sendRatePerSecond: number;
  /** The sending lease's options (usecases/sending-lease): how long a crashed sender keeps the others waiting. */
  sendingLease?: SendingLeaseOptions;
  /** The bot's own public address, for report links (…/reports/<token>). */
  publicUrl: string;
  reportLinkTtlMs: number;
  /** How an exported report reaches the admin (config.ts): a file consent, or a one-time link. */
  reportDelivery: 'file' | 'link';
  /** REPORT_PERSON_NAMES: whether report files name people. */
  reportPersonNames?: boolean;
  /** No credentials: the local stand-ins on this machine are trusted (an upload to 127.0.0.1). */
  localMode: boolean;
  /** The organization's directory (Graph); NO_DIRECTORY without it. */
  directory: PeopleDirectory;
  /** Called when an admin changed the glossary or the municipality's words: the answers use them from now on. */
  refreshAnswers?: () => Promise<void>;
  /** The doctor's checks for an admin's `diagnos` (src/doctor/); absent, the command says it is not available. */
  diagnostics?: Diagnostics;
  /** How long chat records and gone contacts are kept (RETAIN_* settings). */
  retention?: RetentionPolicy;
  /** Whether the bot is answering someone now (turns in flight): updates nobody waits for let them go first. */
  busy?: () => boolean;
}

/** The unknown words listed: the most asked; a card of 300 would be read by nobody. */
const UNKNOWN_WORDS_SHOWN = 25;

/** The parts a handler works with, made once per bot by FollowUpHandlers. */
export interface FollowUpParts {
  users: TeamsUsers;
  work: RoundWork;
  unknownWords: UnknownWordsCounter;
  /** Sends to the person's personal chat with the bot (opening it when needed); false when it cannot. */
  privately: (context: TurnContext, person: Person, activity: Partial<Activity>) => Promise<boolean>;
}

export abstract class FollowUpTurn {
  protected readonly users: TeamsUsers;
  protected readonly work: RoundWork;
  protected readonly unknownWords: UnknownWordsCounter;
  private readonly privately: FollowUpParts['privately'];

  constructor(
    protected readonly deps: FollowUpDeps,
    parts: FollowUpParts,
  ) {
    ({ users: this.users, work: this.work, unknownWords: this.unknownWords, privately: this.privately } = parts);
  }

  /** A card for the person alone, asked for in a group: sent to their personal chat; what to say in the group. */
  async sendPrivately(context: TurnContext, card: Card, lang: Language): Promise<string> {
    const sent = await this.privately(context, this.personOf(context), cardReply(card, context.activity.channelId));
    const bot = context.activity.recipient?.name || 'Trygghetsboten';
    return t(sent ? 'sentPrivately' : 'openPersonalChat', lang, { bot });
  }

  /** The user with their UPN when Teams has told it (see TeamsUsers). */
  personOf(context: TurnContext): Person {
    return this.users.personOf(context);
  }

  /**
   * The one place where a store that fails (throttled, down) becomes the user's "try again" card,
   * for every command and card action. Anything else is a bug and goes to the turn's error handler.
   */
  protected async storeGuard(lang: Language, what: string, work: () => Promise<Card>): Promise<Card> {
    try {
      return await work();
    } catch (error) {
      if (!isStoreOutage(error)) throw error;
      this.deps.logger.error({ event: 'store-error', status: storeOutageStatus(error), what, err: error }, 'store failed');
      return notice(t('storeDown', lang));
    }
  }

  /** Like storeGuard, for a card with a form: the outage is said in a message, and the card (and what is typed in it) stays. */
  protected async storeGuardKeepingCard(lang: Language, what: string, work: () => Promise<Card | string>): Promise<Card | string> {
    try {
      return await work();
    } catch (error) {
      if (!isStoreOutage(error)) throw error;
      this.deps.logger.error({ event: 'store-error', status: storeOutageStatus(error), what, err: error }, 'store failed');
      return t('storeDown', lang);
    }
  }

  /** The contacts per unit (`unit` first, or only `only`), with a form to change one unit's contacts (for an admin: the caller checked). */
  protected async contactsCard(user: Person, lang: Language, noticeText?: FormNotice, only?: string, first?: string): Promise<Card> {
    const listed = await listContacts(this.deps.service, user);
    const domain = user.upn?.split('@')[1];
    return listed.ok ? contactsCard(listed, lang, noticeText, { only, first, ...(domain ? { domain } : {}) }) : refusalCard(listed, lang);
  }

  /** For an admin: the unknown words, the words given and a form to give one; a refusal for others. */
  protected async wordsCard(user: Person, lang: Language, noticeText?: FormNotice): Promise<Card> {
    const overview = await wordsOverview(this.deps.service, user);
    return overview.ok
      ? wordsCard({ unknown: overview.unknown.slice(0, UNKNOWN_WORDS_SHOWN), given: overview.given }, lang, noticeText)
      : refusalCard(overview, lang);
  }

  protected async glossaryCard(user: Person, lang: Language, noticeText?: FormNotice): Promise<Card> {
    return glossaryCard(await glossaryOverview(this.deps.service, user), lang, noticeText);
  }

  protected async myRoundCard(context: TurnContext, lang: Language): Promise<Card> {
    const result = await myRound(this.deps.service, this.personOf(context));
    if (!result.ok) return refusalCard(result, lang);
    return roundCardFromView(result.view, lang, [context.activity.from?.id ?? ''].filter(Boolean));
  }
}
