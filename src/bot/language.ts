/** The language to answer in: the message's own, else the client's locale; Swedish unless it is English. */
import type { TurnContext } from 'botbuilder';
import type { Language } from '../core/language';
import { detectLanguage } from '../core/qa/intent';

export function languageOf(context: TurnContext): Language {
  const text = typeof context.activity.text === 'string' ? context.activity.text : '';
  if (text.trim()) return detectLanguage(text);
  return (context.activity.locale ?? '').toLowerCase().startsWith('en') ? 'en' : 'sv';
}
