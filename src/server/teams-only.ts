/**
 * In production the bot serves Teams alone. An Azure Bot may have other channels switched on (Web
 * Chat, Direct Line) whose activities carry the same valid Bot Framework token: without this check
 * they would be trusted as Teams, and a person named by a Direct Line client's own `from.id` would
 * act as whoever that id says. So: the channel must be Teams, and a person who speaks (a message or
 * a card action) must carry the Entra object id Teams always sends.
 */

export type ChannelRefusal = 'not-teams' | 'no-entra-id';

/** Why the activity is refused in production, or undefined. */
export function teamsOnlyRefusal(activity: {
  type?: string | null;
  channelId?: string | null;
  from?: { aadObjectId?: string | null };
}): ChannelRefusal | undefined {
  if (activity.channelId !== 'msteams') return 'not-teams';
  if ((activity.type === 'message' || activity.type === 'invoke') && !activity.from?.aadObjectId) return 'no-entra-id';
  return undefined;
}
