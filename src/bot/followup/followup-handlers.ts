/**
 * The follow-up round in Teams: admin commands, the confirmation card, answers through the round
 * card's actions, status views and report links. Routes to FollowUpService, where the rules and
 * the storage live; proactive messages are the RoundMessenger's.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { AdaptiveCard, Application, TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../../log';
import type { Language } from '../../core/qa/answer-model';
import type { PlanAnswerer } from '../../core/qa/answerer';
import { parseFollowUpCommand, parsePerson, type FollowUpCommand } from '../../core/followup/commands';
import { swedishDate } from '../../core/followup/schedule';
import { statusAccess, type StatusAccess } from '../../core/followup/status-access';
import { personKey, samePerson, type Person, type Round, type RoundOrigin } from '../../core/followup/model';
import type { FollowUpService } from '../../followup/followup-service';
import { StoreError } from '../../store/document-store';
import { expandCard } from '../cards/render';
import { roundCardFor, roundConfirmCard } from './round-cards';
import { RoundMessenger } from './messenger';
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

export class FollowUpHandlers {
  private readonly savedReferences = new Map<string, string>();
  /** Entra object id → UPN, learnt from Teams (TeamsInfo.getMember) so contacts given by e-mail match. */
  private readonly upnByAad = new Map<string, string | null>();

  /** Proactive messages: round messages, reminders, summaries. */
  readonly messenger: RoundMessenger;

  constructor(private readonly deps: FollowUpDeps) {
    this.messenger = new RoundMessenger(deps);
  }

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
  idle(): Promise<void> {
    return this.messenger.idle();
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
    const lang = languageOf(context);
    try {
      if (command.kind === 'action-status' || command.kind === 'unit-status') {
        const access = await this.statusAccessOf(context, command);
        // For everyone outside the follow-up it is a question about the plan, answered from the plan.
        if (access.kind === 'not-in-follow-up') return false;
        await this.reply(context, access.kind === 'other-units' ? notice(t('statusOwnUnitsOnly', lang, { units: access.ownUnits.join(', ') })) : await this.statusView(command, lang, access));
        return true;
      }
      await this.reply(context, await this.runCommand(context, command, lang));
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      this.deps.logger.error({ event: 'store-error', status: error.status, err: error }, 'store failed during a command');
      await this.reply(context, notice(t('storeDown', lang)));
    }
    return true;
  }

  private async runCommand(context: TurnContext, command: Exclude<FollowUpCommand, { kind: 'action-status' | 'unit-status' }>, lang: Language): Promise<Card> {
    const { service } = this.deps;
    const user = this.personOf(context);
    if (command.kind === 'invalid') return notice(t(command.message === 'date' ? 'badDate' : 'badPerson', lang));
    if (command.kind === 'my-round') return this.myRoundCard(context, lang);
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
        const n = await this.messenger.remind(round);
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

  /** Stored answers are for the people in the follow-up (core/followup/status-access.ts says which). */
  private async statusAccessOf(context: TurnContext, command: Extract<FollowUpCommand, { kind: 'action-status' | 'unit-status' }>): Promise<StatusAccess> {
    const user = this.personOf(context);
    const viewer = { isAdmin: await this.deps.service.isAdmin(user), units: await this.deps.service.unitsOf(user) };
    const request = command.kind === 'action-status' ? { kind: 'action' as const, actionId: command.actionId } : { kind: 'unit' as const, unit: command.unit };
    return statusAccess(viewer, request, this.deps.service.obligations);
  }

  private async latestRound(): Promise<Round | undefined> {
    const rounds = await this.deps.service.data.listRounds();
    return rounds.filter((r) => r.state === 'open').pop() ?? rounds.pop();
  }

  /** "status för åtgärd A3-1", "hur går det för SF?": answered from the stored answers. */
  private async statusView(command: Extract<FollowUpCommand, { kind: 'action-status' | 'unit-status' }>, lang: Language, access: Extract<StatusAccess, { kind: 'all' | 'own' }>): Promise<Card> {
    const { service } = this.deps;
    const year = command.year ?? (await this.latestRound())?.year;
    const full = year ? await loadReport(service, year) : undefined;
    if (!full) return notice(t('noRound', lang));
    const report = access.kind === 'all' ? full : { ...full, rows: full.rows.filter((r) => access.units.includes(r.unit)) };
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
    return notice(t('remindersSent', lang, { n: await this.messenger.remind(round) }));
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
    return roundCardFor(this.deps.service, this.deps.answerer, round, units, undefined, lang, [context.activity.from?.id ?? ''].filter(Boolean));
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
        return roundCardFor(this.deps.service, this.deps.answerer, round, units, target, lang, refreshIds);
      }
      const typed = { status: typeof data.status === 'string' ? data.status : undefined, description: typeof data.description === 'string' ? data.description.slice(0, 4000) : undefined };
      const result = await service.submit({ year: data.year, actionId: data.actionId, unit: data.unit, status: data.status, description: data.description }, user, new Date(), { round, contacts, isAdmin });
      if (!result.ok) {
        logger.warn({ event: 'answer-refused', reason: result.reason, actionId: actionId.slice(0, 20), unit: unit.slice(0, 40) }, 'answer refused');
        const text = refusalText(result.reason, lang, result.detail);
        if (index < 0 || result.reason === 'round-closed') return notice(text);
        return roundCardFor(this.deps.service, this.deps.answerer, round, units, mine[index], lang, refreshIds, { notice: { text, kind: 'attention' }, typed });
      }
      logger.info({ event: 'answer-saved', outcome: result.outcome, year, actionId, unit, onBehalf: result.answer.onBehalf }, 'answer saved');
      const answers = await service.data.listAnswers(year);
      const nextOpen = mine.find((o, i) => i > index && !answers.some((a) => a.actionId === o.actionId && a.unit === o.unit))
        ?? mine.find((o) => !answers.some((a) => a.actionId === o.actionId && a.unit === o.unit));
      const savedText = result.outcome === 'unchanged' ? t('unchanged', lang) : t('saved', lang, { actionId, unit });
      const text = nextOpen ? savedText : `${savedText} ${t('allDone', lang)}`;
      return roundCardFor(this.deps.service, this.deps.answerer, round, units, nextOpen ?? mine[index], lang, refreshIds, { notice: { text, kind: 'good' } }, answers);
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
    this.messenger.track(this.messenger.deliver(round!, recipients, true));
    return notice(t('started', lang, { year, n: recipients.length }));
  }
}

