/**
 * The port to the organization's directory (Microsoft Graph): finding a person given by e-mail,
 * and installing the bot for someone who has never opened it. Implemented in src/graph; without
 * Graph (no permission granted, or local mode) NO_DIRECTORY stands in and says so.
 */
import type { ReachProblem } from '../core/followup/reach';

export type DirectoryLookup =
  | { found: true; aadObjectId: string }
  | {
      found: false;
      problem: Extract<ReachProblem, 'not-in-directory' | 'account-disabled' | 'no-graph-permission' | 'not-found-without-graph'>;
    };

export type InstallOutcome =
  'installed' | 'already-installed' | Extract<ReachProblem, 'install-blocked' | 'no-graph-permission' | 'app-not-installed'>;

export interface PeopleDirectory {
  /** False when there is no directory to ask (no Graph): the bot reaches only people it can already reach. */
  readonly available: boolean;
  /** The person with this e-mail/UPN. Throws on a transient failure (after the client's own retries). */
  findByUpn(upn: string): Promise<DirectoryLookup>;
  /** Installs the bot's Teams app for the person (409, already there, is fine). */
  installApp(aadObjectId: string): Promise<InstallOutcome>;
}

export const NO_DIRECTORY: PeopleDirectory = {
  available: false,
  findByUpn: async () => ({ found: false, problem: 'not-found-without-graph' }),
  installApp: async () => 'app-not-installed',
};
