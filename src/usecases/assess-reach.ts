/**
 * Before a round starts: how each person asked will be reached. Reachable now (they have a chat
 * with the bot), by installing the app for them (Graph), by opening a chat (no Graph: works where
 * the app is pre-installed by a setup policy), or not at all, and then why.
 */
import type { Person } from '../core/followup/model';
import type { ReachProblem } from '../core/followup/reach';
import type { FollowUp } from './follow-up';
import type { PeopleRecords } from './ports';
import type { Recipient } from './fan-out';
import { canBeMessaged } from './notifier';
import type { PeopleDirectory } from './people-directory';

export interface ReachAssessment {
  now: number;
  /** The app will be installed for them through Graph, then a chat opened. */
  install: number;
  /** No Graph: a chat is opened, which works only where the app is already installed. */
  openChat: number;
  cannot: Array<{ person: Person; problem: ReachProblem }>;
  /** False when the bot has no directory to ask (no Graph, or its permission is missing). */
  directoryAvailable: boolean;
}

/** The stored record for a recipient: under the person as given, or under the id found for them. */
export async function userFor(people: Pick<PeopleRecords, 'getUser'>, recipient: Recipient) {
  return (
    (await people.getUser(recipient.person)) ?? (recipient.reachAs ? await people.getUser({ aadObjectId: recipient.reachAs }) : undefined)
  );
}

/** Why a recipient without an Entra id cannot be reached: what their lookup found, or what is likely. */
export const whyUnreachable = (recipient: Recipient, directory: PeopleDirectory): ReachProblem =>
  recipient.problem ?? (directory.available ? 'not-in-directory' : 'not-found-without-graph');

export async function assessReach(
  service: Pick<FollowUp, 'people'>,
  directory: PeopleDirectory,
  recipients: Recipient[],
): Promise<ReachAssessment> {
  const assessment: ReachAssessment = { now: 0, install: 0, openChat: 0, cannot: [], directoryAvailable: directory.available };
  for (const recipient of recipients) {
    if (canBeMessaged(await userFor(service.people, recipient))) assessment.now += 1;
    else if (recipient.reachAs) {
      if (directory.available) assessment.install += 1;
      else assessment.openChat += 1;
    } else {
      const problem = whyUnreachable(recipient, directory);
      assessment.cannot.push({ person: recipient.person, problem });
      if (problem === 'no-graph-permission') assessment.directoryAvailable = false;
    }
  }
  return assessment;
}
