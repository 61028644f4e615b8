/**
 * The bot's own identity as a token credential, for Microsoft Graph and for the Bot Connector:
 * its user-assigned managed identity (MicrosoftAppType=UserAssignedMSI, in Azure), or its app
 * registration with MicrosoftAppTenantId and MicrosoftAppPassword. None in local mode.
 */
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { Config } from '../config';

export type BotCredential = { kind: 'none' } | { kind: 'credential'; credential: TokenCredential } | { kind: 'incomplete'; why: string };

export function botCredential(config: Config): BotCredential {
  if (!config.microsoftAppId) return { kind: 'none' };
  if (config.microsoftAppType === 'UserAssignedMSI')
    return { kind: 'credential', credential: new ManagedIdentityCredential({ clientId: config.microsoftAppId }) };
  if (config.microsoftAppTenantId && config.microsoftAppPassword)
    return {
      kind: 'credential',
      credential: new ClientSecretCredential(config.microsoftAppTenantId, config.microsoftAppId, config.microsoftAppPassword),
    };
  return {
    kind: 'incomplete',
    why: 'Graph needs MicrosoftAppTenantId (the organization’s tenant) with the app password, or a managed identity',
  };
}
