/**
 * Expands a card template (templates/*.json) with plain data, using adaptivecards-templating.
 * Templates are fixed files; user and plan text only ever travels in the data, so it is
 * never evaluated as a template expression.
 */
import * as ACData from 'adaptivecards-templating';
import actions from './templates/actions.json';
import listing from './templates/listing.json';
import message from './templates/message.json';
import help from './templates/help.json';

export const TEMPLATES = { actions, listing, message, help } as const;
export type TemplateName = keyof typeof TEMPLATES;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: Record<string, unknown>;
}

export function expandCard(name: TemplateName, data: object): Record<string, unknown> {
  const template = new ACData.Template(TEMPLATES[name]);
  return template.expand({ $root: data }) as Record<string, unknown>;
}

export function cardAttachment(card: Record<string, unknown>): CardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
