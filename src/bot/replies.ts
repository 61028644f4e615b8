/**
 * What the bot sends back for an answer: an Adaptive Card where the channel renders cards,
 * plain text elsewhere (the terminal chat, SMS-like channels). The card carries the same text
 * as its fallbackText.
 */
import type { Answer, Language } from '../core/qa/answer-model';
import type { PlanHelp } from '../usecases/live-answerer';
import { renderText } from '../core/qa/render-text';
import { answerCard, helpSpec, messageCard, type HelpExtras, type HelpKind } from './cards/answer-cards';
import { cardAttachment, expandCard } from './cards/render';

/** Channels known to render Adaptive Cards 1.5. */
const CARD_CHANNELS = new Set(['msteams', 'emulator', 'webchat', 'directline', 'test']);

export interface OutgoingMessage {
  type: 'message';
  text?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
  locale?: string;
}

export function rendersCards(channelId: string | undefined): boolean {
  return CARD_CHANNELS.has(channelId ?? '');
}

export function answerReply(answer: Answer, channelId: string | undefined): OutgoingMessage {
  const locale = answer.language === 'sv' ? 'sv-SE' : 'en-US';
  if (!rendersCards(channelId)) return { type: 'message', text: renderText(answer), locale };
  return { type: 'message', attachments: [cardAttachment(answerCard(answer))], locale };
}

/** The welcome (on install) or the help card, with what is the person's own or the group's when known. */
export function helpReply(
  language: Language,
  help: PlanHelp,
  channelId: string | undefined,
  kind: HelpKind,
  extras?: HelpExtras,
): OutgoingMessage {
  const spec = helpSpec(language, help, kind, extras);
  if (!rendersCards(channelId)) return { type: 'message', text: String(spec.data.fallbackText) };
  return { type: 'message', attachments: [cardAttachment(expandCard(spec.template, spec.data))] };
}

/** A card where the channel renders cards, its fallback text elsewhere. */
export function cardReply(card: Record<string, unknown>, channelId: string | undefined): OutgoingMessage {
  if (!rendersCards(channelId)) return { type: 'message', text: String(card.fallbackText ?? '') };
  return { type: 'message', attachments: [cardAttachment(card)] };
}

export function plainReply(text: string, channelId: string | undefined): OutgoingMessage {
  return cardReply(messageCard(text, []), channelId);
}
