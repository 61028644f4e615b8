/** Wires the parts together: config → plan → core → Teams adapter → HTTP server. */
import type { Config } from './config';
import { createLogger, type Logger } from './log';
import { loadGlossary, loadPlan } from './plan-files';
import { PlanAnswerer } from './core/qa/answerer';
import { createTeamsBot } from './bot/teams-bot';
import { createHttpServer, type HttpServer } from './server/http-server';

export interface RunningBot {
  url: string;
  port: number;
  http: HttpServer;
  logger: Logger;
  stop(): Promise<void>;
}

export async function startBot(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningBot> {
  const plan = loadPlan(config.planFile);
  const answerer = new PlanAnswerer(plan, loadGlossary(config.glossaryFile));
  const bot = createTeamsBot(config, answerer, logger);
  if (bot.localMode) {
    logger.warn(
      { event: 'local-mode' },
      'No MicrosoftAppId set: LOCAL MODE. Requests to /api/messages are NOT authenticated. Use this only on your own machine (Bot Framework Emulator, Agents Playground, npm run chat); set MicrosoftAppId and MicrosoftAppPassword for Teams.',
    );
  }
  const http = createHttpServer(bot, logger, config.maxBodyBytes);
  const { port, url } = await http.listen(config.port, config.host);
  logger.info({ event: 'listening', url: `${url}/api/messages`, plan: plan.source.diarienummer, actions: plan.actions.length, localMode: bot.localMode }, 'bot listening');
  return {
    url,
    port,
    http,
    logger,
    async stop() {
      await http.close();
      logger.info({ event: 'stopped' }, 'bot stopped');
    },
  };
}
