/** What production needs before the bot may start: read by start-up and by `npm run doctor`. */
import type { Config } from './config';

/** In production the bot must authenticate every request and know its tenants; throws what is missing. */
export function assertProductionReady(config: Config): void {
  if (!config.production) return;
  if (!config.microsoftAppId || (config.microsoftAppType !== 'UserAssignedMSI' && !config.microsoftAppPassword)) {
    throw new Error(
      'NODE_ENV=production needs MicrosoftAppId and MicrosoftAppPassword (or MicrosoftAppType=UserAssignedMSI): the bot will not run unauthenticated in production.',
    );
  }
  if (config.allowedTenants.length === 0) {
    throw new Error(
      'NODE_ENV=production needs ALLOWED_TENANTS (or MicrosoftAppTenantId): the Entra tenant ids whose users may use the bot.',
    );
  }
}
