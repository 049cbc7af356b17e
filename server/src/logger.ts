import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout; one line per event, no pretty printing in the process itself. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'family-education-server' } });
}
