/** The structured JSON logger (pino). One per process, level from LOG_LEVEL. */
import { pino, type Logger } from 'pino';

export function createLogger(level: string, destination: NodeJS.WritableStream = process.stdout): Logger {
  return pino({ level, base: { service: 'kic-report-assistant' }, timestamp: pino.stdTimeFunctions.isoTime }, destination as pino.DestinationStream);
}
