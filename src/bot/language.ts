/** The language to answer in: a message's own, else the client's locale; a card action's, its card's. */
import type { TurnContext } from 'botbuilder';
import { languageOfLocale, type Language } from '../core/language';
import { detectLanguage } from '../core/qa/intent';

export function languageOf(context: TurnContext): Language {
  const text = typeof context.activity.text === 'string' ? context.activity.text : '';
  if (text.trim()) return detectLanguage(text);
  return languageOfLocale(context.activity.locale);
}

/**
 * The language of a card action: the one the card was made in (its data carries it), else Swedish.
 * Not the client's locale: Swedish staff often run Teams in English, and the round is in Swedish.
 */
export function actionLanguage(data: unknown): Language {
  return (data as { lang?: unknown } | null | undefined)?.lang === 'en' ? 'en' : 'sv';
}
