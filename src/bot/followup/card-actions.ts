/**
 * The follow-up's card actions in Teams (the round card's buttons, start, contacts, words,
 * reminders, answering for a unit, the report): each becomes a use-case call and its result a
 * card, or a message that leaves the card and what was typed in it. Routed by card-routes.
 */

import { roundLabel } from '../../core/followup/periods';
import { t } from '../../core/texts/catalog';
import { MAX_TYPED_DESCRIPTION_LENGTH } from '../../core/followup/model';
import { unbreakableId } from '../../core/typed-text';
import type { TurnContext } from 'botbuilder';
import type { TeamsRoundOrigin } from './teams-origin';
import { expandCard } from '../cards/render';
import { roundCardFromView } from './round-cards';
import type {
  AnswerForData,
  CloseData,
  ForgetData,
  ContactsData,
  ExportData,
  GlossaryData,
  RemindData,
  RoundCardData,
  StartData,
  WordsData,
} from './card-data';
import { remindConfirmCard } from './summary-card';
import { notice, type Card, type FormNotice } from './command-cards';
import type { Language } from '../../core/language';
import type { Person } from '../../core/followup/model';
import type { Result } from '../../usecases/result';
import { refusalCard, refusalText } from './refusals';
import { startRound } from '../../usecases/start-round';
import { replaceUnitContacts } from '../../usecases/manage-contacts';
import { setMunicipalityWord } from '../../usecases/municipality-words';
import { setGlossaryExpansion } from '../../usecases/glossary';
import { exportReport } from '../../usecases/export-report';
import { forgetPerson } from '../../usecases/personal-data';
import { deleteRound } from '../../usecases/archive-round';
import { parsePerson } from '../../core/followup/person';
import { formatOf, reportFileFor } from '../../usecases/report';
import { isSharedConversation } from '../conversation';
import { cardAttachment } from '../cards/render';
import {
  consentContextOf,
  fileConsentCard,
  fileInfoCard,
  uploadFile,
  uploadInfoOf,
  uploadUrlAllowed,
  type UploadInfo,
} from './report-file';
import { moveInRound, roundForUnit } from '../../usecases/work-through-round';
import type { RoundView } from '../../usecases/round-view';

import { FollowUpTurn } from './followup-turn';

/** A report format as people know it. */
const FORMAT_NAMES = { xlsx: 'Excel', md: 'Markdown', docx: 'Word', zip: 'zip' } as const;

export class CardActions extends FollowUpTurn {
  /** The form on the unknown words' card: a word given as the plan's words, then the card again with what happened. */
  onWordsSave(context: TurnContext, data: WordsData): Promise<Card> {
    return this.answerSaved(context, data.lang, 'words.save', {
      save: (user) => setMunicipalityWord(this.deps.service, user, { word: data.word, terms: data.terms }),
      card: (user, notice) => this.wordsCard(user, data.lang, notice),
      saved: ({ entry }) => t('wordSaved', data.lang, { word: entry.word, terms: entry.planTerms.join(', ') }),
      logged: ({ entry }) => ({ event: 'municipality-word-set', word: entry.word }),
    });
  }

  /** The glossary form: a code named by an admin, then the card again with the next code to name. */
  onGlossarySave(context: TurnContext, data: GlossaryData): Promise<Card> {
    return this.answerSaved(context, data.lang, 'glossary.save', {
      save: (user) => setGlossaryExpansion(this.deps.service, user, { code: data.code, expansion: data.expansion }),
      card: (user, notice) => this.glossaryCard(user, data.lang, notice),
      saved: ({ entry }) => t('glossarySaved', data.lang, { code: entry.code, expansion: entry.expansion }),
      logged: ({ entry }) => ({ event: 'glossary-changed', code: entry.code }),
    });
  }

  /**
   * A form that teaches the answers something (a word, a code's name): saved by its use case, the
   * answers refreshed, and the form's card again with what happened — a refusal in its notice, or
   * a card of its own for one who may not use the form.
   */
  private answerSaved<T>(
    context: TurnContext,
    lang: Language,
    verb: string,
    form: {
      save: (user: Person) => Promise<Result<T>>;
      card: (user: Person, notice: FormNotice) => Promise<Card>;
      saved: (result: T) => string;
      logged: (result: T) => Record<string, unknown>;
    },
  ): Promise<Card> {
    return this.storeGuard(lang, verb, async () => {
      const user = this.personOf(context);
      const result = await form.save(user);
      if (!result.ok)
        return result.reason === 'not-admin'
          ? refusalCard(result, lang)
          : form.card(user, { text: refusalText(result, lang), kind: 'attention' });
      this.deps.logger.info(form.logged(result), `${verb}: saved`);
      await this.deps.refreshAnswers?.();
      return form.card(user, { text: form.saved(result), kind: 'good' });
    });
  }

