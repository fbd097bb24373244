/**
 * Builds the state a server keeps between requests from the configuration: the session store
 * (memory, SQLite or Redis: config.sessionStoreKind), the bot de-duplication store, the rate
 * limiter's store, and the health sources /healthz and /metrics report. Without REDIS_URL all of
 * it is per process.
 */
import type { Store } from 'express-rate-limit';
import { type Config, sessionDbPath, sessionStoreKind } from '../config.js';
import type { DedupStore, HealthSource, SessionStore } from '../types.js';
import { MemoryDedupStore } from './dedup.js';
import { RedisDedupStore } from './dedup-redis.js';
import type { HealthLog } from './health.js';
import { importSessionFile } from './migrate.js';
import { redisRateLimitStore } from './ratelimit-redis.js';
import { RedisConnection } from './redis.js';
import { MemorySessionStore } from './sessions-memory.js';
import { RedisSessionStore } from './sessions-redis.js';
import { SqliteSessionStore } from './sessions-sqlite.js';

export interface SharedState {
  sessions: SessionStore;
  dedup: DedupStore;
  /** A new rate-limit store per limiter; undefined: express-rate-limit's in-memory default. */
  rateLimitStore?: () => Store;
  /** What /healthz reports under `dependencies`. */
  dependencies: HealthSource[];
  close(): Promise<void>;
}

export async function createState(config: Config, log: HealthLog, opts: { now?: () => number } = {}): Promise<SharedState> {
  const limits = { maxTurns: config.SESSION_MAX_TURNS, maxBytes: config.SESSION_MAX_BYTES };
  const ttlMs = config.SESSION_TTL_MINUTES * 60_000;
  const now = opts.now ? { now: opts.now } : {};
  const redis = config.REDIS_URL ? new RedisConnection({ url: config.REDIS_URL, prefix: config.REDIS_PREFIX, log }) : undefined;
  const kind = sessionStoreKind(config);
  let sessions: SessionStore;
  const dependencies: HealthSource[] = [];
  if (kind === 'redis' && redis) {
    sessions = new RedisSessionStore(redis, { ...limits, ttlMs, log, ...now });
  } else if (kind === 'sqlite') {
    const file = sessionDbPath(config);
    const sqlite = new SqliteSessionStore({ ...limits, file, ttlMs, maxSessions: config.MAX_SESSIONS, maxTotalBytes: config.SESSIONS_MAX_BYTES, log, ...now });
    dependencies.push({ name: 'sessions', health: () => sqlite.health() });
    if (config.SESSION_FILE && !config.SESSION_DB) {
      log.warn({ SESSION_FILE: config.SESSION_FILE, db: file }, 'SESSION_FILE is deprecated: sessions are kept in a SQLite database beside it (set SESSION_DB)');
      await importSessionFile(config.SESSION_FILE, sqlite, log, { ttlMs, ...now }).catch((e: Error) => log.warn({ err: e.message }, 'could not import SESSION_FILE'));
    }
    sessions = sqlite;
  } else {
    sessions = new MemorySessionStore({ ...limits, ttlMs, maxSessions: config.MAX_SESSIONS, maxTotalBytes: config.SESSIONS_MAX_BYTES, ...now });
  }
  if (redis) dependencies.push(redis);
  return {
    sessions,
    dedup: redis ? new RedisDedupStore(redis) : new MemoryDedupStore(),
    ...(redis ? { rateLimitStore: () => redisRateLimitStore(redis) } : {}),
    dependencies,
    close: async () => {
      await sessions.close?.();
      await redis?.close();
    },
  };
}
