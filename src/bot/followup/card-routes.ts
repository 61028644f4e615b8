/**
 * Where each card button goes, as one table: the verbs, how their data is read (card-data, typed
 * once at the edge), which handler runs (card-actions, which calls the use case), and how Teams
 * gets the answer back. Every verb is registered both as a Universal Action (Action.Execute,
 * answered in place or below the card) and as its Action.Submit fallback (a new message), the
 * way teams-ai's actionExecute takes a list of verbs.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { AdaptiveCard, Application } from '@microsoft/teams-ai';
import { t } from '../../core/texts/catalog';
import { actionLanguage } from '../language';
import { cardReply } from '../replies';
import { isSharedConversation } from '../conversation';
import { notice, type Card } from './command-cards';
import { cardData, type AnswerForData, type CardData, type ExportData, type RemindData } from './card-data';
import type { CardActions } from './card-actions';
import type { CardRefresher } from './card-refresher';

type Answered = Card | string;

interface CardRoute<T extends CardData> {
  verbs: readonly string[];
  read: (data: Record<string, unknown>) => T;
  run: (actions: CardActions, context: TurnContext, data: T, verb: string) => Promise<Answered>;
  /**
   * What Action.Execute answers Teams with (inPlace or below). A string is always said as a
   * message, and the card (with whatever was typed in it) stays.
   */
  execute: (context: TurnContext, answered: Answered, data: T, actions: CardActions) => Promise<AdaptiveCard | string>;
}

const reply = async (context: TurnContext, card: Card): Promise<void> => {
  await context.sendActivity(cardReply(card, context.activity.channelId));
};

/** The card in place of the one pressed. */
async function inPlace(context: TurnContext, answered: Answered): Promise<AdaptiveCard | string> {
  if (typeof answered === 'string') return answered;
  // A card that refreshes itself replaces the message for everyone, which needs the message's id
  // (replyToId). Without one, the card is returned without refresh instead of failing.
  if (!context.activity.replyToId) delete answered.refresh;
  return answered as AdaptiveCard;
}

/**
 * Answers the invoke here, the same way every time. teams-ai answers a card with `refresh` by
 * replacing the message for everyone, and from then on does so for every card of that route (it
 * keeps the choice in a variable shared by all turns): an invoke without a message id then ended
 * in a turn error and a 501. Once the answer is sent here, teams-ai adds none of its own.
 */
async function answerInvoke(context: TurnContext, answered: AdaptiveCard | string, refresher: CardRefresher): Promise<void> {
  // For everyone else who sees the message, after this answer (card-refresher.ts says why).
  if (typeof answered !== 'string' && answered.refresh && context.activity.replyToId) refresher.replaceForEveryone(context, answered);
  const body =
    typeof answered === 'string'
      ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answered }
      : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: answered };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

/**
 * The new card as a message of its own below; the pressed card stays and says so. In a group chat
 * or a channel the new card goes to the person's personal chat instead: a report link or a unit's
 * answer form is for the admin who asked, not for everyone in the group.
 */
const below =
  <T extends CardData>(says: (data: T) => string) =>
  async (context: TurnContext, answered: Answered, data: T, actions: CardActions): Promise<AdaptiveCard | string> => {
    if (typeof answered === 'string') return answered;
    if (isSharedConversation(context)) return actions.sendPrivately(context, answered, data.lang);
    await reply(context, answered);
    return says(data);
  };

const route = <T extends CardData>(r: CardRoute<T>): CardRoute<CardData> => r as unknown as CardRoute<CardData>;

