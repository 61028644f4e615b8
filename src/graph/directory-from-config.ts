/**
 * The PeopleDirectory this installation uses: Microsoft Graph with the bot's own identity (its app
 * credentials, or its user-assigned managed identity), a stand-in Graph without a token in local
 * mode when GRAPH_ENDPOINT is set, or none (said once in the log).
 */
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { Config } from '../config';
import type { Logger } from '../log';
import { NO_DIRECTORY, type PeopleDirectory } from '../usecases/people-directory';
import { GraphDirectory } from './graph-directory';

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
  let credential: TokenCredential | undefined;
  if (config.microsoftAppId) {
    if (config.microsoftAppType === 'UserAssignedMSI') credential = new ManagedIdentityCredential({ clientId: config.microsoftAppId });
    else if (config.microsoftAppTenantId && config.microsoftAppPassword)
      credential = new ClientSecretCredential(config.microsoftAppTenantId, config.microsoftAppId, config.microsoftAppPassword);
    else return none('Graph needs MicrosoftAppTenantId (the organization’s tenant) with the app password, or a managed identity');
  }
  logger.info(
    { event: 'graph-on', endpoint: config.graphEndpoint, withToken: Boolean(credential) },
    'Microsoft Graph is used to reach contacts',
  );
  return new GraphDirectory({ endpoint: config.graphEndpoint, teamsAppId: config.teamsAppId, credential, logger });
}
