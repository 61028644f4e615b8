/**
 * The follow-up round in Teams: each command and card action becomes a use-case call
 * (src/usecases, where the rules are) and its result a card (command-cards, round-cards,
 * summary-card). Who the person is: TeamsUsers; proactive messages: the RoundMessenger.
 */
import type { Answer } from '../../core/qa/answer-model';
import type { TurnContext } from 'botbuilder';
import type { Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../../log';
import type { Language } from '../../core/language';
import { parseFollowUpCommand, type FollowUpCommand } from '../../core/followup/commands';
import type { Person } from '../../core/followup/model';
import type { TeamsRoundOrigin } from './teams-origin';
import type { FollowUp } from '../../usecases/follow-up';
import { isStoreOutage, storeOutageStatus } from '../../usecases/store-outage';
import { expandCard } from '../cards/render';
import { roundCardFromView, roundConfirmCard } from './round-cards';
import { RoundMessenger } from './messenger';
import { refusalText as answerRefusalText, t } from './texts';
import { cardReply } from '../replies';
import { registerCardRoutes } from './card-routes';
import { isSharedConversation } from '../conversation';
import type { HelpExtras } from '../cards/answer-cards';
import { roleHelp } from './help-sections';
import { roleInFollowUp } from '../../usecases/role-in-follow-up';
import { actionLanguage, languageOf } from '../language';
import { remindConfirmCard, summaryCard } from './summary-card';
import { contactsCard, notice, refusalCard, refusalText, statusCard, wordsCard, type Card, type FormNotice } from './command-cards';
import { TeamsUsers } from './teams-users';
import type { Refusal } from '../../usecases/result';
import { prepareRound } from '../../usecases/prepare-round';
import type { PeopleDirectory } from '../../usecases/people-directory';
import { startRound } from '../../usecases/start-round';
import { chooseReminderRound } from '../../usecases/choose-reminder-round';
import { addContacts, listContacts, removeContact, replaceUnitContacts } from '../../usecases/manage-contacts';
import { grantAdmin, revokeAdmin, setSafetyChief } from '../../usecases/manage-roles';
import { viewStatus } from '../../usecases/view-status';
import { glossaryEntries, setGlossaryExpansion } from '../../usecases/glossary';
import {
  countUnknownWords,
  municipalityWords,
  removeMunicipalityWord,
  setMunicipalityWord,
  wordsOverview,
} from '../../usecases/municipality-words';
import { UnknownWordsCounter } from '../../usecases/unknown-words-counter';
import { messageCard } from '../cards/answer-cards';
import { summarizeRound } from '../../usecases/summarize-round';
import { exportReport } from '../../usecases/export-report';
import { moveInRound, myRound, roundForUnit } from '../../usecases/work-through-round';
import { answerTypedInChat } from '../../usecases/chat-answer';
import { RoundWork } from '../../usecases/round-work';
import type { RoundView } from '../../usecases/round-view';
import { diagnose, type Diagnostics } from '../../usecases/diagnose';
import { diagnosisCard } from './diagnosis-card';

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
  /** The bot's own public address, for report links (…/reports/<token>). */
  publicUrl: string;
  reportLinkTtlMs: number;
  /** The organization's directory (Graph); NO_DIRECTORY without it. */
  directory: PeopleDirectory;
  /** Called when an admin changed the glossary or the municipality's words: the answers use them from now on. */
  refreshAnswers?: () => Promise<void>;
  /** The doctor's checks for an admin's `diagnos` (src/doctor/); absent, the command says it is not available. */
  diagnostics?: Diagnostics;
}

/** The unknown words listed: the most asked; a card of 300 would be read by nobody. */
const UNKNOWN_WORDS_SHOWN = 25;

/** A report format as people know it. */
const FORMAT_NAMES = { xlsx: 'Excel', md: 'Markdown', docx: 'Word' } as const;

