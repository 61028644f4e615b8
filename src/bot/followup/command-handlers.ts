/**
 * The follow-up's chat commands in Teams ("starta uppföljning 2024", "kontakter", …): each becomes
 * a use-case call (src/usecases) and its result a card. The grammar is in bot/followup/commands.
 */

import { t } from '../../core/texts/catalog';
import type { TurnContext } from 'botbuilder';
import type { Language } from '../../core/language';
import { type FollowUpCommand } from './commands';
import type { Person } from '../../core/followup/model';
import { roundCardFromView, roundConfirmCard } from './round-cards';
import { closeConfirmCard, remindConfirmCard, summaryCard } from './summary-card';
import { notice, statusCard, type Card } from './command-cards';
import { refusalCard } from './refusals';
import type { Refusal } from '../../usecases/result';
import { prepareRound } from '../../usecases/prepare-round';
import { addContacts, removeContact } from '../../usecases/manage-contacts';
import { grantAdmin, revokeAdmin, setSafetyChief } from '../../usecases/manage-roles';
import { viewStatus } from '../../usecases/view-status';
import { setGlossaryExpansion } from '../../usecases/glossary';
import { municipalityWords, removeMunicipalityWord, setMunicipalityWord } from '../../usecases/municipality-words';
import { messageCard } from '../cards/answer-cards';
import { summarizeRound } from '../../usecases/summarize-round';
import { roundForUnit } from '../../usecases/work-through-round';
import { diagnose } from '../../usecases/diagnose';
import { diagnosisCard } from './diagnosis-card';
import { forgetPerson, showPersonalData } from '../../usecases/personal-data';
import { deleteRound } from '../../usecases/archive-round';
import { deleteRoundConfirmCard, forgetConfirmCard, nothingKept, personalDataCard } from './records-cards';

import { FollowUpTurn } from './followup-turn';
import { roundLabel } from '../../core/followup/periods';

export class CommandHandlers extends FollowUpTurn {
  /** The command's card; undefined when it is a question about the plan after all (a status view asked by someone outside the follow-up). */
  async cardFor(context: TurnContext, command: FollowUpCommand, user: Person, lang: Language): Promise<Card | undefined> {
    let planQuestion = false;
    const card = await this.storeGuard(lang, command.kind, async () => {
      const commandCard = await this.runCommand(context, command, user, lang);
      planQuestion = commandCard === undefined;
      return commandCard ?? notice('');
    });
    return planQuestion ? undefined : card;
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
        return notice(
          t(command.message === 'reopen-date' ? 'reopenNeedsDate' : command.message === 'date' ? 'badDate' : 'badPerson', lang),
        );
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
        // Nothing is closed yet: the admin sees what is still missing, and confirms with Stäng.
        const result = await this.work.close(user, { year: command.year });
        if (!result.ok) return refused(result);
        return 'toConfirm' in result
          ? closeConfirmCard(result.year, result.toConfirm, lang)
          : notice(t('closed', lang, { year: roundLabel(result.year) }));
      }
      case 'reopen-round': {
        const result = await this.work.reopen(user, { year: command.year, deadline: command.deadline });
        if (!result.ok) return refused(result);
        return notice(t('reopened', lang, { year: roundLabel(result.round.year), deadline: result.round.deadline, n: result.told }));
      }
      case 'remind': {
        const result = await this.work.remindOnRequest(user, { year: command.year, confirmed: false });
        if (!result.ok) return refused(result);
        return 'toConfirm' in result
          ? remindConfirmCard(result.round.year, result.toConfirm, lang)
          : notice(t('remindersSent', lang, { n: result.reminded }));
      }
      case 'list-contacts':
        return this.contactsCard(user, lang, undefined, command.unit);
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
      case 'list-glossary':
        return this.glossaryCard(user, lang);
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
      case 'show-personal-data': {
        const result = await showPersonalData(service, user, command);
        if (!result.ok) return refused(result);
        return result.data.kept ? personalDataCard(command.person, result.data, lang) : nothingKept(command.person, lang);
      }
      case 'forget-person': {
        // Nothing is erased yet: the admin sees what goes and what stays, and confirms with Radera.
        const result = await forgetPerson(service, user, { person: command.person, confirmed: false });
        if (!result.ok) return refused(result);
        if (!('toConfirm' in result)) return undefined;
        // Nothing to erase: said so, with no Radera that would do nothing.
        return result.toConfirm.kept ? forgetConfirmCard(command.person, result.toConfirm, lang) : nothingKept(command.person, lang);
      }
      case 'delete-round': {
        const result = await deleteRound(service, user, { year: command.year, confirmed: false });
        if (!result.ok) return refused(result);
        return 'toConfirm' in result ? deleteRoundConfirmCard(result.year, result.toConfirm, lang) : undefined;
      }
    }
  }
}
