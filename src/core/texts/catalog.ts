/**
 * Every sentence the bot says, Swedish and English, in one catalog: the answers about the plan
 * (answer-texts.ts) and the follow-up (follow-up-texts.ts). One lookup, `t`, fills a sentence's
 * {placeholders}: a count {n} brings its words ({people}, {actionsWord}…), an action id never
 * breaks at its hyphen, a round is written as people write it ("2025 T1").
 */
import type { Language } from '../language';
import { roundLabel } from '../followup/periods';
import { unbreakableId } from '../typed-text';
import { MAX_DESCRIPTION_LENGTH, type StatusDefinition } from '../followup/model';
import type { RefusalReason } from '../followup/validate';
import { ANSWER_TEXTS, PLURALS } from './answer-texts';
import { FOLLOW_UP_TEXTS, REFUSALS } from './follow-up-texts';
import { RECORDS_TEXTS } from './records-texts';

type Overlap =
  | (keyof typeof ANSWER_TEXTS & keyof typeof FOLLOW_UP_TEXTS)
  | (keyof typeof RECORDS_TEXTS & (keyof typeof ANSWER_TEXTS | keyof typeof FOLLOW_UP_TEXTS));
/** A key in both parts would hide one of the sentences: this fails to compile then. */
const NO_KEY_TWICE: [Overlap] extends [never] ? true : never = true;
void NO_KEY_TWICE;

const CATALOG: Record<TextKey, { sv: string; en: string }> = { ...ANSWER_TEXTS, ...FOLLOW_UP_TEXTS, ...RECORDS_TEXTS };

export type TextKey = keyof typeof ANSWER_TEXTS | keyof typeof FOLLOW_UP_TEXTS | keyof typeof RECORDS_TEXTS;

/** Fills {name} placeholders in a sentence. */
export function fillPlaceholders(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? ''));
}

export function t(key: TextKey, language: Language, values: Record<string, string | number> = {}): string {
  const filled: Record<string, string | number> = { max: maxDescription(language), ...values };
  const n = values.n;
  if (typeof n === 'number') {
    filled.people ??= n === 1 ? '1 person' : `${n} ${language === 'sv' ? 'personer' : 'people'}`;
    // A word the caller gives (a plan's own word for its groups) wins over the default.
    for (const [word, forms] of Object.entries(PLURALS)) if (!(word in values)) filled[word] = forms[language][n === 1 ? 0 : 1];
  }
  // An action id in a text is on a card: printed so that it never breaks at its hyphen.
  if (typeof values.actionId === 'string') filled.actionId = unbreakableId(values.actionId);
  // A round as people write it: "2025", "2025 H1" (core/followup/periods.ts).
  if (typeof values.year === 'number') filled.year = roundLabel(values.year);
  return fillPlaceholders(CATALOG[key][language], filled);
}

/** Why an answer was refused (core/followup/validate); `statuses`, the plan's, name the choices when the status was missing. */
export function answerRefusalText(reason: RefusalReason, language: Language, detail = '', statuses: StatusDefinition[] = []): string {
  return fillPlaceholders(REFUSALS[reason][language], {
    detail,
    statuses: statusChoiceList(statuses, language),
    max: maxDescription(language),
  });
}

/** The description limit as the language writes numbers: "2 000", "2,000". */
const maxDescription = (language: Language): string =>
  MAX_DESCRIPTION_LENGTH.toLocaleString(language === 'en' ? 'en-US' : 'sv-SE').replace(/\u00a0/g, ' ');

/** "Pågående, Påbörjad eller Ej påbörjad", from the plan's status table. */
function statusChoiceList(statuses: StatusDefinition[], language: Language): string {
  const labels = statuses.map((s) => (language === 'en' ? s.enLabel : s.label));
  return labels.length < 2 ? labels.join('') : `${labels.slice(0, -1).join(', ')} ${language === 'en' ? 'or' : 'eller'} ${labels.at(-1)}`;
}