export class FollowUpHandlers {
  private readonly users: TeamsUsers;
  /** Proactive messages in Teams: round messages, reminders, summaries (the Notifier). */
  readonly messenger: RoundMessenger;
  /** What is sent when, decided in the use cases: sending a round, reminders, summaries, the scheduler's work. */
  readonly work: RoundWork;
  /** The words of questions that found nothing, counted in the background for admins ("okända ord"). */
  private readonly unknownWords: UnknownWordsCounter;

  constructor(private readonly deps: FollowUpDeps) {
    this.messenger = new RoundMessenger({ ...deps, people: deps.service.people });
    this.work = new RoundWork({ ...deps, followUp: deps.service, notifier: this.messenger });
    this.unknownWords = new UnknownWordsCounter((words) => countUnknownWords(deps.service, words), deps.logger);
    this.users = new TeamsUsers(deps.service, deps.logger);
  }

  /** Registers the card routes (card-routes.ts); call before the general message route, which they must precede. */
  register(): void {
    registerCardRoutes(this.deps.app, this);
  }

  /** Waits for background work (fan-outs, counting words) to finish: graceful shutdown and tests. */
  async idle(): Promise<void> {
    await Promise.all([this.work.idle(), this.unknownWords.flush()]);
  }

  /** Counts, in the background, the words of a question that found nothing (the answerer chose them). */
  countUnknownWords(words: string[]): void {
    this.unknownWords.add(words);
  }

  private async reply(context: TurnContext, card: Card): Promise<void> {
    await context.sendActivity(cardReply(card, context.activity.channelId));
  }

  /** The user with their UPN when Teams has told it (see TeamsUsers). */
  personOf(context: TurnContext): Person {
    return this.users.personOf(context);
  }

  /** Keeps the team the bot was just added to (its roster helps find contacts given by e-mail). */
  recordTeam(context: TurnContext): Promise<void> {
    return this.users.recordTeam(context);
  }

  /** Whether the bot itself installed its app for this person lately (to send a round message). */
  installedByBot(context: TurnContext): Promise<boolean> {
    return this.users.installedByBot(context);
  }

  /** Remembers how to reach the user proactively (see TeamsUsers). */
  recordUser(context: TurnContext): Promise<void> {
    return this.users.record(context);
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
    let planQuestion = false;
    const card = await this.storeGuard(lang, command.kind, async () => {
      const commandCard = await this.runCommand(context, command, user, lang);
      planQuestion = commandCard === undefined;
      return commandCard ?? notice('');
    });
    if (planQuestion) return false; // a status view asked by someone outside the follow-up: a question about the plan
    // Answer forms, summaries, contacts' e-mails and answers are for the person, not for everyone in a group.
    if (isSharedConversation(context)) {
      const sent = await this.messenger.sendPrivately(context, user, cardReply(card, context.activity.channelId));
      const bot = context.activity.recipient?.name || 'Trygghetsboten';
      await this.reply(context, notice(t(sent ? 'sentPrivately' : 'openPersonalChat', lang, { bot })));
      return true;
    }
    await this.reply(context, card);
    return true;
  }

  /** The help card's part for this person: their own round, an admin's commands (usecases/role-in-follow-up). */
  async roleHelp(context: TurnContext, lang: Language): Promise<HelpExtras | undefined> {
    try {
      return roleHelp(await roleInFollowUp(this.deps.service, this.personOf(context)), lang);
    } catch (error) {
      if (!isStoreOutage(error)) throw error;
      return undefined; // the plan's help is still worth having while the store is down
    }
  }

  /**
   * The one place where a store that fails (throttled, down) becomes the user's "try again" card,
   * for every command and card action. Anything else is a bug and goes to the turn's error handler.
   */
  private async storeGuard(lang: Language, what: string, work: () => Promise<Card>): Promise<Card> {
    try {
      return await work();
    } catch (error) {
      if (!isStoreOutage(error)) throw error;
      this.deps.logger.error({ event: 'store-error', status: storeOutageStatus(error), what, err: error }, 'store failed');
      return notice(t('storeDown', lang));
    }
  }