  async onContactsSave(context: TurnContext, data: ContactsData): Promise<Card> {
    const { lang } = data;
    return this.storeGuard(lang, 'contacts.save', async () => {
      const user = this.personOf(context);
      const result = await replaceUnitContacts(this.deps.service, user, { unit: data.unit, people: data.people }, this.deps.directory);
      if (!result.ok)
        return result.reason === 'not-admin'
          ? refusalCard(result, lang)
          : this.contactsCard(user, lang, { text: refusalText(result, lang), kind: 'attention' });
      this.deps.logger.info({ event: 'contacts-changed', unit: result.unit, count: result.people.length }, 'contacts changed');
      return this.contactsCard(
        user,
        lang,
        { text: t('contactsSaved', lang, { unit: result.unit, people: result.typed.join(', ') || '–' }), kind: 'good' },
        undefined,
        result.unit,
      );
    });
  }

  /**
   * Confirmed: reminds those not finished and says what happened. Not confirmed (a summary sent
   * before reminders asked first): the confirmation card with how many would get one.
   */
  async onRemind(context: TurnContext, data: RemindData): Promise<Card | string> {
    const { lang } = data;
    return this.storeGuardKeepingCard(lang, 'round.remind', async () => {
      const result = await this.work.remindOnRequest(this.personOf(context), { year: Number(data.year), confirmed: data.confirmed });
      if (!result.ok) return refusalText(result, lang);
      return 'toConfirm' in result
        ? remindConfirmCard(result.round.year, result.toConfirm, lang)
        : t('remindersSent', lang, { n: result.reminded });
    });
  }

  /** The round card of the unit an admin chose to answer for; a string (a message) when refused. */
  async onAnswerFor(context: TurnContext, data: AnswerForData): Promise<Card | string> {
    const { lang } = data;
    return this.storeGuardKeepingCard(lang, 'round.answerFor', async () => {
      const result = await roundForUnit(this.deps.service, this.personOf(context), { unit: data.unit });
      return result.ok
        ? roundCardFromView(result.view, lang, [context.activity.from?.id ?? ''].filter(Boolean))
        : refusalText(result, lang);
    });
  }

