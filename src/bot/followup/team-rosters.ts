/**
 * The rosters of the teams the bot is installed in (TeamsInfo.getPagedTeamMembers, no permission
 * beyond the bot's own): a way to find people given by e-mail without Microsoft Graph.
 */
import { TeamsInfo } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../../log';
import type { FollowUp } from '../../usecases/follow-up';
import type { TeamRosters } from '../../usecases/people-directory';
import { teamsTheBotIsIn } from '../../usecases/remember-user';

export class TeamsRosters implements TeamRosters {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly service: FollowUp,
    private readonly logger: Logger,
  ) {}

  async find(upns: string[]): Promise<Map<string, string>> {
    const wanted = new Set(upns.map((u) => u.toLowerCase()));
    const found = new Map<string, string>();
    for (const team of await teamsTheBotIsIn(this.service.people)) {
      if (found.size === wanted.size) break;
      const reference = {
        channelId: 'msteams',
        serviceUrl: team.serviceUrl,
        conversation: { id: team.teamId, isGroup: true, conversationType: 'channel', tenantId: team.tenantId, name: '' },
      };
      try {
        await this.adapter.continueConversationAsync(this.botAppId, reference, async (ctx) => {
          let token: string | undefined;
          do {
            const page = await TeamsInfo.getPagedTeamMembers(ctx, team.teamId, 500, token);
            for (const member of page.members ?? []) {
              const upn = (member.userPrincipalName ?? member.email ?? '').toLowerCase();
              if (wanted.has(upn) && member.aadObjectId) found.set(upn, member.aadObjectId.toLowerCase());
            }
            token = page.continuationToken || undefined;
          } while (token && found.size < wanted.size);
        });
      } catch (error) {
        // A team the bot was removed from, or a roster Teams will not give: the other ways remain.
        this.logger.warn({ event: 'team-roster-failed', err: (error as Error).message }, 'could not read a team roster');
      }
    }
    return found;
  }
}