export const CARD_ROUTES: ReadonlyArray<CardRoute<CardData>> = [
  route({
    verbs: ['round.save', 'round.show', 'round.next', 'round.previous', 'round.unanswered'],
    read: cardData.round,
    run: (actions, context, data, verb) => actions.onRoundVerb(context, verb, data),
    execute: inPlace,
  }),
  route({ verbs: ['round.start'], read: cardData.start, run: (a, c, d) => a.onStart(c, d), execute: inPlace }),
  // Stäng on the closing confirmation: the outcome takes its place.
  route({ verbs: ['round.close'], read: cardData.close, run: (a, c, d) => a.onClose(c, d), execute: inPlace }),
  route({ verbs: ['contacts.save'], read: cardData.contacts, run: (a, c, d) => a.onContactsSave(c, d), execute: inPlace }),
  route({ verbs: ['words.save'], read: cardData.words, run: (a, c, d) => a.onWordsSave(c, d), execute: inPlace }),
  route({ verbs: ['glossary.save'], read: cardData.glossary, run: (a, c, d) => a.onGlossarySave(c, d), execute: inPlace }),
  // From a summary: the reminder's confirmation comes as a new message, and the summary stays as it
  // is, charts and all. From the confirmation card, the outcome takes its place (no second press).
  route({
    verbs: ['round.remind'],
    read: cardData.remind,
    run: (a, c, d) => a.onRemind(c, d),
    execute: async (context, answered, data, actions) =>
      typeof answered === 'string' && data.replaceCard
        ? (notice(answered) as AdaptiveCard)
        : below<RemindData>((d) => t('remindConfirmBelow', d.lang))(context, answered, data, actions),
  }),
  // From the summary: the chosen unit's round card comes as a new message; the summary stays.
  route({
    verbs: ['round.answerFor'],
    read: cardData.answerFor,
    run: (a, c, d) => a.onAnswerFor(c, d),
    execute: below<AnswerForData>((d) => t('answerForBelow', d.lang, { unit: d.unit })),
  }),
  // The link comes as a new message; the summary it was asked from stays.
  route({
    verbs: ['report.export'],
    read: cardData.export,
    run: (a, c, d) => a.onExport(c, d),
    execute: below<ExportData>((d) => t('reportLinkBelow', d.lang)),
  }),
  // Radera on an erasure's or a round deletion's confirmation: the outcome takes its place.
  route({ verbs: ['person.forget'], read: cardData.forget, run: (a, c, d) => a.onForget(c, d), execute: inPlace }),
  route({ verbs: ['round.delete'], read: cardData.close, run: (a, c, d) => a.onDeleteRound(c, d), execute: inPlace }),
  // "Avbryt" on a confirmation: nothing is done, and the card says what was not.
  route({
    verbs: ['round.cancel'],
    read: cardData.cancel,
    run: async (_a, _c, d) => notice(t(CANCELLED[d.cancels], d.lang)),
    execute: inPlace,
  }),
];

/** What "Avbryt" says it left undone, by the confirmation it was on. */
const CANCELLED = {
  remind: 'remindCancelled',
  close: 'closeCancelled',
  start: 'cancelled',
  forget: 'forgetCancelled',
  delete: 'deleteRoundCancelled',
} as const;

const KNOWN_VERBS = new Set(CARD_ROUTES.flatMap((r) => r.verbs));

/** Registers the card routes; call before the general message route, which they must precede. */
export function registerCardRoutes(app: Application, actions: CardActions, refresher: CardRefresher): void {
  // A button of a card from another version of the bot, or made up: said so, not a 501.
  app.adaptiveCards.actionExecute(
    async (context) =>
      context.activity.name === 'adaptiveCard/action' &&
      !KNOWN_VERBS.has(String((context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb ?? '')),
    async (context) => {
      const said = t(
        'unknownButton',
        actionLanguage((context.activity.value as { action?: { data?: unknown } } | undefined)?.action?.data),
      );
      await answerInvoke(context, said, refresher);
      return said;
    },
  );
  for (const r of CARD_ROUTES) {
    const verbs = [...r.verbs];
    app.adaptiveCards.actionExecute(verbs, async (context, _state, raw: Record<string, unknown>) => {
      const data = r.read(raw ?? {});
      const verb = String((context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb ?? verbs[0]);
      const answered = await r.execute(context, await r.run(actions, context, data, verb), data, actions);
      await answerInvoke(context, answered, refresher);
      return answered;
    });
    app.adaptiveCards.actionSubmit(verbs, async (context, _state, raw: Record<string, unknown>) => {
      const data = r.read(raw ?? {});
      const verb = String((raw as { verb?: unknown } | undefined)?.verb ?? verbs[0]);
      const answered = await r.run(actions, context, data, verb);
      // In a group, a card is for the person who pressed (a report link, an answer form): their personal chat.
      if (typeof answered !== 'string' && isSharedConversation(context)) {
        await reply(context, notice(await actions.sendPrivately(context, answered, data.lang)));
        return;
      }
      await reply(context, typeof answered === 'string' ? notice(answered) : answered);
    });
  }
}
