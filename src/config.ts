/**
 * Settings from the environment: every setting, its default, its type and its allowed range in
 * one table (SETTINGS). A value that does not parse, or is out of range, stops start-up with a
 * message naming the variable, the value and what is allowed; an unset or empty variable takes
 * the default, and every default runs the bot locally.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { projectRoot } from './project-root';
import { activePlanFile } from './plan-files';
import { parsePerson } from './core/followup/person';
import type { Person } from './core/followup/model';

export interface Config {
  port: number;
  host: string;
  /** Bot Framework credentials. Without an app id the bot runs in local mode: no token checks. */
  microsoftAppId: string;
  microsoftAppPassword: string;
  microsoftAppTenantId: string;
  microsoftAppType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** Where the keys that sign channel tokens are published; empty: Bot Framework's public cloud. */
  botOpenIdMetadata: string;
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
  /** How long an instance's turn at proactive sending lasts unless renewed: how long a crashed sender keeps the others waiting. */
  sendingLeaseMs: number;
  /** Names this process in delivery claims and leases. */
  instanceId: string;
  /** How often the scheduler looks for due reminders, deadlines and unsent round messages; 0 turns it off. */
  schedulerIntervalMs: number;
  /** The bot's address as users reach it, for report links; default http://localhost:PORT. */
  publicUrl: string;
  reportLinkTtlMs: number;
  /** How an exported report reaches the admin: a file in their OneDrive through Teams' file consent, or a one-time link. */
  reportDelivery: 'file' | 'link';
  /** Whether the report files name the people who answered and the contacts (never their e-mail); off by default, as the files are public records. */
  reportPersonNames: boolean;
  /** How long chat records of people with no role here, and contacts the directory says are gone, are kept (days). */
  retention: { chatDays: number; leftContactDays: number };
  /** Production refuses to run without Bot Framework credentials (NODE_ENV=production, any case). */
  production: boolean;
  /** Entra tenant ids whose activities are accepted; empty accepts any (local use). */
  allowedTenants: string[];
  /** Messages per user in any minute on /api/messages before the bot asks them to slow down; 0: no limit. */
  userMessagesPerMinute: number;
  /** Card actions per user in any minute; 0: no limit. */
  userActionsPerMinute: number;
  /** How long a message's HTTP request waits for its turn before Teams gets its 200 anyway. */
  turnAckMs: number;
  /** Microsoft Graph's host root; empty: no Graph (local mode without GRAPH_ENDPOINT). */
  graphEndpoint: string;
  /** The Teams app's manifest id, to find the app in the org catalog and install it for people. */
  teamsAppId: string;
  /** The app's id in the org catalog, when known: the catalog is then not looked up (no AppCatalog.Read.All needed). */
  teamsCatalogAppId: string;
}

/** A setting that cannot be used; the message names the variable, the value and what is allowed. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The bot cannot start with these settings:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses a value that is set and not blank; throws a sentence saying what is allowed. */
type Parse<T> = (raw: string) => T;

class Invalid extends Error {}

const integer =
  (min: number, max: number): Parse<number> =>
  (raw) => {
    const n = /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new Invalid(`a whole number from ${min} to ${max}`);
    return n;
  };

const decimal =
  (min: number, max: number): Parse<number> =>
  (raw) => {
    const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isFinite(n) || n < min || n > max) throw new Invalid(`a number from ${min} to ${max}`);
    return n;
  };

const oneOf =
  <T extends string>(...values: T[]): Parse<T> =>
  (raw) => {
    const found = values.find((v) => v.toLowerCase() === raw.trim().toLowerCase());
    if (!found) throw new Invalid(`one of ${values.join(', ')}`);
    return found;
  };

const boolean: Parse<boolean> = (raw) => oneOf('true', 'false')(raw) === 'true';

const text: Parse<string> = (raw) => raw.trim();

