/**
 * Expands a card template (templates/*.json) with plain data, using adaptivecards-templating.
 * Templates are fixed files; user and plan text only ever travels in the data, so it is
 * never evaluated as a template expression.
 */
import * as ACData from 'adaptivecards-templating';
import { escapeMarkdown } from '../../core/plain-text';
import actions from './templates/actions.json';
import listing from './templates/listing.json';
import message from './templates/message.json';
import help from './templates/help.json';
import roundAction from './templates/round-action.json';
import roundConfirm from './templates/round-confirm.json';
import contactsForm from './templates/contacts-form.json';
import summary from './templates/summary.json';
import link from './templates/link.json';
import remindConfirm from './templates/remind-confirm.json';
import closeConfirm from './templates/close-confirm.json';
import suggestions from './templates/suggestions.json';
import wordsForm from './templates/words-form.json';
import glossaryForm from './templates/glossary-form.json';
import diagnosis from './templates/diagnosis.json';
import records from './templates/records.json';

export const TEMPLATES = {
  actions,
  listing,
  message,
  help,
  'round-action': roundAction,
  'round-confirm': roundConfirm,
  'contacts-form': contactsForm,
  summary,
  link,
  'remind-confirm': remindConfirm,
  'close-confirm': closeConfirm,
  suggestions,
  'words-form': wordsForm,
  'glossary-form': glossaryForm,
  diagnosis,
  records,
} as const;
export type TemplateName = keyof typeof TEMPLATES;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: Record<string, unknown>;
}

/** A card's fallback text at most. */
const MAX_FALLBACK_CHARS = 2_000;

/** Parsing a template's expressions costs more than expanding it, so each is parsed once. */
const prepared = new Map<TemplateName, ACData.Template>();

function template(name: TemplateName): ACData.Template {
  let t = prepared.get(name);
  if (!t) {
    t = new ACData.Template(TEMPLATES[name]);
    prepared.set(name, t);
  }
  return t;
}

/**
 * The one place where text shown on a card becomes safe to show: every TextBlock's text and every
 * fact of a FactSet, which Teams reads as Markdown, is escaped (core/plain-text), so that text from
 * people or an imported plan never becomes a link, an image or formatting. The templates format
 * with TextBlock and TextRun properties (weight, italic), never with Markdown, and a TextRun is
 * never read as Markdown. Inputs' values, choices and action data are not Markdown and stay as
 * they are (an escaped description would be saved with its backslashes).
 */
function escapeShownText(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) escapeShownText(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const element = node as Record<string, unknown>;
  if (element.type === 'TextBlock' && typeof element.text === 'string') element.text = escapeMarkdown(element.text);
  if (element.type === 'FactSet' && Array.isArray(element.facts))
    for (const fact of element.facts as Array<Record<string, unknown>>)
      for (const key of ['title', 'value'] as const) if (typeof fact[key] === 'string') fact[key] = escapeMarkdown(fact[key]);
  for (const [key, value] of Object.entries(element)) if (key !== 'facts' && typeof value === 'object') escapeShownText(value);
}

/** Expands a template and returns the templating library's warnings (undefined fields and the like). */
export function expandCardChecked(name: TemplateName, data: object): { card: Record<string, unknown>; warnings: string[] } {
  const t = template(name);
  // expand() is synchronous, so sharing one prepared template between turns is safe.
  const card = t.expand({ $root: data }) as Record<string, unknown>;
  escapeShownText(card);
  // The fallback is what a notification or a client without cards shows: readable, never what makes a card too large.
  if (typeof card.fallbackText === 'string' && card.fallbackText.length > MAX_FALLBACK_CHARS)
    card.fallbackText = `${card.fallbackText.slice(0, MAX_FALLBACK_CHARS - 1)}…`;
  return { card, warnings: [...(t.getLastTemplateExpansionWarnings() ?? [])] };
}

export function expandCard(name: TemplateName, data: object): Record<string, unknown> {
  return expandCardChecked(name, data).card;
}

export function cardAttachment(card: Record<string, unknown>): CardAttachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}
