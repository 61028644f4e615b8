/**
 * Where each card button goes: every verb both as a Universal Action (Action.Execute, answered
 * with a card or a message) and as its Action.Submit fallback (answered with a new message).
 * The handlers translate to use cases; here is only how Teams gets the answer back.
 */
import { t } from '../../core/texts/catalog';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard, Application } from '@microsoft/teams-ai';
import { actionLanguage } from '../language';
import { cardReply } from '../replies';
import { notice, type Card } from './command-cards';

export interface CardActionHandlers {
  onRoundVerb(context: TurnContext, verb: string, data: Record<string, unknown>): Promise<Card | string>;
  onStart(context: TurnContext, data: Record<string, unknown>): Promise<Card>;
  onContactsSave(context: TurnContext, data: Record<string, unknown>): Promise<Card>;
  onWordsSave(context: TurnContext, data: Record<string, unknown>): Promise<Card>;
  onRemindVerb(context: TurnContext, data: Record<string, unknown>): Promise<Card | string>;
  onAnswerFor(context: TurnContext, data: Record<string, unknown>): Promise<Card | string>;
  onExport(context: TurnContext, data: Record<string, unknown>): Promise<Card | string>;
}

const reply = async (context: TurnContext, card: Card): Promise<void> => {
  await context.sendActivity(cardReply(card, context.activity.channelId));
};

/** Registers the card routes; call before the general message route, which they must precede. */
export function registerCardRoutes(app: Application, handlers: CardActionHandlers): void {
  for (const verb of ['round.save', 'round.show', 'round.next', 'round.previous', 'round.unanswered'] as const) {
    app.adaptiveCards.actionExecute(verb, async (context, _state, data: Record<string, unknown>) => {
      const card = await handlers.onRoundVerb(context, verb, data);
      // A string is shown as a message and the card stays, with whatever the person typed in it.
      if (typeof card === 'string') return card;
      // teams-ai updates the card's message in place when the card has `refresh`, which needs the
      // message's id (replyToId). Without one, the card is returned without refresh instead of failing.
      if (!context.activity.replyToId) delete card.refresh;
      return card as AdaptiveCard;
    });
    app.adaptiveCards.actionSubmit(verb, async (context, _state, data: Record<string, unknown>) => {
      const card = await handlers.onRoundVerb(context, verb, data);
      await reply(context, typeof card === 'string' ? notice(card) : card);
    });
  }
  app.adaptiveCards.actionExecute(
    'round.start',
    async (context, _state, data: Record<string, unknown>) => (await handlers.onStart(context, data)) as AdaptiveCard,
  );
  app.adaptiveCards.actionSubmit('round.start', async (context, _state, data: Record<string, unknown>) => {
    await reply(context, await handlers.onStart(context, data));
  });
  app.adaptiveCards.actionExecute(
    'contacts.save',
    async (context, _state, data: Record<string, unknown>) => (await handlers.onContactsSave(context, data)) as AdaptiveCard,
  );
  app.adaptiveCards.actionSubmit('contacts.save', async (context, _state, data: Record<string, unknown>) => {
    await reply(context, await handlers.onContactsSave(context, data));
  });
  app.adaptiveCards.actionExecute(
    'words.save',
    async (context, _state, data: Record<string, unknown>) => (await handlers.onWordsSave(context, data)) as AdaptiveCard,
  );
  app.adaptiveCards.actionSubmit('words.save', async (context, _state, data: Record<string, unknown>) => {
    await reply(context, await handlers.onWordsSave(context, data));
  });
  app.adaptiveCards.actionExecute('round.remind', async (context, _state, data: Record<string, unknown>) => {
    const outcome = await handlers.onRemindVerb(context, data);
    if (typeof outcome !== 'string') {
      // A summary from before reminders were confirmed: the confirmation comes as a new message.
      await reply(context, outcome);
      return t('remindConfirmBelow', actionLanguage(data));
    }
    // From the confirmation card the outcome takes its place (no second press); from the
    // summary it is said in a message and the summary stays as it is, charts and all.
    return data.replaceCard === true ? (notice(outcome) as AdaptiveCard) : outcome;
  });
  // From the summary: the chosen unit's round card comes as a new message; the summary stays.
  app.adaptiveCards.actionExecute('round.answerFor', async (context, _state, data: Record<string, unknown>) => {
    const card = await handlers.onAnswerFor(context, data);
    if (typeof card === 'string') return card;
    await reply(context, card);
    return t('answerForBelow', actionLanguage(data), { unit: String(data.unit ?? '') });
  });
  app.adaptiveCards.actionSubmit('round.answerFor', async (context, _state, data: Record<string, unknown>) => {
    const card = await handlers.onAnswerFor(context, data);
    await reply(context, typeof card === 'string' ? notice(card) : card);
  });
  app.adaptiveCards.actionSubmit('round.remind', async (context, _state, data: Record<string, unknown>) => {
    const outcome = await handlers.onRemindVerb(context, data);
    await reply(context, typeof outcome === 'string' ? notice(outcome) : outcome);
  });
  app.adaptiveCards.actionExecute(
    'report.export',
    // The link comes as a new message; the summary it was asked from stays.
    async (context, _state, data: Record<string, unknown>) => {
      const link = await handlers.onExport(context, data);
      if (typeof link === 'string') return link;
      await reply(context, link);
      return t('reportLinkBelow', actionLanguage(data));
    },
  );
  app.adaptiveCards.actionSubmit('report.export', async (context, _state, data: Record<string, unknown>) => {
    const link = await handlers.onExport(context, data);
    await reply(context, typeof link === 'string' ? notice(link) : link);
  });
  // "Avbryt" on a confirmation: nothing is done, and the card says what was not.
  const cancelled = (data: Record<string, unknown>) =>
    notice(t(data.cancels === 'remind' ? 'remindCancelled' : 'cancelled', actionLanguage(data)));
  app.adaptiveCards.actionExecute(
    'round.cancel',
    async (_context, _state, data: Record<string, unknown>) => cancelled(data) as AdaptiveCard,
  );
  app.adaptiveCards.actionSubmit('round.cancel', async (context, _state, data: Record<string, unknown>) => reply(context, cancelled(data)));
}
