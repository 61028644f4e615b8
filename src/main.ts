/** Entry point: npm start. Runs the bot until SIGTERM/SIGINT, then finishes requests in flight. */
import { ConfigError, loadConfig } from './config';
import { StoreDamagedError } from './store/file-store';
import { StoreLockedError } from './store/store-lock';
import { createLogger } from './log';
import { startBot } from './bot-runtime';
import { PlanFileError } from './plan-files';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => logger.error({ event: 'unhandled-rejection', err: reason }, 'unhandled rejection'));
  const bot = await startBot(config, logger);
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'shutdown', signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ event: 'shutdown-failed', err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // A bad setting, a damaged journal, a folder in use: the operator's to fix. The message says
  // what and how; a stack trace would only hide it.
  const forOperator =
    error instanceof ConfigError ||
    error instanceof StoreDamagedError ||
    error instanceof StoreLockedError ||
    error instanceof PlanFileError;
  console.error(forOperator ? error.message : error);
  process.exit(1);
});
