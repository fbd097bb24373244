/** What the command-line tools share: a context on the real index, quietly. */
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { createContext } from '../server/compose.js';
import type { AppContext } from '../server/context.js';
import { buildProgressBar } from './progress.js';

/** Environment overrides that keep a command's state in memory (empty = unset). */
export const PER_PROCESS_STATE = { SESSION_STORE: '', SESSION_DB: '', SESSION_FILE: '', REDIS_URL: '' } as const;

export async function cliContext(): Promise<AppContext> {
  // One-off commands keep their conversation in memory: never in the server's SQLite file or
  // Redis (whose open connection would also keep the command from exiting).
  const config = loadConfig({ ...process.env, ...PER_PROCESS_STATE });
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, process.stderr);
  const bar = buildProgressBar();
  const ctx = await createContext(config, { logger, onProgress: (p) => bar.update(p), onBuilt: () => bar.stop() });
  return ctx;
}
