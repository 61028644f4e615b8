/**
 * Who the person in a turn is, and how to reach them later. Teams sends the Entra object id; the
 * UPN (the e-mail an admin gives for a contact) is asked of Teams once per person and kept. The
 * person's 1:1 chat is stored (through the remember-user use case) when it is new or changed.
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Logger } from '../../log';
import { isSharedConversation } from '../conversation';
import { personKey, type Person } from '../../core/followup/model';
import type { FollowUp } from '../../usecases/follow-up';
import { installedByBotLately, rememberTeam, rememberUser, storedUpn } from '../../usecases/remember-user';

/** The Teams user as a person: Entra object id (Teams always sends it); the channel id where it does not (Emulator). */
function basicPersonOf(context: TurnContext): Person {
  const from = context.activity.from ?? { id: '' };
  return { aadObjectId: (from.aadObjectId ?? from.id ?? '').toLowerCase(), ...(from.name ? { name: from.name } : {}) };
}

export class TeamsUsers {
  /** Person key → what was last stored about how to reach them. */
  private readonly savedReferences = new Map<string, string>();
  /** Entra object id → UPN, learnt from Teams (TeamsInfo.getMember) so contacts given by e-mail match. */
  private readonly upnByAad = new Map<string, string | null>();
  private readonly upnLookups = new Map<string, Promise<void>>();

  constructor(
    private readonly service: FollowUp,
    private readonly logger: Logger,
  ) {}

  /** The user with their UPN when Teams has told it; contacts may be given by e-mail. */
  personOf(context: TurnContext): Person {
    const person = basicPersonOf(context);
    const upn = person.aadObjectId ? this.upnByAad.get(person.aadObjectId) : undefined;
    return upn ? { ...person, upn } : person;
  }

  /**
   * Asks Teams once per user for their UPN (the e-mail an admin gives for a contact). Turns of the
   * same user that arrive together share one lookup: a person clicking through a card must not
   * send Teams a burst of member lookups.
   */
  private learnUpn(context: TurnContext, aad: string): Promise<void> {
    if (this.upnByAad.has(aad)) return Promise.resolve();
    let lookup = this.upnLookups.get(aad);
    if (!lookup) {
      lookup = this.lookUpUpn(context, aad).finally(() => this.upnLookups.delete(aad));
      this.upnLookups.set(aad, lookup);
    }
    return lookup;
  }

  private async lookUpUpn(context: TurnContext, aad: string): Promise<void> {
    const known = await storedUpn(this.service.people, aad);
    if (known) {
      this.upnByAad.set(aad, known);
      return;
    }
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      const upn = (member.userPrincipalName ?? member.email ?? '').toLowerCase();
      this.upnByAad.set(aad, upn || null);
    } catch (error) {
      this.upnByAad.set(aad, null);
      this.logger.debug({ event: 'upn-unknown', err: (error as Error).message }, 'could not look up the user in Teams');
    }
  }

  /** Remembers how to reach the user proactively; writes only when something changed (once for turns that arrive together). */
  async record(context: TurnContext): Promise<void> {
    const basic = basicPersonOf(context);
    if (!basic.aadObjectId) return;
    try {
      await this.learnUpn(context, basic.aadObjectId);
    } catch (error) {
      // A store that fails here must not keep the user from getting an answer to their question.
      this.logger.warn({ event: 'user-lookup-failed', err: error }, 'could not look up the user');
    }
    const person = this.personOf(context);
    const activity = context.activity;
    const fingerprint = `${activity.conversation?.id}|${activity.serviceUrl}|${activity.from?.id}|${person.upn ?? ''}|${activity.locale ?? ''}`;
    const key = personKey(person);
    if (this.savedReferences.get(key) === fingerprint) return;
    this.savedReferences.set(key, fingerprint);
    try {
      await rememberUser(this.service.people, {
        person,
        // A group chat or channel is no way to reach one person: the personal chat stored stays.
        conversationId: isSharedConversation(context) ? undefined : activity.conversation?.id,
        serviceUrl: activity.serviceUrl,
        tenantId: activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
        teamsUserId: activity.from?.id,
        ...(activity.locale ? { locale: activity.locale } : {}),
      });
    } catch (error) {
      if (this.savedReferences.get(key) === fingerprint) this.savedReferences.delete(key); // the next turn tries again
      this.logger.warn({ event: 'user-record-failed', err: error }, 'could not save conversation reference');
    }
  }

  /** Whether the bot installed its app for this person within the last hour (usecases/deliver-round). */
  async installedByBot(context: TurnContext): Promise<boolean> {
    const aad = basicPersonOf(context).aadObjectId;
    if (!aad) return false;
    try {
      return await installedByBotLately(this.service.people, aad);
    } catch {
      return false; // a store that fails: a welcome too many is better than none
    }
  }

  /** Keeps the team of a conversationUpdate in a team; nothing for a 1:1 or group chat. */
  async recordTeam(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const channelData = activity.channelData as { team?: { id?: string }; tenant?: { id?: string } } | undefined;
    const teamId = channelData?.team?.id;
    if (!teamId || !activity.serviceUrl) return;
    try {
      await rememberTeam(this.service.people, {
        teamId,
        serviceUrl: activity.serviceUrl,
        tenantId: activity.conversation?.tenantId ?? channelData?.tenant?.id,
      });
    } catch (error) {
      this.logger.warn({ event: 'team-record-failed', err: error }, 'could not save the team');
    }
  }
}
