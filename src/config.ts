/** Settings from the environment. Every setting has a default that runs the bot locally. */
import { join } from 'node:path';
import { projectRoot } from './project-root';

export interface Config {
  port: number;
  host: string;
  /** Bot Framework credentials. Without an app id the bot runs in local mode: no token checks. */
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppTenantId: string;
  microsoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  logLevel: string;
  planFile: string;
  glossaryFile: string;
  /** Largest request body accepted on /api/messages; Teams activities are far smaller. */
  maxBodyBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = projectRoot();
  const appType = env.MicrosoftAppType ?? env.MICROSOFT_APP_TYPE ?? 'MultiTenant';
  if (!['MultiTenant', 'SingleTenant', 'UserAssignedMSI'].includes(appType)) {
    throw new Error(`MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, not "${appType}"`);
  }
  const port = Number(env.PORT ?? 3978);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    microsoftAppId: env.MicrosoftAppId ?? env.MICROSOFT_APP_ID ?? '',
    microsoftAppPassword: env.MicrosoftAppPassword ?? env.MICROSOFT_APP_PASSWORD ?? '',
    microsoftAppTenantId: env.MicrosoftAppTenantId ?? env.MICROSOFT_APP_TENANT_ID ?? '',
    microsoftAppType: appType as Config['microsoftAppType'],
    logLevel: env.LOG_LEVEL ?? 'info',
    planFile: env.PLAN_FILE ?? join(root, 'data/plan/plan-2023.json'),
    glossaryFile: env.GLOSSARY_FILE ?? join(root, 'data/glossary/units.json'),
    maxBodyBytes: Number(env.MAX_BODY_BYTES ?? 256 * 1024),
  };
}
