/**
 * Structured JSON logs (pino) on stdout, one line per event. Every line written while handling a
 * request carries that request's correlation id (the activity's id), without passing it around:
 * it travels in AsyncLocalStorage, also into work the request starts (a round's fan-out).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

export type Logger = pino.Logger;

const correlation = new AsyncLocalStorage<{ correlationId: string }>();

export function withCorrelation<T>(correlationId: string, work: () => Promise<T>): Promise<T> {
  return correlation.run({ correlationId }, work);
}

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'trygghetsbot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => correlation.getStore() ?? {},
    },
    destination,
  );
}
