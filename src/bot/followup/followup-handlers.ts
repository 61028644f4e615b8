/**
 * The follow-up round in Teams: admin commands, the confirmation card, the one message per contact
 * with its Universal Action card, answers, and the delivery summary. Routes to FollowUpService; the
 * rules and the storage live there.
 */
import { TeamsInfo, type Activity, type TurnContext, type ConversationReference } from 'botbuilder';
import type { AdaptiveCard, Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../../log';
import type { Language } from '../../core/qa/answer-model';
import type { PlanAnswerer } from '../../core/qa/answerer';
import { parseFollowUpCommand, parsePerson, type FollowUpCommand } from '../../core/followup/commands';
import { swedishDate, type SummaryReason } from '../../core/followup/schedule';
import { progress } from '../../core/followup/validate';
import { personKey, samePerson, type Answer, type Obligation, type Person, type Round, type RoundOrigin } from '../../core/followup/model';
import type { FollowUpService } from '../../followup/followup-service';
import type { UserRecord } from '../../followup/followup-store';
import { StoreError } from '../../store/document-store';
import { fanOut, type Recipient, type SendFn, type FanOutSummary } from '../../delivery/fan-out';
import { SendError, retryAfterFrom } from '../../delivery/retry';
import { cardAttachment, expandCard } from '../cards/render';
import { roundActionCard, roundConfirmCard } from './round-cards';
import { refusalText, t } from './texts';
import { cardReply } from '../replies';
import { languageOf } from '../language';
import { messageCard } from '../cards/answer-cards';
import { loadReport } from '../../followup/report-service';
import { createReportLink, type ReportFormat } from '../../followup/report-links';
import { summaryCard } from './summary-card';

export interface FollowUpDeps {
  app: Application;
  adapter: TeamsAdapter;
  service: FollowUpService;
  answerer: PlanAnswerer;
  logger: Logger;
  botAppId: string;
  instanceId: string;
  reminderDaysBefore: number[];
  /** Pacing of proactive sends: Teams allows 50 requests per second per tenant. */
  sendRatePerSecond: number;
  /** The bot's own public address, for report links (…/reports/<token>). */
  publicUrl: string;
  reportLinkTtlMs: number;
}

type Card = Record<string, unknown>;

/** Marks a delivery that failed only because the person has no chat with the bot yet. */
const NO_CHAT = 'no-chat';

/**
 * The language of a card action: the one the card was made in (its data carries it), else Swedish.
 * Not the client's locale: Swedish staff often run Teams in English, and the round is in Swedish.
 */
function actionLanguage(data: Record<string, unknown>): Language {
  return data.lang === 'en' ? 'en' : 'sv';
}

/** The Teams user as a person: Entra object id (Teams always sends it); the channel id where it does not (Emulator). */
function basicPersonOf(context: TurnContext): Person {
  const from = context.activity.from ?? { id: '' };
  return { aadObjectId: (from.aadObjectId ?? from.id ?? '').toLowerCase(), ...(from.name ? { name: from.name } : {}) };
}

function notice(text: string): Card {
  return messageCard(text, []);
}

function toSendError(error: unknown): SendError {
  const e = error as { statusCode?: number; message?: string; response?: { headers?: { get?: (n: string) => string | undefined } | Record<string, string> } };
  const headers = e.response?.headers;
  const retryAfter = headers && typeof (headers as { get?: unknown }).get === 'function'
    ? (headers as { get: (n: string) => string | undefined }).get('retry-after')
    : (headers as Record<string, string> | undefined)?.['retry-after'];
  return new SendError(e.message ?? String(error), e.statusCode, retryAfterFrom(retryAfter));
}

export class FollowUpHandlers {
  private readonly savedReferences = new Map<string, string>();
  /** Entra object id → UPN, learnt from Teams (TeamsInfo.getMember) so contacts given by e-mail match. */
  private readonly upnByAad = new Map<string, string | null>();
  private readonly running = new Set<Promise<unknown>>();
  /** Rounds this process is sending right now: a second fan-out of the same round would only race the first. */
  private readonly sending = new Set<number>();

  constructor(private readonly deps: FollowUpDeps) {}

  /** Registers the card routes; call before the general message route, which they must precede. */
  register(): void {
    const { app } = this.deps;
    for (const verb of ['round.save', 'round.show', 'round.next', 'round.previous'] as const) {
      app.adaptiveCards.actionExecute(verb, async (context, _state, data: Record<string, unknown>) => {
        const card = await this.onRoundVerb(context, verb, data);
        // teams-ai updates the card's message in place when the card has `refresh`, which needs the
        // message's id (replyToId). Without one, the card is returned without refresh instead of failing.
        if (!context.activity.replyToId) delete card.refresh;
        return card as AdaptiveCard;
      });
      app.adaptiveCards.actionSubmit(verb, async (context, _state, data: Record<string, unknown>) => {
        await this.reply(context, await this.onRoundVerb(context, verb, data));
      });
    }
    app.adaptiveCards.actionExecute('round.start', async (context, _state, data: Record<string, unknown>) => (await this.onStart(context, data)) as AdaptiveCard);
    app.adaptiveCards.actionSubmit('round.start', async (context, _state, data: Record<string, unknown>) => {
      await this.reply(context, await this.onStart(context, data));
    });
    app.adaptiveCards.actionExecute('contacts.save', async (context, _state, data: Record<string, unknown>) => (await this.onContactsSave(context, data)) as AdaptiveCard);
    app.adaptiveCards.actionSubmit('contacts.save', async (context, _state, data: Record<string, unknown>) => {
      await this.reply(context, await this.onContactsSave(context, data));
    });
    app.adaptiveCards.actionExecute('round.remind', async (context, _state, data: Record<string, unknown>) => (await this.onRemindVerb(context, data)) as AdaptiveCard);
    app.adaptiveCards.actionSubmit('round.remind', async (context, _state, data: Record<string, unknown>) => this.reply(context, await this.onRemindVerb(context, data)));
    app.adaptiveCards.actionExecute('report.export', async (context, _state, data: Record<string, unknown>) => (await this.onExport(context, data)) as AdaptiveCard);
    app.adaptiveCards.actionSubmit('report.export', async (context, _state, data: Record<string, unknown>) => this.reply(context, await this.onExport(context, data)));
    app.adaptiveCards.actionExecute('round.cancel', async (_context, _state, data: Record<string, unknown>) => notice(t('cancelled', actionLanguage(data))) as AdaptiveCard);
    app.adaptiveCards.actionSubmit('round.cancel', async (context, _state, data: Record<string, unknown>) => this.reply(context, notice(t('cancelled', actionLanguage(data)))));
  }

  /** Waits for background work (fan-outs) to finish: graceful shutdown and tests. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async reply(context: TurnContext, card: Card): Promise<void> {
    await context.sendActivity(cardReply(card, context.activity.channelId));
  }

  /** The user with their UPN when Teams has told it; contacts may be given by e-mail. */
  personOf(context: TurnContext): Person {
    const person = basicPersonOf(context);
    const upn = person.aadObjectId ? this.upnByAad.get(person.aadObjectId) : undefined;
    return upn ? { ...person, upn } : person;
  }

  /** Asks Teams once per user for their UPN (the e-mail an admin gives for a contact). */
  private async learnUpn(context: TurnContext, aad: string): Promise<void> {
    if (this.upnByAad.has(aad)) return;
    const known = await this.deps.service.data.getUser({ aadObjectId: aad });
    if (known?.person.upn) {
      this.upnByAad.set(aad, known.person.upn);
      return;
    }
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      const upn = (member.userPrincipalName ?? member.email ?? '').toLowerCase();
      this.upnByAad.set(aad, upn || null);
    } catch (error) {
      this.upnByAad.set(aad, null);
      this.deps.logger.debug({ event: 'upn-unknown', err: (error as Error).message }, 'could not look up the user in Teams');
    }
  }

  /** Remembers how to reach the user proactively; writes only when something changed. */
  async recordUser(context: TurnContext): Promise<void> {
    const basic = basicPersonOf(context);
    if (!basic.aadObjectId) return;
    try {
      await this.learnUpn(context, basic.aadObjectId);
    } catch (error) {
      // A store that fails here must not keep the user from getting an answer to their question.
      this.deps.logger.warn({ event: 'user-lookup-failed', err: error }, 'could not look up the user');
    }
    const person = this.personOf(context);
    const activity = context.activity;
    const fingerprint = `${activity.conversation?.id}|${activity.serviceUrl}|${activity.from?.id}|${person.upn ?? ''}`;
    const key = personKey(person);
    if (this.savedReferences.get(key) === fingerprint) return;
    try {
      await this.deps.service.data.putUser({
        person,
        conversationId: activity.conversation?.conversationType === 'personal' || !activity.conversation?.isGroup ? activity.conversation?.id : undefined,
        serviceUrl: activity.serviceUrl,
        tenantId: activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
        teamsUserId: activity.from?.id,
        updatedAt: new Date().toISOString(),
      });
      this.savedReferences.set(key, fingerprint);
    } catch (error) {
      this.deps.logger.warn({ event: 'user-record-failed', err: error }, 'could not save conversation reference');
    }
  }

  /** Handles a follow-up command in a message; false if the text is not one. */
  async onMessage(context: TurnContext, text: string): Promise<boolean> {
    const command = parseFollowUpCommand(text);
    if (!command) return false;
    if ((command.kind === 'action-status' || command.kind === 'unit-status') && !(await this.mayViewAnswers(context))) {
      return false; // for everyone else it is a question about the plan, answered from the plan
    }
    const lang = languageOf(context);
    try {
      await this.reply(context, await this.runCommand(context, command, lang));
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      this.deps.logger.error({ event: 'store-error', status: error.status, err: error }, 'store failed during a command');
      await this.reply(context, notice(t('storeDown', lang)));
    }
    return true;
  }

  private async runCommand(context: TurnContext, command: FollowUpCommand, lang: Language): Promise<Card> {
    const { service } = this.deps;
    const user = this.personOf(context);
    if (command.kind === 'invalid') return notice(t(command.message === 'date' ? 'badDate' : 'badPerson', lang));
    if (command.kind === 'my-round') return this.myRoundCard(context, lang);
    if (command.kind === 'action-status' || command.kind === 'unit-status') return this.statusView(command, lang);
    if (!(await service.isAdmin(user))) {
      this.deps.logger.warn({ event: 'refused', reason: 'not-admin', command: command.kind }, 'admin command refused');
      return notice(t('notAdmin', lang));
    }
    switch (command.kind) {
      case 'start-round': {
        const deadline = command.deadline ?? `${command.year + 1}-02-28`;
        if (deadline < swedishDate(new Date())) return notice(t('pastDeadline', lang, { deadline }));
        return roundConfirmCard(command.year, deadline, await service.summarize(), lang);
      }
      case 'close-round': {
        const year = command.year ?? (await this.openRound())?.year;
        if (!year) return notice(t('noRound', lang));
        await service.closeRound(year);
        this.deps.logger.info({ event: 'round-closed', year }, 'round closed');
        return notice(t('closed', lang, { year }));
      }
      case 'remind': {
        const round = command.year ? await service.data.getRound(command.year) : await this.openRound();
        if (!round || round.state !== 'open') return notice(t('noRound', lang));
        const n = await this.remind(round);
        return notice(t('remindersSent', lang, { n }));
      }
      case 'list-contacts':
        return this.contactsCard(lang);
      case 'summary': {
        const year = command.year ?? (await this.latestRound())?.year;
        const report = year ? await loadReport(service, year) : undefined;
        return report ? summaryCard(report, lang) : notice(t('noRound', lang));
      }
      case 'add-contacts': {
        if (!service.obligations.some((o) => o.unit === command.unit)) return notice(t('unknownUnit', lang, { unit: command.unit }));
        for (const person of command.people) await service.data.addContact({ unit: command.unit, person });
        const people = (await service.data.listContacts()).filter((c) => c.unit === command.unit).map((c) => c.person.upn ?? c.person.aadObjectId);
        return notice(t('contactsSaved', lang, { unit: command.unit, people: people.join(', ') }));
      }
      case 'remove-contact':
        await service.data.removeContact({ unit: command.unit, person: command.person });
        return notice(t('contactRemoved', lang, { unit: command.unit, person: command.person.upn ?? command.person.aadObjectId ?? '' }));
      case 'add-admin': {
        const roles = await service.data.getRoles();
        await service.data.setRoles({ admins: [...roles.admins, command.person], safetyChief: roles.safetyChief });
        return notice(t('adminAdded', lang, { person: command.person.upn ?? command.person.aadObjectId ?? '' }));
      }
      case 'remove-admin': {
        const roles = await service.data.getRoles();
        await service.data.setRoles({ admins: roles.admins.filter((a) => !samePerson(a, command.person)), safetyChief: roles.safetyChief });
        return notice(t('adminRemoved', lang, { person: command.person.upn ?? command.person.aadObjectId ?? '' }));
      }
      case 'set-safety-chief': {
        const roles = await service.data.getRoles();
        await service.data.setRoles({ admins: roles.admins, safetyChief: command.person });
        return notice(t('chiefSet', lang, { person: command.person.upn ?? command.person.aadObjectId ?? '' }));
      }
    }
  }

  /** The contacts per unit, with a form to change one unit's contacts. */
  private async contactsCard(lang: Language, noticeText?: { text: string; kind: 'good' | 'attention' }): Promise<Card> {
    const { service } = this.deps;
    const contacts = await service.data.listContacts();
    const units = [...new Set(service.obligations.map((o) => o.unit))].filter((u) => !u.startsWith('('));
    const rows = units.map((unit) => ({
      unit,
      people: contacts.filter((c) => c.unit === unit).map((c) => c.person.upn ?? c.person.aadObjectId ?? '').join(', ') || t('contactsNone', lang),
    }));
    return expandCard('contacts-form', {
      fallbackText: rows.map((r) => `${r.unit}: ${r.people}`).join('\n'),
      title: t('contactsTitle', lang),
      rows,
      units,
      noticeLines: noticeText ? [noticeText.text] : [],
      noticeColor: noticeText?.kind === 'attention' ? 'Attention' : 'Good',
      lang,
      labels: { formTitle: t('contactsFormTitle', lang), unit: t('contactsUnit', lang), unitRequired: t('contactsUnitRequired', lang), people: t('contactsPeople', lang), save: t('save', lang) },
    });
  }

  private async onContactsSave(context: TurnContext, data: Record<string, unknown>): Promise<Card> {
    const { service, logger } = this.deps;
    await this.recordUser(context);
    const lang = actionLanguage(data);
    try {
      if (!(await service.isAdmin(this.personOf(context)))) return notice(t('notAdmin', lang));
      const unit = typeof data.unit === 'string' ? data.unit : '';
      if (!service.obligations.some((o) => o.unit === unit)) return this.contactsCard(lang, { text: t('unknownUnit', lang, { unit: unit.slice(0, 40) }), kind: 'attention' });
      const text = typeof data.people === 'string' ? data.people : '';
      const parts = text.split(/[,;\s]+/).filter(Boolean);
      const people = parts.map(parsePerson);
      if (people.some((p) => p === null)) return this.contactsCard(lang, { text: t('badPerson', lang), kind: 'attention' });
      await service.data.setUnitContacts(unit, people as Person[]);
      logger.info({ event: 'contacts-changed', unit, count: people.length }, 'contacts changed');
      return this.contactsCard(lang, { text: t('contactsSaved', lang, { unit, people: parts.join(', ') || '–' }), kind: 'good' });
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      logger.error({ event: 'store-error', status: error.status, err: error }, 'store failed while saving contacts');
      return notice(t('storeDown', lang));
    }
  }

  /** Stored answers are for the people in the follow-up: admins and contacts. */
  private async mayViewAnswers(context: TurnContext): Promise<boolean> {
    try {
      const user = this.personOf(context);
      return (await this.deps.service.isAdmin(user)) || (await this.deps.service.unitsOf(user)).length > 0;
    } catch {
      return false;
    }
  }

  private async latestRound(): Promise<Round | undefined> {
    const rounds = await this.deps.service.data.listRounds();
    return rounds.filter((r) => r.state === 'open').pop() ?? rounds.pop();
  }

  /** "status för åtgärd A3-1", "hur går det för SF?": answered from the stored answers. */
  private async statusView(command: Extract<FollowUpCommand, { kind: 'action-status' | 'unit-status' }>, lang: Language): Promise<Card> {
    const { service } = this.deps;
    const year = command.year ?? (await this.latestRound())?.year;
    const report = year ? await loadReport(service, year) : undefined;
    if (!report) return notice(t('noRound', lang));
    const line = (r: (typeof report.rows)[number]) =>
      r.status ? `${r.unit}: ${r.statusLabel} – ${r.description} (${r.answeredBy}${r.onBehalf ? `, ${t('onBehalf', lang)}` : ''}, ${r.answeredAt.slice(0, 10)})` : `${r.unit}: ${t('notReported', lang)}`;
    if (command.kind === 'action-status') {
      const rows = report.rows.filter((r) => r.actionId === command.actionId);
      if (rows.length === 0) return notice(refusalText('unknown-action', lang, command.actionId));
      const action = service.plan.actions.find((a) => a.id === command.actionId)!;
      const title = t('actionStatusTitle', lang, { actionId: command.actionId, year: report.year });
      return messageCard(title, [action.text, ...rows.map(line)]);
    }
    const wanted = command.unit.toLocaleLowerCase('sv');
    const unit = report.units.find((u) => u.unit.toLocaleLowerCase('sv') === wanted);
    if (!unit) return notice(t('unknownUnit', lang, { unit: command.unit.slice(0, 40) }));
    const rows = report.rows.filter((r) => r.unit === unit.unit);
    const counts = ['Pågående', 'Påbörjad', 'Ej påbörjad'].map((label) => `${label} ${rows.filter((r) => r.statusLabel === label).length}`).join(' · ');
    const missing = rows.filter((r) => !r.status).map((r) => r.actionId);
    const title = t('unitStatusTitle', lang, { unit: unit.unit, year: report.year, answered: unit.answered, total: unit.total });
    const paragraphs = [counts, ...(missing.length ? [t('missingList', lang, { ids: missing.slice(0, 40).join(', ') + (missing.length > 40 ? ' …' : '') })] : []), t('contactsOf', lang, { people: unit.contacts.join(', ') || '–' })];
    return messageCard(title, paragraphs);
  }

  private async onRemindVerb(context: TurnContext, data: Record<string, unknown>): Promise<Card> {
    const lang = actionLanguage(data);
    await this.recordUser(context);
    if (!(await this.deps.service.isAdmin(this.personOf(context)))) return notice(t('notAdmin', lang));
    const round = await this.deps.service.data.getRound(Number(data.year));
    if (!round || round.state !== 'open') return notice(t('noRound', lang));
    return notice(t('remindersSent', lang, { n: await this.remind(round) }));
  }

  /** A link to the report on the bot's own server: unguessable, expiring, admins only. */
  private async onExport(context: TurnContext, data: Record<string, unknown>): Promise<Card> {
    const { service, logger } = this.deps;
    const lang = actionLanguage(data);
    await this.recordUser(context);
    const user = this.personOf(context);
    if (!(await service.isAdmin(user))) {
      logger.warn({ event: 'refused', reason: 'not-admin', action: 'report.export' }, 'report export refused');
      return notice(t('notAdmin', lang));
    }
    const year = Number(data.year);
    const format: ReportFormat = data.format === 'md' ? 'md' : 'xlsx';
    if (!(await service.data.getRound(year))) return notice(t('noRound', lang));
    const token = await createReportLink(service.data.store, year, format, user, this.deps.reportLinkTtlMs);
    const url = `${this.deps.publicUrl.replace(/\/$/, '')}/reports/${token}`;
    const hours = Math.round(this.deps.reportLinkTtlMs / 3_600_000);
    logger.info({ event: 'report-link', year, format }, 'report link created');
    const title = t('reportReady', lang, { year, format: format === 'xlsx' ? 'Excel' : 'Markdown' });
    return expandCard('link', { fallbackText: `${title}\n${url}`, title, note: t('reportLinkNote', lang, { hours }), linkTitle: t('openReport', lang), url });
  }

  private async openRound(): Promise<Round | undefined> {
    return (await this.deps.service.data.listRounds()).filter((r) => r.state === 'open').pop();
  }

  private async myRoundCard(context: TurnContext, lang: Language): Promise<Card> {
    const round = await this.openRound();
    if (!round) return notice(t('noRound', lang));
    const units = await this.deps.service.unitsOf(this.personOf(context));
    if (units.length === 0) return notice(t('notContact', lang));
    return this.cardFor(round, units, undefined, lang, [context.activity.from?.id ?? ''].filter(Boolean));
  }

  /** The card at a given obligation, or the first unanswered one. */
  private async cardFor(
    round: Round,
    units: string[],
    at: Obligation | undefined,
    lang: Language,
    refreshUserIds: string[],
    extra: Partial<Parameters<typeof roundActionCard>[0]> = {},
    knownAnswers?: Answer[],
  ): Promise<Card> {
    const { service, answerer } = this.deps;
    const mine = service.obligationsOf(units);
    const answers = knownAnswers ?? (await service.data.listAnswers(round.year));
    const answered = (o: Obligation) => answers.some((a) => a.actionId === o.actionId && a.unit === o.unit);
    const obligation = at ?? mine.find((o) => !answered(o)) ?? mine[0]!;
    const lastYear = await service.data.getAnswer(round.year - 1, obligation.actionId, obligation.unit);
    return roundActionCard(
      {
        round,
        obligation,
        answer: answers.find((a) => a.actionId === obligation.actionId && a.unit === obligation.unit),
        lastYear,
        progress: { answered: mine.filter(answered).length, total: mine.length },
        units,
        language: lang,
        refreshUserIds,
        ...extra,
      },
      answerer,
      service.plan,
    );
  }

  private async onRoundVerb(context: TurnContext, verb: string, data: Record<string, unknown>): Promise<Card> {
    const { service, logger } = this.deps;
    await this.recordUser(context);
    const lang = actionLanguage(data);
    const user = this.personOf(context);
    const year = Number(data.year);
    const actionId = typeof data.actionId === 'string' ? data.actionId : '';
    const unit = typeof data.unit === 'string' ? data.unit : '';
    const refreshIds = [context.activity.from?.id ?? ''].filter(Boolean);
    try {
      const round = Number.isInteger(year) ? await service.data.getRound(year) : undefined;
      if (!round) return notice(refusalText('unknown-round', lang, String(data.year ?? '').slice(0, 10)));
      const isAdmin = await service.isAdmin(user);
      const contacts = await service.data.listContacts();
      const myUnits = await service.unitsOf(user, contacts);
      const units = myUnits.includes(unit) || !isAdmin ? myUnits : [...myUnits, unit];
      const mine = service.obligationsOf(units);
      const index = mine.findIndex((o) => o.actionId === actionId && o.unit === unit);
      if (verb !== 'round.save') {
        if (index < 0) return notice(refusalText(units.length === 0 ? 'not-authorized' : 'not-responsible', lang, unit.slice(0, 60)));
        const step = verb === 'round.next' ? 1 : verb === 'round.previous' ? -1 : 0;
        const target = mine[(index + step + mine.length) % mine.length]!;
        return this.cardFor(round, units, target, lang, refreshIds);
      }
      const typed = { status: typeof data.status === 'string' ? data.status : undefined, description: typeof data.description === 'string' ? data.description.slice(0, 4000) : undefined };
      const result = await service.submit({ year: data.year, actionId: data.actionId, unit: data.unit, status: data.status, description: data.description }, user, new Date(), { round, contacts, isAdmin });
      if (!result.ok) {
        logger.warn({ event: 'answer-refused', reason: result.reason, actionId: actionId.slice(0, 20), unit: unit.slice(0, 40) }, 'answer refused');
        const text = refusalText(result.reason, lang, result.detail);
        if (index < 0 || result.reason === 'round-closed') return notice(text);
        return this.cardFor(round, units, mine[index], lang, refreshIds, { notice: { text, kind: 'attention' }, typed });
      }
      logger.info({ event: 'answer-saved', outcome: result.outcome, year, actionId, unit, onBehalf: result.answer.onBehalf }, 'answer saved');
      const answers = await service.data.listAnswers(year);
      const nextOpen = mine.find((o, i) => i > index && !answers.some((a) => a.actionId === o.actionId && a.unit === o.unit))
        ?? mine.find((o) => !answers.some((a) => a.actionId === o.actionId && a.unit === o.unit));
      const savedText = result.outcome === 'unchanged' ? t('unchanged', lang) : t('saved', lang, { actionId, unit });
      const text = nextOpen ? savedText : `${savedText} ${t('allDone', lang)}`;
      return this.cardFor(round, units, nextOpen ?? mine[index], lang, refreshIds, { notice: { text, kind: 'good' } }, answers);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      logger.error({ event: 'store-error', status: error.status, err: error }, 'store failed while answering');
      return notice(t('storeDown', lang));
    }
  }

  private async onStart(context: TurnContext, data: Record<string, unknown>): Promise<Card> {
    const { service, logger } = this.deps;
    await this.recordUser(context);
    const lang = actionLanguage(data);
    const admin = this.personOf(context);
    if (!(await service.isAdmin(admin))) return notice(t('notAdmin', lang));
    const year = Number(data.year);
    const deadline = typeof data.deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data.deadline) ? data.deadline : '';
    if (!Number.isInteger(year) || year < 2000 || year > 2100 || !deadline) return notice(t('badDate', lang));
    if (deadline < swedishDate(new Date()) && !(await service.data.getRound(year))) return notice(t('pastDeadline', lang, { deadline }));
    const activity = context.activity;
    const origin: RoundOrigin = {
      serviceUrl: activity.serviceUrl,
      botId: activity.recipient?.id ?? '',
      botName: activity.recipient?.name,
      tenantId: activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
      adminConversationId: activity.conversation?.id ?? '',
      adminUserId: activity.from?.id,
      locale: lang === 'en' ? 'en-US' : 'sv-SE',
    };
    const opened = await service.openRound(year, deadline, admin, this.deps.reminderDaysBefore, origin);
    const recipients = await service.recipients();
    if (!opened) {
      const round = await service.data.getRound(year);
      if (round?.state !== 'open') return notice(t('alreadyExists', lang, { year }));
      // Confirmed twice (a double click, or a retry after a crash): resume the same round; nobody gets a second message.
    }
    logger.info({ event: 'round-started', year, deadline, recipients: recipients.length, resumed: !opened }, 'round started');
    const round = await service.data.getRound(year);
    this.track(this.deliver(round!, recipients, true));
    return notice(t('started', lang, { year, n: recipients.length }));
  }

  private track(work: Promise<unknown>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  /**
   * Sends the round's message to everyone who has not had it, then tells the admin how it went
   * (always after a start; after a resume only if anything was sent).
   */
  async deliver(round: Round, recipients: Recipient[], alwaysReport: boolean): Promise<FanOutSummary | undefined> {
    const { logger, service } = this.deps;
    const origin = round.origin;
    if (!origin || this.sending.has(round.year)) return undefined;
    this.sending.add(round.year);
    const lang: Language = origin.locale?.startsWith('en') ? 'en' : 'sv';
    try {
      const summary = await fanOut(round.year, recipients, service.data, this.sendRoundMessage(round, origin, lang), {
        instanceId: this.deps.instanceId,
        ratePerSecond: this.deps.sendRatePerSecond,
        // A contact given by e-mail who had no chat with the bot is tried again once they have one.
        retryUnreachable: async (delivery) => {
          if (!delivery.lastError?.startsWith(NO_CHAT)) return false;
          const user = await service.data.getUser(delivery.recipient);
          return user !== undefined && user.updatedAt > delivery.updatedAt;
        },
      });
      logger.info({ event: 'fan-out-done', year: round.year, ...summary }, 'round messages sent');
      if (alwaysReport || summary.delivered + summary.unreachable + summary.failed > 0) {
        const text = t('deliverySummary', lang, { year: round.year, ...summary });
        await this.sendInChat(originReference(origin), { type: 'message', attachments: [cardAttachment(notice(text))] });
      }
      return summary;
    } catch (error) {
      logger.error({ event: 'fan-out-failed', year: round.year, err: error }, 'sending round messages failed');
      return undefined;
    } finally {
      this.sending.delete(round.year);
    }
  }

  /** For the scheduler: sends the round message to contacts who have none yet. */
  async resumeDelivery(round: Round): Promise<void> {
    await this.deliver(round, await this.deps.service.recipients(), false);
  }

  /** Messages one person proactively: in the chat they have with the bot, or a new 1:1 chat by their Entra id. */
  private sendRoundMessage(round: Round, origin: RoundOrigin, lang: Language): SendFn {
    const { service, adapter, botAppId } = this.deps;
    return async (recipient, limiter, ready) => {
      const user = await service.data.getUser(recipient.person);
      const refreshIds = user?.teamsUserId ? [user.teamsUserId] : [];
      const card = await this.cardFor(round, recipient.units, undefined, lang, refreshIds);
      const activity = { type: 'message', attachments: [cardAttachment(card)] };
      let sent: { conversationId?: string; activityId?: string } = {};
      try {
        if (user?.conversationId && user.serviceUrl) {
          await limiter.acquire();
          await ready();
          const activityId = await this.sendInChat(chatReference(user, { id: origin.botId, name: origin.botName ?? '' }), activity, true);
          sent = { conversationId: user.conversationId, activityId };
        } else if (recipient.person.aadObjectId) {
          await limiter.acquire();
          const tenantId = origin.tenantId;
          let createFailure: unknown;
          await adapter.createConversationAsync(
            botAppId,
            'msteams',
            origin.serviceUrl,
            '',
            { isGroup: false, bot: { id: origin.botId, name: origin.botName ?? '' }, members: [{ id: recipient.person.aadObjectId, name: recipient.person.name ?? '' }], tenantId, channelData: { tenant: { id: tenantId } }, activity: undefined as never },
            async (ctx) => {
              await limiter.acquire();
              try {
                await ready();
                const response = await ctx.sendActivity(activity);
                sent = { conversationId: ctx.activity.conversation?.id, activityId: response?.id };
              } catch (error) {
                createFailure = error;
              }
            },
          );
          if (createFailure) throw createFailure;
        } else {
          throw new SendError(`${NO_CHAT}: no chat with this person yet and no Entra object id to start one`, 404);
        }
      } catch (error) {
        throw error instanceof SendError ? error : toSendError(error);
      }
      return sent;
    };
  }

  /** Sends the summary card to the safety chief and the admins who have a chat with the bot. */
  async sendSummary(round: Round, reason: SummaryReason): Promise<number> {
    const { service, logger } = this.deps;
    const report = await loadReport(service, round.year);
    if (!report) return 0;
    const roles = await service.data.getRoles();
    const people = [...(roles.safetyChief ? [roles.safetyChief] : []), ...roles.admins, ...service.configuredAdminList()];
    const seen = new Set<string>();
    let n = 0;
    for (const person of people) {
      const user = await service.data.getUser(person);
      if (!user?.conversationId || !user.serviceUrl || seen.has(user.conversationId)) continue;
      seen.add(user.conversationId);
      const lang: Language = round.origin?.locale?.startsWith('en') ? 'en' : 'sv';
      const card = summaryCard(report, lang);
      const intro = t(reason === 'weekly' ? 'summaryWeekly' : reason === 'complete' ? 'summaryComplete' : 'summaryClosed', lang, { year: round.year });
      let failure: unknown;
      try {
        await this.sendInChat(chatReference(user), { type: 'message', text: intro, attachments: [cardAttachment(card)] });
      } catch (error) {
        failure = error;
      }
      if (failure) logger.warn({ event: 'summary-failed', err: toSendError(failure).message }, 'summary not sent');
      else n += 1;
    }
    return n;
  }

  /**
   * Sends an activity into a chat proactively and returns its id. A failure is rethrown to the
   * caller: inside the callback it would reach the adapter's turn-error handler, which would answer
   * the user, instead of the caller, which retries or reports.
   */
  private async sendInChat(reference: Partial<ConversationReference>, activity: Partial<Activity>, paced = false): Promise<string | undefined> {
    const { adapter, botAppId } = this.deps;
    let failure: unknown;
    let id: string | undefined;
    await adapter.continueConversationAsync(botAppId, reference, async (ctx) => {
      try {
        if (paced) withoutSdkRetries(ctx, adapter);
        id = (await ctx.sendActivity(activity))?.id;
      } catch (error) {
        failure = error;
      }
    });
    if (failure) throw failure;
    return id;
  }

  /** Reminds everyone with unanswered obligations in the round; returns how many were reminded. */
  async remind(round: Round): Promise<number> {
    const { service, logger } = this.deps;
    const answers = await service.data.listAnswers(round.year);
    let n = 0;
    for (const recipient of await service.recipients()) {
      const { answered, total } = progress(service.obligations, answers, recipient.units);
      if (answered >= total) continue;
      const user = await service.data.getUser(recipient.person);
      if (!user?.conversationId || !user.serviceUrl) continue;
      const lang: Language = round.origin?.locale?.startsWith('en') ? 'en' : 'sv';
      try {
        const card = await this.cardFor(round, recipient.units, undefined, lang, user.teamsUserId ? [user.teamsUserId] : [], {
          notice: { text: t('reminder', lang, { year: round.year, answered, total, deadline: round.deadline }), kind: 'attention' },
        });
        await this.sendInChat(chatReference(user), { type: 'message', attachments: [cardAttachment(card)] });
        n += 1;
      } catch (error) {
        logger.warn({ event: 'reminder-failed', err: toSendError(error).message }, 'reminder not sent');
      }
    }
    logger.info({ event: 'reminders-sent', year: round.year, n }, 'reminders sent');
    return n;
  }
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

/**
 * The Bot Connector client retries 429 and 5xx by itself, unpaced, which would break the fan-out's
 * pacing (Teams counts every attempt against the rate limit). Its retry policies are removed for
 * proactive sends; the fan-out retries itself, paced and honoring Retry-After.
 */
function withoutSdkRetries(ctx: TurnContext, adapter: TeamsAdapter): void {
  const connector = ctx.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(options: { phase: string }): unknown } } } | undefined;
  connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

/** The admin's chat where the round was started, for the delivery summary. */
function originReference(origin: RoundOrigin): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: origin.serviceUrl,
    bot: { id: origin.botId, name: origin.botName ?? '' },
    user: { id: origin.adminUserId ?? '', name: '' },
    conversation: { id: origin.adminConversationId, isGroup: false, conversationType: 'personal', tenantId: origin.tenantId, name: '' },
    locale: origin.locale,
  };
}