  /** Like storeGuard, for a card with a form: the outage is said in a message, and the card (and what is typed in it) stays. */
  private async storeGuardKeepingCard(lang: Language, what: string, work: () => Promise<Card | string>): Promise<Card | string> {
    try {
      return await work();
    } catch (error) {
      if (!isStoreOutage(error)) throw error;
      this.deps.logger.error({ event: 'store-error', status: storeOutageStatus(error), what, err: error }, 'store failed');
      return t('storeDown', lang);
    }
  }

  /** A command's card; undefined when the text is not a command for this person after all. */
  private async runCommand(context: TurnContext, command: FollowUpCommand, user: Person, lang: Language): Promise<Card | undefined> {
    const { service, logger } = this.deps;
    const refused = (result: { ok: false } & Refusal): Card => {
      if (result.reason === 'not-admin')
        logger.warn({ event: 'refused', reason: 'not-admin', command: command.kind }, 'admin command refused');
      return refusalCard(result, lang);
    };
    const who = (person: Person): string => person.upn ?? person.aadObjectId ?? '';
    switch (command.kind) {
      case 'invalid':
        return notice(t(command.message === 'date' ? 'badDate' : 'badPerson', lang));
      case 'my-round':
        return this.myRoundCard(context, lang);
      case 'answer-for-unit': {
        const result = await roundForUnit(service, user, command);
        return result.ok ? roundCardFromView(result.view, lang, [context.activity.from?.id ?? ''].filter(Boolean)) : refused(result);
      }
      case 'action-status':
      case 'unit-status': {
        const request =
          command.kind === 'action-status'
            ? { kind: 'action' as const, actionId: command.actionId, year: command.year }
            : { kind: 'unit' as const, unit: command.unit, year: command.year };
        const result = await viewStatus(service, user, request);
        if (!result.ok) return result.reason === 'not-in-follow-up' ? undefined : refused(result);
        return statusCard(result.view, lang);
      }
      case 'start-round': {
        const result = await prepareRound(service, user, command, this.deps.directory);
        return result.ok ? roundConfirmCard(result.year, result.deadline, result.summary, result.reach, lang) : refused(result);
      }
      case 'close-round': {
        const result = await this.work.close(user, command);
        return result.ok ? notice(t('closed', lang, { year: result.year })) : refused(result);
      }
      case 'remind': {
        // Nothing is sent before the admin has seen how many it goes to.
        const result = await chooseReminderRound(service, user, command);
        return result.ok ? remindConfirmCard(result.round.year, result.reminders, lang) : refused(result);
      }
      case 'list-contacts':
        return this.contactsCard(user, lang);
      case 'diagnose': {
        if (!this.deps.diagnostics) return undefined;
        const result = await diagnose(service, user, this.deps.diagnostics);
        return result.ok ? diagnosisCard(result.checks, lang) : refused(result);
      }
      case 'summary': {
        const result = await summarizeRound(service, user, command);
        return result.ok ? summaryCard(result, lang) : refused(result);
      }
      case 'add-contacts': {
        const result = await addContacts(service, user, command, this.deps.directory);
        return result.ok
          ? notice(t('contactsSaved', lang, { unit: result.unit, people: result.people.map(who).join(', ') }))
          : refused(result);
      }
      case 'remove-contact': {
        const result = await removeContact(service, user, command);
        return result.ok ? notice(t('contactRemoved', lang, { unit: result.unit, person: who(result.person) })) : refused(result);
      }
      case 'add-admin': {
        const result = await grantAdmin(service, user, command);
        return result.ok ? notice(t('adminAdded', lang, { person: who(result.person) })) : refused(result);
      }
      case 'remove-admin': {
        const result = await revokeAdmin(service, user, command);
        return result.ok ? notice(t('adminRemoved', lang, { person: who(result.person) })) : refused(result);
      }
      case 'set-glossary': {
        const result = await setGlossaryExpansion(service, user, command);
        if (!result.ok) return refused(result);
        logger.info({ event: 'glossary-changed', code: result.entry.code }, 'glossary entry set');
        await this.deps.refreshAnswers?.();
        return notice(t('glossarySaved', lang, { code: result.entry.code, expansion: result.entry.expansion }));
      }
      case 'list-glossary': {
        const entries = await glossaryEntries(service);
        return messageCard(
          t('glossaryTitle', lang),
          entries.length
            ? entries.map((e) => `${e.code} = ${e.expansion} (${e.setBy}, ${e.setAt.slice(0, 10)})`)
            : [t('glossaryEmpty', lang)],
        );
      }
      case 'set-word': {
        const result = await setMunicipalityWord(service, user, command);
        if (!result.ok) return refused(result);
        logger.info({ event: 'municipality-word-set', word: result.entry.word }, 'municipality word set');
        await this.deps.refreshAnswers?.();
        return notice(t('wordSaved', lang, { word: result.entry.word, terms: result.entry.planTerms.join(', ') }));
      }
      case 'remove-word': {
        const result = await removeMunicipalityWord(service, user, command.word);
        if (!result.ok) return refused(result);
        logger.info({ event: 'municipality-word-removed', word: result.word }, 'municipality word removed');
        await this.deps.refreshAnswers?.();
        return notice(t('wordRemoved', lang, { word: result.word }));
      }
      case 'list-words': {
        const words = await municipalityWords(service);
        return messageCard(
          t('wordsTitle', lang),
          words.length
            ? words.map((w) => `${w.word} = ${w.planTerms.join(', ')} (${w.setBy}, ${w.setAt.slice(0, 10)})`)
            : [t('wordsEmpty', lang)],
        );
      }
      case 'list-unknown-words':
        // What was asked on this instance a moment ago is counted first.
        await this.unknownWords.flush();
        return this.wordsCard(user, lang);
      case 'set-safety-chief': {
        const result = await setSafetyChief(service, user, command);
        return result.ok ? notice(t('chiefSet', lang, { person: who(result.person) })) : refused(result);
      }
    }
  }

