/** What kind of conversation a turn is in. */
import type { TurnContext } from 'botbuilder';

/** A group chat or a channel: what the bot says there is seen by everyone in it. */
export function isSharedConversation(context: TurnContext): boolean {
  const conversation = context.activity.conversation;
  if (!conversation) return false;
  if (conversation.conversationType) return conversation.conversationType !== 'personal';
  return conversation.isGroup === true;
}
