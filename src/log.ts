/** Structured JSON logs (pino) on stdout, one line per event. */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'trygghetsbot' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
