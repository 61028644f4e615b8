/**
 * What Teams needs, kept on a round, to message the admin who started it and to open 1:1 chats
 * with contacts who never wrote to the bot: the service URL, the bot's and the tenant's ids, the
 * admin's chat. Stored in the round's origin, which the core treats as the channel's own data.
 */
import type { RoundOrigin } from '../../core/followup/model';

export type TeamsRoundOrigin = {
  serviceUrl: string;
  botId: string;
  botName?: string;
  tenantId?: string;
  adminConversationId: string;
  adminUserId?: string;
  locale?: string;
};

/** The Teams part of a round's origin, or undefined when the round was not started from Teams. */
export function teamsOrigin(origin: RoundOrigin | undefined): TeamsRoundOrigin | undefined {
  if (
    !origin ||
    typeof origin.serviceUrl !== 'string' ||
    typeof origin.botId !== 'string' ||
    typeof origin.adminConversationId !== 'string'
  )
    return undefined;
  return origin as TeamsRoundOrigin;
}
