/**
 * Sends a round's message to every recipient who has not had it, then tells the admin who started
 * it how that went: always after a start (`announce`), after a resumed pass only if anyone was
 * sent to, so the scheduler's quiet passes stay quiet. Each recipient gets it at most once each (the fan-out
 * claims a person before the send and settles after it; see src/delivery/fan-out.ts). A person the
 * bot could not reach because they had no chat with it is tried again once they have one (they
 * wrote to the bot or installed it after the last try). The card is built from the round as it is
 * now; the Notifier sends it. Only one instance sends at a time (usecases/sending-lease).
 */
import { personKey, type Contact, type Round } from '../core/followup/model';
import { SendError } from '../delivery/retry';
import { NO_DIRECTORY, type PeopleDirectory } from './people-directory';
import { userFor, whyUnreachable } from './assess-reach';
import { rememberUser } from './remember-user';
import type { FollowUp } from './follow-up';
import { fanOut, type FanOutSummary, type Recipient } from './fan-out';
import { canBeMessaged, personLanguage, roundLanguage, type Notifier } from './notifier';
import { roundViewAt } from './round-view';
import { withSendingLease, type SendingLeaseOptions } from './sending-lease';

/** Starts the error a Notifier throws for a person with no chat with the bot and no way to open one. */
export const NO_CHAT = 'no-chat';

export async function deliverRound(
  service: Pick<FollowUp, 'forRound' | 'leases' | 'people' | 'rounds'>,
  notifier: Notifier,
  round: Round,
  recipients: Recipient[],
  options: {
    instanceId: string;
    announce: boolean;
    directory?: PeopleDirectory;
    sendingLease?: SendingLeaseOptions;
  },
): Promise<FanOutSummary> {
  const directory = options.directory ?? NO_DIRECTORY;
  const language = roundLanguage(round);
  // Read once for the whole pass, and only if someone unreachable is looked at again.
  let contacts: Promise<readonly Contact[]> | undefined;
  // One instance sends at a time, so that together they stay within Teams' 50 requests/s per tenant.
  const summary = await withSendingLease(
    service.leases,
    options.instanceId,
    (stillHeld) =>
      fanOut(
        round.year,
        recipients,
        service.rounds,
        async (recipient, ready) => {
          const user = await userFor(service.people, recipient);
          let installedByBotAt: string | undefined;
          if (!canBeMessaged(user)) {
            if (!recipient.reachAs) {
              const problem = whyUnreachable(recipient, directory);
              throw new SendError(`${NO_CHAT}: no chat with this person and no Entra object id to start one`, 404, undefined, problem);
            }
            if (directory.available) {
              // Like Company Communicator: install the app for the person, then open the chat. Marked
              // first, so the installation's own conversationUpdate sends no welcome of its own.
              installedByBotAt = new Date().toISOString();
              await rememberUser(service.people, { person: { aadObjectId: recipient.reachAs }, installedByBotAt });
              const installed = await directory.installApp(recipient.reachAs);
              if (installed === 'install-blocked')
                throw new SendError(`${NO_CHAT}: the app policy blocks the app`, 403, undefined, installed);
              // No permission, or not in the catalog: the chat may still open where a setup policy installed the app.
            }
          }
          const view = await roundViewAt(service, round, recipient.units, undefined);
          const sent = await notifier.sendRoundMessage(recipient, view, personLanguage(user), ready);
          if (sent.openedChat) {
            const { conversationId, serviceUrl, tenantId, teamsUserId, upn } = sent.openedChat;
            const person = { ...recipient.person, aadObjectId: recipient.reachAs, ...(upn ? { upn } : {}) };
            await rememberUser(service.people, {
              person,
              conversationId,
              serviceUrl,
              tenantId,
              teamsUserId,
              ...(installedByBotAt ? { installedByBotAt } : {}),
            });
          }
          return sent;
        },
        {
          instanceId: options.instanceId,
          keepGoing: stillHeld,
          // Tried again once something changed since: they wrote to the bot or installed it, or were found.
          retryUnreachable: async (delivery) => {
            const recipient = recipients.find((r) => personKey(r.person) === personKey(delivery.recipient));
            const user = recipient ? await userFor(service.people, recipient) : await service.people.getUser(delivery.recipient);
            if (canBeMessaged(user) && user.updatedAt > delivery.updatedAt) return true;
            contacts ??= service.people.listContacts();
            const found = (await contacts).find(
              (c) => personKey(c.person) === personKey(delivery.recipient) && c.resolution && 'aadObjectId' in c.resolution,
            );
            return Boolean(found?.resolution && found.resolution.at > delivery.updatedAt);
          },
        },
      ),
    options.sendingLease,
  );
  if (options.announce || summary.delivered + summary.unreachable + summary.failed > 0) {
    await notifier.sendDeliverySummary(round, summary, language);
  }
  return summary;
}
