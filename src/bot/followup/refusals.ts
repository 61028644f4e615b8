/** One refusal vocabulary: whatever a use case refuses, said in the user's words (the catalog's sentences). */
import { answerRefusalText, t } from '../../core/texts/catalog';
import type { Language } from '../../core/language';
import { roundLabel } from '../../core/followup/periods';
import type { StatusDefinition } from '../../core/followup/model';
import type { Refusal } from '../../usecases/result';
import type { AnswerRefusal } from '../../usecases/work-through-round';
import { notice, type Card } from './command-cards';

/**
 * A use case's refusal in the user's words: a refusal of a command or card action (usecases/result)
 * or of an answer (usecases/work-through-round, in the core's terms). `statuses`, the plan's, name
 * the choices when an answer's status was missing.
 */
export function refusalText(refusal: Refusal | AnswerRefusal, lang: Language, statuses: StatusDefinition[] = []): string {
  switch (refusal.reason) {
    case 'answer-refused': {
      // A closed round names whom to ask: who started it, or in words when the bot knows no name.
      const detail = refusal.refusal === 'round-closed' && !refusal.detail ? t('askAdmin', lang) : refusal.detail;
      return answerRefusalText(refusal.refusal, lang, detail, refusal.view?.statuses ?? statuses);
    }
    case 'not-admin':
      return t('notAdmin', lang);
    case 'not-contact':
      return t('notContact', lang);
    case 'no-round':
      return t('noRound', lang);
    case 'bad-date':
      return t('badDate', lang);
    case 'wrong-period':
      return t('wrongPeriod', lang, { period: t(`period.${refusal.period}`, lang), example: refusal.example });
    case 'past-deadline':
      return t('pastDeadline', lang, { deadline: refusal.deadline });
    case 'round-open':
      return t('roundOpen', lang, { year: roundLabel(refusal.year) });
    case 'already-exists':
      return t('alreadyExists', lang, { year: refusal.year });
    case 'unknown-unit':
      return t('unknownUnit', lang, { unit: refusal.unit });
    case 'bad-person':
      return t('badPerson', lang);
    case 'no-people':
      return t('noPeople', lang, { unit: refusal.unit });
    case 'too-many-contacts':
      return t(refusal.scope === 'unit' ? 'tooManyContactsUnit' : 'tooManyContacts', lang, { unit: refusal.unit, max: refusal.max });
    case 'unknown-action':
      return answerRefusalText('unknown-action', lang, refusal.actionId);
    case 'other-units':
      return t('statusOwnUnitsOnly', lang, { units: refusal.ownUnits.join(', ') });
    case 'defined-by-plan':
      return t('definedByPlan', lang, { code: refusal.code, expansion: refusal.expansion });
    case 'bad-expansion':
      return t('badExpansion', lang, { max: refusal.max });
    case 'bad-word':
      return t('badWord', lang, { max: refusal.max });
    case 'terms-not-in-plan':
      return t('termsNotInPlan', lang, { terms: refusal.terms.join(', ') });
    case 'word-in-plan':
      return t('wordInPlan', lang, { word: refusal.word });
    case 'unknown-word':
      return t('unknownWordNotGiven', lang, { word: refusal.word });
    case 'last-admin':
      return t('lastAdmin', lang);
    case 'configured-admin':
      return t('configuredAdmin', lang);
    case 'not-archived':
      return t('notArchived', lang, { year: roundLabel(refusal.year) });
  }
}

export const refusalCard = (refusal: Refusal | AnswerRefusal, lang: Language): Card => notice(refusalText(refusal, lang));