  /** A link to the report on the bot's own server: unguessable, used once, within minutes, admins only. A refusal is a message (a string). */
  async onExport(context: TurnContext, data: ExportData): Promise<Card | string> {
    const { logger, reportLinkTtlMs, publicUrl } = this.deps;
    const { lang } = data;
    if (this.deps.reportDelivery === 'file' && !isSharedConversation(context)) return this.offerReportFile(context, data);
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
      const minutes = Math.round(reportLinkTtlMs / 60_000);
      logger.info({ event: 'report-link', year: result.year, format: result.format }, 'report link created');
      const title = t('reportReady', lang, { year: result.year, format: FORMAT_NAMES[result.format] });
      return expandCard('link', {
        fallbackText: `${title}\n${url}`,
        title,
        note: t('reportLinkNote', lang, { minutes }),
        linkTitle: t('openReport', lang),
        url,
      });
    });
  }

  /** The report as a file for the admin's OneDrive: a file consent card below (report-file.ts); what to say on the card pressed. */
  private async offerReportFile(context: TurnContext, data: ExportData): Promise<string> {
    const { lang } = data;
    return (await this.storeGuardKeepingCard(lang, 'report.export', async () => {
      const result = await reportFileFor(
        this.deps.service,
        this.personOf(context),
        { year: data.year, format: data.format },
        // Made again when the admin allows it: only that one is handed over.
        { personNames: this.deps.reportPersonNames ?? false, preview: true },
      );
      if (!result.ok) return refusalText(result, lang);
      const format = formatOf(data.format);
      await context.sendActivity({
        type: 'message',
        attachments: [fileConsentCard(result.file, result.year, { year: String(result.year), format, lang })],
      });
      this.deps.logger.info({ event: 'report-consent-asked', year: result.year, format }, 'report offered as a file');
      return t('reportConsentBelow', lang);
    })) as string;
  }

  /** The admin allowed the report's file consent: built again for them (still an admin?), uploaded to their OneDrive, shown. */
  async onReportConsent(
    context: TurnContext,
    response: { action?: string; context?: unknown; uploadInfo?: Partial<UploadInfo> },
  ): Promise<void> {
    const consent = consentContextOf(response.context);
    if (!consent) return;
    const lang = consent.lang;
    const say = (text: string) => context.sendActivity({ type: 'message', attachments: [cardAttachment(notice(text))] });
    if (response.action !== 'accept') {
      await say(t('reportDeclined', lang));
      return;
    }
    const upload = uploadInfoOf(response.uploadInfo);
    if (!upload || !uploadUrlAllowed(upload.uploadUrl, this.deps.localMode)) {
      this.deps.logger.warn(
        { event: 'report-upload-refused', reason: 'upload-url' },
        'file consent with an upload address that is not OneDrive',
      );
      await say(t('reportUploadFailed', lang));
      return;
    }
    try {
      const result = await reportFileFor(
        this.deps.service,
        this.personOf(context),
        { year: consent.year, format: consent.format },
        { personNames: this.deps.reportPersonNames ?? false },
      );
      if (!result.ok) {
        await say(refusalText(result, lang));
        return;
      }
      await uploadFile(upload.uploadUrl, result.file.body);
      await context.sendActivity({ type: 'message', attachments: [fileInfoCard(upload)] });
      this.deps.logger.info(
        { event: 'report-uploaded', year: result.year, format: consent.format },
        "report saved in the admin's OneDrive",
      );
    } catch (error) {
      this.deps.logger.error({ event: 'report-upload-failed', err: error }, 'report could not be uploaded');
      await say(t('reportUploadFailed', lang));
    }
  }

  /** The round card's actions: a card, or (when the store is down) a message that leaves the card and what was typed in it. */
  async onRoundVerb(context: TurnContext, verb: string, data: RoundCardData): Promise<Card | string> {
    const { service, logger } = this.deps;
    const { lang } = data;
    const user = this.personOf(context);
    const refreshIds = [context.activity.from?.id ?? ''].filter(Boolean);
    const card = (view: RoundView, extra?: Parameters<typeof roundCardFromView>[3]) => roundCardFromView(view, lang, refreshIds, extra);
    // What the person typed goes back into any card with a refusal, so nothing they wrote is lost.
    const typed = { status: data.status, description: data.description?.slice(0, MAX_TYPED_DESCRIPTION_LENGTH) };
    return this.storeGuardKeepingCard(lang, verb, async () => {
      const position = { year: data.year, actionId: data.actionId, unit: data.unit };
      if (verb !== 'round.save') {
        const step = verb === 'round.next' ? 1 : verb === 'round.previous' ? -1 : verb === 'round.unanswered' ? 'unanswered' : 0;
        const moved = await moveInRound(service, user, position, step, typed);
        if (moved.ok && moved.statusNotSaved) {
          const status =
            service.plan.followUp.statuses.find((s) => s.key === moved.statusNotSaved!.status)?.label ?? moved.statusNotSaved.status;
          const text = t('statusNotSaved', lang, { status, id: unbreakableId(moved.statusNotSaved.actionId) });
          return card(moved.view, { notice: { text, kind: 'attention' } });
        }
        if (moved.ok) return card(moved.view);
        const text = refusalText(moved, lang, service.plan.followUp.statuses);
        const discard = moved.refusal === 'unsaved-changes' ? { discardVerb: verb } : {};
        return moved.view ? card(moved.view, { notice: { text, kind: 'attention' }, typed, ...discard }) : notice(text);
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
            actionId: data.actionId.slice(0, 20),
            unit: data.unit.slice(0, 40),
          },
          'answer refused',
        );
        const text = refusalText(result, lang, service.plan.followUp.statuses);
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

  /** Stäng on the closing confirmation: the round closes (its summary goes out), said in the card's place. */
  async onClose(context: TurnContext, data: CloseData): Promise<Card> {
    const { lang } = data;
    return this.storeGuard(lang, 'round.close', async () => {
      // The round named on the confirmation, never "the open one" for a year that does not read: no closing unseen.
      const year = Number(data.year);
      if (!Number.isInteger(year)) return refusalCard({ reason: 'no-round' }, lang);
      const result = await this.work.close(this.personOf(context), { year, confirmed: true });
      return result.ok ? notice(t('closed', lang, { year: roundLabel(result.year) })) : refusalCard(result, lang);
    });
  }

  /** Radera on the erasure's confirmation: the person erased, with counts; refused for the last admin. */
  async onForget(context: TurnContext, data: ForgetData): Promise<Card> {
    const { lang } = data;
    return this.storeGuard(lang, 'person.forget', async () => {
      const person = parsePerson(data.person);
      if (!person) return refusalCard({ reason: 'bad-person' }, lang);
      const result = await forgetPerson(this.deps.service, this.personOf(context), { person, confirmed: true });
      if (!result.ok) return refusalCard(result, lang);
      if (!('erased' in result)) return refusalCard({ reason: 'bad-person' }, lang);
      // The log names nobody: the counts only, as the record kept in the store.
      this.deps.logger.info({ event: 'person-erased', counts: result.erased }, 'personal data erased');
      return notice(t('forgotten', lang, { ...result.erased }));
    });
  }

  /** Radera omgången on its confirmation: the archived round removed. */
  async onDeleteRound(context: TurnContext, data: CloseData): Promise<Card> {
    const { lang } = data;
    return this.storeGuard(lang, 'round.delete', async () => {
      const year = Number(data.year);
      const result = await deleteRound(this.deps.service, this.personOf(context), {
        year: Number.isInteger(year) ? year : null,
        confirmed: true,
      });
      if (!result.ok) return refusalCard(result, lang);
      if (!('deleted' in result)) return refusalCard({ reason: 'no-round' }, lang);
      this.deps.logger.info({ event: 'round-deleted', year: result.year, documents: result.deleted }, 'archived round deleted');
      return notice(t('roundDeleted', lang, { year: roundLabel(result.year), n: result.deleted }));
    });
  }

  async onStart(context: TurnContext, data: StartData): Promise<Card> {
    const { lang } = data;
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
