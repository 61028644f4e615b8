/** Wires the parts together: config → plan → core → Teams adapter → HTTP server. */
import type { Config } from './config';
import { assertProductionReady } from './production-ready';
import { createLogger, type Logger } from './log';
import { glossaryFor, loadPlan, planVersions } from './plan-files';
import { LiveAnswerer } from './usecases/live-answerer';
import { glossaryEntries, unnamedCodes } from './usecases/glossary';
import { municipalityWords } from './usecases/municipality-words';
import { createTeamsBot } from './bot/teams-bot';
import { directoryFromConfig } from './graph/directory-from-config';
import { createHttpServer, type HttpServer } from './server/http-server';
import { openStore } from './store/open-store';
import type { DocumentStore } from './store/document-store';
import { recordsOn } from './persistence/records-on-store';
import { FollowUp } from './usecases/follow-up';
import type { TeamsBot } from './bot/teams-bot';
import { RoundScheduler } from './scheduler/round-scheduler';
import { reportFileForLink, reportLinkOpens } from './usecases/report';
import { runDoctor } from './doctor/doctor';
import { projectRoot } from './project-root';
import type { Diagnostics } from './usecases/diagnose';

/** The doctor's checks as the running bot makes them: its own settings and its open store (left open). */
function diagnosticsFor(config: Config, store: DocumentStore, service: FollowUp): Diagnostics {
  return {
    run: (person) =>
      runDoctor({
        config,
        openStore: () => Promise.resolve(store),
        keepStoreOpen: true,
        root: projectRoot(),
        person,
        unnamedCodes: () => unnamedCodes(service),
      }),
  };
}

/** At start: the codes nobody has named, for the operator; admins are asked in Teams (help card, `ordlista`). */
async function logUnnamedCodes(service: FollowUp, logger: Logger): Promise<void> {
  try {
    const codes = await unnamedCodes(service);
    if (codes.length > 0)
      logger.warn(
        { event: 'unit-names-missing', codes },
        `${codes.length} codes of the plan have no full name (${codes.join(', ')}): an admin fills them in by writing "ordlista" to the bot in Teams`,
      );
  } catch (error) {
    logger.warn({ event: 'unit-names-unread', err: error }, 'the names given in chat could not be read at start');
  }
}

export interface RunningBot {
  bot: TeamsBot;
  scheduler: RoundScheduler;
  store: DocumentStore;
  service: FollowUp;
  url: string;
  port: number;
  http: HttpServer;
  logger: Logger;
  stop(): Promise<void>;
}

export async function startBot(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningBot> {
  assertProductionReady(config);
  const plan = loadPlan(config.planFile);
  const glossary = glossaryFor(plan, config.glossaryFile);
  const store = await openStore(config, (notice) => logger.warn(notice, notice.message));
  logger.info(
    { event: 'store-open', kind: store.kind, ...(store.kind === 'file' ? { dir: config.storeDir } : { database: config.cosmos.database }) },
    'store open',
  );
  const service = new FollowUp(recordsOn(store), plan, glossary, config.bootstrapAdmins, planVersions(config.planFile));
  // The plan's answers with the expansions and words the municipality gave in chat (ordlista, synonym).
  const answerer = new LiveAnswerer(
    plan,
    glossary,
    () => glossaryEntries(service),
    () => municipalityWords(service),
    logger,
  );
  await answerer.refresh();
  await logUnnamedCodes(service, logger);
  const bot = createTeamsBot(
    config,
    answerer,
    logger,
    service,
    directoryFromConfig(config, logger),
    diagnosticsFor(config, store, service),
  );
  if (bot.localMode) {
    logger.warn(
      { event: 'local-mode' },
      'No MicrosoftAppId set: LOCAL MODE. Requests to /api/messages are NOT authenticated. Use this only on your own machine (Bot Framework Emulator, Agents Playground, npm run chat); set MicrosoftAppId and MicrosoftAppPassword for Teams.',
    );
  }
  const followUp = bot.followUp!;
  const scheduler = new RoundScheduler(followUp.work, logger, config.schedulerIntervalMs || 60_000);
  if (config.schedulerIntervalMs > 0) scheduler.start();
  const http = createHttpServer(
    bot,
    logger,
    {
      maxBodyBytes: config.maxBodyBytes,
      allowedTenants: config.allowedTenants,
      userMessagesPerMinute: config.userMessagesPerMinute,
      userActionsPerMinute: config.userActionsPerMinute,
      turnAckMs: config.turnAckMs,
      ready: () => store.ping(),
      // With credentials (Teams), Teams alone; local mode serves the Emulator, the Playground and the terminal chat.
      teamsOnly: !bot.localMode,
    },
    {
      opens: (token) => reportLinkOpens(service, token),
      take: (token) => reportFileForLink(service, token, { personNames: config.reportPersonNames }),
    },
  );
  const { port, url } = await http.listen(config.port, config.host);
  logger.info(
    {
      event: 'listening',
      url: `${url}/api/messages`,
      plan: plan.source.diarienummer,
      actions: plan.actions.length,
      localMode: bot.localMode,
    },
    'bot listening',
  );
  return {
    bot,
    scheduler,
    store,
    service,
    url,
    port,
    http,
    logger,
    async stop() {
      await http.close();
      await scheduler.stop();
      // Sends in flight finish first; their state is in the store if the process is killed instead.
      await bot.followUp?.idle();
      await store.close();
      logger.info({ event: 'stopped' }, 'bot stopped');
    },
  };
}
