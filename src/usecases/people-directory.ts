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
  /** The rosters of the teams the bot is in, asked before the directory (the Teams adapter adds them). */
  readonly rosters?: TeamRosters;
}

export const NO_DIRECTORY: PeopleDirectory = {
  available: false,
  findByUpn: async () => ({ found: false, problem: 'not-found-without-graph' }),
  installApp: async () => 'app-not-installed',
};

/**
 * The rosters of the teams the bot is installed in: who is in them, by e-mail/UPN. Needs no
 * permission beyond the bot's own; implemented by the Teams adapter.
 */
export interface TeamRosters {
  /** The Entra object ids of those among `upns` (lower case) found in any roster. */
  find(upns: string[]): Promise<Map<string, string>>;
}

export const NO_ROSTERS: TeamRosters = { find: async () => new Map() };
