/** Settings from the environment. Every setting has a default that runs the bot locally. */
import { join } from 'node:path';
import { hostname } from 'node:os';
import { projectRoot } from './project-root';
import { parsePerson } from './core/followup/commands';
import type { Person } from './core/followup/model';

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
  /** The store: Cosmos DB when cosmos.endpoint is set, else the embedded store in storeDir. */
  cosmos: { endpoint: string; key: string; database: string; allowSelfSigned: boolean };
  storeDir: string;
  /** Admins from configuration (Entra object ids or e-mails), on top of those stored. */
  bootstrapAdmins: Person[];
  /** Days before the deadline on which the round reminds those who have not finished. */
  reminderDaysBefore: number[];
  /** Pacing of proactive sends (Teams: 50 requests/s per app and tenant). */
  sendRatePerSecond: number;
  /** Names this process in delivery claims and leases. */
  instanceId: string;
  /** How often the scheduler looks for due reminders, deadlines and unsent round messages; 0 turns it off. */
  schedulerIntervalMs: number;
  /** The bot's address as users reach it, for report links; default http://localhost:PORT. */
  publicUrl: string;
  reportLinkTtlMs: number;
  /** Production refuses to run without Bot Framework credentials (NODE_ENV=production). */
  production: boolean;
  /** Entra tenant ids whose activities are accepted; empty accepts any (local use). */
  allowedTenants: string[];
  /** Messages per user per minute on /api/messages before the bot asks them to slow down. */
  userMessagesPerMinute: number;
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
    cosmos: {
      endpoint: env.COSMOS_ENDPOINT ?? '',
      key: env.COSMOS_KEY ?? '',
      database: env.COSMOS_DATABASE ?? 'trygghetsbot',
      allowSelfSigned: env.COSMOS_ALLOW_SELF_SIGNED === 'true',
    },
    storeDir: env.STORE_DIR ?? join(root, '.data/store'),
    bootstrapAdmins: (env.BOOTSTRAP_ADMINS ?? '')
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((p) => {
        const person = parsePerson(p);
        if (!person) throw new Error(`BOOTSTRAP_ADMINS: "${p}" is neither an Entra object id nor an e-mail address`);
        return person;
      }),
    reminderDaysBefore: (env.REMINDER_DAYS ?? '14,3').split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 0),
    sendRatePerSecond: Number(env.SEND_RATE_PER_SECOND ?? 49),
    instanceId: env.INSTANCE_ID ?? env.WEBSITE_INSTANCE_ID ?? `${hostname()}-${process.pid}`,
    schedulerIntervalMs: Number(env.SCHEDULER_INTERVAL_MS ?? 60_000),
    publicUrl: env.PUBLIC_URL ?? '',
    reportLinkTtlMs: Number(env.REPORT_LINK_TTL_HOURS ?? 24) * 3_600_000,
    production: env.NODE_ENV === 'production',
    allowedTenants: (env.ALLOWED_TENANTS ?? '').split(/[,;\s]+/).filter(Boolean).map((t) => t.toLowerCase()),
    userMessagesPerMinute: Number(env.USER_MESSAGES_PER_MINUTE ?? 30),
  };
}
