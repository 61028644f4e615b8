/**
 * What each setting is for, as the operator reads it: its default as written and its meaning with
 * the allowed values. docs/reference/settings.md is generated from this and config.ts's SETTINGS
 * (npm run docs:reference); a test fails when a setting the code reads is missing here, or the
 * reverse, or the generated page is out of date.
 */
export const SETTING_DOCS: Record<string, { default: string; meaning: string }> = {
  PORT: { default: '`3978`', meaning: 'HTTP port (0–65535)' },
  HOST: { default: '`0.0.0.0`', meaning: 'interface to listen on' },
  MicrosoftAppId: {
    default: 'empty',
    meaning:
      'Bot Framework credentials (blank counts as empty). With an app id every request needs a valid Bot Framework token; any other gets 401 `{"error":"Unauthorized"}`, the reason only in the log.',
  },
  MicrosoftAppPassword: {
    default: 'empty',
    meaning: "the Bot Framework app registration's client secret, with `MicrosoftAppId` (`SingleTenant`); empty with a managed identity",
  },
  MicrosoftAppType: {
    default: '`MultiTenant`',
    meaning:
      "`UserAssignedMSI` (the template's: a managed identity) or `SingleTenant` (an app registration with a secret); a bot is single-tenant, in the tenant of your Teams (Azure creates no new multi-tenant bots since 31 July 2025; `MultiTenant` is only for one registered before)",
  },
  MicrosoftAppTenantId: { default: 'empty', meaning: "the bot's (and your Teams') tenant, for `SingleTenant` / `UserAssignedMSI`" },
  BotOpenIdMetadata: {
    default: 'empty',
    meaning:
      "where the Bot Connector's signing keys are published (Bot Framework's own setting name); empty: the public cloud's. The tests point it at a local key server.",
  },
  LOG_LEVEL: { default: '`info`', meaning: 'pino level: `trace`, `debug`, `info`, `warn`, `error`, `fatal`, `silent`' },
  PLAN_FILE: { default: '`data/plan/plan-2023.json`', meaning: 'the imported plan' },
  GLOSSARY_FILE: { default: '`data/glossary/units.json`', meaning: 'the unit glossary' },
  MAX_BODY_BYTES: { default: '`262144`', meaning: 'largest accepted request body, any content type (413 above it); 16 KiB–8 MiB' },
  COSMOS_ENDPOINT: { default: 'empty', meaning: 'Cosmos DB account URL; empty: the embedded store' },
  COSMOS_KEY: { default: 'empty', meaning: 'account key; empty: Entra ID (`DefaultAzureCredential`)' },
  COSMOS_DATABASE: { default: '`trygghetsbot`', meaning: 'database name' },
  COSMOS_ALLOW_SELF_SIGNED: { default: '`false`', meaning: "`true` accepts the emulator's certificate (refused in production)" },
  STORE_DIR: { default: '`.data/store`', meaning: "the embedded store's folder" },
  BOOTSTRAP_ADMINS: { default: 'empty', meaning: 'admins by Entra object id or e-mail, comma-separated' },
  REMINDER_DAYS: { default: '`14,3`', meaning: 'days before the deadline to remind (0–365, comma-separated), or `none`' },
  SENDING_LEASE_MS: {
    default: '`30000`',
    meaning:
      "how long one instance's turn at proactive sending lasts unless it renews it (1000–600000): how long a crashed sender keeps the other instances waiting",
  },
  SEND_RATE_PER_SECOND: {
    default: '`48`',
    meaning:
      'pacing of proactive sends (0.1–1000; Teams allows 50 per app and tenant in any second; 48 leaves room for the jitter between pacing and arrival, and for replies to people meanwhile)',
  },
  SCHEDULER_INTERVAL_MS: { default: '`60000`', meaning: 'how often the scheduler runs (100–86400000); `0` turns it off' },
  INSTANCE_ID: {
    default: 'host name and pid',
    meaning: "names this instance in leases and delivery claims (App Service's `WEBSITE_INSTANCE_ID` if set)",
  },
  PUBLIC_URL: { default: '`http://localhost:PORT`', meaning: "the bot's address as users reach it (report links)" },
  REPORT_LINK_TTL_MINUTES: { default: '`10`', meaning: 'how long a report link works, once (1–60)' },
  REPORT_PERSON_NAMES: {
    default: '`false`',
    meaning:
      "whether the report files (Word, Excel, Markdown) name the people who answered and the units' contacts; e-mail addresses and Entra ids never appear in them, since a filed report is a public record",
  },
  RETAIN_CHATS_DAYS: {
    default: '`180`',
    meaning:
      "days a chat record (how the bot reaches someone) is kept after the person's last activity, when they are neither a contact nor an admin (1–3650)",
  },
  RETAIN_LEFT_CONTACTS_DAYS: {
    default: '`90`',
    meaning: 'days a contact is kept after the directory first said they are not in it or disabled (1–3650)',
  },
  REPORT_DELIVERY: {
    default: '`file` with credentials, else `link`',
    meaning:
      'how an exported report reaches the admin: `file` (a file consent card, the report saved in their OneDrive) or `link` (a one-time link to `/reports`)',
  },
  NODE_ENV: { default: 'empty', meaning: '`production` (any case) refuses to start without credentials and `ALLOWED_TENANTS`' },
  ALLOWED_TENANTS: {
    default: "the bot's own tenant (`MicrosoftAppTenantId`)",
    meaning:
      'Entra tenant ids (GUIDs) whose activities are accepted (others get 403, logged); empty with no `MicrosoftAppTenantId` (local mode) accepts any',
  },
  USER_MESSAGES_PER_MINUTE: { default: '`30`', meaning: 'messages per person in any 60 s (sliding window) before 429; `0`: no limit' },
  USER_ACTIONS_PER_MINUTE: {
    default: '`120`',
    meaning: 'card actions per person in any 60 s before the card says "wait N seconds" (nothing saved, nothing typed lost); `0`: no limit',
  },
  TURN_ACK_MS: {
    default: '`3000`',
    meaning:
      "how long a message's HTTP request waits for its turn (100–14000); a slower turn (a Bot Connector that does not answer) goes on in the background and Teams gets 202",
  },
  GRAPH_ENDPOINT: {
    default: '`https://graph.microsoft.com` with credentials, empty in local mode',
    meaning:
      "Microsoft Graph's host root (national clouds; a stand-in on 127.0.0.1 in tests and local mode, called without a token), used to find contacts given by e-mail and install the app for them; empty: no Graph",
  },
  TEAMS_APP_ID: {
    default: 'the id in `appPackage/manifest.json`',
    meaning:
      "the Teams app's manifest id (a GUID): `npm run package` writes it into the package, and the bot finds the app by it in the org catalog",
  },
  TEAMS_CATALOG_APP_ID: {
    default: 'empty',
    meaning:
      "the app's id in the org catalog (not the manifest id: Teams admin center → Manage apps → the app → App ID, or `GET /appCatalogs/teamsApps`). Set it where the organization will not grant `AppCatalog.Read.All`: the bot then never reads the catalog",
  },
};
