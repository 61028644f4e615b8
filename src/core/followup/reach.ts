/**
 * How the bot reaches a person for the follow-up. Contacts are often given by e-mail; the bot
 * then has to find the person's Entra object id (among people it knows, or in the directory)
 * and, when they have never opened the bot, install it for them before it can open a chat.
 * Why a person cannot be reached is said in plain words, never hidden in a count.
 */
/** What reaching a contact needs of them (model.ts's Contact has it; not imported, so that the model can name Resolution). */
interface Reachable {
  person: { aadObjectId?: string };
  resolution?: Resolution;
}

/** Why a person cannot be reached (yet). */
export type ReachProblem =
  /** No such user in the organization's directory (a typo, someone who left). */
  | 'not-in-directory'
  /** The account exists but is disabled. */
  | 'account-disabled'
  /** The tenant's app policy does not let the bot be installed for this person. */
  | 'install-blocked'
  /** Microsoft Graph has not been granted the permission the step needs (User.Read.All, TeamsAppInstallation…). */
  | 'no-graph-permission'
  /** Without Microsoft Graph: the person is not known to the bot and cannot be looked up. */
  | 'not-found-without-graph'
  /** The app is not installed for the person and the bot cannot install it (no Graph, or the app is not in the org catalog). */
  | 'app-not-installed';

export const REACH_PROBLEMS: readonly ReachProblem[] = [
  'not-in-directory',
  'account-disabled',
  'install-blocked',
  'no-graph-permission',
  'not-found-without-graph',
  'app-not-installed',
];

/** What the bot found out about a contact given by e-mail, kept with the contact. */
export type Resolution =
  | { aadObjectId: string; via: 'given' | 'known' | 'team' | 'directory'; at: string }
  /** `at`: when last looked up; `since`: when the problem was first found (how long someone has been gone). */
  | { problem: ReachProblem; at: string; since?: string };

/** The Entra object id to reach a contact by: as given, or as found. */
export function reachableId(contact: Reachable): string | undefined {
  if (contact.person.aadObjectId) return contact.person.aadObjectId;
  return contact.resolution && 'aadObjectId' in contact.resolution ? contact.resolution.aadObjectId : undefined;
}

/** Whether the contact still needs looking up: given by e-mail, not found yet. */
export const needsResolving = (contact: Reachable): boolean => reachableId(contact) === undefined;