  /** The contacts per unit, with a form to change one unit's contacts (for an admin: the caller checked). */
  private async contactsCard(user: Person, lang: Language, noticeText?: FormNotice): Promise<Card> {
    const listed = await listContacts(this.deps.service, user);
    return listed.ok ? contactsCard(listed, lang, noticeText) : refusalCard(listed, lang);
  }

  /** For an admin: the unknown words, the words given and a form to give one; a refusal for others. */
  private async wordsCard(user: Person, lang: Language, noticeText?: FormNotice): Promise<Card> {
    const overview = await wordsOverview(this.deps.service, user);
    return overview.ok
      ? wordsCard({ unknown: overview.unknown.slice(0, UNKNOWN_WORDS_SHOWN), given: overview.given }, lang, noticeText)
      : refusalCard(overview, lang);
  }

  /** The form on the unknown words' card: a word given as the plan's words, then the card again with what happened. */
  async onWordsSave(context: TurnContext, data: Record<string, unknown>): Promise<Card> {
    const lang = actionLanguage(data);
    await this.recordUser(context);
    return this.storeGuard(lang, 'words.save', async () => {
      const user = this.personOf(context);
      const typed = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 400) : '');
      const result = await setMunicipalityWord(this.deps.service, user, { word: typed(data.word), terms: typed(data.terms) });
      if (!result.ok)
        return result.reason === 'not-admin'
          ? refusalCard(result, lang)
          : this.wordsCard(user, lang, { text: refusalText(result, lang), kind: 'attention' });
      this.deps.logger.info({ event: 'municipality-word-set', word: result.entry.word }, 'municipality word set');
      await this.deps.refreshAnswers?.();
      return this.wordsCard(user, lang, {
        text: t('wordSaved', lang, { word: result.entry.word, terms: result.entry.planTerms.join(', ') }),
        kind: 'good',
      });
    });
  }

  async onContactsSave(context: TurnContext, data: Record<string, unknown>): Promise<Card> {
    const lang = actionLanguage(data);
    await this.recordUser(context);
    return this.storeGuard(lang, 'contacts.save', async () => {
      const user = this.personOf(context);
      const result = await replaceUnitContacts(this.deps.service, user, { unit: data.unit, people: data.people }, this.deps.directory);
      if (!result.ok)
        return result.reason === 'not-admin'
          ? refusalCard(result, lang)
          : this.contactsCard(user, lang, { text: refusalText(result, lang), kind: 'attention' });
      this.deps.logger.info({ event: 'contacts-changed', unit: result.unit, count: result.people.length }, 'contacts changed');
      return this.contactsCard(user, lang, {
        text: t('contactsSaved', lang, { unit: result.unit, people: result.typed.join(', ') || '–' }),
        kind: 'good',
      });
    });
  }

  /**
   * Confirmed: reminds those not finished and says what happened. Not confirmed (a summary sent
   * before reminders asked first): the confirmation card with how many would get one.
   */
  async onRemindVerb(context: TurnContext, data: Record<string, unknown>): Promise<Card | string> {
    const lang = actionLanguage(data);
    await this.recordUser(context);
    return this.storeGuardKeepingCard(lang, 'round.remind', async () => {
      const result = await chooseReminderRound(this.deps.service, this.personOf(context), { year: Number(data.year) });
      if (!result.ok) return refusalText(result, lang);
      if (data.confirmed !== true) return remindConfirmCard(result.round.year, result.reminders, lang);
      return t('remindersSent', lang, { n: await this.work.remind(result.round) });
    });
  }

  /** The round card of the unit an admin chose to answer for; a string (a message) when refused. */
  async onAnswerFor(context: TurnContext, data: Record<string, unknown>): Promise<Card | string> {
    const lang = actionLanguage(data);
    await this.recordUser(context);
    return this.storeGuardKeepingCard(lang, 'round.answerFor', async () => {
      const result = await roundForUnit(this.deps.service, this.personOf(context), {
        unit: typeof data.unit === 'string' ? data.unit : '',
      });
      return result.ok
        ? roundCardFromView(result.view, lang, [context.activity.from?.id ?? ''].filter(Boolean))
        : refusalText(result, lang);
    });
  }

  /** A link to the report on the bot's own server: unguessable, expiring, admins only. A refusal is a message (a string). */
  async onExport(context: TurnContext, data: Record<string, unknown>): Promise<Card | string> {
    const { logger, reportLinkTtlMs, publicUrl } = this.deps;
    const lang = actionLanguage(data);
    await this.recordUser(context);
    return this.storeGuardKeepingCard(lang, 'report.export', async () => {
      const result = await exportReport(this.deps.service, this.personOf(context), {
        year: data.year,
        format: data.format,
        ttlMs: reportLinkTtlMs,
      });
      if (!result.ok) {
        if (result.reason === 'not-admin')
          logger.warn({ event: 'refused', reason: 'not-admin', action: 'report.export' }, 'report export refused');
        return refusalText(result, lang);
      }
      const url = `${publicUrl.replace(/\/$/, '')}/reports/${result.token}`;
      const hours = Math.round(reportLinkTtlMs / 3_600_000);
      logger.info({ event: 'report-link', year: result.year, format: result.format }, 'report link created');
      const title = t('reportReady', lang, { year: result.year, format: FORMAT_NAMES[result.format] });
      return expandCard('link', {
        fallbackText: `${title}\n${url}`,
        title,
        note: t('reportLinkNote', lang, { hours }),
        linkTitle: t('openReport', lang),
        url,
      });
    });
  }

  private async myRoundCard(context: TurnContext, lang: Language): Promise<Card> {
    const result = await myRound(this.deps.service, this.personOf(context));
    if (!result.ok) return refusalCard(result, lang);
    return roundCardFromView(result.view, lang, [context.activity.from?.id ?? ''].filter(Boolean));
  }

  /** The round card's actions: a card, or (when the store is down) a message that leaves the card and what was typed in it. */
  async onRoundVerb(context: TurnContext, verb: string, data: Record<string, unknown>): Promise<Card | string> {
    const { service, logger } = this.deps;
    await this.recordUser(context);
    const lang = actionLanguage(data);
    const user = this.personOf(context);
    const refreshIds = [context.activity.from?.id ?? ''].filter(Boolean);
    const card = (view: RoundView, extra?: Parameters<typeof roundCardFromView>[3]) => roundCardFromView(view, lang, refreshIds, extra);
    // What the person typed goes back into any card with a refusal, so nothing they wrote is lost.
    const typed = {
      status: typeof data.status === 'string' ? data.status : undefined,
      description: typeof data.description === 'string' ? data.description.slice(0, 4000) : undefined,
    };
    return this.storeGuardKeepingCard(lang, verb, async () => {
      const position = { year: data.year, actionId: data.actionId, unit: data.unit };
      if (verb !== 'round.save') {
        const step = verb === 'round.next' ? 1 : verb === 'round.previous' ? -1 : verb === 'round.unanswered' ? 'unanswered' : 0;
        const moved = await moveInRound(service, user, position, step, typed);
        if (moved.ok) return card(moved.view);
        const text = answerRefusalText(moved.refusal, lang, moved.detail, moved.view?.statuses ?? service.plan.followUp.statuses);
        return moved.view ? card(moved.view, { notice: { text, kind: 'attention' }, typed }) : notice(text);
      }
      const result = await this.work.answer(user, {
        ...position,
        status: data.status,
        description: data.description,
        seen: data.seen,
      });
      if (!result.ok) {
        logger.warn(
          {
            event: 'answer-refused',
            reason: result.refusal,
            actionId: String(data.actionId ?? '').slice(0, 20),
            unit: String(data.unit ?? '').slice(0, 40),
          },
          'answer refused',
        );
        const text = answerRefusalText(result.refusal, lang, result.detail, result.view?.statuses ?? service.plan.followUp.statuses);
        return result.view ? card(result.view, { notice: { text, kind: 'attention' }, typed }) : notice(text);
      }
      const { answer } = result;
      logger.info(
        {
          event: 'answer-saved',
          outcome: result.outcome,
          year: answer.year,
          actionId: answer.actionId,
          unit: answer.unit,
          onBehalf: answer.onBehalf,
        },
        'answer saved',
      );
      const savedText =
        result.outcome === 'unchanged' ? t('unchanged', lang) : t('saved', lang, { actionId: answer.actionId, unit: answer.unit });
      return card(result.view, { notice: { text: result.allDone ? `${savedText} ${t('allDone', lang)}` : savedText, kind: 'good' } });
    });
  }

  async onStart(context: TurnContext, data: Record<string, unknown>): Promise<Card> {
    const lang = actionLanguage(data);
    await this.recordUser(context);
    const activity = context.activity;
    const origin: TeamsRoundOrigin = {
      serviceUrl: activity.serviceUrl,
      botId: activity.recipient?.id ?? '',
      botName: activity.recipient?.name,
      tenantId: activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
      adminConversationId: activity.conversation?.id ?? '',
      adminUserId: activity.from?.id,
      locale: lang === 'en' ? 'en-US' : 'sv-SE',
    };
    return this.storeGuard(lang, 'round.start', async () => {
      const result = await startRound(this.deps.service, this.personOf(context), {
        year: data.year,
        deadline: data.deadline,
        reminderDaysBefore: this.deps.reminderDaysBefore,
        origin,
      });
      if (!result.ok) return refusalCard(result, lang);
      const { round, recipients, resumed } = result;
      this.deps.logger.info(
        { event: 'round-started', year: round.year, deadline: round.deadline, recipients: recipients.length, resumed },
        'round started',
      );
      this.work.startSending(round, recipients);
      return notice(t('started', lang, { year: round.year, n: recipients.length }));
    });
  }
}
