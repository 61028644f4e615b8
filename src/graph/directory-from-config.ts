/**
 * The PeopleDirectory this installation uses: Microsoft Graph with the bot's own identity (its app
 * credentials, or its user-assigned managed identity), a stand-in Graph without a token in local
 * mode when GRAPH_ENDPOINT is set, or none (said once in the log).
 */
import type { Config } from '../config';
import type { Logger } from '../log';
import { NO_DIRECTORY, type PeopleDirectory } from '../usecases/people-directory';
import { GraphDirectory } from './graph-directory';
import { botCredential } from './bot-credential';

export function directoryFromConfig(config: Config, logger: Logger): PeopleDirectory {
  const none = (why: string): PeopleDirectory => {
    logger.warn(
      { event: 'graph-off', why },
      `Microsoft Graph is not used (${why}): contacts given by e-mail are reached only once they have the app`,
    );
    return NO_DIRECTORY;
  };
  if (!config.graphEndpoint) return none('GRAPH_ENDPOINT is empty');
  if (!config.teamsAppId) return none('TEAMS_APP_ID is not set and appPackage/manifest.json has no id');
  const identity = botCredential(config);
  if (identity.kind === 'incomplete') return none(identity.why);
  const credential = identity.kind === 'credential' ? identity.credential : undefined;
  logger.info(
    { event: 'graph-on', endpoint: config.graphEndpoint, withToken: Boolean(credential) },
    'Microsoft Graph is used to reach contacts',
  );
  return new GraphDirectory({
    endpoint: config.graphEndpoint,
    teamsAppId: config.teamsAppId,
    ...(config.teamsCatalogAppId ? { catalogAppId: config.teamsCatalogAppId } : {}),
    credential,
    logger,
  });
}