const url =
  (...protocols: string[]): Parse<string> =>
  (raw) => {
    try {
      const parsed = new URL(raw.trim());
      if (protocols.includes(parsed.protocol)) return raw.trim().replace(/\/+$/, '');
    } catch {
      // falls through to the sentence below
    }
    throw new Invalid(`a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const listOf =
  <T>(item: Parse<T>, what: string): Parse<T[]> =>
  (raw) =>
    raw
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((part) => {
        try {
          return item(part);
        } catch (error) {
          throw new Invalid(`${what}, separated by commas ("${part}" is not ${error instanceof Invalid ? error.message : 'valid'})`);
        }
      });

const guid: Parse<string> = (raw) => {
  if (!GUID.test(raw)) throw new Invalid('an Entra tenant id (a GUID)');
  return raw.toLowerCase();
};

const person: Parse<Person> = (raw) => {
  const parsed = parsePerson(raw);
  if (!parsed) throw new Invalid('an Entra object id or an e-mail address');
  return parsed;
};

const reminderDays: Parse<number[]> = (raw) => {
  if (raw.trim().toLowerCase() === 'none') return [];
  const days = listOf(integer(0, 365), 'whole numbers of days from 0 to 365, or "none"')(raw);
  return [...new Set(days)].sort((a, b) => b - a);
};

interface Setting<T> {
  /** Environment variables read, first set one wins (the Bot Framework's own names first). */
  names: string[];
  default: (env: NodeJS.ProcessEnv) => T;
  parse: Parse<T>;
}

const setting = <T>(names: string | string[], defaultValue: T | ((env: NodeJS.ProcessEnv) => T), parse: Parse<T>): Setting<T> => ({
  names: typeof names === 'string' ? [names] : names,
  default: typeof defaultValue === 'function' ? (defaultValue as (env: NodeJS.ProcessEnv) => T) : () => defaultValue,
  parse,
});

/** The app id in appPackage/manifest.json, the one `npm run package` uses unless TEAMS_APP_ID says otherwise. */
function manifestId(): string {
  try {
    return String((JSON.parse(readFileSync(join(projectRoot(), 'appPackage/manifest.json'), 'utf8')) as { id?: string }).id ?? '');
  } catch {
    return '';
  }
}

/** Every setting the bot reads: its variables, default and parser. README's settings table lists the same. */
export const SETTINGS = {
  port: setting('PORT', 3978, integer(0, 65535)),
  host: setting('HOST', '0.0.0.0', text),
  microsoftAppId: setting(['MicrosoftAppId', 'MICROSOFT_APP_ID'], '', text),
  microsoftAppPassword: setting(['MicrosoftAppPassword', 'MICROSOFT_APP_PASSWORD'], '', (raw) => raw),
  microsoftAppTenantId: setting(['MicrosoftAppTenantId', 'MICROSOFT_APP_TENANT_ID'], '', text),
  microsoftAppType: setting(
    ['MicrosoftAppType', 'MICROSOFT_APP_TYPE'],
    'MultiTenant' as Config['microsoftAppType'],
    oneOf('MultiTenant', 'SingleTenant', 'UserAssignedMSI'),
  ),
  botOpenIdMetadata: setting('BotOpenIdMetadata', '', url('https:', 'http:')),
  logLevel: setting('LOG_LEVEL', 'info', oneOf('trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent')),
  planFile: setting('PLAN_FILE', () => activePlanFile(projectRoot()), text),
  glossaryFile: setting('GLOSSARY_FILE', () => join(projectRoot(), 'data/glossary/units.json'), text),
  maxBodyBytes: setting('MAX_BODY_BYTES', 256 * 1024, integer(16 * 1024, 8 * 1024 * 1024)),
  cosmosEndpoint: setting('COSMOS_ENDPOINT', '', url('https:', 'http:')),
  cosmosKey: setting('COSMOS_KEY', '', text),
  cosmosDatabase: setting('COSMOS_DATABASE', 'trygghetsbot', (raw) => {
    if (!/^[^/\\#?\s]{1,255}$/.test(raw.trim()))
      throw new Invalid('a Cosmos DB database name: 1–255 characters, none of / \\ # ? or space');
    return raw.trim();
  }),
  cosmosAllowSelfSigned: setting('COSMOS_ALLOW_SELF_SIGNED', false, boolean),
  storeDir: setting('STORE_DIR', () => join(projectRoot(), '.data/store'), text),
  bootstrapAdmins: setting('BOOTSTRAP_ADMINS', [] as Person[], listOf(person, 'Entra object ids or e-mail addresses')),
  reminderDaysBefore: setting('REMINDER_DAYS', [14, 3], reminderDays),
  // Teams allows 50 requests/s per app and tenant; more than that is for the local connector in tests.
  sendRatePerSecond: setting('SEND_RATE_PER_SECOND', 48, decimal(0.1, 1000)),
  sendingLeaseMs: setting('SENDING_LEASE_MS', 30_000, integer(1_000, 600_000)),
  instanceId: setting(['INSTANCE_ID', 'WEBSITE_INSTANCE_ID'], () => `${hostname()}-${process.pid}`, text),
  schedulerIntervalMs: setting('SCHEDULER_INTERVAL_MS', 60_000, (raw) => {
    if (raw.trim() === '0') return 0;
    try {
      return integer(100, 86_400_000)(raw);
    } catch {
      throw new Invalid('0 (off) or a whole number of milliseconds from 100 to 86400000');
    }
  }),
  publicUrl: setting('PUBLIC_URL', '', url('https:', 'http:')),
  reportLinkTtlMinutes: setting('REPORT_LINK_TTL_MINUTES', 10, integer(1, 60)),
  // In Teams the report goes to the admin's OneDrive (a file consent); the link serves where that cannot (local mode).
  reportDelivery: setting(
    'REPORT_DELIVERY',
    (env) => ((env.MicrosoftAppId ?? '').trim() ? 'file' : 'link') as 'file' | 'link',
    oneOf('file', 'link'),
  ),
  // A report becomes a public record: people's names only where the municipality decides so.
  reportPersonNames: setting('REPORT_PERSON_NAMES', false, boolean),
  // GDPR: no longer than needed. A person with no role here who has not written for half a year; a contact gone for three months.
  retainChatDays: setting('RETAIN_CHATS_DAYS', 180, integer(1, 3650)),
  retainLeftContactDays: setting('RETAIN_LEFT_CONTACTS_DAYS', 90, integer(1, 3650)),
  nodeEnv: setting('NODE_ENV', '', text),
  // Empty: the bot's own tenant when it has one (a Toolkit env file leaves ALLOWED_TENANTS blank).
  allowedTenants: setting(
    'ALLOWED_TENANTS',
    (env) => {
      const own = (env.MicrosoftAppTenantId ?? env.MICROSOFT_APP_TENANT_ID ?? '').trim();
      return GUID.test(own) ? [own.toLowerCase()] : [];
    },
    listOf(guid, 'Entra tenant ids (GUIDs)'),
  ),
  userMessagesPerMinute: setting('USER_MESSAGES_PER_MINUTE', 30, integer(0, 10_000_000)),
  userActionsPerMinute: setting('USER_ACTIONS_PER_MINUTE', 120, integer(0, 10_000_000)),
  turnAckMs: setting('TURN_ACK_MS', 3_000, integer(100, 14_000)),
  // With credentials, Graph's public cloud; in local mode none unless set (a stand-in on 127.0.0.1).
  graphEndpoint: setting(
    'GRAPH_ENDPOINT',
    (env) => (env.MicrosoftAppId?.trim() || env.MICROSOFT_APP_ID?.trim() ? 'https://graph.microsoft.com' : ''),
    url('https:', 'http:'),
  ),
  teamsAppId: setting('TEAMS_APP_ID', () => manifestId(), guid),
  teamsCatalogAppId: setting('TEAMS_CATALOG_APP_ID', '', (raw) => {
    if (!/^[0-9a-z-]{8,64}$/i.test(raw.trim()))
      throw new Invalid("the app's id in the org catalog (a GUID, as Graph or Teams admin center shows it)");
    return raw.trim();
  }),
} satisfies Record<string, Setting<unknown>>;

type Values = { [K in keyof typeof SETTINGS]: (typeof SETTINGS)[K] extends Setting<infer T> ? T : never };

/** Reads every setting; throws one ConfigError listing every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const values = {} as Record<string, unknown>;
  for (const [key, s] of Object.entries(SETTINGS) as Array<[string, Setting<unknown>]>) {
    const name = s.names.find((n) => env[n] !== undefined && env[n]!.trim() !== '');
    if (!name) {
      values[key] = s.default(env);
      continue;
    }
    try {
      values[key] = s.parse(env[name]!);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      problems.push(`${name}="${env[name]}" is not valid: expected ${error.message}.`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const v = values as Values;
  return {
    port: v.port,
    host: v.host,
    microsoftAppId: v.microsoftAppId,
    microsoftAppPassword: v.microsoftAppPassword,
    microsoftAppTenantId: v.microsoftAppTenantId,
    microsoftAppType: v.microsoftAppType,
    botOpenIdMetadata: v.botOpenIdMetadata,
    logLevel: v.logLevel,
    planFile: v.planFile,
    glossaryFile: v.glossaryFile,
    maxBodyBytes: v.maxBodyBytes,
    cosmos: { endpoint: v.cosmosEndpoint, key: v.cosmosKey, database: v.cosmosDatabase, allowSelfSigned: v.cosmosAllowSelfSigned },
    storeDir: v.storeDir,
    bootstrapAdmins: v.bootstrapAdmins,
    reminderDaysBefore: v.reminderDaysBefore,
    sendRatePerSecond: v.sendRatePerSecond,
    sendingLeaseMs: v.sendingLeaseMs,
    instanceId: v.instanceId,
    schedulerIntervalMs: v.schedulerIntervalMs,
    publicUrl: v.publicUrl,
    reportLinkTtlMs: v.reportLinkTtlMinutes * 60_000,
    reportDelivery: v.reportDelivery,
    reportPersonNames: v.reportPersonNames,
    retention: { chatDays: v.retainChatDays, leftContactDays: v.retainLeftContactDays },
    production: v.nodeEnv.toLowerCase() === 'production',
    allowedTenants: v.allowedTenants,
    userMessagesPerMinute: v.userMessagesPerMinute,
    userActionsPerMinute: v.userActionsPerMinute,
    turnAckMs: v.turnAckMs,
    graphEndpoint: v.graphEndpoint.replace(/\/+$/, ''),
    teamsAppId: v.teamsAppId,
    teamsCatalogAppId: v.teamsCatalogAppId,
  };
}
